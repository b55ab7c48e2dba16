"""An installed (non-editable) geokg finds its ontology and data files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_the_ontology_and_data_and_finds_them_installed(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("geokg-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("kg/ontology/geokg.ttl", "kg/ontology/shapes.ttl", "kg/data/gazetteer/countries.jsonl",
                 "kg/data/lexicons/roles.txt"):
        assert name in names
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheel)], check=True, capture_output=True)
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); import kg.resources, kg.gazetteer;"
             "print(kg.resources.ontology_path('geokg.ttl')); print(len(kg.gazetteer.load_gazetteer()))")
    out = subprocess.run([sys.executable, "-c", probe, str(site)], cwd=tmp_path, check=True,
                         capture_output=True, text=True).stdout.split()
    assert Path(out[0]).is_relative_to(site)
    assert int(out[1]) > 1000
