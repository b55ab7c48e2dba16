"""The HTML explorer at scale: 2,000 actors and 10,000 edges, drawn and settled in headless Chromium.

    .venv/bin/python bench/html_scale.py [--actors 2000] [--edges 10000]

Generates a synthetic graph in the contract vocabulary (actors of the four types, articles, events
with CAMEO types between distinct actor pairs, some statements naming actors), writes the page with
``kg.export.html.write_html`` and opens it in headless Chromium (selenium, the browser tests' flags,
network off). Prints the seconds to write the page, the file size, and load-to-stable seconds: from
navigation until the page sets ``data-kg-stable`` (layout stabilised, physics stopped).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from kg.export.html import write_html

GKG = "https://w3id.org/geokg/ontology#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
NOTATION = NamedNode("http://www.w3.org/2004/02/skos/core#notation")
PREF_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
TITLE = NamedNode("http://purl.org/dc/terms/title")
ID = "https://w3id.org/geokg/id/"
TYPES = ("Person", "Organization", "Country", "Group")


def gkg(term: str) -> NamedNode:
    return NamedNode(GKG + term)


def synthetic(actors: int, edges: int, articles: int = 50, seed: int = 7) -> Store:
    """``edges`` events between distinct actor pairs (one edge each), plus a statement per 10 events."""
    rng = random.Random(seed)
    graph = DefaultGraph()
    quads = []
    actor = [NamedNode(f"{ID}actor/a{i}") for i in range(actors)]
    for i, node in enumerate(actor):
        quads += [Quad(node, RDF_TYPE, gkg(TYPES[i % 4]), graph), Quad(node, LABEL, Literal(f"Actor {i}"), graph)]
    article = [NamedNode(f"{ID}article/t{i}") for i in range(articles)]
    for i, node in enumerate(article):
        quads += [Quad(node, RDF_TYPE, gkg("Article"), graph), Quad(node, TITLE, Literal(f"Article {i}"), graph)]
    for root in range(1, 21):
        concept = NamedNode(f"https://w3id.org/geokg/cameo/{root:02d}")
        quads += [Quad(concept, NOTATION, Literal(f"{root:02d}"), graph),
                  Quad(concept, PREF_LABEL, Literal(f"root {root:02d}", language="en"), graph)]
    pairs: set[tuple[int, int]] = set()
    # a few hubs and a long tail, like news: the first actors take part more often
    while len(pairs) < edges:
        a, b = int(actors * rng.random() ** 2), rng.randrange(actors)
        if a != b:
            pairs.add((a, b))
    for number, (a, b) in enumerate(sorted(pairs)):
        event = NamedNode(f"{ID}event/e{number}")
        root = 1 + number % 20
        quads += [Quad(event, RDF_TYPE, gkg("Event"), graph), Quad(event, gkg("agent"), actor[a], graph),
                  Quad(event, gkg("target"), actor[b], graph),
                  Quad(event, gkg("eventType"), NamedNode(f"https://w3id.org/geokg/cameo/{root:02d}"), graph),
                  Quad(event, gkg("source"), article[number % articles], graph),
                  Quad(event, gkg("evidence"), Literal(f"Actor {a} acted toward Actor {b}."), graph)]
        if number % 10 == 0:
            said = NamedNode(f"{ID}statement/s{number}")
            quads += [Quad(said, RDF_TYPE, gkg("Statement"), graph), Quad(said, gkg("speaker"), actor[a], graph),
                      Quad(said, gkg("quote"), Literal(f"Actor {b} is a partner"), graph),
                      Quad(said, gkg("direct"), Literal(True), graph), Quad(said, gkg("mentions"), actor[b], graph),
                      Quad(said, gkg("source"), article[number % articles], graph)]
    store = Store()
    store.extend(quads)
    return store


def load_to_stable(path: Path, timeout: float) -> float:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as profile:
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run",
                         "--window-size=1400,1000", f"--user-data-dir={profile}"):
            options.add_argument(argument)
        driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
        try:
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
                "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
            driver.set_page_load_timeout(timeout)
            start = time.perf_counter()
            driver.get(path.as_uri())
            WebDriverWait(driver, timeout, poll_frequency=0.05).until(
                lambda d: d.execute_script("return document.body.getAttribute('data-kg-stable') === '1'"))
            elapsed = time.perf_counter() - start
            drawn = driver.execute_script(
                "return [network.body.data.nodes.length, network.body.data.edges.length]")
            print(f"drawn: {drawn[0]} nodes, {drawn[1]} edges")
            return elapsed
        finally:
            driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    store = synthetic(args.actors, args.edges)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        start = time.perf_counter()
        write_html(store, path, title="scale test")
        print(f"page written in {time.perf_counter() - start:.2f} s, {path.stat().st_size / 1e6:.2f} MB")
        print(f"load to stable: {load_to_stable(path, args.timeout):.2f} s")


if __name__ == "__main__":
    main()
