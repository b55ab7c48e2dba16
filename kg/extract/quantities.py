"""Figures in the text — money, percentages, counts, durations, dates — with normalised values.

Money and percentages are read with patterns over the text: the statistical model often cuts them
("£20bn" as an ordinal, "$21m" as "21", "3.5 per cent" as money). Counts, durations and dates start
from the model's CARDINAL, QUANTITY, DATE and TIME entities; the grammar gives the counted noun.
Values are plain decimals ("1400000000000"), ISO 8601 durations ("P10Y") or ISO 8601 dates read
against an anchor date (the article's), never against the machine's clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal

from spacy.tokens import Span, Token

from kg.extract.mentions import DocIndex
from kg.lexicons import lexicon
from kg.models import Article, Quantity

__all__ = ["article_anchor", "normalise_date", "parse_number", "quantities"]

# --- numbers -----------------------------------------------------------------------------------

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
MULTIPLIERS = {"hundred": 100, "dozen": 12}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# Scale suffixes written against the digits ("$21m", "£20bn", "$2.5tn").
SUFFIX_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "bln": 10**9,
                 "tn": 10**12, "trn": 10**12}
NUMBER_WORDS = [*UNITS, *TENS, *MULTIPLIERS, *SCALES, "half"]

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WORDS = rf"(?:a\s+|an\s+)?(?:{_WORD})(?:(?:\s+and\s+|\s+a\s+|[\s-]+)(?:{_WORD}))*"
_SUFFIX = "|".join(sorted(SUFFIX_SCALES, key=len, reverse=True))
# A number as written: digits or words, with a scale word ("1.4 million") or suffix ("20bn").
NUMBER = (rf"(?<![\w.,])(?:(?:{_DIGITS})(?:\s*(?:{'|'.join(SCALES)})\b|(?:{_SUFFIX})\b)?"
          rf"|{_WORDS}\b)")
_TOKEN = re.compile(r"\d[\d.,]*[a-z]*|[a-z]+", re.IGNORECASE)
_DIGITS_WITH_SUFFIX = re.compile(rf"(?P<digits>{_DIGITS})(?P<suffix>{_SUFFIX})?", re.IGNORECASE)


def parse_number(text: str) -> Decimal | None:
    """The value of a number written in digits or words: "1.4 million", "twenty-three", "a dozen",
    "20bn". None for anything else, vague plurals included ("thousands", "dozens")."""
    total = Decimal(0)
    current: Decimal | None = None
    article = False
    for match in _TOKEN.finditer(text):
        word = match.group().lower()
        if word[0].isdigit():
            digits = _DIGITS_WITH_SUFFIX.fullmatch(word)
            if digits is None or current is not None:
                return None  # not a number, or a range ("80-200")
            amount = Decimal(digits.group("digits").replace(",", ""))
            if digits.group("suffix"):
                total += amount * SUFFIX_SCALES[digits.group("suffix")]
            else:
                current = (current or Decimal(0)) + amount
        elif word in UNITS or word in TENS:
            current = (current or Decimal(0)) + UNITS.get(word, TENS.get(word, 0))
        elif word in MULTIPLIERS:
            current = (current or Decimal(1)) * MULTIPLIERS[word]
        elif word in SCALES:
            total += (current if current is not None else Decimal(1)) * SCALES[word]
            current = None
        elif word == "half":  # "a half-century", "one and a half million"
            current = (current or Decimal(0)) + Decimal("0.5")
        elif word in {"a", "an"}:
            article = True  # one, unless a number follows: "a week", "a dozen", "a half"
        elif word != "and":
            return None
    if current is None and total == 0:
        return Decimal(1) if article else None
    return total + (current or Decimal(0))


def _decimal_text(value: Decimal) -> str:
    """A plain decimal without exponent or trailing zeros ("1400000000000", "3.5")."""
    return format(value.normalize(), "f")


# --- money and percentages ---------------------------------------------------------------------

@dataclass(frozen=True)
class _Currencies:
    codes: dict[str, str]  # form (lowercase, or the code itself) -> ISO 4217 code
    ambiguous: frozenset[str]  # lowercase forms that are also ordinary words
    prefixed: re.Pattern[str]  # "$1.4 trillion", "EUR 40 million"
    suffixed: re.Pattern[str]  # "20 billion rubles", "five dollars"
    symbol_cues: re.Pattern[str]  # a sign or a capitalised code: where a prefixed figure may be
    name_cues: re.Pattern[str]  # the names alone, lowercase: where a suffixed figure may end


def _alternation(forms: list[str]) -> str:
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        escaped = re.escape(form).replace(r"\ ", r"\s+")
        parts.append(f"(?-i:{escaped})" if form.isupper() and form.isalpha() else escaped)
    return "|".join(parts)


@cache
def _currencies() -> _Currencies:
    codes: dict[str, str] = {}
    ambiguous: set[str] = set()
    for line in sorted(lexicon("currencies")):
        code, _, forms = line.partition(":")
        for form in (f.strip() for f in forms.split(",")):
            if form.endswith("?"):
                form = form[:-1]
                ambiguous.add(form.lower())
            codes[form if form.isupper() and form.isalpha() else form.lower()] = code.strip()
    symbols = [f for f in codes if not f[0].isalpha() or f.isupper() or "$" in f]
    names = [f for f in codes if f not in symbols]
    prefixed = re.compile(rf"(?P<currency>{_alternation(symbols)})\s?(?P<number>{NUMBER})"
                          rf"(?:\s+(?P<name>{_alternation(names)})\b)?", re.IGNORECASE)
    suffixed = re.compile(rf"(?P<number>{NUMBER})\s+(?P<name>{_alternation(names)})\b", re.IGNORECASE)
    signs = sorted({c for form in symbols for c in form if not c.isalnum() and c != "."})
    symbol_cues = re.compile(rf"[{re.escape(''.join(signs))}]|\b[A-Z]{{3}}\b")
    name_cues = re.compile(rf"\b(?:{_alternation(names)})\b")  # run over lowercased text: much faster
    return _Currencies(codes, frozenset(ambiguous), prefixed, suffixed, symbol_cues, name_cues)


_PERCENT = re.compile(
    rf"(?P<number>{NUMBER})\s?(?P<sign>%|per\s?cent\b|percent\b|pct\b|(?<=\d)pc\b|percentage\s+points?\b)"
    r"(?P<share>\s+of\s+(?:(?:the|its|their|his|her|our|national|annual|(?:the\s+)?\w+'s)\s+)?"
    r"(?:GDP|GNP|gross\s+domestic\s+product|economic\s+output)\b)?",
    re.IGNORECASE,
)
_PERCENT_CUES = re.compile(r"%|per\s?cent|pct|pc\b|percentage", re.IGNORECASE)
_CUE_REACH = 80  # characters a number may take before its sign or currency name ("one hundred and ...")


def _around_cues(pattern: re.Pattern[str], cues: Iterable[re.Match[str]], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that contain one of the ``cues``: a pattern that starts with a
    number is costly to try at every character, and its cue (a sign, a currency name) is rare."""
    resume = 0
    for cue in cues:
        if cue.start() < resume:
            continue
        for match in pattern.finditer(text, max(resume, cue.start() - _CUE_REACH), cue.end() + _CUE_REACH):
            if match.start() > cue.start():
                break
            if match.end() >= cue.end():
                resume = match.end()
                yield match
                break


def _currency_code(form: str) -> str | None:
    codes = _currencies().codes
    form = re.sub(r"\s+", " ", form)
    return codes.get(form) or codes.get(form.lower())


# --- durations ---------------------------------------------------------------------------------

# ISO 8601 designators of each unit; a decade and a century are counted in years.
TIME_UNITS: dict[str, tuple[str, int]] = {
    "year": ("Y", 1), "month": ("M", 1), "week": ("W", 1), "day": ("D", 1), "decade": ("Y", 10),
    "century": ("Y", 100), "hour": ("H", 1), "minute": ("M", 1), "second": ("S", 1), "fortnight": ("D", 14),
}
CLOCK_UNITS = frozenset({"hour", "minute", "second"})
# Units a period can be named by without a number: "the next decade", but not "the last minute" (an idiom).
PERIOD_UNITS = frozenset({"year", "month", "week", "decade", "century"})
_UNIT = r"(?P<unit>years?|months?|weeks?|days?|decades?|century|centuries|hours?|minutes?|seconds?|fortnights?)"
_DURATION = re.compile(
    rf"(?:the\s+(?:next|past|last|coming|previous|following|first|final)\s+(?P<number>{NUMBER})?\s*"
    rf"|(?P<count>{NUMBER}|\ban?\b)[\s-]*"
    r"|(?=\w+-(?:old|long)\b))"  # "decade-long": one of the unit
    rf"{_UNIT}(?:-(?:old|long))?",
    re.IGNORECASE,
)
# Words kept in the text of a figure but not in its value ("more than three years", "at least 40").
QUALIFIERS = re.compile(
    r"(?:\b(?:more|less|fewer)\s+than|\bat\s+(?:least|most)|\bup\s+to|\bas\s+(?:many|much)\s+as"
    r"|\b(?:nearly|almost|about|around|roughly|approximately|some|over|under|within|barely|just|only))\s+$",
    re.IGNORECASE,
)
_LEADING_QUALIFIERS = re.compile(
    r"^(?:(?:more|less|fewer)\s+than|at\s+(?:least|most)|up\s+to|as\s+(?:many|much)\s+as|nearly|almost|"
    r"about|around|roughly|approximately|some|over|under|within|barely|just|only)\s+",
    re.IGNORECASE,
)
_QUALIFIER_LOOKBEHIND = 24


def _duration(text: str) -> tuple[str, str] | None:
    """The ISO 8601 duration and the unit as written, singular: "three years" -> ("P3Y", "year"),
    "the next decade" -> ("P10Y", "decade"), "15-year-old" -> ("P15Y", "year"), "a week" -> ("P1W", "week")."""
    match = _DURATION.fullmatch(_LEADING_QUALIFIERS.sub("", text.strip()))
    if match is None:
        return None
    unit = match.group("unit").lower()
    unit = "century" if unit == "centuries" else unit.rstrip("s")
    written = match.group("number") or match.group("count")
    if written is None:
        if unit != match.group("unit").lower() or unit not in PERIOD_UNITS:
            return None  # "the past years": no number, no figure
        number: Decimal | None = Decimal(1)
    else:
        number = parse_number(written)
    if number is None or number == 0:
        return None
    designator, size = TIME_UNITS[unit]
    amount = _decimal_text(number * size)
    return (f"PT{amount}{designator}" if unit in CLOCK_UNITS else f"P{amount}{designator}"), unit


# --- dates -------------------------------------------------------------------------------------

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), start=1)}
MONTHS |= {m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9}
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MONTH = rf"(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
_WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)})"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

_DATE_FORMS = [re.compile(form, re.IGNORECASE) for form in (
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})",
    rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?(?:\s+{_YEAR})?",
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?",
    rf"{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?",
    rf"(?:the\s+year\s+)?{_YEAR}",
)]
_DECADE = re.compile(r"(?:the\s+)?(?P<decade>1[0-9]{2}|20[0-9])0'?s", re.IGNORECASE)
_WEEKDAY_DATE = re.compile(rf"(?P<relation>last|next|this|on)?\s*(?P<weekday>{_WEEKDAY}){_PART_OF_DAY}",
                           re.IGNORECASE)
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                  "earlier today": 0, "yesterday": -1, "last night": -1, "yesterday morning": -1,
                  "yesterday afternoon": -1, "yesterday evening": -1, "tomorrow": 1}
_RELATIVE_PERIOD = re.compile(r"(?P<relation>last|this|next|the\s+past|the\s+previous|the\s+coming)\s+"
                              r"(?P<unit>year|month|week)", re.IGNORECASE)
_AGO = re.compile(rf"(?P<number>{NUMBER})\s+(?P<unit>years?|months?|weeks?|days?)\s+ago", re.IGNORECASE)
# Words narrowing a period that the ISO value cannot hold: "early 2006" is read as "2006".
_PERIOD_PARTS = re.compile(
    r"^(?:(?:on|in|since|by|until|from|during)\s+)?(?:the\s+)?(?:(?:early|late|mid|end\s+of|beginning\s+of|"
    r"start\s+of|middle\s+of|first\s+half\s+of|second\s+half\s+of|spring|summer|autumn|fall|winter)"
    r"(?:\s+of)?[\s-]+)?",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _explicit_date(text: str, anchor: dt.date | None) -> str | None:
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        month_text = groups.get("month")
        month = (int(month_text) if month_text.isdigit() else MONTHS[month_text.lower()]) if month_text else None
        year = int(groups["year"]) if groups.get("year") else (anchor.year if anchor else None)
        if month is None:
            return f"{year:04d}" if year is not None else None
        if groups.get("day"):
            day = int(groups["day"])
            if not _valid(year or 2000, month, day):  # a leap year for a year-less "February 29"
                return None
            return f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"--{month:02d}-{day:02d}"
        return f"{year:04d}-{month:02d}" if year is not None else None
    return None


def _relative_date(text: str, anchor: dt.date) -> str | None:
    lowered = re.sub(r"\s+", " ", text.lower())
    if lowered in _RELATIVE_DAYS:
        return (anchor + dt.timedelta(days=_RELATIVE_DAYS[lowered])).isoformat()
    if (weekday := _WEEKDAY_DATE.fullmatch(text)) is not None:
        wanted = WEEKDAYS[weekday.group("weekday").lower()]
        relation = (weekday.group("relation") or "").lower()
        if relation == "next":
            delta = -(((wanted - anchor.weekday() - 1) % 7) + 1)
        elif relation == "last":
            delta = ((anchor.weekday() - wanted - 1) % 7) + 1
        else:  # news tells of what happened: the most recent such day, the anchor's own included
            delta = (anchor.weekday() - wanted) % 7
        return (anchor - dt.timedelta(days=delta)).isoformat()
    if (period := _RELATIVE_PERIOD.fullmatch(text)) is not None:
        relation = period.group("relation").lower()
        step = -1 if relation in {"last", "the past", "the previous"} else 1 if relation in {"next",
                                                                                              "the coming"} else 0
        unit = period.group("unit").lower()
        if unit == "year":
            return f"{anchor.year + step:04d}"
        if unit == "month":
            months = anchor.year * 12 + anchor.month - 1 + step
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        year, week, _ = (anchor + dt.timedelta(weeks=step)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if (ago := _AGO.fullmatch(text)) is not None:
        number = parse_number(ago.group("number"))
        if number is None or number != number.to_integral_value():
            return None
        count, unit = int(number), ago.group("unit").lower().rstrip("s")
        if unit == "year":
            return f"{anchor.year - count:04d}"
        if unit == "month":
            months = anchor.year * 12 + anchor.month - 1 - count
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        return (anchor - dt.timedelta(days=count * (7 if unit == "week" else 1))).isoformat()
    return None


def normalise_date(text: str, anchor: dt.date | None) -> str | None:
    """An ISO 8601 date for a date as written, read against ``anchor`` (the article's date).

    "June 19" -> "2025-06-19" (the anchor's year; "--06-19" without an anchor), "December 2004"
    -> "2004-12", "early 2006" -> "2006", "the 1990s" -> "199", "Thursday" -> the latest Thursday on or
    before the anchor, "last year" -> the year before the anchor's, "yesterday", "three years ago".
    Relative forms need an anchor; None when the text is no date we can pin down.
    """
    text = re.sub(r"\s+", " ", text.strip().rstrip(".,"))
    core = _PERIOD_PARTS.sub("", text, count=1)
    if (found := _explicit_date(core, anchor)) is not None:
        return found
    if (decade := _DECADE.fullmatch(core)) is not None:
        return decade.group("decade")
    if anchor is not None:
        return _relative_date(re.sub(r"^(?:on|in)\s+", "", text, flags=re.IGNORECASE), anchor)
    return None


def article_anchor(article: Article) -> dt.date | None:
    """The article's date as an anchor for relative dates, when it has a full one ("2025-06-19")."""
    try:
        return dt.date.fromisoformat(article.date) if article.date else None
    except ValueError:
        return None  # "--06-19": no year, so no weekday either


# --- counts ------------------------------------------------------------------------------------

# Plural words for an unknown number: not a figure ("thousands of troops", "dozens of people").
VAGUE_COUNTS = re.compile(r"(?:several\s+|many\s+)?(?:tens\s+of\s+)?(?:hundreds|thousands|millions|billions|"
                          r"dozens|scores|tens)\b", re.IGNORECASE)
NOUN_TAGS = frozenset({"NOUN", "PROPN"})


# Nouns after a number that make it a multiplier, not a count ("five times", "10 fold").
MULTIPLIER_NOUNS = frozenset({"time", "fold"})
# Plurals the lemmatiser leaves as they are.
IRREGULAR_LEMMAS = {"people": "person"}


def _counted_noun(root: Token) -> Token | None:
    """The noun a number counts: "148 members", "a dozen officials", "two of the ministers"."""
    head = root.head
    if root.dep_ in {"nummod", "compound", "quantmod", "amod"} and head.pos_ in NOUN_TAGS and head.i > root.i:
        return head
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in NOUN_TAGS), None) if of else None


def _noun_lemma(token: Token) -> str:
    if token.tag_ == "NNPS" and token.text.endswith("s"):
        return token.text[:-1]  # "Americans" -> "American": the model does not lemmatise proper plurals
    if token.pos_ == "PROPN":
        return token.text
    lemma = token.lemma_.lower()
    return IRREGULAR_LEMMAS.get(lemma, lemma)


def _unit_of(noun: Token, number_end: int) -> str:
    """The counted noun's lemma with the common nouns compounded right before it ("member state");
    names are left out: "148 WTO members" counts members."""
    words = [noun]
    for token in reversed(noun.doc[number_end:noun.i]):
        if token.dep_ != "compound" or token.head.i != noun.i or token.pos_ != "NOUN":
            break
        words.insert(0, token)
    return " ".join([*(t.lower_ for t in words[:-1]), _noun_lemma(noun)])


# --- the pass over a document ------------------------------------------------------------------

QuantityKind = Literal["money", "percent", "count", "duration", "date"]


@dataclass(frozen=True)
class _Found:
    start: int  # in the Doc's text
    end: int
    kind: QuantityKind
    value: str
    unit: str | None


class _Taken:
    """Characters already claimed by a figure: the first reading of a stretch of text wins."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return not any(self.mask[start:end])

    def take(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)


def _with_qualifier(text: str, start: int) -> int:
    """Where a figure starts once a qualifier before it is included ("more than" three years)."""
    match = QUALIFIERS.search(text, max(0, start - _QUALIFIER_LOOKBEHIND), start)
    return match.start() if match is not None else start


def _is_money_entity(index: DocIndex, start: int, end: int) -> bool:
    span = index.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.ent_type_ == "MONEY" for t in span)


def _money(index: DocIndex) -> Iterator[_Found]:
    text = index.body.text
    currencies = _currencies()
    lowered = text.lower()
    name_cues = currencies.name_cues.finditer(lowered if len(lowered) == len(text) else "")
    for match in (*_around_cues(currencies.prefixed, currencies.symbol_cues.finditer(text), text),
                  *_around_cues(currencies.suffixed, name_cues, text)):
        groups = match.groupdict()
        form = groups.get("currency") or groups["name"]
        code = _currency_code(form)
        ambiguous = groups.get("currency") is None and groups["name"].lower() in currencies.ambiguous
        if ambiguous and not _is_money_entity(index, match.start(), match.end()):
            continue  # "20 pounds" of weight
        amount = parse_number(match.group("number"))
        if code is None or amount is None:
            continue
        yield _Found(match.start(), match.end(), "money", _decimal_text(amount), code)


def _percentages(index: DocIndex) -> Iterator[_Found]:
    for match in _around_cues(_PERCENT, _PERCENT_CUES.finditer(index.body.text), index.body.text):
        amount = parse_number(match.group("number"))
        if amount is None:
            continue
        sign = match.group("sign").lower()
        unit = "percentage point" if sign.startswith("percentage") else "percent"
        if match.group("share"):
            unit += " of GDP"
        yield _Found(match.start(), match.end(), "percent", _decimal_text(amount), unit)


def _extended(index: DocIndex, ent: Span) -> tuple[int, int]:
    """The entity's characters with a trailing "-old"/"-long" ("decade" + "-long")."""
    end = ent.end_char
    after = re.match(r"-(?:old|long)\b", index.body.text[end:end + 6])
    return ent.start_char, end + (after.end() if after else 0)


def _from_entities(index: DocIndex, anchor: dt.date | None) -> Iterator[_Found]:
    text = index.body.text
    for ent in index.ents:
        label = ent.label_
        if label in {"DATE", "TIME"}:
            start, end = _extended(index, ent)
            written = text[start:end]
            if (duration := _duration(written)) is not None:
                yield _Found(start, end, "duration", *duration)
            elif (date := normalise_date(written, anchor)) is not None:
                yield _Found(start, end, "date", date, None)
        elif label in {"CARDINAL", "QUANTITY"}:
            yield from _count(index, ent, anchor)


def _count(index: DocIndex, ent: Span, anchor: dt.date | None) -> Iterator[_Found]:
    written = _LEADING_QUALIFIERS.sub("", ent.text)
    if VAGUE_COUNTS.match(written):
        return
    if ent.label_ == "QUANTITY":  # "1,200 kilometres": the number, then its unit of measure
        if (duration := _duration(ent.text)) is not None:
            yield _Found(ent.start_char, ent.end_char, "duration", *duration)
            return
        number = re.match(NUMBER, written, re.IGNORECASE)
        if number is None or (amount := parse_number(number.group())) is None:
            return
        unit_start = ent.start_char + len(ent.text) - len(written) + number.end()
        if index.body.text[unit_start:unit_start + 1] == "-":
            return  # "a 25-mile zone": a property of the zone
        unit_words = [t for t in ent if t.idx >= unit_start and not t.is_punct]
        if unit_words:
            unit = " ".join(t.lemma_.lower() for t in unit_words)
            yield _Found(ent.start_char, ent.end_char, "count", _decimal_text(amount), unit)
        return
    amount = parse_number(written)
    noun = _counted_noun(ent.root)
    if amount is None or noun is None:
        return  # a number counting nothing named is no figure we can state
    text = index.body.text
    end = noun.idx + len(noun.text)
    if (date := normalise_date(text[ent.start_char:end], anchor)) is not None:
        yield _Found(ent.start_char, end, "date", date, None)  # "11 September" taken for a count
        return
    if noun.lemma_.lower() in TIME_UNITS or noun.lemma_.lower() == "second":  # "3 years" taken for a count
        if (duration := _duration(text[ent.start_char:end])) is not None:
            yield _Found(ent.start_char, end, "duration", *duration)
        return
    if (amount != amount.to_integral_value()  # "half of all voters": a share, not a count
            or written.lower() in {"one", "a", "an"}  # "one problem", "one of the best": a determiner
            or text[ent.end_char:ent.end_char + 1] == "-"  # "a two-state solution", "a 95-page report"
            or noun.tag_ == "NNP"  # "Under 30 Summit": a name
            or noun.lemma_.lower() in MULTIPLIER_NOUNS):
        return
    yield _Found(ent.start_char, end, "count", _decimal_text(amount), _unit_of(noun, ent.end))


def quantities(index: DocIndex, anchor: dt.date | None) -> list[Quantity]:
    """The figures of one parsed article, in text order, offsets in the file's coordinates.

    A stretch of text yields one figure: money and percentages first, then the model's entities.
    A qualifier before a figure ("more than", "over", "at least") is kept in its text, not its value.
    """
    text = index.body.text
    taken = _Taken(len(text))
    found: list[_Found] = []
    for figure in (*_money(index), *_percentages(index), *_from_entities(index, anchor)):
        if not taken.free(figure.start, figure.end):
            continue
        start = _with_qualifier(text, figure.start)
        if "\n" in text[start:figure.start]:
            start = figure.start  # a qualifier belongs to its own line
        taken.take(start, figure.end)
        found.append(_Found(start, figure.end, figure.kind, figure.value, figure.unit))
    return [
        Quantity(
            start=index.body.to_file(f.start),
            end=index.body.to_file(f.end),
            text=text[f.start:f.end],
            kind=f.kind,
            value=f.value,
            unit=f.unit,
        )
        for f in sorted(found, key=lambda f: f.start)
    ]
