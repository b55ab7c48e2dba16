"""Which names in an article are one actor, and the keys actors are kept under: the merge policy.

- A name the gazetteer knows is that actor. When it names several (two people called James Brown,
  George Bush and George W. Bush), the one whose office or state fits the article's date and the
  states the article names is chosen, and none when that leaves more than one.
- Two full names of people are one person when their surnames agree and so do their given names:
  equal, one an initial of the other, a middle name or initial only one of them has ("George Bush",
  "George W. Bush"), or accents ("Jose Manuel Barroso"). Different first names ("Cherie Blair", "Tony
  Blair"), a gender that conflicts (from an honorific, "Mrs Blair", or a first name), or two different
  gazetteer identities keep people apart.
- A partial name is the nearest person before it whose name it can be, of a compatible gender, or the
  nearest after it when none is before: a surname ("Straw", "Mr Straw", "von der Leyen"), the given
  names ("Jose Manuel"), or the first word alone ("Hillary"; an East Asian family name, "Mr. Lou" of
  "Lou Jiwei"). Failing that, the gazetteer's person of that surname, only if exactly one fits the
  article's date and states.
- An acronym defined in brackets ("North Atlantic Treaty Organisation (NATO)") and an organisation's
  first words ("Baikal" of "Baikal Finance Group") or last word ("the Council" of "the UN Security
  Council") name that organisation.
- Keys: the gazetteer key (a Wikidata id where known); for an unknown person the name's slug within
  the article (``<slug>--<article id>``: two articles' John Smiths are not one person); for an unknown
  organisation its slug, but a generic body ("the Foreign Ministry", "Parliament") is keyed by its state
  when the text names one ("Q159-foreign-ministry") and within the article when not; a group named
  by nationality and role ("Afghan guerrillas") by its state and kind within the article.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import pairwise

from kg.gazetteer import Entry, Gazetteer, Period, normalise_name, office_of
from kg.lexicons import lexicon, lexicon_rows
from kg.models import ENTITY_TYPES, Actor, ActorType, Article, Mention, Reading, slugify

HONORIFIC_GENDERS: dict[str, str | None] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f",
    "madame": "f", "dame": "f", "lady": "f", "dr": None, "prof": None, "professor": None, "rev": None}
# Abbreviated titles before a name ("Sen. Ben Sasse", "Gen. Colin Powell"); full titles come from roles.txt
TITLE_ABBREVIATIONS = frozenset("sen rep gen gov lt col capt adm maj sgt pres amb atty supt insp cmdr".split())
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_HONORIFIC_BEFORE = re.compile(rf"(?:^|\s)({'|'.join(HONORIFIC_GENDERS)})\.?\s+$", re.IGNORECASE)
LOCAL_KEY = "--"  # "<slug>--<article id>": an actor known only within its article
_POSSESSIVE = re.compile(r"['\u2019]s\b")
# A state's armed forces or government, named generically, stand for the state ("the Syrian Army said")
STATE_ITSELF = frozenset({"army", "military", "armed", "forces", "government", "administration", "regime",
                          "authorities", "cabinet"})
# A government named after its leader is the leader's state ("the Obama administration", "Blair's government")
LEADERS_BODIES = frozenset({"government", "administration", "regime", "cabinet"})


def leaders_body(words: list[str]) -> bool:
    """Normalised name words of a government named after its leader ("obama administration")."""
    return len(words) > 1 and words[-1] in LEADERS_BODIES


def local_key(name: str, article: Article) -> str:
    return f"{slugify(name)}{LOCAL_KEY}{article.id}"


@cache
def _title_words() -> frozenset[str]:
    return frozenset(normalise_name(role) for role in lexicon("roles")) | TITLE_ABBREVIATIONS


@cache
def _first_names() -> dict[str, str]:
    genders = {normalise_name(name): "m" for name in lexicon("male_names")}
    genders.update({normalise_name(name): "f" for name in lexicon("female_names")})
    return genders


@dataclass(frozen=True)
class PersonName:
    """A person's name in comparable parts: normalised words (no honorific, title or "Jr.") and the
    gender its honorific gives."""

    words: tuple[str, ...]
    honorific_gender: str | None = None

    @cached_property  # asked for every pair of names compared
    def gender(self) -> str | None:
        """"m" or "f" by the honorific, else by a first name the lexicons know, else None."""
        if self.honorific_gender is not None:
            return self.honorific_gender
        return _first_names().get(self.words[0]) if len(self.words) > 1 else None


def person_name(text: str) -> PersonName:
    """"Mrs Cherie Blair" -> (cherie, blair), female; "Sen. Ben Sasse" -> (ben, sasse)."""
    words = text.split()
    gender: str | None = None
    titles = _title_words()
    while len(words) > 1:
        word = words[0].lower().rstrip(".")
        if word in HONORIFIC_GENDERS:
            gender = gender or HONORIFIC_GENDERS[word]
        elif word not in titles:
            break
        words = words[1:]
    normal = [w for w in normalise_name(" ".join(words)).split() if w not in NAME_SUFFIXES] or ["x"]
    return PersonName(tuple(normal), gender)


def person_surface(text: str) -> str:
    """A person's name as written, without honorifics or a leading title ("Mr Straw" -> "Straw")."""
    words = text.split()
    titles = _title_words()
    while len(words) > 1 and (words[0].lower().rstrip(".") in HONORIFIC_GENDERS
                              or words[0].lower().rstrip(".") in titles):
        words = words[1:]
    return " ".join(words)


@cache
def _same_given_names() -> dict[str, frozenset[str]]:
    groups: dict[str, frozenset[str]] = {}
    for line in lexicon_rows("lexicons", "nicknames.txt"):
        names = frozenset(line.split())
        for name in names:
            groups[name] = groups.get(name, frozenset()) | names
    return groups


def _word_agrees(a: str, b: str) -> bool:
    """Two given names of one person: equal, an initial of the other, or names of one group ("Jack", "Jacob")."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)) \
        or b in _same_given_names().get(a, ())


def _genders_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def same_person(a: PersonName, b: PersonName) -> bool:
    """Two full names that may name one person: same surname, given names that agree pairwise (a middle
    name or initial may be missing on one side), no conflicting gender."""
    if a.words[-1] != b.words[-1] or not _genders_agree(a.gender, b.gender):
        return False
    given_a, given_b = a.words[:-1], b.words[:-1]
    if not given_a or not given_b:
        return True
    if not _word_agrees(given_a[0], given_b[0]):
        return False
    return all(_word_agrees(x, y) for x, y in zip(given_a[1:], given_b[1:], strict=False))


def part_of(short: PersonName, full: PersonName) -> int:
    """How ``short`` may be a partial form of ``full``: 2 as its surname(s) ("Straw", "von der Leyen"),
    1 as its given names or first word ("Jose Manuel", "Hillary", "Mr. Lou" of "Lou Jiwei"), 0 not at all."""
    n = len(short.words)
    if n >= len(full.words) or not _genders_agree(short.gender, full.gender):
        return 0
    if full.words[-n:] == short.words:
        return 2
    if full.words[:n] == short.words:
        return 1
    return 0


def _is_full(name: PersonName) -> bool:
    return len(name.words) > 1


@dataclass
class Cluster:
    """The mentions found to name one person so far."""

    key: str
    entry: Entry | None
    names: list[PersonName] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)

    @property
    def gender(self) -> str | None:
        genders = {n.gender for n in self.names} - {None}
        return genders.pop() if len(genders) == 1 else None

    def accepts(self, name: PersonName) -> bool:
        return _genders_agree(name.gender, self.gender)


class ActorTable:
    """The actors of one article as they are found, keyed by ``Actor.key``."""

    def __init__(self) -> None:
        self.entry: dict[str, Entry | None] = {}
        self.type: dict[str, ActorType] = {}
        self.names: dict[str, Counter[str]] = defaultdict(Counter)
        self.references: dict[str, set[str]] = defaultdict(set)
        self.mentions: Counter[str] = Counter()
        self.nationality: dict[str, str] = {}  # group key -> the state it belongs to ("Afghan guerrillas")

    def add(self, key: str, type_: ActorType, entry: Entry | None, surface: str | None) -> str:
        self.entry.setdefault(key, entry)
        self.type.setdefault(key, entry.type if entry is not None else type_)
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
            else:  # the fullest name the article uses, most frequent first, accented rather than not
                label = max(sorted(self.names[key]), key=lambda n: (len(n.split()), self.names[key][n],
                                                                     sum(not c.isascii() for c in n)))
            aliases = tuple(sorted(s for s in surfaces if s != label))
            actors.append(Actor(key, label, self.type[key], aliases, entry.wikidata if entry else None,
                                self.nationality.get(key)))
        return tuple(actors)


Span = tuple[int, int]


class Names:
    """The actor of every named mention of one article (``key_of``), and the people in text order."""

    def __init__(self, reading: Reading, gazetteer: Gazetteer, period: Period | None,
                 extra: Iterable[Mention] = ()) -> None:
        self.reading = reading
        self.article = reading.article
        self.gazetteer = gazetteer
        self.period = period
        self.table = ActorTable()
        self.key_of: dict[Span, str] = {}
        spans = {(m.start, m.end): m for m in (*reading.mentions, *extra) if m.label in ENTITY_TYPES}
        self.mentions = self._people_retyped(sorted(spans.values(), key=lambda m: (m.start, m.end)))
        self.titles = {(r.person.start, r.person.end): office_of(r.title) for r in reading.roles
                       if r.person is not None and not r.former}  # the office the text gives a name
        self.states: set[str] = set()  # the states and bodies the article names, to choose among homonyms
        self.states = self._states_named()
        people = [m for m in self.mentions if m.label == "PERSON"]
        self.clusters: list[Cluster] = []
        self._people(people)
        self._others([m for m in self.mentions if m.label != "PERSON"])

    def _people_retyped(self, mentions: list[Mention]) -> list[Mention]:
        """One word the model tags now as a person, now as an organisation, is what the article's fuller
        names say: part of a person's full name ("Senator Bernie Sanders …; Sanders said", "Sanders" an
        ORG) is that person; an organisation's name or first word ("Yukos", "Baikal" of "Baikal Finance
        Group", tagged PERSON) is that organisation."""
        person_parts = {w for m in mentions if m.label == "PERSON" and _is_full(name := person_name(m.text))
                        for w in (name.words[-1], name.words[0])}
        org_names = {org for m in mentions if m.label == "ORG"  # not a body named after a person: "Clinton campaign"
                     and (org := normalise_name(m.text)) and org.split()[-1] not in lexicon("personal_bodies")}
        org_parts = org_names | {name.split()[0] for name in org_names if name}
        surnames = {person_name(m.text).words[-1] for m in mentions if m.label == "PERSON"}

        def retyped(m: Mention) -> Mention:
            word = normalise_name(m.text)
            if m.gazetteer_id or self.gazetteer.by_name(m.text) is not None:
                return m
            if len(m.text.split()) != 1:  # "Tashfeen Malik" (ORG) beside "Ms. Malik": a first name and a surname
                words = word.split()
                if m.label == "ORG" and len(words) in {2, 3} and words[-1] in surnames and words[0] in _first_names():
                    return replace(m, label="PERSON")
                return m
            if m.label == "ORG" and word in person_parts:
                return replace(m, label="PERSON")
            if m.label == "PERSON" and word in org_parts and word not in person_parts:
                return replace(m, label="ORG")
            return m

        return [retyped(m) for m in mentions]

    # ---------------------------------------------------------------- gazetteer choices
    def _states_named(self) -> set[str]:
        found = set()
        for m in self.mentions:
            entry = self._entry(m)
            if entry is not None and entry.type in {"Country", "Organization"}:
                found.add(entry.key)
        return found

    def _named_enough(self, entry: Entry, mention: Mention) -> bool:
        """An acronym of an actor the curators did not write ("ISA") names it only where the article
        also names it in full; alone it may be anything ("the Iran Sanctions Act")."""
        if entry.curated or mention.text not in entry.acronyms:
            return True
        names = {normalise_name(n) for n in (entry.label, *entry.aliases)}
        return any(normalise_name(m.text) in names for m in self.reading.mentions)

    def _in_office(self, entry: Entry, office: str | None = None) -> bool:
        """In office (``office`` when given) at the article's date (at any time when undated) in a state or
        body the article names; a membership with neither dates nor title says nothing of when."""
        return any(o.org in self.states and o.held(self.period) and (o.start or o.end or o.role)
                   and (office is None or o.office == office) for o in entry.offices)

    def _fits(self, entry: Entry) -> bool:
        """An entry of a person whose office or state fits the article: in office then in a state or body it
        names, or of a state it names (and then in office, when its offices are known)."""
        if self._in_office(entry):
            return True
        return entry.country in self.states and (self.period is None or not entry.offices
                                                 or any(o.held(self.period) for o in entry.offices))

    def choose(self, candidates: Iterable[Entry], type_: str | None = None) -> Entry | None:
        """One of several gazetteer entries for a name: the only one of the right type, else the only one
        that fits the article, else a curated one when it is the only curated one. A person the curators
        did not write (from Phoenix or Wikidata's officeholders: tens of thousands, many with common
        names) is only ever chosen when the article fits them: their state or body named, in office then."""
        found = [e for e in candidates if type_ is None or (e.type == "Person") == (type_ == "Person")]
        if type_ == "Person":
            found = [e for e in found if e.curated or self._fits(e)]
        if len(found) <= 1:
            return found[0] if found else None
        fitting = [e for e in found if self._fits(e)]
        if len(fitting) == 1:
            return fitting[0]
        curated = [e for e in (fitting or found) if e.curated]
        return curated[0] if len(curated) == 1 else None

    def _entry(self, mention: Mention) -> Entry | None:
        g = self.gazetteer
        if mention.kind is not None:  # a group by nationality and role: its id is its state's
            return None
        if mention.gazetteer_id:
            entry = g.get(mention.gazetteer_id)
            if entry is None or not self._named_enough(entry, mention):
                return None
            return self.choose([entry], "Person") if entry.type == "Person" else entry
        if mention.label == "PERSON":
            return self.choose(g.candidates(person_surface(mention.text)), "Person")
        if mention.label == "NORP":
            return g.by_demonym(mention.text)
        entry = self.choose(g.candidates(mention.text), mention.label)
        if entry is None and mention.label == "GPE":
            entry = g.by_seat(mention.text)
        return entry

    # ---------------------------------------------------------------- people
    def _with_honorific(self, mention: Mention) -> str:
        """The name with the honorific written just before it, which the actor ruler leaves out of a name it
        knows ("Mrs" of "Mrs Blair"): whom the name can be depends on it."""
        before = _HONORIFIC_BEFORE.search(self.article.text[max(0, mention.start - 12) : mention.start])
        return f"{before.group(1)} {mention.text}" if before is not None else mention.text

    def _people(self, mentions: list[Mention]) -> None:
        """Full names with a gazetteer identity first, then other full names, then partial names in text
        order, so that each partial name can be matched against every full one."""
        parsed = {(m.start, m.end): person_name(self._with_honorific(m)) for m in mentions}
        identified: list[tuple[Mention, Entry]] = []
        full: list[Mention] = []
        partial: list[Mention] = []
        for m in mentions:
            name = parsed[(m.start, m.end)]
            entry = self._entry(m)
            if entry is not None and entry.type != "Person":
                entry = None
            if entry is not None and _is_full(name) and _genders_agree(name.gender, _entry_gender(entry)):
                identified.append((m, entry))
            elif _is_full(name) and not _is_initials_only(name):
                full.append(m)
            else:
                partial.append(m)
        for m, entry in identified:
            self._join(m, parsed[(m.start, m.end)], self._cluster_for_entry(entry))
        for m in sorted(full, key=lambda m: (-len(parsed[(m.start, m.end)].words), m.start)):
            name = parsed[(m.start, m.end)]
            entry = self._by_full_name(name)
            if entry is not None:  # "Jacob J. Lew": the gazetteer's Jack Lew
                self._join(m, name, self._cluster_for_entry(entry))
                continue
            cluster = self._nearest(m.start, [c for c in self.clusters if c.accepts(name) and any(
                same_person(name, n) for n in c.names if _is_full(n))]) or self._nearest(m.start, [
                c for c in self.clusters if c.accepts(name) and any(part_of(name, n) == 1 for n in c.names)])
            self._join(m, name, cluster or self._new_cluster(local_key(person_surface(m.text), self.article), None))
        for m in partial:
            name = parsed[(m.start, m.end)]
            self._join(m, name, self._partial_cluster(m, name))

    def _partial_cluster(self, mention: Mention, name: PersonName) -> Cluster:
        ranks = [(c, {part_of(name, n) for n in c.names}) for c in self.clusters if c.accepts(name)]
        for rank in (2, 1):
            cluster = self._nearest(mention.start, [c for c, found in ranks if rank in found])
            if cluster is not None:
                return cluster
        entry = self._entry(mention)
        if entry is None or entry.type != "Person" or not _genders_agree(name.gender, _entry_gender(entry)):
            entry = self._by_surname(name, self.titles.get((mention.start, mention.end)))
        if entry is not None:
            return self._cluster_for_entry(entry)
        return self._new_cluster(local_key(person_surface(mention.text), self.article), None)

    def _by_full_name(self, name: PersonName) -> Entry | None:
        """A full name the gazetteer does not list as such, of one of its people of that surname whose
        given names agree (a middle initial more, a nickname: "Jacob J. Lew" of "Jack Lew") and whom the
        article fits."""
        candidates = [e for e in self.gazetteer.people_with_surname(name.words[-1])
                      if any(same_person(name, person_name(n)) for n in e.names if len(n.split()) > 1)]
        fitting = [e for e in candidates if self._fits(e)]
        return fitting[0] if len(fitting) == 1 else None

    def _by_surname(self, name: PersonName, office: str | None) -> Entry | None:
        """A bare surname ("Mr Kerry", "President Bush") is the gazetteer's person of that name only if
        exactly one fits: in office (the one the text gives them, if any) at the article's date in a state
        or body the article names."""
        if len(name.words) != 1:
            return None
        fitting = [e for e in self.gazetteer.people_with_surname(name.words[0]) if self._in_office(e, office)]
        # a gender may rule the one fitting person out, never single one out of several ("Mrs Hassan")
        return fitting[0] if len(fitting) == 1 and _genders_agree(name.gender, _entry_gender(fitting[0])) else None

    def _nearest(self, position: int, clusters: list[Cluster]) -> Cluster | None:
        """The cluster with a mention nearest before ``position``, else nearest after it."""
        before = [(max(p for p in c.positions if p < position), i) for i, c in enumerate(clusters)
                  if any(p < position for p in c.positions)]
        if before:
            return clusters[max(before)[1]]
        after = [(min(c.positions), i) for i, c in enumerate(clusters) if c.positions]
        return clusters[min(after)[1]] if after else None

    def _cluster_for_entry(self, entry: Entry) -> Cluster:
        for cluster in self.clusters:
            if cluster.key == entry.key:
                return cluster
        return self._new_cluster(entry.key, entry)

    def _new_cluster(self, key: str, entry: Entry | None) -> Cluster:
        for cluster in self.clusters:  # two unknown people of one name in one article stay one
            if cluster.key == key:
                return cluster
        cluster = Cluster(key, entry)
        if entry is not None:
            cluster.names.extend(person_name(n) for n in entry.names if len(n.split()) > 1)
        self.clusters.append(cluster)
        return cluster

    def _join(self, mention: Mention, name: PersonName, cluster: Cluster) -> None:
        cluster.names.append(name)
        cluster.positions.append(mention.start)
        self.key_of[(mention.start, mention.end)] = cluster.key
        self.table.add(cluster.key, "Person", cluster.entry, person_surface(mention.text))

    @property
    def people(self) -> list[tuple[Mention, str]]:
        """Every person mention with its key, in text order."""
        return [(m, self.key_of[(m.start, m.end)]) for m in self.mentions
                if m.label == "PERSON" and (m.start, m.end) in self.key_of]

    # ---------------------------------------------------------------- organisations, states, groups
    def _others(self, mentions: list[Mention]) -> None:
        seen: list[tuple[list[str], str, ActorType]] = []  # (name words, key, type) of organisations
        resolved: dict[Span, tuple[str, ActorType, Entry | None]] = {}
        for mention in sorted(mentions, key=lambda m: (-len(m.text.split()), m.start)):
            found = self._key(mention, seen)
            if found is not None:
                resolved[(mention.start, mention.end)] = found
                if found[1] == "Organization":
                    seen.append((normalise_name(mention.text).split(), found[0], found[1]))
        acronyms = self._acronyms(resolved)
        for mention in mentions:
            span = (mention.start, mention.end)
            if span in resolved:
                key, type_, entry = resolved[span]
                key = acronyms.get(span, key)
                entry = self.gazetteer.get(key) or entry
                self.key_of[span] = self.table.add(key, type_, entry, entry.label if entry is not None
                                                   and mention.label == "NORP" else mention.text)

    def _key(self, mention: Mention, seen: list[tuple[list[str], str, ActorType]]
             ) -> tuple[str, ActorType, Entry | None] | None:
        if mention.label == "GROUP" and mention.kind:
            return self._group_key(mention)
        entry = self._entry(mention)
        if entry is not None:
            return entry.key, entry.type, entry
        if mention.label in {"GPE", "NORP"}:  # a place, or a people: not an actor by itself
            return None
        if normalise_name(mention.text) in {normalise_name(t) for t in lexicon("non_actors")}:
            return None
        words = normalise_name(mention.text).split()
        for longer, key, type_ in seen:  # "Baikal" of "Baikal Finance Group", "Council" of "Security Council"
            if len(longer) > len(words) and (longer[: len(words)] == words
                                             or (len(words) == 1 and longer[-1] == words[0])):
                return key, type_, None
        type_ = ENTITY_TYPES[mention.label]
        if type_ == "Organization" and _generic_body(words, self.gazetteer):
            state = self._state_of(mention)
            name = _without_state(mention.text, self.gazetteer)
            if state and set(normalise_name(name).split()) <= STATE_ITSELF:  # "the Syrian Army" acts as Syria
                entry = self.gazetteer.get(state)
                return state, "Country", entry
            key = f"{state}-{slugify(name)}" if state else local_key(name, self.article)
            return key, type_, None
        if type_ == "Organization" and leaders_body(words):
            state = self._state_led_by(words[:-1])
            if state is not None:  # "the Obama administration" acts as the United States
                return state, "Country", self.gazetteer.get(state)
        return slugify(_POSSESSIVE.sub("", mention.text)), type_, None  # "Clinton's campaign" = "Clinton campaign"

    def _state_led_by(self, name: list[str]) -> str | None:
        """The state of the person of the article the words name ("Obama" of "the Obama administration"),
        when the gazetteer knows it."""
        for person, key in self.people:
            words = normalise_name(person.text).split()
            entry = self.gazetteer.get(key)
            if words[-len(name):] == name and entry is not None and entry.country is not None:
                return entry.country
        return None

    def _group_key(self, mention: Mention) -> tuple[str, ActorType, None]:
        state = mention.gazetteer_id
        owner = state or slugify(mention.text.split()[0])
        key = f"{owner}-{(mention.kind or 'group').lower()}{LOCAL_KEY}{self.article.id}"
        entry = self.gazetteer.get(state) if state else None
        if entry is not None:  # the group's state is named in its name ("Afghan guerrillas")
            self.table.nationality[key] = entry.key
            self.table.add(entry.key, entry.type, entry, entry.label)
        return key, "Group", None

    def _state_of(self, mention: Mention) -> str | None:
        """The state a generic body belongs to: named in it ("the Russian Foreign Ministry") or just before
        it ("Russia's Foreign Ministry")."""
        for word in mention.text.split():
            entry = self.gazetteer.by_demonym(word) or self.gazetteer.by_name(word)
            if entry is not None and entry.type == "Country":
                return entry.key
        text = self.article.text
        for other in self.mentions:
            between = text[other.end : mention.start]
            if other.end <= mention.start and re.fullmatch(r"(?:['\u2019]s)?\s*(?:the\s+)?", between):
                entry = self._entry(other)
                if entry is not None and entry.type == "Country":
                    return entry.key
        return None

    def _acronyms(self, resolved: dict[Span, tuple[str, ActorType, Entry | None]]) -> dict[Span, str]:
        """"North Atlantic Treaty Organisation (NATO)": the acronym names the actor before it."""
        text = self.article.text
        defined: dict[str, str] = {}
        for first, second in pairwise(self.mentions):
            between = text[first.end : second.start]
            closes = text[second.end : second.end + 1] == ")"
            if between.strip() == "(" and closes and second.text.isupper() and (first.start, first.end) in resolved:
                initials = "".join(w[0] for w in first.text.split() if w[0].isupper())
                if initials.startswith(second.text[0]):
                    defined[second.text] = resolved[(first.start, first.end)][0]
        return {(m.start, m.end): defined[m.text] for m in self.mentions if m.text in defined}


def _entry_gender(entry: Entry) -> str | None:
    return person_name(entry.label).gender


def _is_initials_only(name: PersonName) -> bool:
    """"Lisa O": a fragment, not a full name (every word but one a single letter)."""
    return sum(1 for w in name.words if len(w) > 1) < 2


@cache
def _generic_words() -> frozenset[str]:
    return frozenset(normalise_name(w) for w in lexicon("generic_bodies"))


def _generic_body(words: list[str], gazetteer: Gazetteer) -> bool:
    """A name made only of words any state's body could bear, and maybe its state: "Foreign Ministry",
    "Supreme Court", "Russian Foreign Ministry"."""
    generic = _generic_words()
    named = [w for w in words if w not in generic]
    return bool(words) and len(named) <= 1 and (not named or _is_state(named[0], gazetteer))


def _is_state(word: str, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.by_demonym(word) or gazetteer.by_name(word)
    return entry is not None and entry.type == "Country"


def _without_state(text: str, gazetteer: Gazetteer) -> str:
    words = [w for w in text.split() if not _is_state(w, gazetteer) and w.lower() not in {"the", "'s", "\u2019s"}]
    return " ".join(words) or text
