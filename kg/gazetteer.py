"""The curated gazetteer of real-world actors and the lexicons, shipped as data in ``kg/data``.

``kg/data/gazetteer/*.jsonl`` holds one actor a line (key, label, type, wikidata id, aliases, and
for states demonyms, seats of government and ISO codes; for people their offices).
``kg/data/lexicons/*.txt`` hold word lists, one entry a line, ``#`` starting a comment.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.models import ActorType


@dataclass(frozen=True)
class Office:
    """A post held by a person in an organisation or state (``org`` is a gazetteer key)."""

    org: str
    role: str
    start: int | None = None  # first year
    end: int | None = None  # last year; None while in office

    def held_in(self, year: int | None) -> bool:
        if year is None:
            return self.end is None
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


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

    @property
    def names(self) -> tuple[str, ...]:
        """Every form that names the actor itself (not its seat or demonym)."""
        return (self.label, *self.aliases)


def normalise_name(text: str) -> str:
    """Key for comparing names: case, accents, dots, apostrophes, a leading "the" and spacing ignored."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("\u2019", "'").replace(".", "")
    text = re.sub(r"^the\s+", "", text.strip())
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return text.strip()


def _lines(*parts: str) -> list[str]:
    path = resources.files("kg").joinpath("data", *parts)
    rows = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [row for row in rows if row and not row.startswith("#")]


@cache
def lexicon(name: str) -> frozenset[str]:
    """A word list from ``kg/data/lexicons/<name>.txt``."""
    return frozenset(_lines("lexicons", f"{name}.txt"))


def _entry(row: dict[str, object]) -> Entry:
    def strings(field: str) -> tuple[str, ...]:
        value = row.get(field) or []
        assert isinstance(value, list)
        return tuple(str(v) for v in value)

    offices = []
    for office in row.get("affiliations") or []:  # type: ignore[attr-defined]
        offices.append(Office(office["org"], office["role"], office.get("from"), office.get("to")))
    wikidata = row.get("wikidata")
    return Entry(
        key=str(row["key"]),
        label=str(row["label"]),
        type=row["type"],  # type: ignore[arg-type]
        wikidata=str(wikidata) if wikidata else None,
        aliases=strings("aliases"),
        demonyms=strings("demonyms"),
        seats=strings("seats"),
        codes=strings("codes"),
        offices=tuple(offices),
    )


class Gazetteer:
    """Look-ups over the curated actors: by name, demonym, seat, and office held."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries: dict[str, Entry] = {e.key: e for e in entries}
        self._by_name: dict[str, Entry] = {}
        self._by_demonym: dict[str, Entry] = {}
        self._by_seat: dict[str, Entry] = {}
        self._by_surname: dict[str, list[Entry]] | None = None
        for e in entries:
            for name in e.names:
                self._by_name.setdefault(normalise_name(name), e)
            for code in e.codes:
                if len(code) == 3:  # alpha-3 codes are not words; alpha-2 ones ("IN", "US") may be
                    self._by_name.setdefault(normalise_name(code), e)
            for demonym in e.demonyms:
                self._by_demonym.setdefault(normalise_name(demonym), e)
            for seat in e.seats:
                self._by_seat.setdefault(normalise_name(seat), e)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def by_name(self, name: str) -> Entry | None:
        return self._by_name.get(normalise_name(name))

    def by_demonym(self, word: str) -> Entry | None:
        return self._by_demonym.get(normalise_name(word))

    def by_seat(self, name: str) -> Entry | None:
        return self._by_seat.get(normalise_name(name))

    def people_with_surname(self, surname: str) -> list[Entry]:
        """Curated people whose name (label or alias) ends with ``surname``."""
        if self._by_surname is None:
            index: dict[str, dict[str, Entry]] = {}
            for e in self.entries.values():
                if e.type == "Person":
                    for name in e.names:
                        words = normalise_name(name).split()
                        if len(words) > 1:
                            index.setdefault(words[-1], {})[e.key] = e
            self._by_surname = {k: list(v.values()) for k, v in index.items()}
        return self._by_surname.get(normalise_name(surname), [])

    def office_holders(self, role: str, org: str | None, year: int | None) -> list[Entry]:
        """People holding ``role`` (in ``org`` when given) in ``year`` (currently when None)."""
        wanted = normalise_name(role)
        return [
            e
            for e in self.entries.values()
            if any(
                normalise_name(o.role) == wanted and (org is None or o.org == org) and o.held_in(year)
                for o in e.offices
            )
        ]


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer shipped with the package (every ``kg/data/gazetteer/*.jsonl``), loaded once."""
    folder = resources.files("kg").joinpath("data", "gazetteer")
    entries: list[Entry] = []
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".jsonl"):
            continue
        for number, line in enumerate(item.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    entries.append(_entry(json.loads(line)))
                except (ValueError, KeyError, TypeError, AssertionError) as exc:
                    raise ValueError(f"{item.name}:{number}: bad gazetteer entry: {exc}") from exc
    return Gazetteer(entries)
