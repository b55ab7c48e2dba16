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
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pyoxigraph import QuerySolutions, Store
from pyvis.network import Network

from kg.export.files import write_text_atomically
from kg.models import ACTOR_TYPES, ActorType, clean_text
from kg.vocab import quad_classes

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
_STATEMENT_COLOUR = "#e8e2c8"
_BIG_GRAPH = 500  # actors above which the layout trades care for speed
_UNCLASSIFIED = ("interaction (no CAMEO type)", "#616161")
# The four CAMEO quad classes (``gkg:quadClass`` in the ontology): name and colour
_QUAD_CLASSES = {
    1: ("verbal cooperation", "#8bc34a"),
    2: ("material cooperation", "#1b7f3b"),
    3: ("verbal conflict", "#ff9800"),
    4: ("material conflict", "#d32f2f"),
}

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
SELECT ?article ?title ?source ?date WHERE {
  ?article a gkg:Article .
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:source ?source }
  OPTIONAL { ?article dcterms:date ?date }
}"""
_STATEMENTS = """
SELECT ?statement ?speaker ?quote ?direct ?article ?cue ?evidence WHERE {
  ?statement a gkg:Statement .
  OPTIONAL { ?statement gkg:speaker ?speaker }
  OPTIONAL { ?statement gkg:quote ?quote }
  OPTIONAL { ?statement gkg:direct ?direct }
  OPTIONAL { ?statement gkg:source ?article }
  OPTIONAL { ?statement gkg:cue ?cue }
  OPTIONAL { ?statement gkg:evidence ?evidence }
}"""
_MENTIONS = """
SELECT ?statement ?actor WHERE { ?statement a gkg:Statement ; gkg:mentions ?actor }"""
# A Statement's agent is its speaker; one with a target is an interaction too (CONTRACT.md).
_INTERACTIONS = """
SELECT ?event ?agent ?target ?notation ?typeLabel ?quote ?direct ?article ?evidence WHERE {
  VALUES ?class { gkg:Event gkg:Statement }
  ?event a ?class ; gkg:target ?target .
  { ?event gkg:agent ?agent } UNION { ?event gkg:speaker ?agent }
  OPTIONAL { ?event gkg:eventType ?type .
             OPTIONAL { ?type skos:notation ?notation }
             OPTIONAL { ?type skos:prefLabel ?typeLabel } }
  OPTIONAL { ?event gkg:quote ?quote }
  OPTIONAL { ?event gkg:direct ?direct }
  OPTIONAL { ?event gkg:source ?article }
  OPTIONAL { ?event gkg:evidence ?evidence }
}"""
_MENTIONED_IN = """
SELECT ?actor ?article WHERE { ?actor gkg:mentionedIn ?article }"""
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
    article_iri: str | None = None
    cue: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class _Interaction:
    agent: str
    target: str
    notation: str | None
    type_label: str | None
    quote: str | None
    direct: bool
    article: str
    article_iri: str | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class _Graph:
    actors: dict[str, _Actor]
    statements: dict[str, _Said]
    interactions: dict[tuple[str, str, str], _Interaction]  # (event, agent, target)
    affiliations: frozenset[tuple[str, str]]
    articles: dict[str, tuple[str, str | None]]  # iri -> (display name, date)
    mentioned_in: dict[str, frozenset[str]]  # actor -> articles


def _read_actors(store: Store) -> dict[str, _Actor]:
    actors = {}
    for iri, values in _grouped(store, _ACTORS, "actor").items():
        types = values["type"]
        actor_type = next(t for t in ACTOR_TYPES if _PREFIXES["gkg"] + t in types)
        label = _one(values, "label") or unquote(iri.rstrip("/#").rsplit("/", 1)[-1])  # the key (kg.iris.segment)
        aliases = tuple(sorted(values.get("alias", set()) - {label}))
        wikidata = sorted(m.group(1) for v in values.get("same", ()) if (m := _WIKIDATA_ENTITY.fullmatch(v)))
        actors[iri] = _Actor(iri, label, actor_type, aliases, wikidata[0] if wikidata else None)
    return actors


def _read_graph(store: Store) -> _Graph:
    articles = {
        iri: (_one(values, "title") or _one(values, "source") or "untitled article", _one(values, "date"))
        for iri, values in _grouped(store, _ARTICLES, "article").items()
    }
    article_names = {iri: name for iri, (name, _) in articles.items()}

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
            article_iri=_one(values, "article"),
            cue=_one(values, "cue"),
            evidence=_one(values, "evidence"),
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
                    article_iri=_one(values, "article"),
                    evidence=_one(values, "evidence"),
                )
    affiliations = frozenset(
        (person, org) for person, values in _grouped(store, _AFFILIATIONS, "person").items()
        for org in values["org"]
    )
    mentioned_in = {actor: frozenset(values["article"])
                    for actor, values in _grouped(store, _MENTIONED_IN, "actor").items()}
    return _Graph(_read_actors(store), statements, interactions, affiliations, articles, mentioned_in)


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
    return _QUAD_CLASSES.get(quad_classes().get(notation or "", 0), _UNCLASSIFIED)


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
    """How often each actor is mentioned: articles naming it plus statements and events it takes part in."""
    involved: dict[str, set[str]] = defaultdict(set)
    for iri, said in graph.statements.items():
        for actor in ({said.speaker} if said.speaker else set()) | said.mentions:
            involved[actor].add(iri)
    for event, agent, target in graph.interactions:
        involved[agent].add(event)
        involved[target].add(event)
    for actor, articles in graph.mentioned_in.items():
        involved[actor] |= articles
    return {actor: len(events) for actor, events in involved.items()}


def _top_actors(graph: _Graph, limit: int | None) -> _Graph:
    """The graph cut to the ``limit`` most mentioned actors (ties: by name)."""
    if limit is None or limit >= len(graph.actors):
        return graph
    involvement = _involvement(graph)
    ranked = sorted(graph.actors.values(),
                    key=lambda a: (-involvement.get(a.iri, 0), a.label.casefold(), a.label, a.iri))
    kept = {actor.iri: actor for actor in ranked[:max(limit, 0)]}
    return _Graph(kept, graph.statements, graph.interactions, graph.affiliations, graph.articles,
                  graph.mentioned_in)


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
        lines += ["", "Click for the full record."]
        tips[iri] = "\n".join(lines)
    return tips


EdgeKey = tuple[int, str, str, str]  # (rank of the kind of edge, from actor, to actor, detail of the kind)
Edges = dict[EdgeKey, dict[str, Any]]  # -> vis edge options


@dataclass(frozen=True)
class _Index:
    """Stable positions of the articles, statements and (non-statement) events in the page's data."""
    articles: dict[str, int]
    statements: dict[str, int]
    events: dict[str, int]


def _index(graph: _Graph) -> _Index:
    articles = sorted(graph.articles, key=lambda iri: (graph.articles[iri][0], graph.articles[iri][1] or "", iri))

    def speaker_name(iri: str | None) -> str:
        return graph.actors[iri].label if iri in graph.actors else ""

    statements = sorted(graph.statements, key=lambda iri: (
        graph.statements[iri].article, speaker_name(graph.statements[iri].speaker), graph.statements[iri].quote, iri))
    events = sorted({event for event, _, _ in graph.interactions if event not in graph.statements})
    return _Index({iri: i for i, iri in enumerate(articles)}, {iri: i for i, iri in enumerate(statements)},
                  {iri: i for i, iri in enumerate(events)})


def _name(graph: _Graph, iri: str) -> str:
    return _clip(graph.actors[iri].label, _LABEL_LIMIT)


def _said_about_edges(graph: _Graph, index: _Index) -> Edges:
    """Speaker -> each actor named in what they said, one edge per pair."""
    quotes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for iri, said in graph.statements.items():
        if said.speaker in graph.actors:
            for mentioned in said.mentions:
                if mentioned in graph.actors and mentioned != said.speaker:  # self-reference is no relation
                    quotes[(said.speaker, mentioned)].append(iri)
    edges: Edges = {}
    for (speaker, mentioned), group in quotes.items():
        saids = [graph.statements[iri] for iri in group]
        lines = [f"{_quoted(s.quote, s.direct)} \u2014 {_clip(s.article)}" for s in saids]
        heading = f"{_name(graph, speaker)} said about {_name(graph, mentioned)} ({len(group)}):"
        edges[(0, speaker, mentioned, "")] = {
            "color": _SAID_ABOUT_COLOUR, "width": _width(len(group)),
            "smooth": _SAID_CURVE, "tip": "\n".join([heading, *_listed(lines)]),
            "cls": "said", "said": sorted(index.statements[iri] for iri in group), "events": [], "roots": [],
            "arts": sorted({index.articles[s.article_iri] for s in saids if s.article_iri in index.articles})}
    return edges


def _interaction_edges(graph: _Graph, index: _Index) -> Edges:
    """Agent -> target, one edge per pair and quad class."""
    acts: dict[tuple[str, str, str], list[tuple[str, _Interaction]]] = defaultdict(list)
    for (event, _, _), act in graph.interactions.items():
        if act.agent in graph.actors and act.target in graph.actors:
            acts[(act.agent, act.target, _quad_class(act.notation)[0])].append((event, act))
    edges: Edges = {}
    for (agent, target, class_name), group in acts.items():
        lines = []
        for _, act in group:
            described = " ".join(filter(None, [act.notation, act.type_label]))
            kind = described or ("said" if act.quote else "event")
            quoted = f": {_quoted(act.quote, act.direct)}" if act.quote else ""
            lines.append(f"{_clip(kind)}{quoted} \u2014 {_clip(act.article)}")
        heading = f"{_name(graph, agent)} \u2192 {_name(graph, target)}, {class_name} ({len(group)}):"
        edges[(1, agent, target, class_name)] = {
            "color": _quad_class(group[0][1].notation)[1], "width": _width(len(group)),
            "smooth": _INTERACTION_CURVE, "tip": "\n".join([heading, *_listed(lines)]),
            "cls": class_name,
            "said": sorted({index.statements[e] for e, _ in group if e in index.statements}),
            "events": sorted({index.events[e] for e, _ in group if e in index.events}),
            "roots": sorted({a.notation[:2] for _, a in group if a.notation and a.notation[:2].isdigit()}),
            "arts": sorted({index.articles[a.article_iri] for _, a in group if a.article_iri in index.articles})}
    return edges


def _affiliation_edges(graph: _Graph) -> Edges:
    return {
        (2, person, org, ""): {"color": _AFFILIATION_COLOUR, "width": 1.5, "dashes": True, "smooth": False,
                               "tip": f"{_name(graph, person)} is affiliated with {_name(graph, org)}",
                               "cls": "affiliated with", "said": [], "events": [], "roots": [], "arts": []}
        for person, org in graph.affiliations if person in graph.actors and org in graph.actors
    }


def _options(nodes: int) -> dict[str, Any]:
    """vis options: a careful layout for small graphs, a fast one that still settles for big ones."""
    if nodes <= _BIG_GRAPH:
        return _OPTIONS
    return {
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 120, "springConstant": 0.03,
                          "damping": 0.4, "avoidOverlap": 0.1},
            "stabilization": {"enabled": True, "iterations": 160, "updateInterval": 40, "fit": True},
            "minVelocity": 1.5,
        },
        "interaction": {"hover": False, "tooltipDelay": 200, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True},
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "smooth": False},
    }


def _statement_nodes(graph: _Graph, index: _Index, position: dict[str, int]) -> tuple[list[dict[str, Any]],
                                                                                      list[dict[str, Any]]]:
    """The full view: one node per statement, speaker -> statement -> every actor it names or targets."""
    targets: dict[str, set[str]] = defaultdict(set)
    for (event, _, target) in graph.interactions:
        if event in graph.statements:
            targets[event].add(target)
    nodes, edges = [], []
    for iri, number in sorted(index.statements.items(), key=lambda item: item[1]):
        said = graph.statements[iri]
        node_id = f"s{number}"
        arts = [index.articles[said.article_iri]] if said.article_iri in index.articles else []
        nodes.append({"id": node_id, "label": _clip(said.quote, 40), "shape": "box", "color": _STATEMENT_COLOUR,
                      "size": 10, "font": {"size": 11}, "tip": _quoted(said.quote, said.direct),
                      "type": "Statement", "arts": arts, "statement": number})
        if said.speaker in position:
            edges.append({"from": f"n{position[said.speaker]}", "to": node_id, "color": _SAID_ABOUT_COLOUR,
                          "width": 1.5, "cls": "said", "said": [number], "events": [], "roots": [], "arts": arts,
                          "tip": "said"})
        for actor in sorted(said.mentions | targets[iri], key=lambda a: position.get(a, -1)):
            if actor in position:
                edges.append({"from": node_id, "to": f"n{position[actor]}", "color": _SAID_ABOUT_COLOUR,
                              "width": 1, "dashes": True, "cls": "said", "said": [number], "events": [],
                              "roots": [], "arts": arts, "tip": "names" if actor in said.mentions else "targets"})
    return nodes, edges


def _build_network(graph: _Graph, index: _Index, view: str) -> tuple[Network, dict[str, int]]:
    net = Network(height="700px", width="100%", directed=True, cdn_resources="in_line", heading="")
    big = len(graph.actors) > _BIG_GRAPH
    net.options = _options(len(graph.actors))  # a dict is written out as JSON as it is
    ordered = sorted(graph.actors.values(), key=lambda a: (a.label.casefold(), a.label, a.iri))
    position = {actor.iri: index for index, actor in enumerate(ordered)}
    involvement = _involvement(graph)
    tips = _node_tips(graph)
    arts_of: dict[str, set[int]] = defaultdict(set)
    for named, articles in graph.mentioned_in.items():
        arts_of[named] |= {index.articles[a] for a in articles if a in index.articles}
    for said in graph.statements.values():
        if said.article_iri in index.articles:
            for named in ({said.speaker} if said.speaker else set()) | said.mentions:
                arts_of[named].add(index.articles[said.article_iri])
    for act in graph.interactions.values():
        if act.article_iri in index.articles:
            arts_of[act.agent].add(index.articles[act.article_iri])
            arts_of[act.target].add(index.articles[act.article_iri])
    for actor in ordered:  # pyvis's add_node/add_edge look for duplicates in lists: too slow for big graphs
        colour, shape = _NODE_STYLE[actor.type]
        net.nodes.append({"id": f"n{position[actor.iri]}", "label": _name(graph, actor.iri), "shape": shape,
                          "color": colour, "size": _node_size(involvement.get(actor.iri, 0)),
                          "tip": tips[actor.iri], "type": actor.type, "arts": sorted(arts_of[actor.iri])})
    edges = _interaction_edges(graph, index) | _affiliation_edges(graph)
    if view == "actors":
        edges |= _said_about_edges(graph, index)

    def order(key: EdgeKey) -> tuple[int, int, int, str]:
        rank, source, target, detail = key
        return rank, position[source], position[target], detail

    drawn = [{"from": f"n{position[key[1]]}", "to": f"n{position[key[2]]}", **edges[key]}
             for key in sorted(edges, key=order)]
    if view == "full":
        statement_nodes, statement_edges = _statement_nodes(graph, index, position)
        net.nodes.extend(statement_nodes)
        drawn.extend(statement_edges)
    for number, edge in enumerate(drawn):
        if big:
            edge.pop("smooth", None)
        net.edges.append({"id": f"e{number}", **edge})
    return net, position


def _page_data(graph: _Graph, index: _Index, position: dict[str, int]) -> dict[str, Any]:
    """What the side panel and the search read: every string stays data, shown through textContent."""
    def node(iri: str | None) -> str | None:
        return f"n{position[iri]}" if iri in position else None

    def article(iri: str | None) -> int:
        return index.articles.get(iri, -1) if iri else -1

    articles = [list(graph.articles[iri]) for iri in sorted(index.articles, key=index.articles.__getitem__)]
    targets: dict[str, set[str]] = defaultdict(set)
    for (event, _, target) in graph.interactions:
        targets[event].add(target)
    first_act: dict[str, _Interaction] = {}
    for (event, _, _), act in sorted(graph.interactions.items()):
        first_act.setdefault(event, act)
    statements = []
    for iri in sorted(index.statements, key=index.statements.__getitem__):
        said = graph.statements[iri]
        typed = first_act.get(iri)
        statements.append({
            "by": node(said.speaker), "q": said.quote, "d": said.direct, "cue": said.cue,
            "a": article(said.article_iri),
            "ev": said.evidence, "m": sorted(filter(None, map(node, said.mentions))),
            "t": sorted(filter(None, map(node, targets[iri]))),
            "code": typed.notation if typed else None, "type": typed.type_label if typed else None})
    events = []
    for iri in sorted(index.events, key=index.events.__getitem__):
        act = first_act[iri]
        events.append({"by": node(act.agent), "t": sorted(filter(None, map(node, targets[iri]))),
                       "code": act.notation, "type": act.type_label, "a": article(act.article_iri),
                       "ev": act.evidence, "cls": _quad_class(act.notation)[0]})
    orgs: dict[str, list[str]] = defaultdict(list)
    for person, org in sorted(graph.affiliations):
        if org in position:
            orgs[person].append(f"n{position[org]}")
    actors = {f"n{number}": {"names": [graph.actors[iri].label, *graph.actors[iri].aliases],
                             "type": graph.actors[iri].type, "wikidata": graph.actors[iri].wikidata,
                             "aff": sorted(orgs[iri], key=lambda n: int(n[1:]))}
              for iri, number in position.items()}
    return {"articles": articles, "actors": actors, "statements": statements, "events": events}


# --- the page ----------------------------------------------------------------------------------------

# Runs right after pyvis's drawGraph() in the same <script>, before vis's first (asynchronous)
# stabilisation step, so the "stabilizationIterationsDone" listener cannot miss the event.
_AFTER_DRAW = """
              (function () {
                var data = JSON.parse(document.getElementById("kg-data").textContent);
                // Every string from the graph becomes DOM text (textContent), never markup.
                function el(tag, text, cls) {
                  var element = document.createElement(tag);
                  if (text !== undefined && text !== null) { element.textContent = text; }
                  if (cls) { element.className = cls; }
                  return element;
                }
                [nodes, edges].forEach(function (items) {
                  items.update(items.get().filter(function (item) { return typeof item.tip === "string"; })
                    .map(function (item) { return {id: item.id, title: el("div", item.tip, "kg-tip")}; }));
                });
                // Stabilise once, then stop: the drawing stays still.
                network.once("stabilizationIterationsDone", function () {
                  network.setOptions({physics: {enabled: false}});
                  document.body.setAttribute("data-kg-stable", "1");
                });

                function norm(text) {
                  return String(text).toLowerCase().replace(/\\s+/g, " ").trim().replace(/^the /, "");
                }
                var names = Object.keys(data.actors).map(function (id) {
                  return {id: id, names: data.actors[id].names.map(norm)};
                });
                function search(text) {  // node ids, exact names first
                  var query = norm(text), exact = [], partial = [];
                  if (!query) { return []; }
                  names.forEach(function (actor) {
                    if (actor.names.indexOf(query) >= 0) { exact.push(actor.id); }
                    else if (actor.names.some(function (n) { return n.indexOf(query) >= 0; })) {
                      partial.push(actor.id);
                    }
                  });
                  return exact.concat(partial);
                }
                function label(id) {
                  if (data.actors[id]) { return data.actors[id].names[0]; }
                  var node = nodes.get(id);
                  return node ? node.label : "?";
                }
                function articleText(i) {
                  if (i < 0) { return "unknown article"; }
                  var article = data.articles[i];
                  return article[1] ? article[0] + " (" + article[1] + ")" : article[0];
                }

                var panel = document.getElementById("kg-panel");
                function openPanel(title, subtitle) {
                  while (panel.firstChild) { panel.removeChild(panel.firstChild); }
                  var close = el("button", "\\u00d7", "kg-close");
                  close.type = "button";
                  close.title = "Close";
                  close.addEventListener("click", function () { panel.hidden = true; });
                  panel.appendChild(close);
                  panel.appendChild(el("h2", title));
                  if (subtitle) { panel.appendChild(el("p", subtitle, "kg-sub")); }
                  panel.hidden = false;
                }
                function section(title, items, cls) {
                  if (!items.length) { return; }
                  panel.appendChild(el("h3", title + " (" + items.length + ")"));
                  var list = el("ul", null, cls);
                  items.forEach(function (item) { list.appendChild(item); });
                  panel.appendChild(list);
                }
                function statementItem(s, who) {
                  var item = el("li", null, "kg-statement " + (s.d ? "direct" : "reported"));
                  item.appendChild(el("div", s.d ? "\\u201c" + s.q + "\\u201d" : s.q, "kg-quote"));
                  var meta = [who, s.d ? "direct" : "reported"];
                  if (s.cue) { meta.push("cue: " + s.cue); }
                  if (s.t.length) { meta.push("toward " + s.t.map(label).join(", ")); }
                  if (s.code) { meta.push("CAMEO " + s.code + (s.type ? " " + s.type : "")); }
                  meta.push(articleText(s.a));
                  item.appendChild(el("div", meta.join(" \\u00b7 "), "kg-meta"));
                  if (s.ev) { item.appendChild(el("div", s.ev, "kg-evidence")); }
                  return item;
                }
                function eventItem(e) {
                  var item = el("li", null, "kg-event");
                  item.appendChild(el("div", label(e.by) + " \\u2192 " + e.t.map(label).join(", ") + ": " +
                    (e.code ? e.code + " " : "") + (e.type || "event"), "kg-quote"));
                  item.appendChild(el("div", e.cls + " \\u00b7 " + articleText(e.a), "kg-meta"));
                  if (e.ev) { item.appendChild(el("div", e.ev, "kg-evidence")); }
                  return item;
                }
                function showNode(id) {
                  var actor = data.actors[id];
                  if (!actor) {
                    var node = nodes.get(id);
                    if (node && node.statement !== undefined) {
                      var s = data.statements[node.statement];
                      openPanel("Statement", null);
                      section("Statement", [statementItem(s, label(s.by) + " said")], "kg-said");
                    }
                    return;
                  }
                  openPanel(actor.names[0], actor.type + (actor.wikidata ? " \\u00b7 Wikidata " + actor.wikidata : ""));
                  if (actor.names.length > 1) {
                    panel.appendChild(el("p", "Also called: " + actor.names.slice(1).join("; "), "kg-names"));
                  }
                  section("Affiliated with", actor.aff.map(function (o) { return el("li", label(o)); }), "kg-aff");
                  var said = [], about = [], by = [], toward = [];
                  data.statements.forEach(function (s) {
                    if (s.by === id) { said.push(statementItem(s, "said")); }
                    else if (s.m.indexOf(id) >= 0 || s.t.indexOf(id) >= 0) {
                      about.push(statementItem(s, label(s.by) + " said"));
                    }
                  });
                  data.events.forEach(function (e) {
                    if (e.by === id) { by.push(eventItem(e)); }
                    if (e.t.indexOf(id) >= 0) { toward.push(eventItem(e)); }
                  });
                  section("Said", said, "kg-said");
                  section("Said about or to " + actor.names[0], about, "kg-about");
                  section("Events by " + actor.names[0], by, "kg-events-by");
                  section("Events toward " + actor.names[0], toward, "kg-events-toward");
                }
                function showEdge(id) {
                  var edge = edges.get(id);
                  if (!edge) { return; }
                  openPanel(label(edge.from) + " \\u2192 " + label(edge.to),
                            edge.cls === "said" ? "said about" : edge.cls);
                  section("Statements", edge.said.map(function (i) {
                    var s = data.statements[i];
                    return statementItem(s, label(s.by) + " said");
                  }), "kg-said");
                  section("Events", edge.events.map(function (i) { return eventItem(data.events[i]); }), "kg-events");
                }
                function select(id) {
                  network.selectNodes([id]);
                  network.focus(id, {scale: 1.2, animation: false});
                  showNode(id);
                }
                network.on("click", function (params) {
                  if (params.nodes.length) { showNode(params.nodes[0]); }
                  else if (params.edges.length) { showEdge(params.edges[0]); }
                });

                var box = document.getElementById("kg-search"), results = document.getElementById("kg-results");
                function listResults() {
                  while (results.firstChild) { results.removeChild(results.firstChild); }
                  search(box.value).slice(0, 12).forEach(function (id) {
                    var button = el("button", label(id) + " (" + data.actors[id].type + ")", "kg-result");
                    button.type = "button";
                    button.addEventListener("click", function () { select(id); });
                    results.appendChild(button);
                  });
                }
                box.addEventListener("input", listResults);
                box.addEventListener("keydown", function (event) {
                  if (event.key === "Enter") {
                    var found = search(box.value);
                    if (found.length) { select(found[0]); }
                  }
                });

                var articleSelect = document.getElementById("kg-article");
                data.articles.forEach(function (article, i) {
                  var option = el("option", articleText(i));
                  option.value = String(i);
                  articleSelect.appendChild(option);
                });
                function checked(cls) {
                  var states = {};
                  document.querySelectorAll("input." + cls).forEach(function (b) { states[b.value] = b.checked; });
                  return states;
                }
                function applyFilters() {
                  var types = checked("kg-type"), classes = checked("kg-class");
                  var article = articleSelect.value === "" ? -1 : Number(articleSelect.value);
                  var root = document.getElementById("kg-root").value, shown = {};
                  nodes.update(nodes.get({fields: ["id", "type", "arts"]}).map(function (n) {
                    var visible = types[n.type] !== false && (article < 0 || n.arts.indexOf(article) >= 0);
                    shown[n.id] = visible;
                    return {id: n.id, hidden: !visible};
                  }));
                  edges.update(edges.get({fields: ["id", "from", "to", "cls", "arts", "roots"]}).map(function (e) {
                    var visible = shown[e.from] && shown[e.to] && classes[e.cls] !== false &&
                      (article < 0 || e.arts.indexOf(article) >= 0 || e.cls === "affiliated with") &&
                      (root === "" || e.roots.indexOf(root) >= 0);
                    return {id: e.id, hidden: !visible};
                  }));
                }
                document.querySelectorAll("input.kg-type, input.kg-class, select.kg-filter").forEach(function (c) {
                  c.addEventListener("change", applyFilters);
                });
                window.kg = {data: data, search: search, select: select, showNode: showNode, showEdge: showEdge,
                             applyFilters: applyFilters};
              })();
"""

_STYLE = """<style>
  body { font-family: sans-serif; margin: 8px; }
  header h1 { font-size: 20px; margin: 4px 0; }
  header p { font-size: 13px; color: #555555; margin: 0 0 6px 0; }
  .kg-tools { font-size: 13px; margin: 0 0 6px 0; line-height: 2; }
  .kg-tools fieldset { display: inline; border: 1px solid #dddddd; border-radius: 4px; padding: 0 6px;
                       margin: 0 6px 0 0; }
  .kg-tools label { margin-right: 6px; white-space: nowrap; }
  #kg-search { width: 18em; font-size: 13px; }
  #kg-results { display: inline; }
  .kg-result { font-size: 12px; margin: 0 3px; }
  .kg-legend { position: absolute; top: 172px; right: 18px; z-index: 5; background: rgba(255,255,255,0.92);
               border: 1px solid #cccccc; border-radius: 4px; padding: 6px 10px; font-size: 13px;
               line-height: 1.5; pointer-events: none; }
  .kg-legend b { display: block; margin-top: 4px; }
  .kg-legend .line { display: inline-block; width: 26px; vertical-align: middle; margin-right: 6px;
                     border-top-style: solid; border-top-width: 3px; }
  .kg-legend .shape { display: inline-block; width: 26px; text-align: center; margin-right: 6px;
                      font-size: 17px; }
  #kg-panel { position: absolute; top: 172px; left: 18px; z-index: 6; width: 390px; max-height: 680px;
              overflow: auto; background: #ffffff; border: 1px solid #bbbbbb; border-radius: 4px;
              padding: 6px 12px; font-size: 13px; box-shadow: 0 2px 8px rgba(0,0,0,0.15); }
  #kg-panel[hidden] { display: none; }
  #kg-panel h2 { font-size: 17px; margin: 4px 24px 2px 0; }
  #kg-panel h3 { font-size: 14px; margin: 10px 0 4px 0; }
  #kg-panel ul { padding-left: 16px; margin: 0; }
  #kg-panel li { margin-bottom: 6px; }
  .kg-close { position: absolute; top: 4px; right: 6px; border: none; background: none; font-size: 18px;
              cursor: pointer; }
  .kg-sub, .kg-names { color: #555555; margin: 2px 0; }
  .kg-meta { color: #666666; font-size: 12px; }
  .kg-evidence { color: #444444; font-size: 12px; font-style: italic; }
  .kg-tip { white-space: pre-wrap; max-width: 34em; font-family: sans-serif; font-size: 13px; }
</style>"""


def _legend() -> str:
    rows = ["<b>Actors</b>"]
    for actor_type, (colour, shape) in _NODE_STYLE.items():
        rows.append(f'<span class="shape" style="color: {colour}">{_LEGEND_SYMBOL[shape]}</span>'
                    f"{html.escape(actor_type)}")
    rows.append("<b>Edges</b>")
    lines = [("said about (quote names the actor)", _SAID_ABOUT_COLOUR, "solid")]
    lines += [(name, colour, "solid") for name, colour in _QUAD_CLASSES.values()]
    lines += [(*_UNCLASSIFIED, "solid"), ("affiliated with", _AFFILIATION_COLOUR, "dashed")]
    for label, colour, style in lines:
        swatch = f'<span class="line" style="border-top-color: {colour}; border-top-style: {style}"></span>'
        rows.append(swatch + html.escape(label))
    rows.append("Node size: articles, statements and events mentioning the actor")
    return '<div class="kg-legend">\n' + "\n".join(f"<div>{row}</div>" for row in rows) + "\n</div>"


_CAMEO_ROOTS = ("make public statement", "appeal", "express intent to cooperate", "consult",
                "diplomatic cooperation", "material cooperation", "provide aid", "yield", "investigate", "demand",
                "disapprove", "reject", "threaten", "protest", "exhibit military posture", "reduce relations",
                "coerce", "assault", "fight", "use unconventional mass violence")
VIEWS = ("actors", "full")


def _tools(view: str) -> str:
    """Search box and filters; the article list is filled in by the page's script from its data."""
    types = [*ACTOR_TYPES, *(["Statement"] if view == "full" else [])]
    boxes = "".join(f'<label><input type="checkbox" class="kg-type" value="{html.escape(t)}" checked> '
                    f"{html.escape(t)}</label>" for t in types)
    classes = [("said", "said about"), *[(name, name) for name, _ in _QUAD_CLASSES.values()],
               (_UNCLASSIFIED[0], "no CAMEO type"), ("affiliated with", "affiliated with")]
    class_boxes = "".join(f'<label><input type="checkbox" class="kg-class" value="{html.escape(value)}" checked> '
                          f"{html.escape(name)}</label>" for value, name in classes)
    roots = "".join(f'<option value="{number:02d}">{number:02d} {html.escape(name)}</option>'
                    for number, name in enumerate(_CAMEO_ROOTS, start=1))
    return ('<div class="kg-tools">\n'
            '<input id="kg-search" type="search" placeholder="Find an actor by any name" autocomplete="off" '
            'aria-label="Find an actor"> <span id="kg-results"></span><br>\n'
            f"<fieldset><legend>Actor types</legend>{boxes}</fieldset>\n"
            f"<fieldset><legend>Edges</legend>{class_boxes}</fieldset>\n"
            f'<select id="kg-root" class="kg-filter" aria-label="CAMEO root"><option value="">any CAMEO root'
            f"</option>{roots}</select>\n"
            '<select id="kg-article" class="kg-filter" aria-label="Article"><option value="">all articles'
            "</option></select>\n</div>")


def _data_script(data: dict[str, Any]) -> str:
    """The page's data as JSON in an inert script element; ``<``, ``>``, ``&`` escaped so nothing closes it."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="kg-data">{text}</script>'


def _replace_once(page: str, pattern: str, replacement: str, count: int = 1) -> str:
    """Edit pyvis's output where it is expected to be; a different pyvis fails here, not silently."""
    edited, found = re.subn(pattern, lambda _: replacement, page, flags=re.DOTALL)
    if found != count:
        raise RuntimeError(f"pyvis page: expected {count} match(es) of {pattern!r}, found {found}")
    return edited


# a URL with a scheme or protocol-relative, in an attribute that makes the browser fetch it
_REMOTE_REFERENCE = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//""", re.IGNORECASE)


def _self_contained(page: str, title: str, summary: str, view: str, data: str) -> str:
    page = _replace_once(page, r"\s*<link\s[^>]*bootstrap[^>]*>", "")
    page = _replace_once(page, r"\s*<script\s[^>]*bootstrap[^>]*>\s*</script>", "")
    page = _replace_once(page, r"\s*<!--.*?-->", "")  # pyvis's commented-out node_modules tags
    page = _replace_once(page, r"\s*<center>\s*<h1></h1>\s*</center>", "", count=2)
    page = _replace_once(page, r"\n//# sourceMappingURL=vis-network\.min\.js\.map", "")
    page = _replace_once(page, r"\A<html>\s*<head>\s*<meta charset=\"utf-8\">",
                         '<!DOCTYPE html>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n'
                         f"        <title>{html.escape(title)}</title>\n        {_STYLE}")
    header = f"<header><h1>{html.escape(title)}</h1><p>{html.escape(summary)}</p></header>"
    page = _replace_once(page, r"<body>", f"<body>\n        {header}\n        {_tools(view)}\n        {_legend()}\n"
                         f'        <div id="kg-panel" hidden></div>\n        {data}')
    call = "\n              drawGraph();\n"
    page = _replace_once(page, re.escape(call), call + _AFTER_DRAW)
    if _REMOTE_REFERENCE.search(page):
        raise RuntimeError("the page would load a remote resource")
    return page


def _summary(graph: _Graph) -> str:
    return (f"{len(graph.actors)} actors, {len(graph.statements)} statements, "
            f"{len({event for event, _, _ in graph.interactions})} interactions. "
            "Hover a node or an edge to read the quotes; click it for the full record.")


def to_html(store: Store, *, title: str = "geokg", view: str = "actors", max_actors: int | None = None) -> str:
    """The graph in ``store`` (contract vocabulary, any named graphs) as a self-contained HTML page.

    ``view`` is ``"actors"`` (actors as nodes, what they said and did as edges) or ``"full"`` (statements
    as nodes too); ``max_actors`` keeps the most mentioned actors only.
    """
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose from {', '.join(VIEWS)}")
    graph = _top_actors(_read_graph(store), max_actors)
    index = _index(graph)
    network, position = _build_network(graph, index, view)
    page = network.generate_html(notebook=False)
    data = _data_script(_page_data(graph, index, position))
    # the graph's strings come cleaned from the store; the title (an argument) may not be: a lone surrogate
    # could not be written as UTF-8
    return _self_contained(page, clean_text(title), _summary(graph), view, data)


def write_html(store: Store, path: Path, *, title: str = "geokg", view: str = "actors",
               max_actors: int | None = None) -> None:
    """Write ``to_html`` to ``path`` atomically."""
    write_text_atomically(path, to_html(store, title=title, view=view, max_actors=max_actors))


def html_from_sources(sources: Iterable[str | Path], path: str | Path, *, view: str = "actors",
                      max_actors: int | None = None, title: str = "geokg") -> Path:
    """Draw exported graph files or an Oxigraph store (``kg.sources.open_sources``) into the page at ``path``.

    Raises ``kg.sources.SourceError`` when a source cannot be read, ``ValueError`` for a bad view or cap.
    """
    from kg.sources import open_sources

    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose from {', '.join(VIEWS)}")
    if max_actors is not None and max_actors < 1:
        raise ValueError(f"--max-actors must be at least 1, not {max_actors}")
    store = open_sources(sources)
    target = Path(path)
    write_html(store, target, title=title, view=view, max_actors=max_actors)
    return target


__all__ = ["VIEWS", "html_from_sources", "to_html", "write_html"]
