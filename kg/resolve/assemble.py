"""Statements, events and affiliations between resolved actors: what one article's ``Extraction`` holds.

Every mention of the NLP stage maps to an actor key through the names (``kg.resolve.names``) or the
references (``kg.resolve.references``); an utterance whose speaker maps to none keeps the words for
it (``speaker_text``) instead of a guess. Across articles, actors merge by key (``combine_actors``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.gazetteer import Gazetteer, Period, load_gazetteer, normalise_name, office_of, period_of
from kg.models import (
    ENTITY_TYPES,
    REFERENCE_LABELS,
    Actor,
    Affiliation,
    Event,
    Extraction,
    Mention,
    Quote,
    Reading,
    RoleMention,
    Statement,
)
from kg.resolve.names import Names, leaders_body
from kg.resolve.references import PERSON_PRONOUNS, References, title_fits

# Words of a minister's title and of a ministry's name, to tie "Foreign Secretary" to "the Foreign Office"
GENERIC_TITLE_WORDS = frozenset({"minister", "secretary", "of", "the", "for", "deputy", "under", "assistant",
                                 "general", "and"})
MINISTERIAL_WORDS = frozenset({"treasury", "exchequer"})
MINISTRY_WORDS = frozenset({"ministry", "department", "office", "treasury", "exchequer"})


def _named_elsewhere(reading: Reading) -> Iterator[Mention]:
    """Mentions of actors the NLP stage gave outside its list of names: the state of a title ("the
    Russian President"), a speaker or target the grammar found ("the Israeli government")."""
    for role in reading.roles:
        if role.org is not None:
            yield role.org
    for quote in reading.quotes:
        if quote.speaker is not None:
            yield quote.speaker
        if quote.target is not None and _names_a_state(quote.target):
            yield quote.target  # other targets only count where they are actors named anyway
    for event in reading.events:
        yield from (m for m in (event.agent, event.target) if m is not None)


def _names_a_state(mention: Mention) -> bool:
    """A state by its gazetteer id, or by its leader's government ("the Obama administration")."""
    return mention.gazetteer_id is not None or leaders_body(normalise_name(mention.text).split())


class Resolution:
    """One article's mentions resolved to actors."""

    def __init__(self, reading: Reading, gazetteer: Gazetteer) -> None:
        self.reading = reading
        period = period_of(reading.article.date)
        extra = [m for m in _named_elsewhere(reading) if m.label in ENTITY_TYPES]
        self.names = Names(reading, gazetteer, period, extra)
        if period is None and (era := self._era(gazetteer)) is not None:
            period = era  # an undated article read again in the time its office holders give
            self.names = Names(reading, gazetteer, period, extra)
        self.period = period
        self.gazetteer = gazetteer
        self.references = References(reading, self.names, gazetteer, period)

    def _era(self, gazetteer: Gazetteer) -> Period | None:
        """When an undated article was written, as the people it gives a current title show: the days on
        which each held the office it names them by ("President Chirac", "Prime Minister Tony Blair"),
        all together. None when no one narrows it, or when they disagree."""
        era: Period | None = None
        for role in self.reading.roles:
            person = self.names.key_of.get((role.person.start, role.person.end)) if role.person is not None else None
            entry = gazetteer.get(person) if person is not None else None
            if entry is None or role.former:
                continue
            terms = [o.days for o in entry.offices if o.office == office_of(role.title)]
            if not terms:
                continue
            held = (min(t[0] for t in terms), max(t[1] for t in terms))
            era = held if era is None else (max(era[0], held[0]), min(era[1], held[1]))
            if era[0] > era[1]:
                return None
        if era is None or era == (datetime.date.min, datetime.date.max):
            return None
        return era

    def key(self, mention: Mention | None) -> str | None:
        """The actor a mention of the NLP stage stands for: a name, or a resolved reference."""
        if mention is None:
            return None
        span = (mention.start, mention.end)
        if mention.label in REFERENCE_LABELS:
            return self.references.key_of.get(span)
        return self.names.key_of.get(span)

    def affiliations(self) -> tuple[Affiliation, ...]:
        """Who holds office in or belongs to what, between people and bodies of the article: titles with
        their state ("Russian Foreign Minister Sergei Lavrov"), posts in apposition ("X, director of Y"),
        parties ("Republican Bob Corker", "(R-Neb.)"); not offices held formerly."""
        table = self.names.table
        found: set[Affiliation] = set()
        for role in self.reading.roles:  # a bare title resolved to its holder says it as well ("The Foreign Secretary")
            person = self.key(role.person) if role.person is not None else self.references.key_of.get(
                (role.start, role.end))
            if person is None or role.former or table.type.get(person) != "Person" or self._held_before(role, person):
                continue
            orgs = {self.references.role_org(role, person), *self._bodies_of_the_office(role, person)}
            for org in orgs:
                if org is not None and org != person and org in table.mentions and table.type.get(org) != "Person":
                    found.add(Affiliation(person, org, role.title))
        return tuple(sorted(found, key=lambda a: (a.person, a.org, a.role or "")))

    def _bodies_of_the_office(self, role: RoleMention, person: str) -> set[str]:
        """Other bodies of the article the title puts the person in: the one the gazetteer has them hold
        that office in then ("Palestinian leader Mahmoud Abbas" -> the Palestinian Authority), and, where
        the article does not name the state, the ministry the title names ("the Foreign Secretary" -> "a
        Foreign Office spokesman")."""
        office = office_of(role.title)
        entry = self.gazetteer.get(person)
        found = {o.org for o in entry.offices if (o.office == office or title_fits(role.title, o.role))
                 and o.held(self.period)} if entry else set()
        words_of_title = set(normalise_name(role.title).split())
        title_words = words_of_title - GENERIC_TITLE_WORDS
        state = self.references.role_org(role, person)
        if state is not None and state not in self.names.table.mentions \
                and words_of_title & {"minister", "secretary", *MINISTERIAL_WORDS}:
            for key, names in self.names.table.names.items():
                words = {w for name in names for w in normalise_name(name).split()}
                if self.names.table.type.get(key) == "Organization" and words & MINISTRY_WORDS \
                        and title_words & (words - MINISTRY_WORDS) and self._state_of_body(key) == state:
                    found.add(key)
        return found

    def _state_of_body(self, key: str) -> str | None:
        """The state a ministry belongs to: in its key ("Q159-foreign-ministry") or named in one of its
        names ("UK Foreign Office", "Russian Ministry of Defence")."""
        if (state := key.partition("-")[0]) and self.gazetteer.get(state) is not None:
            return state
        entry = self.gazetteer.get(key)
        for name in entry.names if entry is not None else ():
            for word in name.replace("-", " ").split():
                found = self.gazetteer.by_demonym(word) or self.gazetteer.by_name(word)
                if found is not None and found.type == "Country":
                    return found.key
        return None

    def _held_before(self, role: RoleMention, person: str) -> bool:
        """The title names an office the gazetteer has the person leave before the article's date: the text
        speaks of the past ("a military adviser to Secretary of State Hillary Clinton" in 2016)."""
        entry = self.gazetteer.get(person)
        if entry is None or self.period is None:
            return False
        terms = [o for o in entry.offices if o.office == office_of(role.title)]
        return bool(terms) and not any(o.held(self.period) for o in terms)

    def statements(self) -> list[Statement]:
        text = self.reading.article.text
        out = []
        for quote in self.reading.quotes:
            mentioned = sorted({k for m in quote.mentions if (k := self.names.key_of.get((m.start, m.end)))})
            start, end = _trimmed_span(text, *quote.evidence)
            speaker = self.key(quote.speaker)
            unresolved = quote.speaker.text if quote.speaker is not None else quote.speaker_text
            figures = tuple(q for q in self.reading.quantities if quote.start <= q.start and q.end <= quote.end)
            out.append(Statement(
                speaker=speaker, speaker_text=None if speaker else unresolved, quantities=figures,
                quote=quote.text, direct=quote.direct, cue=quote.cue,
                start=quote.start, end=quote.end, evidence=text[start:end],
                evidence_start=start, evidence_end=end, mentions=tuple(mentioned),
            ))
        return out

    def statements_about(self, statements: list[Statement], affiliations: tuple[Affiliation, ...]
                         ) -> list[Statement]:
        """Statements still without a target aimed at the actor their content is about ("NATO is no
        threat", said Putin): never the speaker, nor a body the speaker belongs to or speaks for."""
        own = {(a.person, a.org) for a in affiliations}
        about = {(q.start, q.end): q for q in self.reading.quotes if q.target is not None}
        out = []
        for statement in statements:
            quote = about.get((statement.start, statement.end))
            target = self.key(quote.target) if quote is not None and quote.target is not None else None
            if statement.target is None and statement.speaker is not None and target is not None \
                    and target != statement.speaker and (statement.speaker, target) not in own \
                    and not self._speaker_itself(statement, quote):
                assert quote is not None
                statement = replace(statement, target=target, event_type=quote.target_code)
            out.append(statement)
        return out

    def _speaker_itself(self, statement: Statement, quote: Quote | None) -> bool:
        """ "X said he would …": in reported speech "he"/"she" of the speaker's gender is mostly the speaker,
        whoever else the pronoun was resolved to; in a quotation ("He is a danger," said X) it is not."""
        pronoun = quote.target.text.lower() if quote is not None and quote.target is not None else ""
        return (not statement.direct and statement.speaker is not None and pronoun in PERSON_PRONOUNS
                and self.references.gender(statement.speaker) == PERSON_PRONOUNS[pronoun])

    def events(self, statements: list[Statement]) -> tuple[list[Statement], tuple[Event, ...]]:
        """Interactions between two different actors. One read from a statement's own reporting verb
        ("criticised Western powers …, asserting: …") makes that statement aimed at its target instead."""
        text = self.reading.article.text
        events: list[Event] = []
        for mention in self.reading.events:
            agent, target = self.key(mention.agent), self.key(mention.target)
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


def _trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace around it (a sentence may end with its line break)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def resolve(reading: Reading, gazetteer: Gazetteer | None = None) -> Extraction:
    """Turn what the NLP stage read in one article into actors, statements, events and affiliations."""
    resolution = Resolution(reading, gazetteer or load_gazetteer())
    statements, events = resolution.events(resolution.statements())
    affiliations = resolution.affiliations()
    statements = resolution.statements_about(statements, affiliations)
    statements, events = _between_strangers(statements, events, affiliations)
    table = resolution.names.table
    counts = tuple(sorted(table.mentions.items()))
    return Extraction(reading.article, table.actors(), tuple(statements), affiliations, events, counts)


def _between_strangers(statements: list[Statement], events: tuple[Event, ...], affiliations: tuple[Affiliation, ...]
                       ) -> tuple[list[Statement], tuple[Event, ...]]:
    """No interaction between a person and the state or body they hold office in or speak for: the
    grammar misread who acted ("an Israeli official said Netanyahu will …", "Ban condemned a breach of
    U.N. resolutions"); the statements stay, without that target."""
    own = {pair for a in affiliations for pair in ((a.person, a.org), (a.org, a.person))}
    kept = [replace(s, target=None, event_type=None) if (s.speaker, s.target) in own else s for s in statements]
    return kept, tuple(e for e in events if (e.agent, e.target) not in own)


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
    merged[actor.key] = Actor(seen.key, label, seen.type, tuple(sorted(names)), seen.wikidata or actor.wikidata,
                              seen.nationality or actor.nationality)
