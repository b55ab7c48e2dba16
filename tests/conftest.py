"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture
def chrome_driver(tmp_path: Path) -> Iterator[Any]:
    """A headless Chromium with its own profile, its browser log kept, and the network switched off.

    Skips when selenium, Chromium or chromedriver is missing.
    """
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip(f"browser tests need {CHROMIUM} and {CHROMEDRIVER}")
    webdriver = pytest.importorskip("selenium.webdriver", reason="browser tests need selenium")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run",
                     "--window-size=1400,1000", f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        # Offline before any page loads: a page that tried to fetch something would fail visibly.
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
        yield driver
    finally:
        driver.quit()
