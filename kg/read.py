"""Reading articles: text files in, ``Article`` records (prose spans and metadata) out.

``Article.text`` is the file's text exactly as read, less a leading UTF-8 byte order mark; all
offsets refer to it. ``Article.body`` lists the spans of prose to analyse, in order; each is one
paragraph (lines separated by blank lines) or one line of it, and never starts or ends with
whitespace. Everything that is not prose stays in ``text`` but outside ``body``:

- **Title**: the first non-empty line, when a blank line (or a heading, byline or date line)
  follows it and it looks like a headline: at most 30 words, one sentence, not starting in lower
  case, not ending with ":" or ",", not a dateline, and not a sentence-case line ending with "."
  that is in the past tense or names the day ("Putin held a news conference on Monday."). A
  headline ending with ";" may be followed by a one-line deck, which stays in body. A file that
  is a single paragraph has no title.
- **Summary**: "Synopsis", "Key Takeaways", "Highlights", "Summary" and "Key points" heading lines,
  and the bullet lines ("- ", "• ", "* ") after them. The bullet texts, without their marks, go to
  ``Article.summary``; so do bullets that come before the first line of prose. Later bullets are
  prose (their spans start after the mark).
- **Headings and captions**: lines of at most five words, each capitalised (short linking words
  such as "of", "by", "via" aside), ending with nothing, ":" or "." ("ABSTRACT.", "FULL TEXT.",
  "LEAD:", "Advertisement", "Related:", "Rising Tensions.", a photo caption "Boris Johnson", a
  byline "By Jane Doe"). A single word ending with "." or "?" is a heading only in capitals, so
  "Yes." stays prose. Also outside body: "Related: ..." / "Read more: ..." link lines, lines
  without a letter or digit ("***"), and lines that are only a date ("Published: June 19, 2025").
  A "LEAD:" label at the start of a line of prose is skipped.
- **Dateline**: at the start of the first line of prose (or the first after a "FULL TEXT." /
  "LEAD:" heading): a capitalised place, optionally a region (", Ukraine"), a date ("June 19",
  "Dec. 3", "19 June", "March 2, 2024"), an outlet in parentheses ("(Reuters)") and a dash.
  A place alone is not a dateline: it needs the date, or a dash after the outlet, a place in
  capitals or a region ("LA CROSSE, Wisc. —"), or the outlet after a place in capitals; so
  "Moscow has said ...", "Washington, which ..." and "The World Trade Organisation (WTO) is ..."
  stay prose. ``place`` is the place (title-cased when in capitals: "WASHINGTON" ->
  "Washington"), ``outlet`` the parenthesised name; the body span starts after the dateline.
- **Date**: the ``date`` argument (ISO) when given; else the dateline's date, with its year, or
  the year of a date line before the first prose; else the date line's date; a month and day
  without a known year are written "--MM-DD". The clock is never used.

Reading (``read_article``, ``read_articles``) is strict UTF-8. Inputs that cannot be used give a
``ReadFailure`` with a one-line reason: missing, a folder where a file was expected, unreadable,
not UTF-8 (with the byte offset), empty, only whitespace, or no prose after the boilerplate.
Folders are read recursively (every ``*.txt``, sorted by relative path). Articles' ids come from
their file names and must be unique: a later file with an id already read fails; the same file
given twice is read once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.models import Article, ReadFailure, Span

BOM = "\ufeff"
MAX_TITLE_WORDS = 30
MAX_HEADING_WORDS = 5

_LINE = re.compile(r"^.*$", re.MULTILINE)  # "." also matches "\r": CRLF lines are trimmed later
_SUMMARY_HEADING = re.compile(r"(?i)(?:synopsis|key takeaways|highlights|summary|key points)\s*[:.]?")
_BULLET = re.compile(r"[-*\u2022\u2013\u00b7\u25aa]\s+(?=\S)")  # - * and bullet, en dash, dot, square
_LINK_LINE = re.compile(r"(?i)(?:related|read more|see also)\s*:")
_LEAD_LABEL = re.compile(r"LEAD:\s+(?=\S)")
_SECTION = re.compile(r"(?i)(abstract|full text|lead|advertisement|related|news analysis)\s*[:.]?")
_TEXT_STARTS = ("full text", "lead")  # sections after which the article proper (and its dateline) starts
_HAS_WORD = re.compile(r"\w")
_QUOTES = "\"'\u201c\u201d\u2018\u2019()[]"
_LINKING_WORDS = frozenset(
    ("a", "an", "and", "at", "by", "de", "del", "der", "for", "from", "in", "of", "on", "or", "the", "to",
     "van", "von", "via", "al", "bin", "with", "&")
)
# A sentence break inside a line: a lower-case word (not an abbreviation) ending a sentence.
_SENTENCE_BREAK = re.compile(r"\b([A-Za-z]*[a-z]{2,})[.!?][\"\u201d\u2019')]?\s+[\"\u201c\u2018']?[A-Z]")
# Headlines are in the present tense and rarely name the day: "Putin chides Turkey", not "Putin held".
_LEAD_WORD = re.compile(
    r"(?i)\b(?:said|told|held|was|were|had|did|rose|fell|met|yesterday"
    r"|(?:on|last|early|late) (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
_ABBREVIATIONS = frozenset(
    ("mrs", "sen", "gov", "gen", "rep", "adm", "col", "capt", "maj", "sgt", "cmdr", "lt", "st", "jr", "sr",
     "vs", "inc", "corp", "ltd")
)

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_DAY = rf"(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}))\b"
_WORD = r"[A-Z][\w.'\u2019-]*"
_DATELINE = re.compile(
    rf"""
    (?P<place>{_WORD}(?:\ (?:{_WORD}|de|del|da|al|el|la)){{0,3}})
    (?P<region>(?:,\ (?!{_MONTH}\s){_WORD}(?:\ {_WORD}){{0,2}}){{0,2}})
    (?:,?\ {_MONTH_DAY}(?:,?\ (?P<year>\d{{4}}))?)?
    (?:\ \((?P<outlet>[^()\n]{{1,40}})\))?
    (?P<separator>[^\S\n]*(?:--?|\u2013|\u2014)[^\S\n]*|[^\S\n]+)  # hyphen(s), en or em dash
    (?=\S)
    """,
    re.VERBOSE,
)
_DATE_LINE = re.compile(
    rf"""(?ix)
    (?:(?:published|updated|posted|dated?)\s*:?\s*)?
    (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?
    (?:{_MONTH_DAY},?\s+(?P<year>\d{{4}})|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))
    (?:,?\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)?
    (?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{{2,4}})?)?
    \.?
    """
)


@dataclass(frozen=True)
class _Line:
    """A non-blank line: its trimmed extent in the text and the paragraph it belongs to."""

    start: int
    end: int
    text: str
    paragraph: int
    number: int  # among the non-blank lines


@dataclass(frozen=True)
class _Dateline:
    end: int  # where the prose after it starts
    place: str
    outlet: str | None
    month_day: tuple[int, int] | None
    year: int | None


def parse_article(text: str, source: str, *, date: str | None = None) -> Article:
    """Split ``text`` into prose spans and metadata (title, summary, dateline, date); pure."""
    text = text.removeprefix(BOM)
    lines = _lines(text)
    title = _title(lines)
    summary: list[str] = []
    prose: list[_Line] = []
    dateline: _Dateline | None = None
    header_date: tuple[int, int, int] | None = None
    in_summary = False
    dateline_possible = True
    for line in lines[1:] if title is not None else lines:
        content = line.text
        bullet = _BULLET.match(content)
        if _SUMMARY_HEADING.fullmatch(content):
            in_summary = True
        elif bullet and (in_summary or not prose):
            summary.append(content[bullet.end() :])
        elif bullet:
            prose.append(_skip(line, bullet.end()))
        elif date_line := _DATE_LINE.fullmatch(content):
            if not prose and header_date is None:
                header_date = _full_date(date_line)
        elif _is_heading(content) or _LINK_LINE.match(content):
            in_summary = False
            section = _SECTION.fullmatch(content)
            starts_text = section is not None and section[1].lower() in _TEXT_STARTS
            dateline_possible = dateline_possible or (dateline is None and starts_text)
        else:
            in_summary = False
            if label := _LEAD_LABEL.match(content):
                line = _skip(line, label.end())
                dateline_possible = dateline is None
            if dateline_possible and (found := _dateline(line.text)) is not None:
                dateline = found
                line = _skip(line, found.end)
            dateline_possible = False
            prose.append(line)
    return Article(
        source=source,
        text=text,
        body=_spans(prose),
        title=title,
        date=date or _article_date(dateline, header_date),
        place=dateline.place if dateline else None,
        outlet=dateline.outlet if dateline else None,
        summary=tuple(summary),
    )


def read_article(path: Path, *, date: str | None = None) -> Article | ReadFailure:
    """Read one UTF-8 text file; a ``ReadFailure`` says why it cannot be used."""
    name = path.name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ReadFailure(name, "no such file")
    except IsADirectoryError:
        return ReadFailure(name, "is a folder, not a file")
    except PermissionError:
        return ReadFailure(name, "permission denied")
    except OSError as error:
        return ReadFailure(name, f"cannot read: {error.strerror or error}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return ReadFailure(name, f"not valid UTF-8 at byte {error.start}")
    if not text.removeprefix(BOM):
        return ReadFailure(name, "empty file")
    if text.removeprefix(BOM).isspace():
        return ReadFailure(name, "only whitespace")
    article = parse_article(text, name, date=date)
    if not article.body:
        return ReadFailure(name, "no prose after the title and boilerplate")
    return article


def read_articles(paths: Iterable[str | Path], *, date: str | None = None) -> Iterator[Article | ReadFailure]:
    """Read files and folders (every ``*.txt`` inside, recursively, by relative path), in order.

    A path that cannot be read yields a ``ReadFailure`` and the others are still read. A file
    whose id (its name without extension) was already read yields a ``ReadFailure`` naming both.
    """
    read_from: dict[str, Path] = {}  # article id -> the file it was read from
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(
                (f for f in path.rglob("*.txt") if f.is_file()), key=lambda f: f.relative_to(path).parts
            )
            if not files:
                yield ReadFailure(path.name or str(path), "folder has no .txt files")
        else:
            files = [path]
        for file in files:
            resolved = file.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            item = read_article(file, date=date)
            if isinstance(item, Article):
                if item.id in read_from:
                    item = ReadFailure(item.source, f"id {item.id!r} already used by {read_from[item.id]}")
                else:
                    read_from[item.id] = file
            yield item


def _lines(text: str) -> list[_Line]:
    """The non-blank lines, trimmed, numbered by paragraph (blank lines separate paragraphs)."""
    lines: list[_Line] = []
    paragraph = 0
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            paragraph += 1
            continue
        start = match.start() + len(raw) - len(raw.lstrip())
        lines.append(_Line(start, start + len(stripped), stripped, paragraph, len(lines)))
    return lines


def _title(lines: list[_Line]) -> str | None:
    """The first line, when it is a headline set apart from what follows."""
    if len(lines) < 2:
        return None
    first, second = lines[0], lines[1]
    separated = second.paragraph != first.paragraph
    with_deck = first.text.endswith(";") and (len(lines) < 3 or lines[2].paragraph != second.paragraph)
    second_is_boilerplate = any(
        pattern.fullmatch(second.text) for pattern in (_SUMMARY_HEADING, _DATE_LINE)
    ) or _is_heading(second.text)
    if not (separated or with_deck or second_is_boilerplate):
        return None
    candidate = first.text
    looks_like_prose = (
        len(candidate.split()) > MAX_TITLE_WORDS
        or candidate.endswith((":", ","))
        or candidate[0].islower()
        or _BULLET.match(candidate) is not None
        or _SUMMARY_HEADING.fullmatch(candidate) is not None
        or _SECTION.fullmatch(candidate) is not None
        or _DATE_LINE.fullmatch(candidate) is not None
        or _dateline(candidate) is not None
        or _has_sentence_break(candidate)
        or _reads_like_a_lead(candidate)
    )
    return None if looks_like_prose else candidate


def _skip(line: _Line, count: int) -> _Line:
    """The line without its first ``count`` characters (a bullet mark, a label, a dateline)."""
    return _Line(line.start + count, line.end, line.text[count:], line.paragraph, line.number)


def _reads_like_a_lead(line: str) -> bool:
    """A sentence-case line ending with "." in the past tense or naming a day is news, not a headline."""
    long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    title_case = all(w[0].isupper() for w in long_words)
    return line.endswith(".") and not title_case and _LEAD_WORD.search(line) is not None


def _has_sentence_break(line: str) -> bool:
    return any(m.group(1).lower() not in _ABBREVIATIONS for m in _SENTENCE_BREAK.finditer(line))


def _is_heading(line: str) -> bool:
    """A section heading, subhead, caption or byline: a few capitalised words, not a sentence."""
    if not _HAS_WORD.search(line):
        return True
    core = line.strip(_QUOTES)
    if not core or core[-1] in ",;!":
        return False
    words = core.rstrip(".:?").split()
    if not 1 <= len(words) <= MAX_HEADING_WORDS:
        return False
    if len(words) == 1 and core[-1] in ".?" and not core.isupper():
        return False  # "Yes." is prose
    first, *rest = (w.strip(_QUOTES) for w in words)
    return _capitalised(first) and all(_capitalised(w) or w.lower() in _LINKING_WORDS for w in rest)


def _capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _dateline(line: str) -> _Dateline | None:
    match = _DATELINE.match(line)
    if match is None:
        return None
    place, outlet = match["place"], match["outlet"]
    month_day = _month_day(match)
    dashed = not match["separator"].isspace()
    if outlet is not None and not _is_outlet(outlet):
        return None
    capitals = place.isupper()
    # Without a date, a dash or capitals must say it is a dateline: "The World Trade Organisation (WTO) is"
    marked = (dashed and bool(outlet or capitals or match["region"])) or bool(outlet and capitals)
    if month_day is None and not marked:
        return None
    year = int(match["year"]) if match["year"] else None
    return _Dateline(match.end(), place.title() if capitals else place, outlet, month_day, year)


def _is_outlet(name: str) -> bool:
    """A news agency's name: a few capitalised words ("Reuters", "AP"), or a short one ("dpa")."""
    words = name.split()
    short_lowercase = len(words) == 1 and name.isalpha() and len(name) <= 4
    return 1 <= len(words) <= 4 and (all(_capitalised(w) for w in words) or short_lowercase)


def _month_day(match: re.Match[str]) -> tuple[int, int] | None:
    month_name, day = (match["month"], match["day"]) if match["month"] else (match["month2"], match["day2"])
    if month_name is None:
        return None
    month = _MONTHS.index(month_name[:3].lower()) + 1
    try:
        dt.date(2000, month, int(day))  # a leap year: "Feb. 29" is a date
    except ValueError:
        return None
    return month, int(day)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _full_date(match: re.Match[str]) -> tuple[int, int, int] | None:
    if match["iso"]:
        try:
            iso = dt.date.fromisoformat(match["iso"])
        except ValueError:
            return None
        return iso.year, iso.month, iso.day
    month_day = _month_day(match)
    return (int(match["year"]), *month_day) if month_day else None


def _article_date(dateline: _Dateline | None, header: tuple[int, int, int] | None) -> str | None:
    if dateline is not None and dateline.month_day is not None:
        month, day = dateline.month_day
        year = dateline.year or (header[0] if header else None)
        return _iso(year, month, day)
    return _iso(*header) if header else None


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return f"--{month:02d}-{day:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:  # "Feb. 29" in a year that has none
        return None


def _spans(prose: list[_Line]) -> tuple[Span, ...]:
    """One span per run of prose lines within a paragraph."""
    spans: list[Span] = []
    previous: _Line | None = None
    for line in prose:
        follows = previous is not None and previous.number + 1 == line.number
        if follows and previous is not None and previous.paragraph == line.paragraph:
            spans[-1] = (spans[-1][0], line.end)
        else:
            spans.append((line.start, line.end))
        previous = line
    return tuple(spans)
