"""The offline HTML graph: what it draws, that it is self-contained and reproducible, that data stays text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store

from kg.export.html import to_html, write_html

ARTIFACTS = Path(__file__).parent / "artifacts"

PREFIXES = """
@prefix gkg: <https://w3id.org/geokg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix cameo: <https://w3id.org/geokg/cameo/> .
@prefix actor: <https://w3id.org/geokg/id/actor/> .
@prefix article: <https://w3id.org/geokg/id/article/> .
@prefix statement: <https://w3id.org/geokg/id/statement/> .
@prefix event: <https://w3id.org/geokg/id/event/> .
"""

# Two speakers quoting each other, an organisation, a country, a group; one event, one affiliation.
SAMPLE = PREFIXES + """
actor:alba a gkg:Person ; rdfs:label "Alba Morin" ; skos:altLabel "Morin", "the Minister" ;
    owl:sameAs <http://www.wikidata.org/entity/Q4115189> ; gkg:affiliatedWith actor:norland .
actor:bram a gkg:Person ; rdfs:label "Bram Osei" .
actor:norland a gkg:Country ; rdfs:label "Norland" .
actor:league a gkg:Organization ; rdfs:label "Harbour League" .
actor:west a gkg:Group ; rdfs:label "Western powers" .
article:a1 a gkg:Article ; dcterms:title "Ministers trade words" ; dcterms:source "a1.txt" .
article:a2 a gkg:Article ; dcterms:source "a2.txt" .
statement:s1 a gkg:Statement ; gkg:speaker actor:alba ; gkg:quote "Bram Osei is wrong about the harbour." ;
    gkg:direct true ; gkg:cue "say" ; gkg:mentions actor:bram ; gkg:source article:a1 .
statement:s2 a gkg:Statement ; gkg:speaker actor:alba ; gkg:quote "Osei should resign" ;
    gkg:direct true ; gkg:cue "say" ; gkg:mentions actor:bram ; gkg:source article:a2 .
statement:s3 a gkg:Statement ; gkg:speaker actor:bram ; gkg:quote "Morin had misread the treaty" ;
    gkg:direct false ; gkg:cue "claim" ; gkg:mentions actor:alba, actor:league ; gkg:target actor:west ;
    gkg:source article:a1 .
event:e1 a gkg:Event ; gkg:agent actor:norland ; gkg:target actor:league ;
    gkg:eventType cameo:190 ; gkg:source article:a1 .
cameo:190 a skos:Concept ; skos:notation "190" ; skos:prefLabel "Use conventional military force"@en .
"""

HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_SCRIPT = "</script><script>window.__pwned=1</script>"
# a comment, a CDATA end and JavaScript's line terminators, in a name, a title and a quote
HOSTILE_MARKUP = "<!-- ]]> \u2028\u2029 --></script x"


def hostile_turtle() -> str:
    def lit(text: str) -> str:
        return json.dumps(text)  # a JSON string is a valid Turtle string literal

    quote = lit(HOSTILE_IMG + " and " + HOSTILE_SCRIPT + " \u2028 href")
    return PREFIXES + f"""
actor:evil a gkg:Person ; rdfs:label {lit(HOSTILE_IMG)} ; skos:altLabel {lit(HOSTILE_SCRIPT)}, {lit(HOSTILE_MARKUP)} .
actor:norland a gkg:Country ; rdfs:label {lit("Norland <!-- " + HOSTILE_SCRIPT)} .
article:a1 a gkg:Article ; dcterms:title {lit(HOSTILE_SCRIPT)} .
article:a2 a gkg:Article ; dcterms:title {lit(HOSTILE_MARKUP)} .
statement:s1 a gkg:Statement ; gkg:speaker actor:evil ; gkg:direct true ; gkg:source article:a1 ;
    gkg:quote {quote} ; gkg:mentions actor:norland .
statement:s2 a gkg:Statement ; gkg:speaker actor:evil ; gkg:direct false ; gkg:source article:a2 ;
    gkg:quote {lit(HOSTILE_MARKUP)} .
"""


def store_of(turtle: str) -> Store:
    store = Store()
    store.load(turtle, format=RdfFormat.TURTLE)
    return store


def embedded(page: str, marker: str) -> Any:
    """The JSON value after ``marker`` in the page (pyvis writes ``nodes = new vis.DataSet([...])``)."""
    value, _ = json.JSONDecoder().raw_decode(page, page.index(marker) + len(marker))
    return value


def nodes_by_label(page: str) -> dict[str, dict[str, Any]]:
    return {node["label"]: node for node in embedded(page, "nodes = new vis.DataSet(")}


def edges_by_pair(page: str) -> dict[tuple[str, str], list[dict[str, Any]]]:
    label = {node["id"]: node["label"] for node in embedded(page, "nodes = new vis.DataSet(")}
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for edge in embedded(page, "edges = new vis.DataSet("):
        pairs.setdefault((label[edge["from"]], label[edge["to"]]), []).append(edge)
    return pairs


def test_nodes_are_the_actors_styled_by_type_and_sized_by_involvement() -> None:
    nodes = nodes_by_label(to_html(store_of(SAMPLE)))
    assert set(nodes) == {"Alba Morin", "Bram Osei", "Norland", "Harbour League", "Western powers"}
    shapes = {label: node["shape"] for label, node in nodes.items()}
    assert shapes == {"Alba Morin": "dot", "Bram Osei": "dot", "Norland": "diamond",
                      "Harbour League": "square", "Western powers": "triangle"}
    assert nodes["Alba Morin"]["color"] == nodes["Bram Osei"]["color"] != nodes["Norland"]["color"]
    # Alba and Bram each take part in 3 statements, the League in 2 (named, attacked), Western powers in 1
    size = {label: node["size"] for label, node in nodes.items()}
    assert size["Alba Morin"] == size["Bram Osei"] > size["Harbour League"] > size["Western powers"]


def test_node_tooltip_gives_names_and_quotes_with_their_articles() -> None:
    tips = {label: node["tip"] for label, node in nodes_by_label(to_html(store_of(SAMPLE))).items()}
    alba = tips["Alba Morin"]
    assert "Morin; the Minister" in alba and "Wikidata Q4115189" in alba
    assert "Affiliated with: Norland" in alba
    assert "\u201cBram Osei is wrong about the harbour.\u201d \u2014 Ministers trade words" in alba
    assert "\u201cOsei should resign\u201d \u2014 a2.txt" in alba  # no title: the file name
    assert "(reported) Morin had misread the treaty \u2014 Ministers trade words" in tips["Bram Osei"]


def test_edges_said_about_events_and_affiliations() -> None:
    pairs = edges_by_pair(to_html(store_of(SAMPLE)))
    [alba_on_bram] = pairs[("Alba Morin", "Bram Osei")]
    assert alba_on_bram["width"] > pairs[("Bram Osei", "Alba Morin")][0]["width"]  # two quotes, one edge
    assert "said about Bram Osei (2)" in alba_on_bram["tip"] and "Osei should resign" in alba_on_bram["tip"]
    assert ("Bram Osei", "Harbour League") in pairs
    [attack] = pairs[("Norland", "Harbour League")]
    assert "material conflict" in attack["tip"] and "190 Use conventional military force" in attack["tip"]
    [criticism] = pairs[("Bram Osei", "Western powers")]  # a statement with a target is an interaction
    assert "Morin had misread the treaty" in criticism["tip"]
    assert attack["color"] != criticism["color"]
    [affiliation] = pairs[("Alba Morin", "Norland")]
    assert affiliation["dashes"] is True
    assert len(pairs) == 6


@pytest.mark.parametrize(("code", "expected"), [
    ("042", "verbal cooperation"), ("07", "material cooperation"), ("111", "verbal conflict"),
    ("20", "material conflict"), ("X1", "no CAMEO type"),
])
def test_interactions_are_coloured_by_quad_class(code: str, expected: str) -> None:
    turtle = PREFIXES + f"""
actor:a a gkg:Country ; rdfs:label "A" .
actor:b a gkg:Country ; rdfs:label "B" .
event:e a gkg:Event ; gkg:agent actor:a ; gkg:target actor:b ; gkg:eventType cameo:t .
cameo:t skos:notation "{code}" .
"""
    [edge] = edges_by_pair(to_html(store_of(turtle)))[("A", "B")]
    assert expected in edge["tip"]


def test_page_is_self_contained_and_free_of_instance_iris() -> None:
    page = to_html(store_of(SAMPLE))
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.IGNORECASE)
    assert "bootstrap" not in page
    assert "new vis.Network(" in page and ".vis-network" in page  # vis-network's JS and CSS inlined
    assert "w3id.org/geokg/id/" not in page


def test_same_graph_gives_the_same_bytes_whatever_the_order_and_graphs() -> None:
    store = store_of(SAMPLE)
    page = to_html(store)
    assert to_html(store) == page
    # the same triples inserted in reverse, half of them in a named graph
    shuffled = Store()
    quads = list(store)[::-1]
    graph = NamedNode("https://w3id.org/geokg/id/graph/a1")
    shuffled.extend(Quad(q.subject, q.predicate, q.object, graph if i % 2 else DefaultGraph())
                    for i, q in enumerate(quads))
    assert to_html(shuffled) == page
    options = embedded(page, "var options = ")
    assert options["layout"]["randomSeed"] == 7
    assert options["physics"]["stabilization"]["enabled"] is True
    assert 'network.once("stabilizationIterationsDone"' in page


def test_hostile_strings_stay_data() -> None:
    page = to_html(store_of(hostile_turtle()), title=HOSTILE_SCRIPT)
    benign = to_html(store_of(SAMPLE))
    assert page.count("<script") == benign.count("<script")
    assert page.count("</script") == benign.count("</script")
    assert page.count("<!--") == benign.count("<!--") == 0
    assert "<img" not in page and "]]>" not in page and "-->" not in page
    assert "\u2028" not in page and "\u2029" not in page
    assert "<title>&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;</title>" in page
    # the text itself survives, to be shown as these characters
    nodes = nodes_by_label(page)
    evil = nodes[HOSTILE_IMG]["tip"]
    assert HOSTILE_SCRIPT in evil and f"\u201c{HOSTILE_IMG} and {HOSTILE_SCRIPT}" in evil
    assert all("title" not in node for node in nodes.values())  # tooltips only as text in "tip"
    data = page_data(page)
    assert data["actors"][nodes[HOSTILE_IMG]["id"]]["names"] == [HOSTILE_IMG, HOSTILE_MARKUP, HOSTILE_SCRIPT]
    assert sorted(title for title, _ in data["articles"]) == sorted([HOSTILE_MARKUP, HOSTILE_SCRIPT])
    assert HOSTILE_MARKUP in [s["q"] for s in data["statements"]]


def test_long_quotes_are_cut_in_tooltips() -> None:
    turtle = PREFIXES + f"""
actor:a a gkg:Person ; rdfs:label "A" .
statement:s a gkg:Statement ; gkg:speaker actor:a ; gkg:direct true ; gkg:quote "{"word " * 400}" .
"""
    tip = nodes_by_label(to_html(store_of(turtle)))["A"]["tip"]
    quote_line = next(line for line in tip.splitlines() if line.startswith("\u201c"))
    assert quote_line.startswith("\u201cword word") and "\u2026\u201d" in quote_line
    assert len(quote_line) < 340


def test_write_html_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.html"
    store = store_of(SAMPLE)
    write_html(store, target, title="Two ministers")
    write_html(store, target, title="Two ministers")
    assert target.read_text(encoding="utf-8") == to_html(store, title="Two ministers")
    assert [p.name for p in target.parent.iterdir()] == ["graph.html"]


# --- in a real browser ----------------------------------------------------------------------------


def open_drawn(driver: Any, path: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.as_uri())
    WebDriverWait(driver, 60).until(
        lambda d: d.execute_script("return document.body.getAttribute('data-kg-stable') === '1'"))


def severe_messages(driver: Any) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def save_screenshot(driver: Any, request: pytest.FixtureRequest) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{request.node.name}.png"))


def hover_node(driver: Any, node_id: str) -> str:
    """Move the mouse onto a node and return the text of the tooltip vis shows."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    x, y = driver.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]); return [p.x, p.y];",
        node_id)
    canvas = driver.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    offset_x = round(x - canvas.size["width"] / 2)
    offset_y = round(y - canvas.size["height"] / 2)
    ActionChains(driver).move_to_element_with_offset(canvas, offset_x, offset_y).perform()
    text: str = WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "var tip = document.querySelector('div.vis-tooltip');"
        "return tip && tip.style.visibility === 'visible' ? tip.textContent : null;"))
    return text


@pytest.mark.browser
def test_page_draws_offline_and_settles(
        chrome_driver: Any, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    path = tmp_path / "graph.html"
    write_html(store_of(SAMPLE), path, title="Two ministers, one league")
    open_drawn(chrome_driver, path)
    assert chrome_driver.execute_script("return network.body.data.nodes.length") == 5
    assert chrome_driver.execute_script("return network.body.data.edges.length") == 6
    assert chrome_driver.execute_script("return network.physics.options.enabled") is False
    assert chrome_driver.execute_script("return document.querySelector('.kg-legend').innerText").startswith(
        "Actors")
    positions = chrome_driver.execute_script("return network.getPositions()")
    save_screenshot(chrome_driver, request)
    assert severe_messages(chrome_driver) == []
    open_drawn(chrome_driver, path)
    assert chrome_driver.execute_script("return network.getPositions()") == positions  # same drawing


@pytest.mark.browser
def test_hostile_strings_show_as_text_and_run_nothing(
        chrome_driver: Any, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    path = tmp_path / "hostile.html"
    page = to_html(store_of(hostile_turtle()), title=HOSTILE_SCRIPT)
    path.write_text(page, encoding="utf-8")
    open_drawn(chrome_driver, path)
    assert chrome_driver.execute_script("return network.body.data.nodes.length") == 2
    assert chrome_driver.execute_script("return document.title") == HOSTILE_SCRIPT
    tooltip = hover_node(chrome_driver, nodes_by_label(page)[HOSTILE_IMG]["id"])
    assert HOSTILE_IMG in tooltip and HOSTILE_SCRIPT in tooltip
    assert chrome_driver.execute_script("return document.querySelectorAll('img').length") == 0
    assert chrome_driver.execute_script("return typeof window.__pwned") == "undefined"
    save_screenshot(chrome_driver, request)
    assert severe_messages(chrome_driver) == []


@pytest.mark.browser
def test_committed_seed_page_draws_its_actors_offline(
        chrome_driver: Any, request: pytest.FixtureRequest) -> None:
    path = Path(__file__).resolve().parents[1] / "output" / "graph.html"
    page = path.read_text(encoding="utf-8")
    open_drawn(chrome_driver, path)
    labels = chrome_driver.execute_script("return network.body.data.nodes.get().map(n => n.label).sort()")
    assert labels == sorted(nodes_by_label(page))
    assert {"Vladimir Putin", "Marco Rubio", "NATO", "Russia", "Ukraine", "United States",
            "Western powers"} <= set(labels)
    tooltip = hover_node(chrome_driver, nodes_by_label(page)["Vladimir Putin"]["id"])
    assert "Said (" in tooltip and "Is NATO Rearmament a Threat" in tooltip
    save_screenshot(chrome_driver, request)
    assert severe_messages(chrome_driver) == []


# --- the explorer: data, views, cap, CLI ------------------------------------------------------------


def page_data(page: str) -> Any:
    return embedded(page, '<script type="application/json" id="kg-data">')


def test_page_data_feeds_the_panel_with_cues_articles_and_evidence() -> None:
    turtle = SAMPLE + """
article:a1 dcterms:date "2025-06-19"^^<http://www.w3.org/2001/XMLSchema#date> .
statement:s1 gkg:evidence "Alba said: Bram Osei is wrong about the harbour." .
actor:alba gkg:mentionedIn article:a1, article:a2 .
"""
    page = to_html(store_of(turtle))
    data = page_data(page)
    nodes = nodes_by_label(page)
    alba = nodes["Alba Morin"]["id"]
    assert data["actors"][alba]["names"] == ["Alba Morin", "Morin", "the Minister"]
    assert data["actors"][alba]["wikidata"] == "Q4115189"
    assert data["actors"][alba]["aff"] == [nodes["Norland"]["id"]]
    said = [s for s in data["statements"] if s["by"] == alba]
    assert sorted((s["q"], s["d"], s["cue"]) for s in said) == [
        ("Bram Osei is wrong about the harbour.", True, "say"), ("Osei should resign", True, "say")]
    first = next(s for s in said if s["q"].startswith("Bram"))
    assert data["articles"][first["a"]] == ["Ministers trade words", "2025-06-19"]
    assert first["ev"] == "Alba said: Bram Osei is wrong about the harbour."
    [event] = data["events"]
    assert (event["code"], event["cls"]) == ("190", "material conflict")
    # every edge names what lies behind it; the attack's edge holds the event
    [attack] = edges_by_pair(page)[("Norland", "Harbour League")]
    assert attack["events"] == [0] and attack["roots"] == ["19"] and attack["cls"] == "material conflict"
    # mentions in articles count towards the size
    assert nodes["Alba Morin"]["size"] > nodes["Bram Osei"]["size"]


def test_full_view_adds_statement_nodes_and_the_cap_keeps_the_most_mentioned() -> None:
    full = to_html(store_of(SAMPLE), view="full")
    statements = [n for n in embedded(full, "nodes = new vis.DataSet(") if n.get("type") == "Statement"]
    assert len(statements) == 3
    capped = nodes_by_label(to_html(store_of(SAMPLE), max_actors=2))
    assert set(capped) == {"Alba Morin", "Bram Osei"}
    with pytest.raises(ValueError, match="unknown view"):
        to_html(store_of(SAMPLE), view="hairball")


def test_big_graphs_get_the_fast_layout() -> None:
    actors = "".join(f'actor:a{i} a gkg:Country ; rdfs:label "Country {i}" .\n' for i in range(600))
    page = to_html(store_of(PREFIXES + actors))
    options = embedded(page, "var options = ")
    assert options["layout"]["improvedLayout"] is False
    assert options["edges"]["smooth"] is False and options["physics"]["solver"] == "barnesHut"


def test_kg_html_draws_from_exported_files(tmp_path: Path) -> None:
    from kg.cli import main

    source = tmp_path / "graph.ttl"
    source.write_text(SAMPLE, encoding="utf-8")
    target = tmp_path / "page.html"
    assert main(["html", str(source), "-o", str(target), "--max-actors", "3"]) == 0
    assert len(nodes_by_label(target.read_text(encoding="utf-8"))) == 3
    assert main(["html", str(source), "-o", str(target), "--view", "full"]) == 0
    assert main(["html", str(tmp_path / "missing.ttl"), "-o", str(target)]) == 1
    assert main(["html", str(source), "-o", str(target), "--max-actors", "0"]) == 1


SEED_PAGE = Path(__file__).resolve().parents[1] / "output" / "graph.html"


@pytest.mark.browser
def test_seed_explorer_search_filter_and_panel(chrome_driver: Any, request: pytest.FixtureRequest) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page = SEED_PAGE.read_text(encoding="utf-8")
    open_drawn(chrome_driver, SEED_PAGE)
    drawn = chrome_driver.execute_script("return Object.keys(kg.data.actors).length")
    assert drawn == len(nodes_by_label(page)) == chrome_driver.execute_script(
        "return network.body.data.nodes.length")
    putin = nodes_by_label(page)["Vladimir Putin"]["id"]
    ARTIFACTS.mkdir(exist_ok=True)
    chrome_driver.save_screenshot(str(ARTIFACTS / "explorer-default-view.png"))

    # search by an alias, as a user types it
    box = chrome_driver.find_element(By.ID, "kg-search")
    box.send_keys("the Russian President")
    assert chrome_driver.execute_script("return kg.search('the Russian President')")[0] == putin
    first = chrome_driver.find_element(By.CSS_SELECTOR, "#kg-results .kg-result")
    assert first.text.startswith("Vladimir Putin")
    box.send_keys(Keys.ENTER)
    assert chrome_driver.execute_script("return network.getSelectedNodes()") == [putin]
    panel = chrome_driver.find_element(By.ID, "kg-panel")
    assert panel.is_displayed() and panel.find_element(By.TAG_NAME, "h2").text == "Vladimir Putin"

    # clicking his node, through vis's own click event
    chrome_driver.execute_script("document.getElementById('kg-panel').hidden = true;"
                                 "network.selectNodes([arguments[0]]);"
                                 "network.body.emitter.emit('click', {nodes: [arguments[0]], edges: []});", putin)
    assert panel.is_displayed()
    direct = panel.find_elements(By.CSS_SELECTOR, "ul.kg-said li.direct")
    assert len(direct) == 7
    assert all(item.find_element(By.CSS_SELECTOR, ".kg-quote").text.startswith("\u201c") for item in direct)
    meta = direct[0].find_element(By.CSS_SELECTOR, ".kg-meta").text
    assert "cue: " in meta and "Is NATO Rearmament a Threat" in meta
    assert "Wikidata Q7747" in panel.text
    chrome_driver.save_screenshot(str(ARTIFACTS / "explorer-panel-open.png"))

    # an edge lists what lies behind it
    edge = chrome_driver.execute_script(
        "return network.body.data.edges.get().filter(e => e.from === arguments[0] && e.said.length)[0].id", putin)
    chrome_driver.execute_script("kg.showEdge(arguments[0])", edge)
    assert panel.find_elements(By.CSS_SELECTOR, "ul.kg-said li")

    # the type filter hides every person and only them
    chrome_driver.find_element(By.CSS_SELECTOR, "input.kg-type[value='Person']").click()
    hidden = chrome_driver.execute_script(
        "return network.body.data.nodes.get().filter(n => n.hidden).map(n => n.type)")
    people = [n for n in embedded(page, "nodes = new vis.DataSet(") if n["type"] == "Person"]
    assert hidden == ["Person"] * len(people) and people
    assert chrome_driver.execute_script(
        "var nodes = network.body.data.nodes;"
        "return network.body.data.edges.get().filter(e => !e.hidden && "
        "(nodes.get(e.from).hidden || nodes.get(e.to).hidden)).length") == 0
    save_screenshot(chrome_driver, request)
    assert severe_messages(chrome_driver) == []


@pytest.mark.browser
def test_hostile_strings_stay_text_in_search_and_panel(
        chrome_driver: Any, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    from selenium.webdriver.common.by import By

    path = tmp_path / "hostile.html"
    page = to_html(store_of(hostile_turtle() + "statement:s1 gkg:cue " + json.dumps(HOSTILE_IMG) + " ; "
                            "gkg:evidence " + json.dumps(HOSTILE_SCRIPT) + " .\n"), title=HOSTILE_SCRIPT)
    path.write_text(page, encoding="utf-8")
    open_drawn(chrome_driver, path)
    evil = nodes_by_label(page)[HOSTILE_IMG]["id"]
    box = chrome_driver.find_element(By.ID, "kg-search")
    box.send_keys("</script>")  # finds the actor by its hostile alias
    result = chrome_driver.find_element(By.CSS_SELECTOR, "#kg-results .kg-result")
    assert result.text.startswith(HOSTILE_IMG)
    result.click()
    panel = chrome_driver.find_element(By.ID, "kg-panel")
    assert chrome_driver.execute_script("return network.getSelectedNodes()") == [evil]
    assert panel.find_element(By.TAG_NAME, "h2").text == HOSTILE_IMG
    assert HOSTILE_SCRIPT in panel.text and f"cue: {HOSTILE_IMG}" in panel.text
    assert panel.get_attribute("textContent").count(HOSTILE_MARKUP) == 3  # an alias, a quote, its article
    edge = chrome_driver.execute_script("return network.body.data.edges.getIds()[0]")
    chrome_driver.execute_script("kg.showEdge(arguments[0])", edge)
    assert HOSTILE_SCRIPT in panel.text
    options = chrome_driver.execute_script(
        "return Array.from(document.querySelectorAll('#kg-article option')).map(o => o.textContent)")
    assert options[1:] == [HOSTILE_MARKUP, HOSTILE_SCRIPT]
    assert chrome_driver.execute_script("return document.querySelectorAll('img').length") == 0
    assert chrome_driver.execute_script("return typeof window.__pwned") == "undefined"
    save_screenshot(chrome_driver, request)
    assert severe_messages(chrome_driver) == []
