"""Event data as CSV (``graph.events.csv``): one row per interaction, in a GDELT/PLOVER-like layout.

An interaction is every ``gkg:Event`` and every ``gkg:Statement`` with a ``gkg:target`` (a statement
aimed at someone: agent = its speaker). Columns (``COLUMNS``):

``event_id``        the IRI of the event or statement in the graph
``date``            the article's ``dcterms:date`` as written in the graph (``2025-06-19``, ``--06-19``)
``source_actor``    the agent's ``rdfs:label`` (blank for an unattributed statement)
``source_country``  ISO 3166 alpha-3 code: a country's own, else that of the state the actor is
                    ``gkg:affiliatedWith`` (an affiliation stated in the same article first; of several,
                    the smallest code); blank for an actor affiliated with no state
``target_actor``, ``target_country``  the same for the target
``cameo_code``      the CAMEO code (``skos:notation`` of ``gkg:eventType``)
``cameo_root``      its two-digit root, ``quad_class`` the root's ``gkg:quadClass`` in the ontology
                    (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict)
``goldstein``       the code's ``gkg:goldsteinScale`` in the ontology, -10.0 to 10.0 (GDELT's GoldsteinScale)
``cue_or_trigger``  the statement's reporting verb (``gkg:cue``) or the event's ``gkg:trigger``
``text``            the statement's ``gkg:quote`` or the event's ``gkg:evidence``
``article``, ``article_title``  the article's IRI and ``dcterms:title``
``char_start``, ``char_end``  the offsets of ``text`` in the article (``gkg:quoteStart``/``quoteEnd`` for a
                    statement, ``gkg:charStart``/``charEnd`` for an event)

Everything is read with SPARQL from a pyoxigraph ``Store`` (its named graphs seen as one); ISO codes come
from the gazetteer (keyed by the last segment of the actor IRI). Rows are sorted by article, offsets and
id; quoting follows RFC 4180 (``csv`` module, ``\\r\\n`` line ends), UTF-8.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

from pyoxigraph import Quad, QuerySolutions, Store

from kg.export.files import write_text_atomically
from kg.gazetteer import load_gazetteer
from kg.vocab import cameo_concept, goldstein_scale, quad_classes

COLUMNS = ("event_id", "date", "source_actor", "source_country", "target_actor", "target_country",
           "cameo_code", "cameo_root", "quad_class", "goldstein", "cue_or_trigger", "text", "article", "article_title",
           "char_start", "char_end")
_PREFIXES = {
    "gkg": "https://w3id.org/geokg/ontology#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
}
_ALPHA3 = re.compile(r"[A-Z]{3}")

_INTERACTIONS = """
SELECT ?e (MIN(?class) AS ?kind) (MIN(?a) AS ?agent) (MIN(?t) AS ?target) (MIN(?ty) AS ?type)
       (MIN(?n) AS ?notation) (MIN(?cu) AS ?cue) (MIN(?tr) AS ?trigger) (MIN(?q) AS ?quote)
       (MIN(?ev) AS ?evidence) (MIN(?qs) AS ?quoteStart) (MIN(?qe) AS ?quoteEnd) (MIN(?cs) AS ?charStart)
       (MIN(?ce) AS ?charEnd) (MIN(?ar) AS ?article) (MIN(?ti) AS ?title) (MIN(?d) AS ?date)
WHERE {
  VALUES ?class { gkg:Event gkg:Statement }
  ?e a ?class ; gkg:target ?t .
  OPTIONAL { ?e gkg:agent ?agentOf }
  OPTIONAL { ?e gkg:speaker ?speakerOf }
  BIND (COALESCE(?agentOf, ?speakerOf) AS ?a)
  OPTIONAL { ?e gkg:eventType ?ty OPTIONAL { ?ty skos:notation ?n } }
  OPTIONAL { ?e gkg:cue ?cu }
  OPTIONAL { ?e gkg:trigger ?tr }
  OPTIONAL { ?e gkg:quote ?q }
  OPTIONAL { ?e gkg:evidence ?ev }
  OPTIONAL { ?e gkg:quoteStart ?qs }
  OPTIONAL { ?e gkg:quoteEnd ?qe }
  OPTIONAL { ?e gkg:charStart ?cs }
  OPTIONAL { ?e gkg:charEnd ?ce }
  OPTIONAL { ?e gkg:source ?ar
             OPTIONAL { ?ar dcterms:title ?ti }
             OPTIONAL { ?ar dcterms:date ?d } }
} GROUP BY ?e"""
_EVENT_GRAPHS = "SELECT ?e ?g WHERE { GRAPH ?g { ?e gkg:target ?t } }"
_ACTORS = """
SELECT ?actor (MIN(?l) AS ?label) (MAX(IF(?type = gkg:Country, 1, 0)) AS ?country) WHERE {
  ?actor a ?type . OPTIONAL { ?actor rdfs:label ?l }
} GROUP BY ?actor"""
_AFFILIATIONS = "SELECT ?actor ?state WHERE { ?actor gkg:affiliatedWith ?state . ?state a gkg:Country }"
_AFFILIATIONS_BY_GRAPH = """
SELECT ?g ?actor ?state WHERE { GRAPH ?g { ?actor gkg:affiliatedWith ?state } ?state a gkg:Country }"""
class EventRow(NamedTuple):
    event_id: str
    date: str
    source_actor: str
    source_country: str
    target_actor: str
    target_country: str
    cameo_code: str
    cameo_root: str
    quad_class: int | None
    goldstein: str
    cue_or_trigger: str
    text: str
    article: str
    article_title: str
    char_start: int | None
    char_end: int | None


def _select(store: Store, query: str) -> Iterator[dict[str, str]]:
    results = store.query(query, prefixes=_PREFIXES, use_default_graph_as_union=True)
    assert isinstance(results, QuerySolutions)
    names = [variable.value for variable in results.variables]
    for solution in results:
        yield {name: term.value for name in names if (term := solution[name]) is not None}


@cache
def cameo_table() -> dict[str, tuple[str, str, int, str]]:
    """CAMEO concept IRI -> (code, root code, quad class, Goldstein value), from the ontology (``kg.vocab``)."""
    goldstein = goldstein_scale()
    return {str(cameo_concept(code)): (code, code[:2], quad_class, str(goldstein[code]))
            for code, quad_class in quad_classes().items()}


def _alpha3(key: str) -> str:
    entry = load_gazetteer().get(key)
    codes = sorted(code for code in entry.codes if _ALPHA3.fullmatch(code)) if entry is not None else []
    return codes[0] if codes else ""


class _Countries:
    """Which state an actor belongs to, as the graph says (see the module's description)."""

    def __init__(self, store: Store) -> None:
        self.countries = {row["actor"] for row in _select(store, _ACTORS) if row.get("country") == "1"}
        self.states: dict[str, set[str]] = defaultdict(set)
        for row in _select(store, _AFFILIATIONS):
            self.states[row["actor"]].add(row["state"])
        self.in_graph: dict[tuple[str, str], set[str]] = defaultdict(set)
        for row in _select(store, _AFFILIATIONS_BY_GRAPH):
            self.in_graph[(row["g"], row["actor"])].add(row["state"])

    def code(self, actor: str | None, graph: str | None) -> str:
        if actor is None:
            return ""
        if actor in self.countries:
            return _alpha3(actor.rsplit("/", 1)[-1])
        states = self.in_graph.get((graph or "", actor)) or self.states.get(actor, set())
        codes = sorted(c for c in (_alpha3(state.rsplit("/", 1)[-1]) for state in states) if c)
        return codes[0] if codes else ""


def _integer(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def event_rows(store: Store) -> list[EventRow]:
    """One ``EventRow`` per interaction in ``store``, sorted by article, offsets and id."""
    labels = {row["actor"]: row.get("label", row["actor"].rsplit("/", 1)[-1]) for row in _select(store, _ACTORS)}
    graphs: dict[str, str] = {}
    for row in _select(store, _EVENT_GRAPHS):
        graphs[row["e"]] = min(graphs.get(row["e"], row["g"]), row["g"])
    countries = _Countries(store)
    cameo = cameo_table()
    rows = []
    for row in _select(store, _INTERACTIONS):
        event, agent, target = row["e"], row.get("agent"), row["target"]
        statement = row["kind"].endswith("#Statement")
        code, root, quad_class, goldstein = cameo.get(row.get("type", ""), (row.get("notation", ""), "", None, ""))
        start = row.get("quoteStart") if statement else row.get("charStart")
        end = row.get("quoteEnd") if statement else row.get("charEnd")
        rows.append(EventRow(
            event_id=event,
            date=row.get("date", ""),
            source_actor=labels.get(agent, agent.rsplit("/", 1)[-1]) if agent else "",
            source_country=countries.code(agent, graphs.get(event)),
            target_actor=labels.get(target, target.rsplit("/", 1)[-1]),
            target_country=countries.code(target, graphs.get(event)),
            cameo_code=code,
            cameo_root=root,
            quad_class=quad_class,
            goldstein=goldstein,
            cue_or_trigger=row.get("cue" if statement else "trigger", ""),
            text=row.get("quote" if statement else "evidence", ""),
            article=row.get("article", ""),
            article_title=row.get("title", ""),
            char_start=_integer(start),
            char_end=_integer(end),
        ))
    return sorted(rows, key=lambda r: (r.article, r.char_start or 0, r.char_end or 0, r.event_id))


def to_events_csv(store: Store) -> str:
    """``event_rows`` as CSV text with a header line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # RFC 4180: minimal quoting, "" inside quotes, CRLF line ends
    writer.writerow(COLUMNS)
    for row in event_rows(store):
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue()


def write_events_csv(quads: Iterable[Quad], path: Path) -> None:
    """The exporter: the quads into a store, the CSV to ``path`` atomically."""
    store = Store()
    store.extend(quads)
    write_text_atomically(path, to_events_csv(store))


__all__ = ["COLUMNS", "EventRow", "cameo_table", "event_rows", "to_events_csv", "write_events_csv"]
