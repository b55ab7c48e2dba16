"""``kg eval``: score a built graph against gold annotations of the same articles.

The figures are those of the shared scorer described in the gold guide (actors, direct quotes,
indirect statements, events, affiliations and their mean ``overall``), so that users measure
geokg on their own annotated articles the way the project measures itself. The graph is read
only through the public vocabulary (``gkg:``, ``rdfs:label``, ``owl:sameAs`` ...), with one
SPARQL query over the union of its named graphs.

Gold: one JSON file per article, ``{"article": "name.txt", "actors": [...], "quotes": [...], ...}``
(see ``read_gold``). A gold article that is not in the graph scores zero.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Store

from kg.models import ACTOR_TYPES, ReadFailure
from kg.sources import RDF_FORMATS
from kg.vocab import GKG

Node = NamedNode | BlankNode | Literal

SCOPES = ("actors", "quotes", "indirect", "events", "affiliations")
METRICS = ("actor_p", "actor_r", "actor_f1", "actor_type_acc", "linking_acc",
           "quote_p", "quote_r", "quote_attr_r", "quote_f1",
           "indirect_p", "indirect_r", "indirect_attr_r", "indirect_f1",
           "event_p", "event_r", "event_f1", "event_typed_r",
           "affil_p", "affil_r", "affil_f1", "overall", "articles", "articles_found")

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
_NOTATION = "http://www.w3.org/2004/02/skos/core#notation"
_SOURCE = "http://purl.org/dc/terms/source"
_SAME_AS = ("http://www.w3.org/2002/07/owl#sameAs", "https://schema.org/sameAs", "http://schema.org/sameAs")
_WIKIDATA = ("http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/",
             "https://www.wikidata.org/wiki/", "http://www.wikidata.org/wiki/")
_ACTOR_TYPES = {str(GKG[actor_type]): actor_type for actor_type in ACTOR_TYPES}
_READ_PREDICATES = (_RDF_TYPE, _LABEL, _ALT_LABEL, _NOTATION, _SOURCE, *_SAME_AS,
                    *(str(p) for p in (GKG.mentionedIn, GKG.source, GKG.quote, GKG.direct, GKG.speaker,
                                       GKG.agent, GKG.target, GKG.eventType, GKG.affiliatedWith)))
# ---------------------------------------------------------------- text


def normal_name(name: str) -> str:
    """A name as compared with gold names: casefolded, no leading "the", no possessive, no punctuation."""
    name = unicodedata.normalize("NFKC", name).casefold().strip()
    name = name.replace("\u2019", "'").replace(".", "")
    name = re.sub(r"^(the)\s+", "", name)
    name = re.sub(r"['\u2019]s$", "", name)
    name = re.sub(r"[^\w\s]", " ", name)
    return re.sub(r"\s+", " ", name).strip()


_WORD = re.compile(r"[\w$%.]+")


def words(text: str) -> frozenset[str]:
    """The set of casefolded words of a text; quotes are compared as word sets, not strings."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    return frozenset(w.strip(".") for w in _WORD.findall(text) if w.strip("."))


def containment(part: frozenset[str], whole: frozenset[str]) -> float:
    """Share of ``part``'s words that are also in ``whole``."""
    return len(part & whole) / len(part) if part else 0.0


# ---------------------------------------------------------------- gold


class GoldError(ValueError):
    """A gold file that cannot be read or does not follow the format."""


@dataclass(frozen=True)
class GoldActor:
    name: str
    type: str
    wikidata: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class GoldUtterance:
    speaker: str | None  # optional items may be bare texts, without a speaker
    text: str


@dataclass(frozen=True)
class GoldEvent:
    agents: tuple[str, ...]  # every acceptable gold actor name
    targets: tuple[str, ...]
    types: frozenset[str]  # acceptable CAMEO roots


@dataclass(frozen=True)
class Gold:
    """One annotated article."""

    article: str
    scope: frozenset[str]
    actors: tuple[GoldActor, ...]
    optional_actors: tuple[GoldActor, ...]
    quotes: tuple[GoldUtterance, ...]
    optional_quotes: tuple[GoldUtterance, ...]
    indirect: tuple[GoldUtterance, ...]
    optional_indirect: tuple[GoldUtterance, ...]
    events: tuple[GoldEvent, ...]
    optional_events: tuple[GoldEvent, ...]
    affiliations: frozenset[tuple[str, str]]
    optional_affiliations: frozenset[tuple[str, str]]


def _gold_from_json(data: Mapping[str, Any]) -> Gold:
    def actors(key: str) -> tuple[GoldActor, ...]:
        return tuple(GoldActor(str(a["name"]), str(a["type"]), a.get("wikidata") or None,
                               tuple(map(str, a.get("aliases", ())))) for a in data.get(key, ()))

    def utterances(key: str) -> tuple[GoldUtterance, ...]:
        return tuple(GoldUtterance(str(u["speaker"]), str(u["text"])) if isinstance(u, dict)
                     else GoldUtterance(None, str(u)) for u in data.get(key, ()))

    def events(key: str) -> tuple[GoldEvent, ...]:
        return tuple(GoldEvent(tuple(e["agent"]), tuple(e["target"]), frozenset(e.get("types", ())))
                     for e in data.get(key, ()))

    def pairs(key: str) -> frozenset[tuple[str, str]]:
        return frozenset((str(x["person"]), str(x["org"])) for x in data.get(key, ()))

    scope = frozenset(data.get("scope", SCOPES))
    if not scope <= set(SCOPES):
        raise GoldError(f"unknown scope {', '.join(sorted(scope - set(SCOPES)))}; choose from {', '.join(SCOPES)}")
    return Gold(str(data["article"]), scope, actors("actors"), actors("optional_actors"),
                utterances("quotes"), utterances("optional_quotes"),
                utterances("indirect"), utterances("optional_indirect"),
                events("events"), events("optional_events"),
                pairs("affiliations"), pairs("optional_affiliations"))


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The gold files named: files as given, folders as their ``*.json`` in name order."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.glob("*.json"))
            if not found:
                raise GoldError(f"{path}: no .json gold files in this folder")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise GoldError(f"{path}: no such gold file or folder")
    return files


def read_gold(paths: Iterable[str | Path]) -> tuple[Gold, ...]:
    """Read gold files (or folders of ``*.json``); raises ``GoldError`` naming the file at fault.

    A gold file: ``article`` (the input's file name), ``actors`` and ``optional_actors`` (``name``,
    ``type``, ``wikidata``, ``aliases``), ``quotes``/``indirect`` and their ``optional_`` lists
    (``speaker`` = a gold actor's name, ``text``), ``events``/``optional_events`` (``agent`` and
    ``target``: lists of acceptable gold names, ``types``: acceptable CAMEO roots),
    ``affiliations``/``optional_affiliations`` (``person``, ``org``), and an optional ``scope``
    listing the kinds the file annotates (the others are neither counted nor penalised).
    """
    golds = []
    for path in gold_files(paths):
        try:
            golds.append(_gold_from_json(json.loads(path.read_text(encoding="utf-8"))))
        except GoldError as exc:
            raise GoldError(f"{path}: {exc}") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"{path}: cannot read: {exc}") from None
        except (KeyError, TypeError, AttributeError) as exc:
            raise GoldError(f"{path}: not a gold file (missing or malformed {exc})") from None
    return tuple(golds)


# ---------------------------------------------------------------- graph


def _order(node: Node) -> str:
    return node.value


class GraphView:
    """The triples the scorer reads (one SPARQL query over the union of all graphs), indexed."""

    def __init__(self, store: Store) -> None:
        values = " ".join(f"<{p}>" for p in _READ_PREDICATES)
        self._objects: dict[tuple[str, Node], list[Node]] = defaultdict(list)
        self._subjects: dict[tuple[str, Node], list[Node]] = defaultdict(list)
        rows = store.query(f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}",
                           use_default_graph_as_union=True)
        for row in rows:  # type: ignore[union-attr]
            s, p, o = row["s"], row["p"], row["o"]
            assert isinstance(p, NamedNode) and isinstance(s, NamedNode | BlankNode)
            assert isinstance(o, NamedNode | BlankNode | Literal)
            self._objects[p.value, s].append(o)
            self._subjects[p.value, o].append(s)
        for nodes in (*self._objects.values(), *self._subjects.values()):
            nodes.sort(key=_order)
        self.articles: dict[str, set[Node]] = defaultdict(set)
        for article in self.subjects(_RDF_TYPE, NamedNode(str(GKG.Article))):
            for source in self.objects(article, _SOURCE):
                self.articles[Path(source.value).name].add(article)
        actor_classes = [str(GKG.Actor), *_ACTOR_TYPES]
        self.actors = {n for c in actor_classes for n in self.subjects(_RDF_TYPE, NamedNode(c))}

    def objects(self, subject: Node | None, predicate: str) -> list[Node]:
        return self._objects.get((predicate, subject), []) if subject is not None else []

    def subjects(self, predicate: str, obj: Node) -> list[Node]:
        return self._subjects.get((predicate, obj), [])

    def value(self, subject: Node | None, predicate: str) -> Node | None:
        found = self.objects(subject, predicate)
        return found[0] if found else None

    def is_a(self, node: Node, cls: str) -> bool:
        return NamedNode(cls) in self.objects(node, _RDF_TYPE)

    def names(self, node: Node) -> tuple[str | None, set[str]]:
        """The node's normalised label, and all its normalised labels and alt labels."""
        label = self.value(node, _LABEL)
        names = {normal_name(x.value) for p in (_LABEL, _ALT_LABEL) for x in self.objects(node, p)}
        return (normal_name(label.value) if label is not None else None), {n for n in names if n}

    def qids(self, node: Node) -> set[str]:
        return {o.value.rsplit("/", 1)[-1] for p in _SAME_AS for o in self.objects(node, p)
                if o.value.startswith(_WIKIDATA)}

    def type_name(self, node: Node) -> str | None:
        for cls in self.objects(node, _RDF_TYPE):
            if cls.value in _ACTOR_TYPES:
                return _ACTOR_TYPES[cls.value]
        return "Actor" if self.is_a(node, str(GKG.Actor)) else None

    def of_article(self, nodes: Iterable[Node], articles: set[Node], predicate: str) -> set[Node]:
        return {n for n in nodes if any(a in articles for a in self.objects(n, predicate))}

    def statements(self, articles: set[Node]) -> set[Node]:
        return self.of_article(self.subjects(_RDF_TYPE, NamedNode(str(GKG.Statement))), articles, str(GKG.source))

    def events(self, articles: set[Node]) -> set[Node]:
        """Events, and statements with a target (an utterance aimed at someone is an interaction)."""
        statements = self.subjects(_RDF_TYPE, NamedNode(str(GKG.Statement)))
        nodes = {*self.subjects(_RDF_TYPE, NamedNode(str(GKG.Event))),
                 *(s for s in statements if self.objects(s, str(GKG.target)))}
        return self.of_article(nodes, articles, str(GKG.source))

    def event_roots(self, event: Node) -> set[str]:
        """The two-digit CAMEO roots of an event's types (from ``skos:notation`` or a literal type)."""
        roots = set()
        for event_type in self.objects(event, str(GKG.eventType)):
            literal = [event_type] if isinstance(event_type, Literal) else []
            for notation in (*self.objects(event_type, _NOTATION), *literal):
                digits = re.sub(r"\D", "", notation.value)
                if digits:
                    roots.add(digits[:2].zfill(2))
        return roots


def load_graph(paths: Sequence[str | Path]) -> Store:
    """An in-memory store holding the RDF files (format from the extension, Turtle by default)."""
    store = Store()
    for path in map(Path, paths):
        store.load(path=str(path), format=RDF_FORMATS.get(path.suffix.lower(), RdfFormat.TURTLE))
    return store


# ---------------------------------------------------------------- scores of one article


@dataclass(frozen=True)
class ActorScore:
    tp: int
    fp: int
    fn: int
    missing: tuple[str, ...]
    spurious: tuple[str, ...]
    duplicated: tuple[str, ...]
    typed_ok: int  # found actors whose type is right
    typed_n: int
    linked_ok: int  # gold actors with a Wikidata id found with exactly that id
    linked_n: int


@dataclass(frozen=True)
class UtteranceScore:
    n: int
    found: int
    attributed: int
    extracted: int
    fp: int
    spurious: tuple[str, ...]
    missing: tuple[str, ...]
    misattributed: tuple[str, ...]


@dataclass(frozen=True)
class EventScore:
    n: int
    found: int
    typed: int
    pairs: int
    fp: int
    spurious: tuple[str, ...]
    unmapped: int
    missing: tuple[str, ...]


@dataclass(frozen=True)
class AffiliationScore:
    n: int
    found: int
    fp: int
    missing: tuple[str, ...]
    spurious: tuple[str, ...]


@dataclass(frozen=True)
class ArticleScore:
    article: str
    found_article: bool
    scope: frozenset[str]
    actors: ActorScore
    quotes: UtteranceScore
    indirect: UtteranceScore
    events: EventScore
    affiliations: AffiliationScore

    def as_json(self) -> dict[str, Any]:
        """The shared scorer's JSON form of an article's result."""
        a = self.actors
        return {
            "article": self.article, "found_article": self.found_article, "errors": [], "scope": sorted(self.scope),
            "actors": {"tp": a.tp, "fp": a.fp, "fn": a.fn, "missing": list(a.missing),
                       "spurious": list(a.spurious), "duplicated": list(a.duplicated)},
            "actor_types": {"ok": a.typed_ok, "n": a.typed_n},
            "linking": {"ok": a.linked_ok, "n": a.linked_n},
            "quotes": _plain(self.quotes), "indirect": _plain(self.indirect),
            "events": _plain(self.events), "affiliations": _plain(self.affiliations),
        }


def _plain(score: UtteranceScore | EventScore | AffiliationScore) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in vars(score).items()}


class _ActorMatcher:
    """Maps graph nodes onto the gold actors of one article: by Wikidata id, else by a name or alias."""

    def __init__(self, gold: Gold, view: GraphView) -> None:
        self.view = view
        self.by_qid: dict[str, tuple[str, bool]] = {}
        self.by_name: dict[str, tuple[str, bool]] = {}
        for required, actors in ((True, gold.actors), (False, gold.optional_actors)):
            for actor in actors:
                if actor.wikidata:
                    self.by_qid[actor.wikidata] = (actor.name, required)
                for name in (actor.name, *actor.aliases):
                    self.by_name.setdefault(normal_name(name), (actor.name, required))
        self.info = {a.name: a for a in (*gold.actors, *gold.optional_actors)}
        self._cache: dict[Node, tuple[str, bool] | None] = {}

    def match(self, node: Node) -> tuple[str, bool] | None:
        """(gold name, required) of the node, or None."""
        if node not in self._cache:
            self._cache[node] = self._match(node)
        return self._cache[node]

    def _match(self, node: Node) -> tuple[str, bool] | None:
        for qid in sorted(self.view.qids(node)):
            if qid in self.by_qid:
                return self.by_qid[qid]
        label, names = self.view.names(node)
        if label and label in self.by_name:
            return self.by_name[label]
        for name in sorted(names):
            if name in self.by_name:
                return self.by_name[name]
        return None

    def gold_name(self, node: Node | None) -> str | None:
        hit = self.match(node) if node is not None else None
        return hit[0] if hit else None


def _score_actors(view: GraphView, matcher: _ActorMatcher, gold: Gold, nodes: set[Node]) -> ActorScore:
    seen: dict[str, list[Node]] = defaultdict(list)
    spurious = []
    for node in sorted(nodes, key=_order):
        hit = matcher.match(node)
        if hit is None:
            spurious.append(view.names(node)[0] or node.value)
        elif hit[1]:
            seen[hit[0]].append(node)
    duplicated = tuple(k for k, v in seen.items() if len(v) > 1)
    missing = tuple(a.name for a in gold.actors if a.name not in seen)

    def right_type(name: str, node: Node) -> bool:
        expected, found = matcher.info[name].type, view.type_name(node)
        # a collective read as a formal body is not wrong
        return found == expected or (expected == "Group" and found in {"Group", "Organization"})

    linked = sum(1 for k, ns in seen.items()
                 if (qid := matcher.info[k].wikidata) and all(qid in view.qids(n) for n in ns))
    return ActorScore(
        tp=len(seen), fp=len(spurious) + sum(len(seen[k]) - 1 for k in duplicated), fn=len(missing),
        missing=missing, spurious=tuple(sorted(spurious)), duplicated=duplicated,
        typed_ok=sum(1 for k, ns in seen.items() if right_type(k, ns[0])), typed_n=len(seen),
        linked_ok=linked, linked_n=sum(1 for a in gold.actors if a.wikidata))


Extracted = tuple[frozenset[str], str | None, str]  # words, gold speaker, text
HitRule = Callable[[frozenset[str], frozenset[str]], bool]


def _score_utterances(extracted: Sequence[Extracted], golds: Sequence[GoldUtterance],
                      optional: Sequence[GoldUtterance], hit: HitRule,
                      other: Sequence[Extracted], other_hit: HitRule) -> UtteranceScore:
    """``extracted`` are judged for precision and recall by ``hit``; statements of the other kind may
    also cover a gold item through ``other_hit`` (recall only), so that a mixed quote counts whether it
    was kept as one direct or one reported statement. A gold item is found when what covers it holds
    70% of its words, attributed when the speaker covering most of its words is the gold speaker."""
    gold_words = [words(g.text) for g in golds]
    optional_words = [words(g.text) for g in optional]
    covered: list[list[tuple[frozenset[str], str | None]]] = [[] for _ in golds]
    spurious = []
    for ewords, speaker, text in extracted:
        hits = [i for i, gwords in enumerate(gold_words) if hit(ewords, gwords)]
        for i in hits:
            covered[i].append((ewords, speaker))
        if not hits and not any(hit(ewords, owords) for owords in optional_words):
            spurious.append(text[:80])
    for ewords, speaker, _ in other:
        for i, gwords in enumerate(gold_words):
            if other_hit(ewords, gwords):
                covered[i].append((ewords & gwords, speaker))
    found = attributed = 0
    missing, misattributed = [], []
    for gold, gwords, covering in zip(golds, gold_words, covered, strict=True):
        union = frozenset().union(*(ewords for ewords, _ in covering))
        if containment(gwords, union) < 0.7:
            missing.append(gold.text[:80])
            continue
        found += 1
        weight: dict[str | None, int] = defaultdict(int)
        for ewords, speaker in covering:
            weight[speaker] += len(ewords & gwords)
        best = max(sorted(weight, key=str), key=lambda s: weight[s])
        if best == gold.speaker:
            attributed += 1
        else:
            misattributed.append(f"{gold.text[:60]}... -> {best}")
    return UtteranceScore(len(golds), found, attributed, len(extracted), len(spurious),
                          tuple(spurious), tuple(missing), tuple(misattributed))


def _quote_hit(ewords: frozenset[str], gwords: frozenset[str]) -> bool:
    return containment(ewords, gwords) >= 0.8 and len(ewords & gwords) >= min(3, len(gwords))


def _clause_holds_quote(ewords: frozenset[str], gwords: frozenset[str]) -> bool:
    # a reported clause holding the quoted words, and not much longer, covers the quote
    return containment(gwords, ewords) >= 0.7 and len(ewords) <= 3 * len(gwords) + 15


def _indirect_hit(ewords: frozenset[str], gwords: frozenset[str]) -> bool:
    return containment(gwords, ewords) >= 0.6 and containment(ewords, gwords) >= 0.3


def _quote_inside_clause(ewords: frozenset[str], gwords: frozenset[str]) -> bool:
    return containment(ewords, gwords) >= 0.8 and containment(gwords, ewords) >= 0.6


def _score_events(view: GraphView, matcher: _ActorMatcher, gold: Gold, articles: set[Node]) -> EventScore:
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    unmapped = 0
    for event in view.events(articles):
        agent = view.value(event, str(GKG.agent)) or view.value(event, str(GKG.speaker))
        for target in view.objects(event, str(GKG.target)):
            a, t = matcher.gold_name(agent), matcher.gold_name(target)
            if a is None or t is None:
                unmapped += 1
            else:
                pairs[a, t] |= view.event_roots(event)

    def acceptable(pair: tuple[str, str], event: GoldEvent) -> bool:
        return pair[0] in event.agents and pair[1] in event.targets

    found = typed = 0
    missing = []
    for gold_event in gold.events:
        hits = [p for p in pairs if acceptable(p, gold_event)]
        if hits:
            found += 1
            typed += any(pairs[p] & gold_event.types for p in hits)
        else:
            missing.append(f"{gold_event.agents[0]} -> {gold_event.targets[0]}")
    spurious = sorted(f"{a} -> {t}" for a, t in pairs
                      if not any(acceptable((a, t), e) for e in (*gold.events, *gold.optional_events)))
    return EventScore(len(gold.events), found, typed, len(pairs), len(spurious) + unmapped,
                      tuple(spurious), unmapped, tuple(missing))


def _score_affiliations(view: GraphView, matcher: _ActorMatcher, gold: Gold, actors: set[Node]) -> AffiliationScore:
    found: set[tuple[str, str]] = set()
    unmapped = 0
    for person in sorted(actors, key=_order):
        for org in view.objects(person, str(GKG.affiliatedWith)):
            a, b = matcher.gold_name(person), matcher.gold_name(org)
            if a is None or b is None:
                unmapped += 1
            else:
                found.add((a, b))
    extra = found - gold.affiliations - gold.optional_affiliations
    return AffiliationScore(len(gold.affiliations), len(found & gold.affiliations), len(extra) + unmapped,
                            tuple(sorted(f"{a} -> {b}" for a, b in gold.affiliations - found)),
                            tuple(sorted(f"{a} -> {b}" for a, b in extra)))


def score_article(view: GraphView, gold: Gold) -> ArticleScore:
    """Score one gold article against the graph."""
    articles = view.articles.get(gold.article, set())
    matcher = _ActorMatcher(gold, view)
    actors = view.of_article(view.actors, articles, str(GKG.mentionedIn))
    direct: list[Extracted] = []
    indirect: list[Extracted] = []
    for statement in sorted(view.statements(articles), key=_order):  # a stable order for the listings
        quote = view.value(statement, str(GKG.quote))
        text = quote.value if quote is not None else ""
        speaker = matcher.gold_name(view.value(statement, str(GKG.speaker)))
        is_direct = view.value(statement, str(GKG.direct))
        kind = direct if is_direct is not None and is_direct.value.strip().lower() in {"true", "1"} else indirect
        kind.append((words(text), speaker, text))
    return ArticleScore(
        article=gold.article, found_article=bool(articles), scope=gold.scope,
        actors=_score_actors(view, matcher, gold, actors),
        quotes=_score_utterances(direct, gold.quotes, gold.optional_quotes, _quote_hit,
                                 indirect, _clause_holds_quote),
        indirect=_score_utterances(indirect, gold.indirect, (*gold.optional_indirect, *gold.quotes), _indirect_hit,
                                   direct, _quote_inside_clause),
        events=_score_events(view, matcher, gold, articles),
        affiliations=_score_affiliations(view, matcher, gold, actors))


# ---------------------------------------------------------------- totals


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def aggregate(scores: Sequence[ArticleScore]) -> dict[str, float | int]:
    """The corpus figures: counts summed over the articles (each kind only where in scope), then ratios."""
    total: dict[str, int] = defaultdict(int)
    for s in scores:
        for kind in SCOPES:
            if kind in s.scope:
                for key, value in vars(getattr(s, kind)).items():
                    if isinstance(value, int):
                        total[f"{kind}_{key}"] += value
    m: dict[str, float | int] = {}
    m["actor_p"], m["actor_r"], m["actor_f1"] = _prf(total["actors_tp"], total["actors_fp"], total["actors_fn"])
    m["actor_type_acc"] = total["actors_typed_ok"] / total["actors_typed_n"] if total["actors_typed_n"] else 0.0
    m["linking_acc"] = total["actors_linked_ok"] / total["actors_linked_n"] if total["actors_linked_n"] else 0.0
    for kind, short in (("quotes", "quote"), ("indirect", "indirect")):
        n, extracted = total[f"{kind}_n"], total[f"{kind}_extracted"]
        p = (extracted - total[f"{kind}_fp"]) / extracted if extracted else (1.0 if not n else 0.0)
        attributed_r = total[f"{kind}_attributed"] / n if n else 1.0
        m[f"{short}_p"] = p
        m[f"{short}_r"] = total[f"{kind}_found"] / n if n else 1.0
        m[f"{short}_attr_r"] = attributed_r
        # the headline is attribution: a quote found but given to the wrong speaker does not count
        m[f"{short}_f1"] = 2 * p * attributed_r / (p + attributed_r) if p + attributed_r else 0.0
    e_n, e_found = total["events_n"], total["events_found"]
    m["event_p"], m["event_r"], m["event_f1"] = _prf(e_found, total["events_fp"], e_n - e_found)
    m["event_typed_r"] = total["events_typed"] / e_n if e_n else 1.0
    f_n, f_found = total["affiliations_n"], total["affiliations_found"]
    m["affil_p"], m["affil_r"], m["affil_f1"] = _prf(f_found, total["affiliations_fp"], f_n - f_found)
    m["overall"] = sum(m[k] for k in ("actor_f1", "quote_f1", "indirect_f1", "event_f1", "affil_f1")) / 5
    m["articles"] = len(scores)
    m["articles_found"] = sum(1 for s in scores if s.found_article)
    return m


# ---------------------------------------------------------------- report


@dataclass(frozen=True)
class Requirement:
    """A floor on one metric, written ``METRIC>=VALUE`` (``quote_attr_r>=0.9``)."""

    metric: str
    minimum: float

    @classmethod
    def parse(cls, text: str) -> Requirement:
        metric, sep, value = text.partition(">=")
        metric = metric.strip()
        if not sep:
            raise ValueError(f"not METRIC>=VALUE: {text!r}")
        if metric not in METRICS:
            raise ValueError(f"unknown metric {metric!r}; choose from {', '.join(METRICS)}")
        try:
            return cls(metric, float(value))
        except ValueError:
            raise ValueError(f"not a number: {value.strip()!r} in {text!r}") from None

    def __str__(self) -> str:
        return f"{self.metric}>={self.minimum:g}"


@dataclass(frozen=True)
class EvalReport:
    """Per-article scores and the corpus metrics (``METRICS`` keys); ``failures`` are unread inputs."""

    articles: tuple[ArticleScore, ...]
    metrics: Mapping[str, float | int]
    failures: tuple[ReadFailure, ...] = field(default=())

    def shortfalls(self, requirements: Iterable[Requirement]) -> tuple[str, ...]:
        """The requirements not met, as ``metric=value<minimum``."""
        return tuple(f"{r.metric}={self.metrics[r.metric]:.3f}<{r.minimum:g}" for r in requirements
                     if self.metrics[r.metric] < r.minimum)

    def summary(self) -> str:
        m = self.metrics
        return (f"overall={m['overall']:.3f} actor_f1={m['actor_f1']:.3f} quote_attr_r={m['quote_attr_r']:.3f} "
                f"quote_p={m['quote_p']:.3f} indirect_f1={m['indirect_f1']:.3f} event_f1={m['event_f1']:.3f} "
                f"event_r={m['event_r']:.3f} event_typed_r={m['event_typed_r']:.3f} "
                f"affil_f1={m['affil_f1']:.3f} linking={m['linking_acc']:.3f} "
                f"articles={m['articles_found']}/{m['articles']}")

    def render(self, verbose: bool = True, requirements: Sequence[Requirement] = ()) -> str:
        """What the shared scorer prints: per-article lines and the metrics table when ``verbose``, then
        the summary line, prefixed by the requirements that fall short."""
        lines = [*(self._article_lines() if verbose else [])]
        if verbose:
            lines.append("")
            lines += [f"{k:>16} {v:.3f}" if isinstance(v, float) else f"{k:>16} {v}" for k, v in self.metrics.items()]
        short = self.shortfalls(requirements)
        lines.append(("FALLS SHORT: " + ", ".join(short) + " | " if short else "") + self.summary())
        return "\n".join(lines)

    def _article_lines(self) -> list[str]:
        lines = []
        for s in self.articles:
            a = s.actors
            lines.append(f"== {s.article}{'' if s.found_article else '  (ARTICLE NOT IN GRAPH)'}")
            lines.append(f"  actors tp={a.tp} fp={a.fp} fn={a.fn} missing={list(a.missing)} "
                         f"spurious={list(a.spurious[:12])} duplicated={list(a.duplicated)}")
            for kind, q in (("quotes", s.quotes), ("indirect", s.indirect)):
                lines.append(f"  {kind}: {q.found}/{q.n} found, {q.attributed} attributed, {q.fp} spurious "
                             f"of {q.extracted}; missing={[x[:40] for x in q.missing]} "
                             f"misattributed={list(q.misattributed)} spurious={[x[:40] for x in q.spurious[:6]]}")
            e, f = s.events, s.affiliations
            lines.append(f"  events: {e.found}/{e.n} found ({e.typed} typed), fp={e.fp} "
                         f"missing={list(e.missing)} spurious={list(e.spurious[:8])}")
            lines.append(f"  affiliations: {f.found}/{f.n} fp={f.fp} missing={list(f.missing)} "
                         f"spurious={list(f.spurious[:6])}")
        return lines

    def as_json(self, requirements: Sequence[Requirement] = ()) -> dict[str, Any]:
        """``{"metrics", "articles"}`` as the shared scorer's ``--json``, plus each requirement's verdict."""
        return {"metrics": dict(self.metrics), "articles": [s.as_json() for s in self.articles],
                "requirements": [{"metric": r.metric, "minimum": r.minimum, "value": self.metrics[r.metric],
                                  "holds": self.metrics[r.metric] >= r.minimum} for r in requirements]}


def score_store(store: Store, golds: Sequence[Gold]) -> EvalReport:
    """Score a graph held in a pyoxigraph store."""
    view = GraphView(store)
    scores = tuple(score_article(view, gold) for gold in golds)
    return EvalReport(scores, aggregate(scores))


def score_graph(graph_paths: Sequence[str | Path], gold_paths: Sequence[str | Path]) -> EvalReport:
    """Score exported graph files (Turtle, TriG, N-Triples ...) against gold files or folders of them."""
    golds = read_gold(gold_paths)
    return score_store(load_graph(graph_paths), golds)


def evaluate(article_paths: Iterable[str | Path], gold_paths: Sequence[str | Path], *,
             output: str | Path | None = None) -> EvalReport:
    """Build the graph of the articles (written as ``output/graph.ttl`` when ``output`` is given) and
    score it against the gold. The gold is read first, so that a bad gold file fails before the build."""
    from kg.pipeline import build  # the NLP pipeline loads only when articles are to be read

    golds = read_gold(gold_paths)
    result = build(article_paths, output, formats=["ttl"])
    report = score_store(result.store(), golds)
    return EvalReport(report.articles, report.metrics, result.failures)
