"""The graph as one self-contained, offline HTML page: actors as nodes, who said what about whom as edges.

Drawn by pyvis 0.3.2 (vis-network 9.1.2 inlined), then made safe to open anywhere:

* no network access: pyvis's Bootstrap ``<link>``/``<script>`` tags are removed and nothing else
  is fetched (checked before the page is returned);
* no data as markup: every string from the graph (labels, quotes, titles) travels inside the JSON
  that Jinja's ``tojson`` writes (``<``, ``>``, ``&``, ``'`` and non-ASCII escaped, so it cannot close
  the ``<script>``), labels are drawn on the canvas, and tooltips are plain text in a ``tip`` field that
  a small script turns into DOM elements through ``textContent``. Nothing uses vis's ``title`` string
  (pyvis switches to an ``innerHTML`` popup when a title contains "href");
* reproducible: nodes and edges are sorted with stable ids, the layout seed is fixed, and physics stops
  once the layout has stabilised.

Instance IRIs stay out of the page: nodes get ids ``n0``, ``n1``... and a Wikidata id is shown as text.
"""

from __future__ import annotations

import html
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyoxigraph import QuerySolutions, Store
from pyvis.network import Network

from kg.export.files import write_text_atomically
from kg.models import ACTOR_TYPES, ActorType

_PREFIXES = {
    "gkg": "https://w3id.org/geokg/ontology#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
}
_WIKIDATA_ENTITY = re.compile(r"https?://www\.wikidata\.org/entity/(Q\d+)")

_QUOTE_LIMIT = 300  # characters of one quote, title or alias list in a tooltip
_LABEL_LIMIT = 60  # characters of a node label on the canvas
_TIP_ITEMS = 8  # quotes or interactions listed in one tooltip

_NODE_STYLE: dict[ActorType, tuple[str, str]] = {  # colour, vis shape
    "Person": ("#4e79a7", "dot"),
    "Organization": ("#9c755f", "square"),
    "Country": ("#59a14f", "diamond"),
    "Group": ("#b07aa1", "triangle"),
}
_LEGEND_SYMBOL = {"dot": "\u25cf", "square": "\u25a0", "diamond": "\u25c6", "triangle": "\u25b2"}

_SAID_ABOUT_COLOUR = "#7a8ca3"
_AFFILIATION_COLOUR = "#9e9e9e"
_UNCLASSIFIED = ("interaction (no CAMEO type)", "#616161")
# CAMEO roots grouped into the four quad classes: (first root, last root, name, colour)
_QUAD_CLASSES = (
    (1, 5, "verbal cooperation", "#8bc34a"),
    (6, 9, "material cooperation", "#1b7f3b"),
    (10, 14, "verbal conflict", "#ff9800"),
    (15, 20, "material conflict", "#d32f2f"),
)

# --- reading the graph -------------------------------------------------------------------------------

_ACTORS = """
SELECT ?actor ?type ?label ?alias ?same WHERE {
  VALUES ?type { gkg:Person gkg:Organization gkg:Country gkg:Group }
  ?actor a ?type .
  OPTIONAL { ?actor rdfs:label ?label }
  OPTIONAL { ?actor skos:altLabel ?alias }
  OPTIONAL { ?actor owl:sameAs ?same }
}"""
_ARTICLES = """
SELECT ?article ?title ?source WHERE {
  ?article a gkg:Article .
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:source ?source }
}"""
_STATEMENTS = """
SELECT ?statement ?speaker ?quote ?direct ?article WHERE {
  ?statement a gkg:Statement .
  OPTIONAL { ?statement gkg:speaker ?speaker }
  OPTIONAL { ?statement gkg:quote ?quote }
  OPTIONAL { ?statement gkg:direct ?direct }
  OPTIONAL { ?statement gkg:source ?article }
}"""
_MENTIONS = """
SELECT ?statement ?actor WHERE { ?statement a gkg:Statement ; gkg:mentions ?actor }"""
# A Statement's agent is its speaker; one with a target is an interaction too (CONTRACT.md).
_INTERACTIONS = """
SELECT ?event ?agent ?target ?notation ?typeLabel ?quote ?direct ?article WHERE {
  VALUES ?class { gkg:Event gkg:Statement }
  ?event a ?class ; gkg:target ?target .
  { ?event gkg:agent ?agent } UNION { ?event gkg:speaker ?agent }
  OPTIONAL { ?event gkg:eventType ?type .
             OPTIONAL { ?type skos:notation ?notation }
             OPTIONAL { ?type skos:prefLabel ?typeLabel } }
  OPTIONAL { ?event gkg:quote ?quote }
  OPTIONAL { ?event gkg:direct ?direct }
  OPTIONAL { ?event gkg:source ?article }
}"""
_AFFILIATIONS = """
SELECT ?person ?org WHERE { ?person gkg:affiliatedWith ?org }"""

Values = dict[str, set[str]]  # variable -> every value it took for one subject


def _grouped(store: Store, query: str, key: str) -> dict[str, Values]:
    """The query's solutions gathered per value of ``key`` (a subject may span rows and named graphs)."""
    results = store.query(query, prefixes=_PREFIXES, use_default_graph_as_union=True)
    assert isinstance(results, QuerySolutions)
    names = [variable.value for variable in results.variables]
    grouped: dict[str, Values] = defaultdict(lambda: defaultdict(set))
    for solution in results:
        subject = solution[key]
        if subject is None:
            continue
        for name in names:
            term = solution[name]
            if term is not None:
                grouped[subject.value][name].add(term.value)
    return grouped


def _one(values: Values, name: str) -> str | None:
    """A single value where the graph may hold several: the smallest, so the choice is stable."""
    found = values.get(name)
    return min(found) if found else None


def _is_true(value: str | None) -> bool:
    return value in ("true", "1")


@dataclass(frozen=True)
class _Actor:
    iri: str
    label: str
    type: ActorType
    aliases: tuple[str, ...]
    wikidata: str | None


@dataclass(frozen=True)
class _Said:
    speaker: str | None
    quote: str
    direct: bool
    article: str  # display name of the article
    mentions: frozenset[str]


@dataclass(frozen=True)
class _Interaction:
    agent: str
    target: str
    notation: str | None
    type_label: str | None
    quote: str | None
    direct: bool
    article: str


@dataclass(frozen=True)
class _Graph:
    actors: dict[str, _Actor]
    statements: dict[str, _Said]
    interactions: dict[tuple[str, str, str], _Interaction]  # (event, agent, target)
    affiliations: frozenset[tuple[str, str]]


def _read_actors(store: Store) -> dict[str, _Actor]:
    actors = {}
    for iri, values in _grouped(store, _ACTORS, "actor").items():
        types = values["type"]
        actor_type = next(t for t in ACTOR_TYPES if _PREFIXES["gkg"] + t in types)
        label = _one(values, "label") or iri.rstrip("/#").rsplit("/", 1)[-1]
        aliases = tuple(sorted(values.get("alias", set()) - {label}))
        wikidata = sorted(m.group(1) for v in values.get("same", ()) if (m := _WIKIDATA_ENTITY.fullmatch(v)))
        actors[iri] = _Actor(iri, label, actor_type, aliases, wikidata[0] if wikidata else None)
    return actors


def _read_graph(store: Store) -> _Graph:
    article_names = {
        iri: _one(values, "title") or _one(values, "source") or "untitled article"
        for iri, values in _grouped(store, _ARTICLES, "article").items()
    }

    def article_of(values: Values) -> str:
        article = _one(values, "article")
        return article_names.get(article, "unknown article") if article else "unknown article"

    mentions = _grouped(store, _MENTIONS, "statement")
    statements = {
        iri: _Said(
            speaker=_one(values, "speaker"),
            quote=_one(values, "quote") or "",
            direct=_is_true(_one(values, "direct")),
            article=article_of(values),
            mentions=frozenset(mentions.get(iri, {}).get("actor", set())),
        )
        for iri, values in _grouped(store, _STATEMENTS, "statement").items()
    }
    interactions = {}
    for event, values in _grouped(store, _INTERACTIONS, "event").items():
        for agent in sorted(values["agent"]):
            for target in sorted(values["target"]):
                interactions[(event, agent, target)] = _Interaction(
                    agent=agent,
                    target=target,
                    notation=_one(values, "notation"),
                    type_label=_one(values, "typeLabel"),
                    quote=_one(values, "quote"),
                    direct=_is_true(_one(values, "direct")),
                    article=article_of(values),
                )
    affiliations = frozenset(
        (person, org) for person, values in _grouped(store, _AFFILIATIONS, "person").items()
        for org in values["org"]
    )
    return _Graph(_read_actors(store), statements, interactions, affiliations)


# --- tooltips ----------------------------------------------------------------------------------------


def _clip(text: str, limit: int = _QUOTE_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _quoted(quote: str, direct: bool) -> str:
    return f"\u201c{_clip(quote)}\u201d" if direct else f"(reported) {_clip(quote)}"


def _listed(lines: list[str]) -> list[str]:
    """At most ``_TIP_ITEMS`` lines, sorted, with a count of the rest."""
    lines = sorted(lines)
    more = len(lines) - _TIP_ITEMS
    return lines[:_TIP_ITEMS] + ([f"\u2026 and {more} more"] if more > 0 else [])


def _quad_class(notation: str | None) -> tuple[str, str]:
    """Name and colour of the quad class of a CAMEO code ("111" -> root 11 -> verbal conflict)."""
    if notation and len(notation) >= 2 and notation[:2].isdigit():
        root = int(notation[:2])
        for first, last, name, colour in _QUAD_CLASSES:
            if first <= root <= last:
                return name, colour
    return _UNCLASSIFIED


# --- the network -------------------------------------------------------------------------------------

_OPTIONS: dict[str, Any] = {
    "layout": {"randomSeed": 7, "improvedLayout": True},
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140, "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 600, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 120},
    "nodes": {"font": {"size": 15, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}},
}
# Parallel edges of different kinds bend to different sides so that none hides another.
_SAID_CURVE = {"type": "curvedCW", "roundness": 0.15}
_INTERACTION_CURVE = {"type": "curvedCCW", "roundness": 0.25}


def _width(count: int) -> float:
    return float(min(1 + count, 8))


def _node_size(involvement: int) -> float:
    return round(min(14 + 6 * math.sqrt(involvement), 50), 2)


def _involvement(graph: _Graph) -> dict[str, int]:
    """How many statements and events each actor takes part in (speaks, acts, is targeted or named)."""
    involved: dict[str, set[str]] = defaultdict(set)
    for iri, said in graph.statements.items():
        for actor in ({said.speaker} if said.speaker else set()) | said.mentions:
            involved[actor].add(iri)
    for event, agent, target in graph.interactions:
        involved[agent].add(event)
        involved[target].add(event)
    return {actor: len(events) for actor, events in involved.items()}


def _node_tips(graph: _Graph) -> dict[str, str]:
    """Per actor: its names, type, Wikidata id, affiliations and what it said."""
    orgs: dict[str, list[str]] = defaultdict(list)
    for person, org in graph.affiliations:
        if org in graph.actors:
            orgs[person].append(graph.actors[org].label)
    said: dict[str, list[str]] = defaultdict(list)
    for statement in graph.statements.values():
        if statement.speaker:
            line = f"{_quoted(statement.quote, statement.direct)} \u2014 {_clip(statement.article)}"
            said[statement.speaker].append(line)
    tips = {}
    for iri, actor in graph.actors.items():
        kind = f"{actor.type} \u00b7 Wikidata {actor.wikidata}" if actor.wikidata else actor.type
        lines = [_clip(actor.label), kind]
        if actor.aliases:
            lines.append("Also called: " + _clip("; ".join(actor.aliases)))
        if orgs[iri]:
            lines.append("Affiliated with: " + _clip(", ".join(sorted(orgs[iri]))))
        if said[iri]:
            lines += ["", f"Said ({len(said[iri])}):", *_listed(said[iri])]
        tips[iri] = "\n".join(lines)
    return tips


EdgeKey = tuple[int, str, str, str]  # (rank of the kind of edge, from actor, to actor, detail of the kind)
Edges = dict[EdgeKey, dict[str, Any]]  # -> vis edge options


def _name(graph: _Graph, iri: str) -> str:
    return _clip(graph.actors[iri].label, _LABEL_LIMIT)


def _said_about_edges(graph: _Graph) -> Edges:
    """Speaker -> each actor named in what they said, one edge per pair."""
    quotes: dict[tuple[str, str], list[_Said]] = defaultdict(list)
    for said in graph.statements.values():
        if said.speaker in graph.actors:
            for mentioned in said.mentions:
                if mentioned in graph.actors and mentioned != said.speaker:  # self-reference is no relation
                    quotes[(said.speaker, mentioned)].append(said)
    edges: Edges = {}
    for (speaker, mentioned), group in quotes.items():
        lines = [f"{_quoted(s.quote, s.direct)} \u2014 {_clip(s.article)}" for s in group]
        heading = f"{_name(graph, speaker)} said about {_name(graph, mentioned)} ({len(group)}):"
        edges[(0, speaker, mentioned, "")] = {
            "color": _SAID_ABOUT_COLOUR, "width": _width(len(group)),
            "smooth": _SAID_CURVE, "tip": "\n".join([heading, *_listed(lines)])}
    return edges


def _interaction_edges(graph: _Graph) -> Edges:
    """Agent -> target, one edge per pair and quad class."""
    acts: dict[tuple[str, str, str], list[_Interaction]] = defaultdict(list)
    for act in graph.interactions.values():
        if act.agent in graph.actors and act.target in graph.actors:
            acts[(act.agent, act.target, _quad_class(act.notation)[0])].append(act)
    edges: Edges = {}
    for (agent, target, class_name), group in acts.items():
        lines = []
        for act in group:
            described = " ".join(filter(None, [act.notation, act.type_label]))
            kind = described or ("said" if act.quote else "event")
            quoted = f": {_quoted(act.quote, act.direct)}" if act.quote else ""
            lines.append(f"{_clip(kind)}{quoted} \u2014 {_clip(act.article)}")
        heading = f"{_name(graph, agent)} \u2192 {_name(graph, target)}, {class_name} ({len(group)}):"
        edges[(1, agent, target, class_name)] = {
            "color": _quad_class(group[0].notation)[1], "width": _width(len(group)),
            "smooth": _INTERACTION_CURVE, "tip": "\n".join([heading, *_listed(lines)])}
    return edges


def _affiliation_edges(graph: _Graph) -> Edges:
    return {
        (2, person, org, ""): {"color": _AFFILIATION_COLOUR, "width": 1.5, "dashes": True, "smooth": False,
                               "tip": f"{_name(graph, person)} is affiliated with {_name(graph, org)}"}
        for person, org in graph.affiliations if person in graph.actors and org in graph.actors
    }


def _build_network(graph: _Graph) -> Network:
    net = Network(height="780px", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.options = _OPTIONS  # a dict is written out as JSON as it is
    ordered = sorted(graph.actors.values(), key=lambda a: (a.label.casefold(), a.label, a.iri))
    position = {actor.iri: index for index, actor in enumerate(ordered)}
    involvement = _involvement(graph)
    tips = _node_tips(graph)
    for actor in ordered:
        colour, shape = _NODE_STYLE[actor.type]
        net.add_node(f"n{position[actor.iri]}", label=_name(graph, actor.iri), shape=shape, color=colour,
                     size=_node_size(involvement.get(actor.iri, 0)), tip=tips[actor.iri])
    edges = _said_about_edges(graph) | _interaction_edges(graph) | _affiliation_edges(graph)

    def order(key: EdgeKey) -> tuple[int, int, int, str]:
        rank, source, target, detail = key
        return rank, position[source], position[target], detail

    for index, key in enumerate(sorted(edges, key=order)):
        net.add_edge(f"n{position[key[1]]}", f"n{position[key[2]]}", id=f"e{index}", **edges[key])
    return net


# --- the page ----------------------------------------------------------------------------------------

# Runs right after pyvis's drawGraph() in the same <script>, before vis's first (asynchronous)
# stabilisation step, so the "stabilizationIterationsDone" listener cannot miss the event.
_AFTER_DRAW = """
              (function () {
                // Tooltips as DOM text: the data never becomes markup.
                function asTooltip(text) {
                  var element = document.createElement("div");
                  element.className = "kg-tip";
                  element.textContent = text;
                  return element;
                }
                [nodes, edges].forEach(function (items) {
                  items.update(items.get().filter(function (item) { return typeof item.tip === "string"; })
                    .map(function (item) { return {id: item.id, title: asTooltip(item.tip)}; }));
                });
                // Stabilise once, then stop: the drawing stays still.
                network.once("stabilizationIterationsDone", function () {
                  network.setOptions({physics: {enabled: false}});
                  document.body.setAttribute("data-kg-stable", "1");
                });
              })();
"""

_STYLE = """<style>
  body { font-family: sans-serif; margin: 8px; }
  header h1 { font-size: 20px; margin: 4px 0; }
  header p { font-size: 13px; color: #555555; margin: 0 0 6px 0; }
  .kg-legend { position: absolute; top: 64px; right: 18px; z-index: 5; background: rgba(255,255,255,0.92);
               border: 1px solid #cccccc; border-radius: 4px; padding: 6px 10px; font-size: 13px;
               line-height: 1.5; pointer-events: none; }
  .kg-legend b { display: block; margin-top: 4px; }
  .kg-legend .line { display: inline-block; width: 26px; vertical-align: middle; margin-right: 6px;
                     border-top-style: solid; border-top-width: 3px; }
  .kg-legend .shape { display: inline-block; width: 26px; text-align: center; margin-right: 6px;
                      font-size: 17px; }
  .kg-tip { white-space: pre-wrap; max-width: 34em; font-family: sans-serif; font-size: 13px; }
</style>"""


def _legend() -> str:
    rows = ["<b>Actors</b>"]
    for actor_type, (colour, shape) in _NODE_STYLE.items():
        rows.append(f'<span class="shape" style="color: {colour}">{_LEGEND_SYMBOL[shape]}</span>'
                    f"{html.escape(actor_type)}")
    rows.append("<b>Edges</b>")
    lines = [("said about (quote names the actor)", _SAID_ABOUT_COLOUR, "solid")]
    lines += [(name, colour, "solid") for _, _, name, colour in _QUAD_CLASSES]
    lines += [(*_UNCLASSIFIED, "solid"), ("affiliated with", _AFFILIATION_COLOUR, "dashed")]
    for label, colour, style in lines:
        swatch = f'<span class="line" style="border-top-color: {colour}; border-top-style: {style}"></span>'
        rows.append(swatch + html.escape(label))
    rows.append("Node size: statements and events involving the actor")
    return '<div class="kg-legend">\n' + "\n".join(f"<div>{row}</div>" for row in rows) + "\n</div>"


def _replace_once(page: str, pattern: str, replacement: str, count: int = 1) -> str:
    """Edit pyvis's output where it is expected to be; a different pyvis fails here, not silently."""
    edited, found = re.subn(pattern, lambda _: replacement, page, flags=re.DOTALL)
    if found != count:
        raise RuntimeError(f"pyvis page: expected {count} match(es) of {pattern!r}, found {found}")
    return edited


# a URL with a scheme or protocol-relative, in an attribute that makes the browser fetch it
_REMOTE_REFERENCE = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//""", re.IGNORECASE)


def _self_contained(page: str, title: str, summary: str) -> str:
    page = _replace_once(page, r"\s*<link\s[^>]*bootstrap[^>]*>", "")
    page = _replace_once(page, r"\s*<script\s[^>]*bootstrap[^>]*>\s*</script>", "")
    page = _replace_once(page, r"\s*<!--.*?-->", "")  # pyvis's commented-out node_modules tags
    page = _replace_once(page, r"\s*<center>\s*<h1></h1>\s*</center>", "", count=2)
    page = _replace_once(page, r"\n//# sourceMappingURL=vis-network\.min\.js\.map", "")
    page = _replace_once(page, r"\A<html>\s*<head>\s*<meta charset=\"utf-8\">",
                         '<!DOCTYPE html>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n'
                         f"        <title>{html.escape(title)}</title>\n        {_STYLE}")
    header = f"<header><h1>{html.escape(title)}</h1><p>{html.escape(summary)}</p></header>"
    page = _replace_once(page, r"<body>", f"<body>\n        {header}\n        {_legend()}")
    call = "\n              drawGraph();\n"
    page = _replace_once(page, re.escape(call), call + _AFTER_DRAW)
    if _REMOTE_REFERENCE.search(page):
        raise RuntimeError("the page would load a remote resource")
    return page


def _summary(graph: _Graph) -> str:
    return (f"{len(graph.actors)} actors, {len(graph.statements)} statements, "
            f"{len({event for event, _, _ in graph.interactions})} interactions. "
            "Hover a node or an edge to read the quotes.")


def to_html(store: Store, *, title: str = "geokg") -> str:
    """The graph in ``store`` (contract vocabulary, any named graphs) as a self-contained HTML page."""
    graph = _read_graph(store)
    page = _build_network(graph).generate_html(notebook=False)
    return _self_contained(page, title, _summary(graph))


def write_html(store: Store, path: Path, *, title: str = "geokg") -> None:
    """Write ``to_html`` to ``path`` atomically."""
    write_text_atomically(path, to_html(store, title=title))


__all__ = ["to_html", "write_html"]
