"""Mentions -> actors; titles, pronouns and spokespeople -> speakers. Plain data in, plain data out.

Within an article, surface forms of one actor merge into one ``Actor``:
- gazetteer names, aliases, ISO codes and seats of government ("Kyiv", "the Kremlin") resolve to the
  curated entry, which carries the Wikidata id;
- a person's shorter name ("Putin", "Mr Straw") joins the longer one it ends ("Vladimir Putin");
- "Name (ACRONYM)" defines the acronym as a name of the same actor;
- a title of office ("the Russian President", "the minister") is the person holding it: one the
  article names with that title (or whom the gazetteer knows in that office in the article's year),
  the nearest before the reference;
- "he"/"she" as a speaker is the nearest person before it who was the subject of a sentence (or,
  failing that, the nearest person), looking back a few sentences at most.
A speaker that cannot be resolved is left unknown (``None``) rather than guessed.
Across articles, actors merge by ``Actor.key`` (``combine_actors``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise

from kg.gazetteer import Entry, Gazetteer, lexicon, load_gazetteer, normalise_name
from kg.models import (
    Actor,
    ActorType,
    Affiliation,
    Event,
    Extraction,
    Mention,
    Quote,
    Reading,
    RoleMention,
    Statement,
    slugify,
)

ENTITY_TYPES: dict[str, ActorType] = {"PERSON": "Person", "ORG": "Organization", "GPE": "Country",
                                      "NORP": "Country", "GROUP": "Group"}
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mr.", "mrs.", "ms."})
# "the Russian leader" is whoever leads: a head of state or government
GENERIC_LEADER_TITLES = frozenset({"leader", "head of state", "head of government"})
LEADER_ROLES = frozenset({"president", "prime minister", "chancellor", "premier", "king", "queen", "emir",
                          "supreme leader", "leader", "general secretary", "chairman", "sultan"})
PRONOUN_LOOKBACK = 4  # sentences
TITLE_LOOKBACK = 12  # sentences


def _article_year(date: str | None) -> int | None:
    match = re.match(r"(\d{4})-", date or "")
    return int(match.group(1)) if match else None


def _person_name(text: str) -> str:
    """A person's name without honorifics or a leading title ("Mr Straw" -> "Straw")."""
    roles = {r.lower() for r in lexicon("roles")}
    words = text.split()
    while len(words) > 1 and (words[0].lower().rstrip(".") in HONORIFICS or words[0].lower() in roles):
        words = words[1:]
    return " ".join(words)


class _ActorTable:
    """The actors of one article as they are found, keyed by ``Actor.key``."""

    def __init__(self) -> None:
        self.entry: dict[str, Entry | None] = {}
        self.type: dict[str, ActorType] = {}
        self.names: dict[str, Counter[str]] = defaultdict(Counter)
        self.references: dict[str, set[str]] = defaultdict(set)
        self.mentions: Counter[str] = Counter()

    def add(self, key: str, type_: ActorType, entry: Entry | None, surface: str | None) -> str:
        self.entry.setdefault(key, entry)
        self.type.setdefault(key, type_)
        if surface:
            self.names[key][surface] += 1
        self.mentions[key] += 1
        return key

    def actors(self) -> tuple[Actor, ...]:
        actors = []
        for key in sorted(self.mentions):
            entry = self.entry[key]
            surfaces = set(self.names[key]) | self.references[key]
            if entry is not None:
                label = entry.label
            else:  # the fullest name the article uses, most frequent first
                label = max(sorted(self.names[key]), key=lambda n: (len(n.split()), self.names[key][n]))
            aliases = tuple(sorted(s for s in surfaces if s != label))
            actors.append(Actor(key, label, self.type[key], aliases, entry.wikidata if entry else None))
        return tuple(actors)


class _Resolver:
    def __init__(self, reading: Reading, gazetteer: Gazetteer) -> None:
        self.reading = reading
        self.gazetteer = gazetteer
        self.year = _article_year(reading.article.date)
        self.table = _ActorTable()
        self.key_of: dict[tuple[int, int], str] = {}  # mention span -> actor key
        self.antecedents: list[tuple[Mention, str]] = []  # people named or referred to, in text order
        self.reference_key: dict[tuple[int, int], str | None] = {}  # pronoun or bare title -> key
        self.people: list[tuple[Mention, str]] = []  # every named person, quoted or not
        self.affiliations: set[Affiliation] = set()
        self.titles: dict[str, set[tuple[str, str | None]]] = defaultdict(set)  # key -> {(title, org)}

    # ---------------------------------------------------------------- names
    def _entry_for(self, mention: Mention) -> Entry | None:
        g = self.gazetteer
        if mention.gazetteer_id:
            return g.get(mention.gazetteer_id)
        name = _person_name(mention.text) if mention.label == "PERSON" else mention.text
        entry = g.by_name(name)
        if entry is None and mention.label in {"GPE", "NORP"}:
            entry = g.by_seat(name) if mention.label == "GPE" else g.by_demonym(name)
        if entry is not None and mention.label == "PERSON" and entry.type != "Person":
            return None
        return entry

    def _key_for(self, mention: Mention) -> tuple[str, ActorType, Entry | None] | None:
        entry = self._entry_for(mention)
        if entry is not None:
            return entry.key, entry.type, entry
        if mention.label in {"GPE", "NORP"}:  # a place, or a people: not an actor by itself
            return None
        type_ = ENTITY_TYPES[mention.label]
        name = _person_name(mention.text) if type_ == "Person" else mention.text
        if normalise_name(name) in {normalise_name(t) for t in lexicon("non_actors")}:
            return None
        return slugify(name), type_, None

    def _surface(self, mention: Mention) -> str:
        return _person_name(mention.text) if mention.label == "PERSON" else mention.text

    def resolve_names(self) -> None:
        entities = [m for m in self.reading.mentions if m.label in ENTITY_TYPES]
        named_here = {e.key for m in entities if (e := self._entry_for(m)) is not None}
        seen: list[tuple[list[str], str, ActorType]] = []  # (name words, key, type), longest first
        resolved: dict[tuple[int, int], tuple[str, ActorType, Entry | None]] = {}
        for mention in sorted(entities, key=lambda m: (-len(self._surface(m).split()), m.start)):
            found = self._key_for(mention)
            if found is None:
                continue
            words = normalise_name(self._surface(mention)).split()
            if found[2] is None:
                found = self._short_form(words, seen) or self._by_surname(mention, words, named_here) or found
            seen.append((words, found[0], found[1]))
            resolved[(mention.start, mention.end)] = found
        acronyms = self._acronyms(entities, resolved)
        for mention in entities:
            span = (mention.start, mention.end)
            if span not in resolved:
                continue
            key, type_, entry = resolved[span]
            key = acronyms.get(span, key)
            entry = self.gazetteer.get(key) or entry
            self.key_of[span] = self.table.add(key, entry.type if entry else type_, entry, self._surface(mention))
            if (entry.type if entry else type_) == "Person":
                self.antecedents.append((mention, key))

    @staticmethod
    def _short_form(words: list[str], seen: list[tuple[list[str], str, ActorType]]
                    ) -> tuple[str, ActorType, None] | None:
        """A shorter form of a name already seen: a person's last name(s) ("Straw" of "Jack Straw"),
        an organisation's first word(s) ("Baikal" of "Baikal Finance Group")."""
        for longer, key, type_ in seen:
            if len(longer) <= len(words):
                continue
            if (type_ == "Person" and longer[-len(words):] == words) or (
                    type_ == "Organization" and longer[: len(words)] == words):
                return key, type_, None
        return None

    def _by_surname(self, mention: Mention, words: list[str], named_here: set[str]
                    ) -> tuple[str, ActorType, Entry] | None:
        """A bare surname ("Mr Kerry") is the curated person of that name only if exactly one fits:
        in office in the article's year (when known) and tied to a state or body the article names."""
        if mention.label != "PERSON" or len(words) != 1:
            return None
        fitting = [
            person for person in self.gazetteer.people_with_surname(words[0])
            if any(o.org in named_here and (self.year is None or o.held_in(self.year)) for o in person.offices)
        ]
        return (fitting[0].key, "Person", fitting[0]) if len(fitting) == 1 else None

    def _acronyms(self, entities: list[Mention], resolved: dict[tuple[int, int], tuple[str, ActorType, Entry | None]]
                  ) -> dict[tuple[int, int], str]:
        """"North Atlantic Treaty Organisation (NATO)": the acronym names the actor before it."""
        text = self.reading.article.text
        defined: dict[str, str] = {}
        for first, second in pairwise(entities):
            between = text[first.end : second.start]
            closes = text[second.end : second.end + 1] == ")"
            if between.strip() == "(" and closes and second.text.isupper() and (first.start, first.end) in resolved:
                initials = "".join(w[0] for w in first.text.split() if w[0].isupper())
                if initials.startswith(second.text[0]):
                    defined[second.text] = resolved[(first.start, first.end)][0]
        return {(m.start, m.end): defined[m.text] for m in entities if m.text in defined}

    # ---------------------------------------------------------------- titles
    def _org_key(self, mention: Mention | None) -> str | None:
        if mention is None:
            return None
        if (mention.start, mention.end) in self.key_of:
            return self.key_of[(mention.start, mention.end)]
        found = self._key_for(mention)
        if found is None:
            return None
        key = self.table.add(found[0], found[1], found[2], found[2].label if found[2] else mention.text)
        self.key_of[(mention.start, mention.end)] = key
        return key

    def resolve_roles(self) -> None:
        """Titles that name their holder give affiliations; bare titles are resolved to a person later."""
        for role in self.reading.roles:
            if role.person is None:
                continue
            person = self.key_of.get((role.person.start, role.person.end))
            if person is None:
                continue
            org = self._org_key(role.org)
            entry = self.gazetteer.get(person)
            if org is None and entry is not None:  # "President Vladimir Putin": the office tells the state
                offices = [o for o in entry.offices if normalise_name(o.role) == normalise_name(role.title)]
                current = [o for o in offices if o.held_in(self.year)] or offices
                org = current[0].org if current else None
            self.titles[person].add((normalise_name(role.title), org))
            if org is not None and org != person and org in self.table.mentions:
                self.affiliations.add(Affiliation(person, org, role.title))

    def _holds(self, key: str, title: str, org: str | None) -> bool:
        """The article gives the person this title, or the gazetteer has them in the office then."""
        def fits(role: str) -> bool:
            return role == title or (title in GENERIC_LEADER_TITLES and role in LEADER_ROLES)

        if any(fits(t) and (org is None or o == org) for t, o in self.titles[key]):
            return True
        entry = self.gazetteer.get(key)
        offices = entry.offices if entry is not None else ()
        return any(fits(normalise_name(o.role)) and (org is None or o.org == org)
                   and (self.year is None or o.held_in(self.year)) for o in offices)

    def _title_holder(self, role: RoleMention) -> str | None:
        """The person a bare title refers to ("the Russian President", "the minister")."""
        title = normalise_name(role.title)
        org = self._org_key(role.org) if role.org is not None else None
        candidates = [key for m, key in self.antecedents
                      if m.start < role.start and role.sentence - m.sentence <= TITLE_LOOKBACK
                      and self._holds(key, title, org)]
        if candidates:
            return candidates[-1]
        after = [key for m, key in self.people  # "The Foreign Secretary met X …, since Boris Johnson was …"
                 if m.start > role.end and m.sentence - role.sentence <= 1 and self._holds(key, title, org)]
        if after:
            return after[0]
        if org is None:
            return None
        # nobody in the article holds it: the gazetteer's holder of the office, if exactly one
        holders = self.gazetteer.office_holders(role.title, org, self.year)
        known = [h for h in holders if h.key in self.table.mentions]
        pick = known or holders
        return pick[0].key if len(pick) == 1 else None

    def _gender(self, key: str) -> str | None:
        """"f" or "m" when the person's first name says so (lexicons of first names), else None."""
        entry = self.gazetteer.get(key)
        names = [entry.label] if entry is not None else sorted(self.table.names[key], key=lambda n: -len(n))
        first = names[0].split()[0] if names and names[0].split() else ""
        if first in lexicon("female_names"):
            return "f"
        return "m" if first in lexicon("male_names") else None

    def _pronoun_referent(self, mention: Mention) -> str | None:
        excluded = "m" if mention.text.lower() == "she" else "f"  # "she" is not a man, "he" not a woman
        before = [(m, k) for m, k in self.antecedents
                  if m.start < mention.start and mention.sentence - m.sentence <= PRONOUN_LOOKBACK
                  and self._gender(k) != excluded]
        subjects = [(m, k) for m, k in before if m.subject]
        pick = subjects or before
        return pick[-1][1] if pick else None

    def resolve_references(self) -> None:
        """Pronouns and bare titles, in text order; each resolved one carries the thread further."""
        quoted = [(q.start, q.end) for q in self.reading.quotes if q.direct]

        def in_quote(start: int) -> bool:
            return any(a <= start < b for a, b in quoted)

        references: list[Mention | RoleMention] = [
            *(m for m in self.reading.mentions if m.label == "PRON"),
            *(r for r in self.reading.roles if r.person is None),
        ]
        # names inside a quotation are not what the narrative's "he" points back to; titles may be
        self.people = list(self.antecedents)
        self.antecedents = [(m, k) for m, k in self.antecedents if not in_quote(m.start)]
        for reference in sorted(references, key=lambda r: r.start):
            if in_quote(reference.start) and not isinstance(reference, RoleMention):
                continue
            span = (reference.start, reference.end)
            if isinstance(reference, RoleMention):
                key = self._title_holder(reference)
                carrier = Mention(reference.start, reference.end, reference.text, "TITLE",
                                  reference.sentence, subject=True)
                if key is not None:
                    entry = self.gazetteer.get(key)
                    self.table.add(key, entry.type if entry else "Person", entry, None)
                    if reference.org is not None:  # "Russian President" is a name; "the president" is not
                        self.table.references[key].add(_strip_article(reference.text))
            else:
                key = self._pronoun_referent(reference)
                carrier = reference
            self.reference_key[span] = key
            if key is not None:
                self.antecedents.append((carrier, key))
                self.antecedents.sort(key=lambda pair: pair[0].start)

    def actor_key(self, mention: Mention | None) -> str | None:
        """The actor a mention of the NLP stage stands for: a name, a resolved pronoun or title."""
        if mention is None:
            return None
        span = (mention.start, mention.end)
        if mention.label in {"PRON", "TITLE"}:
            return self.reference_key.get(span)
        return self.key_of.get(span) or self._org_key(mention)

    def speaker_key(self, quote: Quote) -> str | None:
        return self.actor_key(quote.speaker)

    def events(self, statements: list[Statement]) -> tuple[list[Statement], tuple[Event, ...]]:
        """Interactions between two different actors. One read from a statement's own reporting verb
        ("criticised Western powers …, asserting: …") makes that statement aimed at its target instead."""
        text = self.reading.article.text
        events: list[Event] = []
        for mention in self.reading.events:
            agent, target = self.actor_key(mention.agent), self.actor_key(mention.target)
            if agent is None or target is None or agent == target:
                continue
            start, end = _trimmed_span(text, *mention.evidence)
            said = next((i for i, s in enumerate(statements) if s.speaker == agent and s.target is None
                         and s.cue == mention.trigger and s.evidence_start <= mention.start < s.evidence_end), None)
            if said is not None and not (mention.negated or mention.hypothetical):
                statements[said] = replace(statements[said], target=target, event_type=mention.code)
                continue
            figures = tuple(q for q in self.reading.quantities if start <= q.start and q.end <= end)
            events.append(Event(agent, target, mention.code, mention.trigger, mention.start, mention.end,
                                text[start:end], start, end, mention.negated, mention.hypothetical, figures))
        return statements, tuple(events)

    def statements(self) -> list[Statement]:
        text = self.reading.article.text
        out = []
        for quote in self.reading.quotes:
            mentioned = sorted({self.key_of[(m.start, m.end)] for m in quote.mentions
                                if (m.start, m.end) in self.key_of})
            start, end = _trimmed_span(text, *quote.evidence)
            speaker = self.speaker_key(quote)
            unresolved = quote.speaker.text if quote.speaker is not None else quote.speaker_text
            figures = tuple(q for q in self.reading.quantities if quote.start <= q.start and q.end <= quote.end)
            out.append(Statement(
                speaker=speaker, speaker_text=None if speaker else unresolved, quantities=figures,
                quote=quote.text, direct=quote.direct, cue=quote.cue,
                start=quote.start, end=quote.end, evidence=text[start:end],
                evidence_start=start, evidence_end=end, mentions=tuple(mentioned),
            ))
        return out


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace around it (a sentence may end with its line break)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _strip_article(text: str) -> str:
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)


def resolve(reading: Reading, gazetteer: Gazetteer | None = None) -> Extraction:
    """Turn what the NLP stage read in one article into actors, statements and affiliations."""
    resolver = _Resolver(reading, gazetteer or load_gazetteer())
    resolver.resolve_names()
    resolver.resolve_roles()
    resolver.resolve_references()
    statements, events = resolver.events(resolver.statements())
    actors = resolver.table.actors()
    known = {a.key for a in actors}
    affiliations = tuple(sorted((a for a in resolver.affiliations if a.person in known and a.org in known),
                                key=lambda a: (a.person, a.org, a.role or "")))
    counts = tuple(sorted(resolver.table.mentions.items()))
    return Extraction(reading.article, actors, tuple(statements), affiliations, events, counts)


def combine_actors(actors: Iterable[Actor]) -> dict[str, Actor]:
    """Merge descriptions of the same actor key, whatever their order.

    The label is the curated one (of a description with a Wikidata id), else the longest, ties
    broken alphabetically; the aliases are every other name of every description. The type and
    Wikidata id are those of the first description that has them. Merging is associative, so
    descriptions merged earlier (e.g. read back from a store) merge again with new ones to the
    same result as merging everything at once.
    """
    merged: dict[str, Actor] = {}
    for actor in actors:
        merge_actor(merged, actor)
    return merged


def merge_actor(merged: dict[str, Actor], actor: Actor) -> None:
    """Merge one description into ``merged`` (by key): the step of ``combine_actors``, for streams."""
    seen = merged.get(actor.key, actor)
    labels = [a.label for a in (seen, actor) if a.wikidata] or [seen.label, actor.label]
    label = min(labels, key=lambda name: (-len(name), name))
    names = (set(seen.aliases) | set(actor.aliases) | {seen.label, actor.label}) - {label}
    merged[actor.key] = Actor(seen.key, label, seen.type, tuple(sorted(names)), seen.wikidata or actor.wikidata)
