"""The gazetteer of real-world actors shipped as data in ``kg/data``, indexed for look-ups.

Sources, merged by key in this order (the first description of a key gives its label, type and
Wikidata id; later ones add names, offices and titles):

- ``kg/data/gazetteer/*.jsonl``: the curated actors (states with demonyms, seats and ISO codes;
  organisations; people with the offices they held);
- ``kg/data/wikidata/*.jsonl``: officeholders with their Wikidata ids and dated offices, from public
  Wikidata-derived tables (``scripts/convert_wikidata.py``, ``kg/data/wikidata/SOURCES.md``);
- ``kg/data/phoenix/actors.jsonl``: people, international bodies and armed groups converted from the
  PETRARCH2/Phoenix actor dictionaries (``scripts/convert_phoenix.py``), with dated memberships of
  governments and elites.

One name may name several actors (two people called James Brown): ``candidates`` gives them all,
and resolution chooses by the article's date and context. An office has day precision where the
source has it; ``holders(title, org, on=day)`` answers who held a title on a day.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any

from kg.lexicons import data_files, json_lines, table
from kg.models import ACTOR_TYPES, ActorType

__all__ = ["Entry", "Gazetteer", "Office", "Period", "load_gazetteer", "normalise_name", "office_of", "period_of"]

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def first_day(value: str) -> datetime.date:
    year, month, day = _PARTIAL_DATE.fullmatch(value).groups()  # type: ignore[union-attr]
    return datetime.date(int(year), int(month or 1), int(day or 1))


def last_day(value: str) -> datetime.date:
    year, month, day = _PARTIAL_DATE.fullmatch(value).groups()  # type: ignore[union-attr]
    if day:
        return datetime.date(int(year), int(month), int(day))
    if month:
        following = datetime.date(int(year) + int(month) // 12, int(month) % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(int(year), 12, 31)


def _date_text(value: object, what: str) -> str | None:
    """A start or end as written in the data: a year (int or "2005"), "2005-06" or "2005-06-08"."""
    if value is None:
        return None
    text = str(value)
    if not _PARTIAL_DATE.fullmatch(text):  # whether it is a day of the calendar, the data's tests check
        raise ValueError(f"bad {what} date {value!r}")
    return text


Period = tuple[datetime.date, datetime.date]  # first and last day


def period_of(date: str | None) -> Period | None:
    """The days a date names: one for "2005-06-19", a month for "2005-06", a year for "2005"; None when
    it or its year is unknown ("--06-19", None)."""
    if not date or not _PARTIAL_DATE.fullmatch(date):
        return None
    try:
        return first_day(date), last_day(date)
    except ValueError:
        return None


@cache
def _office_names() -> dict[str, str]:
    return {title: office for title, office, *_ in table("lexicons", "offices.tsv")}


@lru_cache(maxsize=1 << 14)  # few titles, asked for again and again
def office_of(title: str) -> str:
    """The office a title names, for comparing titles ("Foreign Secretary" -> "foreign minister")."""
    title = normalise_name(title)
    return _office_names().get(title, title)


@dataclass(frozen=True)
class Office:
    """A post held in an organisation or state (``org``, a gazetteer key).

    ``role`` is the title ("Foreign Minister") or None for a membership with no title known (Phoenix's
    dated "government" and "elite" codes, whose ``sector`` says which: "GOV", "GOVMIL", "ELI"...).
    ``start`` and ``end`` are "YYYY", "YYYY-MM" or "YYYY-MM-DD": a year runs from its first day to its last.
    An open ``end`` means still held as far as the source knows.
    """

    org: str
    role: str | None
    start: str | None = None
    end: str | None = None
    sector: str | None = None

    def held(self, on: Period | None) -> bool:
        """Held on some day of ``on``; at any time when it is None (the date is unknown)."""
        if on is None:
            return True
        first, last = on
        return ((self.start is None or first_day(self.start) <= last)
                and (self.end is None or first <= last_day(self.end)))

    @property
    def office(self) -> str | None:
        return office_of(self.role) if self.role else None

    @property
    def days(self) -> Period:
        """From its first day to its last, open ends as far as dates go."""
        return (first_day(self.start) if self.start else datetime.date.min,
                last_day(self.end) if self.end else datetime.date.max)


@dataclass(frozen=True)
class Entry:
    key: str
    label: str
    type: ActorType
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    country: str | None = None  # the state a person or national body belongs to (a gazetteer key)
    titles: tuple[str, ...] = ()  # titles the sources give without dates
    acronyms: tuple[str, ...] = ()  # matched case-sensitively ("IAEA")
    curated: bool = field(default=True, compare=False)

    @property
    def names(self) -> tuple[str, ...]:
        """Every form that names the actor itself (not its seat or demonym)."""
        return (self.label, *self.aliases, *self.acronyms)

    def merged(self, other: Entry) -> Entry:
        """This description with what ``other`` (of the same key) adds: names, offices, titles."""
        def union(mine: tuple[Any, ...], theirs: tuple[Any, ...]) -> tuple[Any, ...]:
            return tuple(dict.fromkeys((*mine, *theirs)))

        return replace(
            self,
            wikidata=self.wikidata or other.wikidata,
            aliases=tuple(a for a in union(self.aliases, other.aliases) if a != self.label),
            offices=union(self.offices, other.offices),
            country=self.country or other.country,
            titles=union(self.titles, other.titles),
            acronyms=union(self.acronyms, other.acronyms),
        )


_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s$")
_NOT_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=1 << 16)  # the same names come back in every article
def normalise_name(text: str) -> str:
    """Key for comparing names: case, accents, dots, apostrophes, a leading "the" and spacing ignored."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'")
    text = text.casefold().replace(".", "")
    text = _LEADING_THE.sub("", text.strip())
    text = _POSSESSIVE.sub("", text)
    return _NOT_WORD.sub(" ", text).strip()


def _strings(row: dict[str, Any], name: str) -> tuple[str, ...]:
    value = row.get(name)
    if not value:
        return ()
    if not isinstance(value, list):
        raise ValueError(f"{name} must be a list of strings")
    return tuple(str(v) for v in value)


def _entry(row: dict[str, Any], as_of: str | None) -> Entry:
    """One line of a source; ``as_of`` (a generated source's date) closes the offices it leaves open that
    began before it, and marks the entry as not curated."""
    offices = []
    for office in row.get("affiliations") or []:
        start, end = _date_text(office.get("from"), "start"), _date_text(office.get("to"), "end")
        if end is None and as_of is not None and (start is None or start <= as_of):
            end = as_of
        offices.append(Office(str(office["org"]), office.get("role"), start, end, office.get("sector")))
    type_ = row["type"]
    if type_ not in ACTOR_TYPES:
        raise ValueError(f"unknown type {type_!r}")
    wikidata = row.get("wikidata")
    return Entry(
        key=str(row["key"]), label=str(row["label"]), type=type_, wikidata=str(wikidata) if wikidata else None,
        aliases=_strings(row, "aliases"), demonyms=_strings(row, "demonyms"), seats=_strings(row, "seats"),
        codes=_strings(row, "codes"), offices=tuple(offices), country=row.get("country"),
        titles=_strings(row, "titles"), acronyms=_strings(row, "acronyms"), curated=as_of is None,
    )


class Gazetteer:
    """Look-ups over the known actors: by name, demonym, seat, surname, and office held on a day."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            seen = self.entries.get(entry.key)
            self.entries[entry.key] = seen.merged(entry) if seen is not None else entry
        self._by_name: dict[str, list[Entry]] = defaultdict(list)
        self._by_code: dict[str, list[Entry]] = defaultdict(list)
        self._by_demonym: dict[str, Entry] = {}
        self._by_seat: dict[str, Entry] = {}
        self._by_surname: dict[str, list[Entry]] = defaultdict(list)
        self._by_office: dict[str, list[tuple[Entry, Office]]] = defaultdict(list)
        self._by_title: dict[str, set[str]] = defaultdict(set)
        for e in self.entries.values():
            names = list(dict.fromkeys(normalise_name(n) for n in e.names))
            for name in names:
                self._by_name[name].append(e)
            for code in e.codes:
                if len(code) == 3:  # alpha-3 codes as written ("AND", not "and"); alpha-2 ones ("IN") are words
                    self._by_code[code].append(e)
            for demonym in e.demonyms:
                self._by_demonym.setdefault(normalise_name(demonym), e)
            for seat in e.seats:
                self._by_seat.setdefault(normalise_name(seat), e)
            if e.type == "Person":
                for surname in sorted({words[-1] for n in names if len(words := n.split()) > 1}):
                    self._by_surname[surname].append(e)
            for office in e.offices:
                if office.office is not None and office.role is not None:
                    self._by_office[office.office].append((e, office))
                    self._by_title[normalise_name(office.role)].add(office.org)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def candidates(self, name: str) -> tuple[Entry, ...]:
        """Every actor ``name`` names, curated ones first."""
        found = [*self._by_name.get(normalise_name(name), []), *self._by_code.get(name.strip(), [])]
        return tuple(sorted(dict.fromkeys(found), key=lambda e: not e.curated))

    def by_name(self, name: str) -> Entry | None:
        """The actor ``name`` names when it names one only, or a curated one among several."""
        found = self.candidates(name)
        if len(found) == 1 or (found and found[0].curated and not (len(found) > 1 and found[1].curated)):
            return found[0]
        return None

    def by_demonym(self, word: str) -> Entry | None:
        return self._by_demonym.get(normalise_name(word))

    def by_seat(self, name: str) -> Entry | None:
        return self._by_seat.get(normalise_name(name))

    def people_with_surname(self, surname: str) -> list[Entry]:
        """People one of whose full names ends with ``surname``."""
        return self._by_surname.get(normalise_name(surname), [])

    def states_with_title(self, title: str) -> set[str]:
        """The states and bodies whose offices go by exactly this title ("Secretary of the Treasury": the
        United States alone; "Prime Minister": many)."""
        return self._by_title.get(normalise_name(title), set())

    def holders(self, title: str, org: str | None = None, on: Period | None = None) -> list[Entry]:
        """People who held the office ``title`` names (in ``org`` when given) on some day of ``on`` (at any
        time when None), in the gazetteer's order."""
        return list(dict.fromkeys(
            entry for entry, office in self._by_office.get(office_of(title), [])
            if (org is None or office.org == org) and office.held(on)))


# The day each generated source describes the world as of: an office it leaves open was held then, and
# whether it still is, it does not say (Phoenix's dictionaries of 2014-01-30; the Wikidata tables were
# queried from 2022-07-22 on). Curated offices are open as their curators knew them (late 2025).
AS_OF = {"wikidata": "2022-07-22", "phoenix": "2014-01-30"}


def _sources() -> Iterator[tuple[tuple[str, ...], str | None]]:
    """(file, the date its open offices are known to) for every source, curated first."""
    for name in data_files("gazetteer", ".jsonl"):
        yield ("gazetteer", name), None
    for folder in ("wikidata", "phoenix"):
        for name in data_files(folder, ".jsonl"):
            yield (folder, name), AS_OF[folder]


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package, loaded once per process."""
    entries: list[Entry] = []
    for parts, as_of in _sources():
        for number, row in json_lines(*parts):
            try:
                entries.append(_entry(row, as_of))
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{'/'.join(parts)}:{number}: bad gazetteer entry: {exc}") from None
    return Gazetteer(entries)
