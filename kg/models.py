"""The plain, frozen records that flow between the stages.

text -> ``Article`` -> (spaCy, inside ``kg.nlp``/``kg.extract``) -> ``Mention``/``Quote``
-> (``kg.resolve``) -> ``Actor``/``Statement``/``Affiliation`` = ``Extraction`` -> RDF.

This module imports no third-party library: everything after the NLP stage can be built and
tested from these records alone. Character offsets are always relative to ``Article.text``,
the file's text as it was read (0-based, end exclusive).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

ActorType = Literal["Person", "Organization", "Country", "Group"]
ACTOR_TYPES: tuple[ActorType, ...] = ("Person", "Organization", "Country", "Group")
# The one table of actor types and the entity labels of the NLP stage that name them. A people or a
# demonym (NORP: "Russian") names a state only through the gazetteer.
ENTITY_LABELS: dict[ActorType, str] = {"Person": "PERSON", "Organization": "ORG", "Country": "GPE", "Group": "GROUP"}
ENTITY_TYPES: dict[str, ActorType] = {**{label: t for t, label in ENTITY_LABELS.items()}, "NORP": "Country"}
# Labels of mentions that stand for an actor named elsewhere: a pronoun, a title, a noun ("the bank")
REFERENCE_LABELS = frozenset({"PRON", "TITLE", "NOMINAL"})

Span = tuple[int, int]

# What XML's Char, and so xsd:string, cannot hold: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; and
# surrogates, which a str holds after decoding with surrogateescape or from JSON's "\ud800" and which
# UTF-8 (spaCy, every file written) cannot encode
_NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` with each character that XML and xsd:string cannot hold replaced, one for one so that offsets
    still fit: by a space when it is one (vertical tab, form feed, the separators U+001C-U+001F), else by
    U+FFFD. What the NLP stage parses, and every string literal of the graph."""
    return _NOT_XML_CHAR.sub(_replacement, text)


def _replacement(match: re.Match[str]) -> str:
    return " " if match.group().isspace() else "\ufffd"


def slugify(text: str) -> str:
    """A lowercase ASCII slug usable in an IRI path segment ("Vladimir Putin" -> "vladimir-putin")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"


@dataclass(frozen=True)
class Article:
    """One input document and the metadata recognised in it.

    ``text`` is the file's text as ``kg.read`` got it: decoded, its mojibake repaired, or for an
    HTML page its main text; ``notes`` say how, when it was more than reading UTF-8.

    ``body`` lists the spans of ``text`` that are prose to analyse, in order. The title and the
    boilerplate (synopsis bullets, dateline prefix, section headings) are outside ``body`` and kept
    as metadata instead, so that they never become the subject of the first sentence.
    """

    source: str
    text: str
    body: tuple[Span, ...]
    title: str | None = None
    date: str | None = None  # ISO 8601 ("2025-06-19") or, when the year is unknown, "--06-19"
    place: str | None = None  # dateline place ("Moscow")
    outlet: str | None = None  # dateline outlet ("NationPress")
    summary: tuple[str, ...] = ()  # "Key Takeaways" bullets
    notes: tuple[str, ...] = ()  # how the text was got, when not plain UTF-8 ("decoded as Windows-1252: ...")

    @property
    def id(self) -> str:
        """Stable identity: the slug of the file name without its extensions ("bbc_058.txt.gz" ->
        "bbc-058"; "wire#a17" from a JSON Lines file -> "wire-a17"), or of the whole URL without its
        scheme when the source is one ("https://example.org/world/talks.html" -> "example-org-world-talks-html")."""
        if "://" in self.source:
            return slugify(self.source.split("://", 1)[1])
        name = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        stem, _, fragment = name.partition("#")
        stem = re.sub(r"(\.[A-Za-z0-9]{1,5})?(\.gz)?$", "", stem)
        return slugify(f"{stem}-{fragment}" if fragment else stem)


ReadStatus = Literal["failed", "skipped"]


@dataclass(frozen=True)
class ReadFailure:
    """An input that gives no article, and why (a one-line reason).

    ``status`` is "failed" when it cannot be read (missing, binary, corrupt, invalid JSON, an id
    already used) and "skipped" when it was read but is deliberately not built (empty, only
    whitespace, no prose, not English, too large).
    """

    source: str
    reason: str
    status: ReadStatus = "failed"


@dataclass(frozen=True)
class Mention:
    """A span of the article that names or refers to an actor (NLP stage output)."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, GROUP (entity labels) or PRON / TITLE / NOMINAL for references
    sentence: int  # index of the sentence in the article's body
    gazetteer_id: str | None = None  # key of the gazetteer entry the entity ruler matched (for a group: its state)
    subject: bool = False  # the grammatical subject of its clause (salient for pronouns)
    kind: str | None = None  # a group's agent code ("REB": "Afghan guerrillas"); a nominal's noun ("bank")


@dataclass(frozen=True)
class RoleMention:
    """A title of office in the text: "US Secretary of State Marco Rubio", "the Russian President"."""

    title: str  # the title as the roles lexicon spells it ("Secretary of State")
    start: int  # the whole phrase
    end: int
    text: str
    sentence: int
    person: Mention | None = None  # the holder, when named in the phrase
    org: Mention | None = None  # the state or organisation the office is of, when named
    former: bool = False  # "former Secretary of State Hillary Clinton": no longer held


@dataclass(frozen=True)
class Quote:
    """A quotation or reported clause and what the text says about who uttered it."""

    start: int  # the quoted words, without the quotation marks
    end: int
    text: str
    direct: bool
    cue: str | None  # lemma of the reporting verb
    speaker: Mention | None  # the mention the grammar points at, before resolution
    evidence: Span  # the words it was read from: the quote and its attribution
    mentions: tuple[Mention, ...] = ()  # actors named inside the quote
    target: Mention | None = None  # the actor the content is about: the subject of its main clause
    target_code: str | None = None  # CAMEO code of saying so: "010" a statement, "020" an appeal ("X should")
    speaker_text: str | None = None  # the words for the speaker when they name no actor ("a senior diplomat")


@dataclass(frozen=True)
class Quantity:
    """A figure in the text: money, a percentage, a count, a duration or a date."""

    start: int
    end: int
    text: str  # as written ("five percent", "$1.4 trillion", "over the next decade")
    kind: Literal["money", "percent", "count", "duration", "date"]
    value: str  # normalised: a decimal number ("5", "1400000000000"), an ISO 8601 duration ("P10Y") or date
    unit: str | None = None  # "USD", "percent", "GDP share", "troops", "year"…


@dataclass(frozen=True)
class EventMention:
    """An interaction read from a verb or its nominalisation ("criticised", "Russia's annexation of")."""

    start: int  # the trigger word(s)
    end: int
    trigger: str  # the trigger's lemma, with its particle ("call on")
    code: str  # CAMEO code: a root ("11") or a finer one ("112")
    agent: Mention | None
    target: Mention | None
    evidence: Span  # the sentence
    negated: bool = False  # "did not criticise"
    hypothetical: bool = False  # "might attack", "threatened to invade" (the invasion)


@dataclass(frozen=True)
class Reading:
    """What the NLP stage read in one article, in character offsets: the input of resolution."""

    article: Article
    sentences: tuple[Span, ...]
    mentions: tuple[Mention, ...]
    roles: tuple[RoleMention, ...]
    quotes: tuple[Quote, ...]
    events: tuple[EventMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True)
class Actor:
    """A resolved actor. ``key`` is stable across articles and runs (Wikidata id when known)."""

    key: str
    label: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    nationality: str | None = None  # a group named by nationality ("Afghan guerrillas"): its state's key


@dataclass(frozen=True)
class Statement:
    """Something an actor said, as reported. ``speaker`` is an ``Actor.key`` or None if unknown."""

    speaker: str | None
    quote: str
    direct: bool
    cue: str | None
    start: int  # the quote
    end: int
    evidence: str
    evidence_start: int
    evidence_end: int
    mentions: tuple[str, ...] = ()
    target: str | None = None
    event_type: str | None = None  # CAMEO code when the statement is aimed at its target
    speaker_text: str | None = None  # the words for an unresolved speaker ("a senior diplomat", "he")
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True)
class Event:
    """One actor acting toward another, as read in the text (agent and target are ``Actor.key``)."""

    agent: str
    target: str
    code: str
    trigger: str
    start: int
    end: int
    evidence: str
    evidence_start: int
    evidence_end: int
    negated: bool = False
    hypothetical: bool = False
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True)
class Affiliation:
    """``person`` holds office in or speaks for ``org`` (both ``Actor.key``), with the title when known."""

    person: str
    org: str
    role: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything read from one article: the unit that stages exchange and builds replace."""

    article: Article
    actors: tuple[Actor, ...] = ()
    statements: tuple[Statement, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    events: tuple[Event, ...] = ()
    mention_counts: tuple[tuple[str, int], ...] = ()  # (actor key, mentions in the article), by key
