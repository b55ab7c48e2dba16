"""References: titles, pronouns and nouns that stand for an actor named elsewhere, resolved to its key.

- A title of office ("the Russian President", "the minister") is the person holding it: one the
  article names with that title or whom the gazetteer has in that office at the article's date, the
  nearest before the reference (or just after it); failing that, the gazetteer's holder of the office
  at the article's date, if exactly one (a title no other state uses, "the Foreign Secretary", names
  its state's holder; "the president" needs a state the article names, or is left unknown).
- "he"/"she" is the nearest person before it who was the subject of a sentence (or, failing that, the
  nearest person), of a compatible gender, a few sentences back at most; "it" the nearest state or
  organisation, "they" the nearest group of people (a named collective, or a group by nationality and
  role).
- "the bank", "the ministry" is the nearest organisation before it whose name holds the noun; "the
  company", "the group" the nearest organisation before it.
Names inside a direct quotation are not what the narrative's pronouns point back to; a title may be.
A reference that cannot be resolved is left unknown (``None``) rather than guessed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from kg.gazetteer import Entry, Gazetteer, Period, last_day, normalise_name, office_of
from kg.lexicons import lexicon
from kg.models import Mention, Reading, RoleMention
from kg.resolve.names import LEADERS_BODIES, Names, person_name

# "the Russian leader" is whoever leads: a head of state or government
GENERIC_LEADER_OFFICES = frozenset({"leader", "head of state", "head of government"})
LEADER_OFFICES = frozenset({"president", "prime minister", "chancellor", "king", "queen", "emir",
                            "supreme leader", "leader", "general secretary", "chairman", "sultan"})
PRONOUN_LOOKBACK = 4  # sentences
BODY_LOOKBACK = 5  # sentences
TITLE_LOOKBACK = 12  # sentences
PERSON_PRONOUNS = {"he": "m", "his": "m", "she": "f", "her": "f"}
BODY_PRONOUNS = frozenset({"it", "its"})  # and "they", "their": a group

Span = tuple[int, int]


def title_fits(title: str, held: str | None) -> bool:
    """A title names an office held under the title ``held``: the same title; for a generic one ("the
    foreign minister"), any title of that office ("Foreign Secretary"); for "leader", any leader's."""
    if held is None:
        return False
    title, held = normalise_name(title), normalise_name(held)
    office = office_of(title)
    return held == title or (office == title and office_of(held) == office) or (
        office in GENERIC_LEADER_OFFICES and office_of(held) in LEADER_OFFICES)


@dataclass(frozen=True)
class Antecedent:
    mention: Mention
    key: str


@cache
def _body_nouns() -> dict[str, bool]:
    """noun -> whether it may refer to any organisation (a general noun: "the company")."""
    return {noun.rstrip("*"): noun.endswith("*") for noun in lexicon("body_nouns")}


class References:
    """The key of every reference of one article (pronouns, bare titles, nominals), and the titles the
    article gives its people."""

    def __init__(self, reading: Reading, names: Names, gazetteer: Gazetteer, period: Period | None) -> None:
        self.reading = reading
        self.names = names
        self.gazetteer = gazetteer
        self.period = period
        self.key_of: dict[Span, str | None] = {}
        self.titles: dict[str, set[tuple[str, str | None]]] = defaultdict(set)  # key -> {(office, org)}
        self.quoted = [(q.start, q.end) for q in reading.quotes if q.direct]
        self.antecedents: list[Antecedent] = []  # people and bodies, then the references resolved to them
        self._titles_given()
        self._resolve()
        self._first_person()

    def _in_quote(self, position: int) -> bool:
        return any(a <= position < b for a, b in self.quoted)

    def org_key(self, mention: Mention | None) -> str | None:
        if mention is None:
            return None
        span = (mention.start, mention.end)
        return self.names.key_of.get(span) or self.key_of.get(span)  # a name, or a resolved nominal

    # ---------------------------------------------------------------- titles
    def _titles_given(self) -> None:
        """The titles the text gives named people ("Foreign Minister Sergei Lavrov")."""
        for role in self.reading.roles:
            person = self.org_key(role.person)
            if person is not None:
                self.titles[person].add((normalise_name(role.title), self.role_org(role, person)))

    def role_org(self, role: RoleMention, person: str) -> str | None:
        """The state or body of a title given to a named person: named in the phrase, else the one the
        gazetteer has the person holding that office in at the article's date ("President Vladimir Putin"),
        else the state the gazetteer ties the person to ("Foreign Secretary Jack Straw")."""
        if role.org is not None and role.org.label in {"PRON", "TITLE"}:  # "his chief of staff", "the president's
            owner = (self._person_referent(role.org, [a for a in self.antecedents if a.key != person])  # adviser"
                     if role.org.label == "PRON" else self.key_of.get((role.org.start, role.org.end)))
            return self._state_of_person(owner) if owner is not None and owner != person else None
        org = self.org_key(role.org)
        entry = self.gazetteer.get(person)
        if org is not None:
            return org
        if entry is None:  # an unknown holder of a title only one state uses ("the secretary of the Treasury")
            states = self.gazetteer.states_with_title(role.title)
            return next(iter(states)) if len(states) == 1 else None
        office = office_of(role.title)
        offices = [o for o in entry.offices if o.office == office]
        current = [o for o in offices if o.held(self.period)] or offices
        if current:
            return current[0].org
        if entry.country is not None and self.gazetteer.holders(role.title, entry.country):
            return entry.country  # an office that state has ("Foreign Secretary Jack Straw"), not "the leader in polls"
        return None

    def _state_of_person(self, key: str) -> str | None:
        """The state a person holds office in: as the article titles them, else as the gazetteer has it then."""
        states = {o for _, o in self.titles[key] if o is not None and self.names.table.type.get(o) == "Country"}
        entry = self.gazetteer.get(key)
        if not states and entry is not None:
            states = {o.org for o in entry.offices if o.role and o.held(self.period)
                      and (state := self.gazetteer.get(o.org)) is not None and state.type == "Country"}
        return states.pop() if len(states) == 1 else None

    def _holds(self, key: str, title: str, org: str | None) -> bool:
        """The article gives the person this title, or the gazetteer has them in the office then. A title
        of one state's own ("the Foreign Secretary") is held by those given that very title; a generic one
        ("the foreign minister") by any holder of the office ("Foreign Secretary" included)."""
        if any(title_fits(title, t) and (org is None or o == org) for t, o in self.titles[key]):
            return True
        entry = self.gazetteer.get(key)
        offices = entry.offices if entry is not None else ()
        return any(title_fits(title, o.role) and (org is None or o.org == org) and o.held(self.period)
                   for o in offices)

    def title_holder(self, role: RoleMention, antecedents: list[Antecedent]) -> str | None:
        """The person a bare title refers to ("the Russian President", "the minister")."""
        office = office_of(role.title)
        org = self.org_key(role.org)
        if role.former:
            return self._former_holder(role, antecedents, org)
        before = [a.key for a in antecedents if a.mention.start < role.start
                  and role.sentence - a.mention.sentence <= TITLE_LOOKBACK and self._holds(a.key, role.title, org)]
        if before:
            return before[-1]
        after = [key for m, key in self.names.people  # "The Foreign Secretary met X …, since Boris Johnson was …"
                 if m.start > role.end and m.sentence - role.sentence <= 1 and self._holds(key, role.title, org)]
        if after:
            return after[0]
        if self.period is None:
            return None  # who held it when is unknown: no guess
        holders = self.gazetteer.holders(role.title, org, self.period)
        if org is None:  # of a state the article names, or a title only one state uses ("the Foreign Secretary")
            title = normalise_name(role.title)
            held = [(h, o) for h in holders for o in h.offices if o.office == office and o.held(self.period)]
            named = {h.key for h, o in held if o.org in self.names.states}
            exact = {o.org for h, o in held if normalise_name(o.role or "") == title}
            if named:
                holders = [h for h in holders if h.key in named]
            elif len(exact) == 1:
                holders = [h for h, o in held if o.org in exact and normalise_name(o.role or "") == title]
            else:
                return None
        known = [h for h in holders if h.key in self.names.table.mentions]
        pick = list(dict.fromkeys(known or holders))
        return pick[0].key if len(pick) == 1 else None

    def _former_holder(self, role: RoleMention, antecedents: list[Antecedent], org: str | None) -> str | None:
        """ "the former president": the nearest person named before who left the office before the article's
        date (an office the sources give no title is the one of a title they give undated) — never today's
        holder, nor a later one."""
        if self.period is None:
            return None
        for antecedent in reversed(antecedents):
            if antecedent.mention.start > role.start or role.sentence - antecedent.mention.sentence > TITLE_LOOKBACK:
                continue
            entry = self.gazetteer.get(antecedent.key) or self._only_namesake(antecedent.key)
            if entry is None:
                continue
            titled = any(title_fits(role.title, t) for t in entry.titles)
            offices = [o for o in entry.offices if (org is None or o.org == org)
                       and (title_fits(role.title, o.role) if o.role else titled)]
            if any(o.end and last_day(o.end) < self.period[0] for o in offices) \
                    and not any(o.held(self.period) for o in offices):
                return antecedent.key
        return None

    def _only_namesake(self, key: str) -> Entry | None:
        """The one person of the gazetteer with the full name of an actor keyed within its article (someone
        out of office at the article's date is not linked to it, yet has their past offices)."""
        names = sorted(self.names.table.names[key], key=lambda n: -len(n.split()))
        found = [e for e in self.gazetteer.candidates(names[0]) if e.type == "Person"] if names else []
        return found[0] if len(found) == 1 and len(names[0].split()) > 1 else None

    # ---------------------------------------------------------------- pronouns and nominals
    def gender(self, key: str) -> str | None:
        entry = self.gazetteer.get(key)
        names = [entry.label] if entry is not None else sorted(self.names.table.names[key], key=lambda n: -len(n))
        return person_name(names[0]).gender if names else None

    def _person_referent(self, mention: Mention, antecedents: list[Antecedent]) -> str | None:
        gender = PERSON_PRONOUNS[mention.text.lower()]
        before = [a for a in antecedents if a.mention.start < mention.start and self._is_person(a.key)
                  and mention.sentence - a.mention.sentence <= PRONOUN_LOOKBACK
                  and self.gender(a.key) in {gender, None}]
        subjects = [a for a in before if a.mention.subject]
        pick = subjects or before
        if pick:
            return pick[-1].key
        return self._person_taken_for_a_body(mention, antecedents)

    def _quoted_person(self, mention: Mention, antecedents: list[Antecedent]) -> str | None:
        """ "he"/"she" inside a direct quotation: the nearest person of that gender named before it, in the
        quotation or before it, who is not its speaker ("He is a danger," said X: not X). Unknown when the
        speaker is."""
        quote = next(q for q in self.reading.quotes if q.direct and q.start <= mention.start < q.end)
        speaker = quote.speaker
        said_by = self.names.key_of.get((speaker.start, speaker.end)) if speaker is not None else None
        if said_by is None:
            return None
        gender = PERSON_PRONOUNS[mention.text.lower()]
        inside = [Antecedent(m, k) for m, k in self.names.people if quote.start <= m.start < mention.start]
        outside = [a for a in antecedents if a.mention.start < quote.start]
        before = [a for a in [*outside, *inside] if a.key != said_by and self._is_person(a.key)
                  and mention.sentence - a.mention.sentence <= PRONOUN_LOOKBACK
                  and self.gender(a.key) in {gender, None}]
        return before[-1].key if before else None

    def _person_taken_for_a_body(self, mention: Mention, antecedents: list[Antecedent]) -> str | None:
        """With no person in sight, "he"/"she" is the subject before it that the model took for an
        organisation, when its name is one unknown word ("Burton explained. "…," he said"): a person."""
        for a in reversed(antecedents):
            if a.mention.start >= mention.start or mention.sentence - a.mention.sentence > PRONOUN_LOOKBACK:
                continue
            if a.mention.subject and a.mention.label == "ORG" and len(a.mention.text.split()) == 1 \
                    and self.gazetteer.get(a.key) is None and self.names.table.type.get(a.key) == "Organization":
                self.names.table.type[a.key] = "Person"
                return a.key
            return None
        return None

    def _is_person(self, key: str) -> bool:
        return self.names.table.type.get(key) == "Person"

    def _first_person(self) -> None:
        """"I" inside a direct quotation is whoever it quotes; outside one it is left unknown."""
        for mention in self.reading.mentions:
            if mention.label != "PRON" or mention.text.lower() != "i":
                continue
            quote = next((q for q in self.reading.quotes if q.direct and q.start <= mention.start < q.end), None)
            speaker = quote.speaker if quote is not None else None
            if speaker is not None and (speaker.start, speaker.end) != (mention.start, mention.end):
                span = (speaker.start, speaker.end)
                self.key_of[(mention.start, mention.end)] = self.names.key_of.get(span) or self.key_of.get(span)

    def _body_referent(self, mention: Mention, antecedents: list[Antecedent]) -> str | None:
        """"it": the nearest state or organisation; "they": the nearest group; "the bank": the nearest
        organisation whose name holds "bank" (any organisation for "the company")."""
        word = mention.text.lower()
        if mention.label == "PRON":  # "they" may be a body too, as its members ("the Council … they said")
            types = {"Organization", "Country"} if word in BODY_PRONOUNS else {"Group", "Organization"}
            lookback = PRONOUN_LOOKBACK
        else:  # "the administration" after "the Obama administration": the United States
            types = {"Organization", "Country"} if mention.kind in LEADERS_BODIES else {"Organization"}
            lookback = BODY_LOOKBACK
        noun = mention.kind or ""
        before = [a for a in antecedents if a.mention.start < mention.start
                  and mention.sentence - a.mention.sentence <= lookback
                  and self.names.table.type.get(a.key) in types]
        if mention.label == "NOMINAL":
            holding = [a for a in before if noun in normalise_name(a.mention.text).split()
                       or any(noun in normalise_name(n).split() for n in self.names.table.names[a.key])]
            organisations = [a for a in before if self.names.table.type.get(a.key) == "Organization"]
            before = holding or (organisations if _body_nouns().get(noun) else [])
        subjects = [a for a in before if a.mention.subject]
        if word in {"they", "their"}:  # only a subject: a plural of people is the likelier referent otherwise
            return subjects[-1].key if subjects else None
        pick = subjects or before
        return pick[-1].key if pick else None

    def _resolve(self) -> None:
        """Pronouns, bare titles and nominals, in text order; each resolved one carries the thread further."""
        people = [Antecedent(m, k) for m, k in self.names.people if not self._in_quote(m.start)]
        bodies = [Antecedent(m, self.names.key_of[(m.start, m.end)]) for m in self.names.mentions
                  if m.label != "PERSON" and (m.start, m.end) in self.names.key_of and not self._in_quote(m.start)]
        antecedents = self.antecedents = sorted([*people, *bodies], key=lambda a: a.mention.start)
        references: list[Mention | RoleMention] = [
            *(m for m in self.reading.mentions if m.label in {"PRON", "NOMINAL"}),
            *(r for r in self.reading.roles if r.person is None),
        ]
        for reference in sorted(references, key=lambda r: r.start):
            if reference.text.lower() == "i" and isinstance(reference, Mention):
                continue  # the speaker of the quotation it is in: see _first_person
            if self._in_quote(reference.start) and not isinstance(reference, RoleMention):
                if reference.label == "PRON" and reference.text.lower() in PERSON_PRONOUNS:
                    self.key_of[(reference.start, reference.end)] = self._quoted_person(reference, antecedents)
                continue
            if isinstance(reference, RoleMention):
                key = self.title_holder(reference, antecedents)
                carrier = Mention(reference.start, reference.end, reference.text, "TITLE", reference.sentence,
                                  subject=True)
                if key is not None:
                    self.names.table.add(key, "Person", self.gazetteer.get(key), None)
                    if reference.org is not None:  # "Russian President" is a name; "the president" is not
                        self.names.table.references[key].add(_strip_article(reference.text))
            elif reference.label == "PRON" and reference.text.lower() in PERSON_PRONOUNS:
                key = self._person_referent(reference, antecedents)
                carrier = reference
            else:
                key = self._body_referent(reference, antecedents)
                carrier = reference
            self.key_of[(reference.start, reference.end)] = key
            if key is not None:
                antecedents.append(Antecedent(carrier, key))
                antecedents.sort(key=lambda a: a.mention.start)


def _strip_article(text: str) -> str:
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in {"the", "a", "an"} else text
