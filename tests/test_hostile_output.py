"""Output is always valid: hostile text anywhere gives RDF that parses, round-trips, conforms, with valid IRIs.

Hypothesis draws texts made of control characters (NUL, vertical tab, NEL, U+2028), lone surrogates (as
``surrogateescape`` decoding or JSON's "\\ud800" leave them), Turtle's and HTML's delimiters, backslashes
and escapes, right-to-left text and bidi controls, emoji, combining marks, noncharacters and very long
strings, and puts them in every text field of an ``Extraction`` (built directly, as a library user
would) or of an article run through the real pipeline. Each graph is written in every RDF format and
parsed back with pyoxigraph and rdflib.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Triple
from rdflib.namespace import DCTERMS, OWL, RDFS, SKOS

from kg import build
from kg.export import output_name
from kg.export.events_csv import to_events_csv
from kg.export.formats import to_nquads, to_ntriples, to_trig
from kg.export.html import to_html
from kg.export.jsonld import to_jsonld
from kg.export.turtle import turtle_bytes
from kg.iris import actor_iri, article_iri, place_iri
from kg.models import Actor, Affiliation, Article, Event, Extraction, Quantity, Statement
from kg.pipeline import extract_articles
from kg.rdf import canonical, to_quads
from kg.read import parse_article
from kg.resolve import combine_actors
from kg.validate import shape_violations, term_violations, union_graph
from kg.vocab import GKG

# rdflib's parsers warn of their own use of its deprecated APIs, at every parse
pytestmark = pytest.mark.filterwarnings("ignore:.* is deprecated, use .* instead:DeprecationWarning")

# --- hostile text ---------------------------------------------------------------------------------------

HOSTILE = (
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f", "\u2028", "\u2029",
    "\r", "\r\n", "\n\n", "\t", "\ud800", "\udfff", "\udc80\udcff", "\ud83d", "\ufffe", "\uffff", "\ufeff",
    '"', '"""', "'", "'''", '"""\'\'\'', "<", ">", "<>", "&", "&amp;", "\\", "\\\\", '\\"', "\\u0000",
    "\\U0001F600", "\\n", "</script>", "<script>alert(1)</script>", "<!--", "-->", "]]>", "<![CDATA[",
    "@id", "@context", "_:b0", "http://example.org/a b", "%", "%zz", "%2F", "{", "}", "|", "^", "`",
    "#", "?", "/", "../", ".", "..", "~", "_", ":", "a:b", "\u202e", "\u202d", "\u200f", "\u200e",
    "\u2066", "\u2069", "\u061c", "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd",
    "\U0001f600", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\U0001f1fa\U0001f1e6", "e\u0301",
    "\u0301", "\u0301\u0302\u0303\u0304", "Z\u0351\u0354\u0317\u0353", "\u200b", "\u00a0", "\u3000",
    "\U000e0001", "\U0010ffff", "\ue000", "\ufdd0", "\u4e2d\u6587", "\u0130", "\u00df", "\ufb03",
)
_ANY_CHARACTER = st.one_of(st.characters(), st.characters(categories=["Cs"]))  # with lone surrogates


@cache
def hostile_text() -> st.SearchStrategy[str]:
    """Hostile pieces and random characters run together; one text in 200 (about one example in 15) is
    2,000 to 30,000 characters long (rdflib's parsers slow down steeply on long files)."""
    piece = st.one_of(st.sampled_from(HOSTILE), st.text(_ANY_CHARACTER, max_size=6), st.sampled_from(
        ("Putin", "Foreign Minister", " ", "said", "the")))
    short = st.lists(piece, max_size=8).map("".join)
    long = st.builds(lambda p, n: ((p or "x") * n)[:n], short, st.integers(2_000, 30_000))
    return st.integers(0, 199).flatmap(lambda n: long if n == 0 else short)


def is_xml_char(c: str) -> bool:
    """XML 1.0's Char production, the characters of xsd:string."""
    cp = ord(c)
    return cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or cp >= 0x10000


def shown(text: str) -> str:
    """What the graph holds for ``text``: each character xsd:string cannot hold replaced, one for one."""
    return "".join(c if is_xml_char(c) else " " if c.isspace() else "\ufffd" for c in text)


# --- extractions -------------------------------------------------------------------------------------------

BENIGN = st.just("Talks resume in Ankara")


@st.composite
def extractions(draw: st.DrawFn, *, title: st.SearchStrategy[str] = BENIGN, name: st.SearchStrategy[str] = BENIGN,
                quote: st.SearchStrategy[str] = BENIGN, key: st.SearchStrategy[str] | None = None) -> Extraction:
    """One article with every kind of node: metadata from ``title``, actors' names, aliases, roles and
    unresolved speakers from ``name``, quotes, cues, evidence, triggers and quantities from ``quote``;
    actor keys from ``key`` (slugs when None)."""
    # a key is never empty (the model reads "" as no actor: an unattributed statement)
    keys = (draw(st.lists(key.filter(bool), min_size=3, max_size=3, unique=True)) if key is not None
            else ["ana-vidal", "Q43", "harbour-league"])
    speaker, country, target = keys
    actors = (
        Actor(speaker, draw(name), "Person", tuple(draw(st.lists(name, max_size=3))),
              draw(st.one_of(st.none(), st.just("Q7747"), name))),
        Actor(country, draw(name), "Country", (), "Q43"),
        Actor(target, draw(name), draw(st.sampled_from(("Organization", "Group", "Person"))), (draw(name),)),
    )
    quantity = Quantity(40, 45, draw(quote), draw(st.sampled_from(("money", "percent", "count", "duration", "date"))),
                        draw(st.one_of(st.sampled_from(("5", "-0.5", "1400000000000", "P10Y", "PT", "2025-06",
                                                        "2025-02-30", "--02-29", "2025-W24")), quote)),
                        draw(st.one_of(st.none(), quote)))
    statements = (
        Statement(speaker, draw(quote), draw(st.booleans()), draw(st.one_of(st.none(), quote)), 10, 30,
                  draw(quote), 0, 60, (target, country), target, "11", quantities=(quantity,)),
        Statement(None, draw(quote), False, draw(quote), 70, 90, draw(quote), 61, 100, speaker_text=draw(name)),
    )
    event = Event(country, target, "11", draw(quote), 110, 118, draw(quote), 101, 150)
    article = Article(
        source=f"wire/{draw(title)}.txt", text="", body=(), title=draw(title),
        date=draw(st.one_of(st.just("2025-06-19"), st.just("--06-19"), title)), place=draw(title),
        outlet=draw(title), summary=tuple(draw(st.lists(title, max_size=2))))
    return Extraction(article, actors, statements, (Affiliation(speaker, country, draw(name)),), (event,))


def actors_of(extractions: Iterable[Extraction]) -> dict[str, Actor]:
    """The actor descriptions a build writes: merged by key."""
    return combine_actors(actor for extraction in extractions for actor in extraction.actors)


def graph_of(extractions: Iterable[Extraction]) -> list[Quad]:
    extractions = list(extractions)
    return canonical(to_quads(extractions, actors_of(extractions).values()))


# --- the checks -------------------------------------------------------------------------------------------

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# every format: its bytes, how pyoxigraph and rdflib read it, and whether it keeps graph names
FORMATS: dict[str, tuple[Callable[[list[Quad]], bytes], RdfFormat, str, bool]] = {
    "ttl": (turtle_bytes, RdfFormat.TURTLE, "turtle", False),
    "nt": (to_ntriples, RdfFormat.N_TRIPLES, "nt", False),
    "nq": (to_nquads, RdfFormat.N_QUADS, "nquads", True),
    "trig": (to_trig, RdfFormat.TRIG, "trig", True),
    "jsonld": (lambda quads: to_jsonld(quads).encode("utf-8"), RdfFormat.JSON_LD, "json-ld", False),
}


def oxigraph_term(term: rdflib.term.Node) -> NamedNode | Literal:
    if isinstance(term, rdflib.URIRef):
        return NamedNode(str(term))
    assert isinstance(term, rdflib.Literal), term  # no blank nodes are written
    if term.language:
        return Literal(str(term), language=term.language)
    return Literal(str(term), datatype=NamedNode(str(term.datatype or XSD_STRING)))


def rdflib_literal(literal: Literal) -> rdflib.Literal:
    if literal.language:
        return rdflib.Literal(literal.value, lang=literal.language)
    return rdflib.Literal(literal.value, datatype=rdflib.URIRef(literal.datatype.value))


def as_rdflib_reads(literal: Literal) -> Literal:
    """The literal as rdflib gives it back (it normalises lexical forms: "1.50" -> "1.5")."""
    return oxigraph_term(rdflib_literal(literal))


def rdflib_statements(data: bytes, fmt: str, graphs: bool) -> set[Quad] | set[Triple]:
    if graphs:
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=fmt)
        return {Quad(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o), NamedNode(str(g)))
                for s, p, o, g in dataset.quads((None, None, None, None))}
    graph = rdflib.Graph().parse(data=data, format=fmt)
    return {Triple(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o)) for s, p, o in graph}


# An absolute IRI by RFC 3987's grammar, less IP-literal hosts (none is written), checked against
# pyoxigraph's IRI parser in a test below
_UCSCHAR = ("\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef" + "".join(
    f"{chr(plane << 16)}-{chr((plane << 16) | 0xFFFD)}" for plane in range(1, 14)) + "\U000e1000-\U000efffd")
_IPCHAR = rf"(?:[A-Za-z0-9\-._~{_UCSCHAR}!$&'()*+,;=:@]|%[0-9A-Fa-f]{{2}})"
_IRI = re.compile(
    rf"[A-Za-z][A-Za-z0-9+\-.]*:"  # scheme
    rf"(?://(?:(?:[A-Za-z0-9\-._~{_UCSCHAR}!$&'()*+,;=:]|%[0-9A-Fa-f]{{2}})*@)?"  # iuserinfo
    rf"(?:[A-Za-z0-9\-._~{_UCSCHAR}!$&'()*+,;=]|%[0-9A-Fa-f]{{2}})*(?::[0-9]*)?(?:/{_IPCHAR}*)*"  # host, port, path
    rf"|/?(?:{_IPCHAR}+(?:/{_IPCHAR}*)*)?)"  # ipath-absolute, ipath-rootless, ipath-empty
    rf"(?:\?(?:{_IPCHAR}|[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd/?])*)?"  # iquery
    rf"(?:#(?:{_IPCHAR}|[/?])*)?")  # ifragment
_BIDI_FORMATTING = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # forbidden by RFC 3987, 4.1


def valid_iri(iri: str) -> bool:
    """An absolute IRI of RFC 3987, without the bidi formatting characters its section 4.1 forbids."""
    return _IRI.fullmatch(iri) is not None and not _BIDI_FORMATTING.search(iri)


@cache  # the benign terms come back in every example
def valid_term(term: NamedNode | Literal) -> bool:
    """A valid IRI, or a literal of xsd:string's characters whose lexical form is valid for its datatype."""
    if isinstance(term, NamedNode):
        return valid_iri(term.value)
    return all(map(is_xml_char, term.value)) and not rdflib_literal(term).ill_typed


def assert_valid_rdf(quads: list[Quad]) -> None:
    """Every format parses in pyoxigraph and rdflib to exactly these quads (their triples for the triple
    formats); every IRI is valid; every literal's lexical form is valid for its datatype."""
    assert quads and not any(isinstance(q.graph_name, DefaultGraph) for q in quads)
    triples = {q.triple for q in quads}
    for term in {t for q in quads for t in (q.subject, q.predicate, q.object, q.graph_name)}:
        assert valid_term(term), term
    normalised = {Quad(q.subject, q.predicate, as_rdflib_reads(q.object) if isinstance(q.object, Literal)
                       else q.object, q.graph_name) for q in quads}
    for name, (write, ox_format, rdflib_format, graphs) in FORMATS.items():
        data = write(quads)
        data.decode("utf-8")  # strict: no lone surrogate or other undecodable byte written
        parsed = set(pyoxigraph.parse(data, format=ox_format))
        assert parsed == (set(quads) if graphs else {Quad(*t, DefaultGraph()) for t in triples}), name
        expected = normalised if graphs else {q.triple for q in normalised}
        assert rdflib_statements(data, rdflib_format, graphs) == expected, name


def assert_conforms(quads: list[Quad]) -> None:
    """The union graph against ontology/shapes.ttl with pyshacl, and the gkg and CAMEO vocabularies."""
    data = union_graph(quads)
    assert [*shape_violations(data), *term_violations(data)] == []


def literals(quads: list[Quad], subject: str, predicate: rdflib.URIRef) -> list[str]:
    return sorted(q.object.value for q in quads
                  if q.subject == NamedNode(subject) and q.predicate == NamedNode(str(predicate)))


# --- properties -----------------------------------------------------------------------------------------

EXAMPLES = 500  # of titles, names and quotes each (issue 7)


def examples(count: int) -> settings:
    """``count`` examples, however long each takes (long texts are slow by design)."""
    return settings(max_examples=count, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@examples(EXAMPLES)
@given(extractions(title=hostile_text()).map(lambda e: Extraction(e.article, e.actors[:1])))  # the article alone
def test_hostile_titles_and_article_metadata_give_valid_rdf(extraction: Extraction) -> None:
    quads = graph_of([extraction])
    assert_valid_rdf(quads)
    article = extraction.article
    subject = article_iri(article.id)
    assert literals(quads, subject, DCTERMS.source) == [shown(article.source)]
    assert literals(quads, subject, DCTERMS.title) == ([shown(article.title)] if article.title else [])
    assert literals(quads, subject, DCTERMS.publisher) == ([shown(article.outlet)] if article.outlet else [])
    assert literals(quads, subject, DCTERMS.abstract) == sorted({shown(line) for line in article.summary})
    if article.place:
        assert literals(quads, place_iri(article.place), RDFS.label) == [shown(article.place)]
    # a date that is none of the calendar's (any hostile text) is left out, not written ill-typed
    dates = literals(quads, subject, DCTERMS.date)
    assert dates == ([article.date] if article.date in ("2025-06-19", "--06-19") else []), dates


@examples(EXAMPLES)
@given(extractions(name=hostile_text(), key=hostile_text()))
def test_hostile_names_and_keys_give_valid_rdf_and_distinct_iris(extraction: Extraction) -> None:
    quads = graph_of([extraction])
    assert_valid_rdf(quads)
    prefix = actor_iri("")
    subjects = {q.subject.value for q in quads if q.subject.value.startswith(prefix)}
    # one IRI per key, and the key can be read back from it: no two keys share an IRI
    assert {unquote(iri[len(prefix):], errors="surrogatepass") for iri in subjects} == {
        a.key for a in extraction.actors}
    for actor in actors_of([extraction]).values():  # as a build describes them: aliases merged
        assert literals(quads, actor_iri(actor.key), RDFS.label) == [shown(actor.label)]
        assert literals(quads, actor_iri(actor.key), SKOS.altLabel) == sorted({shown(a) for a in actor.aliases})
        # a Wikidata id that is none ("Q" and digits) is left out, not written as a broken link
        same = [] if actor.wikidata is None or not re.fullmatch("Q[0-9]+", actor.wikidata) else [
            f"http://www.wikidata.org/entity/{actor.wikidata}"]
        assert literals(quads, actor_iri(actor.key), OWL.sameAs) == same


@examples(EXAMPLES)
@given(extractions(quote=hostile_text()))
def test_hostile_quotes_give_valid_rdf(extraction: Extraction) -> None:
    quads = graph_of([extraction])
    assert_valid_rdf(quads)
    assert sorted(q.object.value for q in quads if q.predicate == NamedNode(str(GKG.quote))) == sorted(
        shown(s.quote) for s in extraction.statements)


@examples(100)
@given(extractions(title=hostile_text(), name=hostile_text(), quote=hostile_text(), key=hostile_text()))
def test_hostile_text_everywhere_conforms_to_the_shapes(extraction: Extraction) -> None:
    assert_conforms(graph_of([extraction]))


IRI_PARTS = ("%41", "%4", "%", "?", "#", "//", "/", ":", "@", "[", "]", "[::1]", "\ue000", "\U000f0000", "\ufffd",
             "\u00e9", "x", "1", "+", "!$&'()*,;=", ".", "-")


def parses_as_iri(iri: str) -> bool:
    try:
        NamedNode(iri)
    except ValueError:
        return False
    return True


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(HOSTILE), st.sampled_from(IRI_PARTS), st.text(_ANY_CHARACTER, max_size=3)),
                max_size=6).map("".join))
def test_the_iri_check_agrees_with_pyoxigraphs_iri_parser(tail: str) -> None:
    """Two readings of RFC 3987 that agree (pyoxigraph's also takes IP-literal hosts, and bidi controls)."""
    for iri in (actor_iri("") + tail, "urn:" + tail, "http://" + tail, "ex:" + tail):
        strict = parses_as_iri(iri) and not _BIDI_FORMATTING.search(iri)
        assert valid_iri(iri) == strict or ("[" in iri and strict), iri  # an IP-literal host: not written


# --- the explorer and the event table ----------------------------------------------------------------------

# markup that would open or end an element, a comment or a CDATA section
_PAGE_MARKS = ("<script", "</script", "<!--", "-->", "]]>", "<img")
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL)


@cache
def empty_page_marks() -> tuple[int, ...]:
    page = to_html(Store())
    return tuple(page.count(mark) for mark in _PAGE_MARKS)


def store_of(quads: list[Quad]) -> Store:
    store = Store()
    store.extend(quads)
    return store


@examples(50)
@given(extractions(title=hostile_text(), name=hostile_text(), quote=hostile_text(), key=hostile_text()),
       hostile_text())
def test_hostile_text_stays_data_in_the_explorer_and_the_event_table(extraction: Extraction, title: str) -> None:
    store = store_of(graph_of([extraction]))
    page = to_html(store, title=title)
    page.encode("utf-8")  # strict: nothing unwritable
    # the markup of an empty page: no string from the graph opens or closes an element or a comment
    assert tuple(page.count(mark) for mark in _PAGE_MARKS) == empty_page_marks()
    # and no line separator in a script (one ends a line of JavaScript before ES2019)
    assert not any(re.search("[\u2028\u2029]", script) for script in _SCRIPT.findall(page))
    assert f"<title>{html.escape(shown(title))}</title>" in page
    data = json.loads(page.split('<script type="application/json" id="kg-data">', 1)[1].split("</script>", 1)[0])
    actors = actors_of([extraction]).values()
    assert len(data["actors"]) == len(actors)
    names = {tuple(actor["names"]) for actor in data["actors"].values()}
    assert names >= {(shown(a.label), *sorted({shown(n) for n in a.aliases} - {shown(a.label)}))
                     for a in actors if shown(a.label)}  # an empty label is replaced by the key
    assert sorted(s["q"] for s in data["statements"]) == sorted(shown(s.quote) for s in extraction.statements)

    header, *rows = csv.reader(io.StringIO(to_events_csv(store), newline=""))
    table = [dict(zip(header, row, strict=True)) for row in rows]  # every row as wide as the header
    said, [event] = extraction.statements[0], extraction.events  # the statement aimed at someone comes first
    label = {a.key: shown(a.label) for a in actors}
    title = shown(extraction.article.title or "")
    assert [(r["source_actor"], r["target_actor"], r["cue_or_trigger"], r["text"], r["article_title"])
            for r in table] == [
        (label[agent], label[target], shown(cue or ""), shown(text), title)
        for agent, target, cue, text in ((said.speaker, said.target, said.cue, said.quote),
                                         (event.agent, event.target, event.trigger, event.evidence))]


# --- through the pipeline -------------------------------------------------------------------------------

TEMPLATE = (
    "{0}Ministers meet in Ankara{1}\n\n"
    "ANKARA, June 19 (Wire) \u2014 Turkish Foreign Minister Hakan {2}Fidan hosted Sergei {3}Lavrov on Monday. "
    '"We discussed {4} the grain corridor at length," Fidan said. Lavrov said that {5} Moscow was ready.\n\n'
    "\u201c{6}\u201d, the {7}Kremlin said, criticising NATO{8}.\n"
)


@examples(60)
@given(st.lists(hostile_text(), min_size=10, max_size=10))
def test_hostile_text_through_the_pipeline_gives_valid_conforming_rdf(pieces: list[str]) -> None:
    article = parse_article(TEMPLATE.format(*pieces[:9]), f"wire/{pieces[9]}.txt")
    extractions = list(extract_articles([article]))
    quads = graph_of(extractions)
    assert_valid_rdf(quads)
    assert_conforms(quads)


INLINE = [p for p in HOSTILE if not re.search("[\"'\\s\u2028\u2029\x85\x0b\x0c\x1c-\x1f]", p)]


@pytest.mark.parametrize("piece", INLINE, ids=[ascii(p) for p in INLINE])
def test_hostile_text_in_a_quote_reaches_the_graph_as_written(piece: str) -> None:
    """Inside a quotation (without quotation marks or line breaks of its own), any text is the quote."""
    text = TEMPLATE.format("", "", "", "", f"{piece} and {piece}", "", "Enough", "", "")
    extractions = list(extract_articles([parse_article(text, "wire/talks.txt")]))
    quads = graph_of(extractions)
    assert_valid_rdf(quads)
    quotes = [q.object.value for q in quads if q.predicate == NamedNode(str(GKG.quote))]
    assert f"We discussed {shown(piece)} and {shown(piece)} the grain corridor at length" in quotes


HOSTILE_ARTICLE = (
    "Ministers \u202eclash\u202c over \"\"\" and ''' \\ in Ankara \U0001f600\n\n"
    "ANKARA, June 19 (Wire) \u2014 Turkish Foreign Minister Hakan Fidan\u0301 hosted Sergei Lavrov\x85 on Monday. "
    "\"We discussed the grain\u2028corridor </script><!-- ]]> at length \\\\ \U0001f1fa\U0001f1e6,\" Fidan said.\n\n"
    "\u201cThe \u05e9\u05dc\u05d5\u05dd talks\u2029 went \x0bwell \\u0000 {x}\u201d, Lavrov said, criticising NATO.\n"
)


def test_a_build_of_hostile_articles_writes_files_that_parse_to_its_graph(tmp_path: Path) -> None:
    """The user's path: files read, the graph spooled to disk and sorted, every format written as a file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ankara \u202e<1>.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    line = {"id": "x\ud800\u0000", "title": "Wire \ud800 \u0000 \u2028 \"\"\"", "date": "2025-06-20",
            "text": HOSTILE_ARTICLE.split("\n\n", 1)[1].replace("Lavrov", "Lavrov\ud83d")}
    (folder / "wire.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")  # "\ud800" as JSON escapes
    formats = [name for name in FORMATS if name != "jsonld"] + ["jsonld"]
    result = build([folder], tmp_path / "out", formats=formats, jobs=1)
    assert len(result.articles) == 2, result.inputs
    quads = list(result.graph)
    for name, (_, ox_format, rdflib_format, graphs) in FORMATS.items():
        data = (tmp_path / "out" / output_name(name)).read_bytes()
        expected = set(quads) if graphs else {Quad(*q.triple, DefaultGraph()) for q in quads}
        assert set(pyoxigraph.parse(data, format=ox_format)) == expected, name
        assert len(rdflib_statements(data, rdflib_format, graphs)) == len(expected), name
    assert_valid_rdf(quads)
    assert_conforms(quads)
    said = {q.object.value for q in quads if q.predicate == NamedNode(str(GKG.quote))}
    assert "We discussed the grain\u2028corridor </script><!-- ]]> at length \\\\ \U0001f1fa\U0001f1e6" in said
