"""Reading articles: text files in, ``Article`` records (prose spans and metadata) out.

``Article.text`` is the file's text as read (decoded, mojibake repaired: see **Inputs** below),
less a leading byte order mark; for an HTML page, its main text. All offsets refer to it.
``Article.body`` lists the spans of prose to analyse, in order; each is one paragraph (lines
separated by blank lines) or one line of it, and never starts or ends with whitespace. Everything
that is not prose stays in ``text`` but outside ``body``:

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
  the year of a date line before the first prose; else a date in the input's name or URL
  ("nyt_2015-12-19_talks.txt", "/2015/12/19/") that agrees with the text's month and day, if any;
  else the date line's date; a month and day without a known year are written "--MM-DD". The clock
  is never used.

**Inputs** (``read_article``, ``read_articles``; the checks are in ``kg.inputs``). An input that
gives no article gives a ``ReadFailure`` with a one-line reason. It *failed* when it cannot be
read: missing, a folder where a file was expected, unreadable, a binary file (PDF, image, archive,
office document, NUL or control bytes: ``"binary file (PDF)"``), corrupt gzip, invalid JSON, an id
already used. It is *skipped* when it was read but is not built: empty, only whitespace, an HTML
page with no main text, no prose after the boilerplate, not English (``"not English (0% common
English words; it looks French)"``), larger than ``max_bytes`` (default ``DEFAULT_MAX_BYTES``, 5 MB;
checked before reading; gzip is decompressed no further; for JSON Lines, per line) or longer than
``MAX_TEXT_CHARS`` (1,000,000 characters: spaCy's limit). Text is UTF-8, else UTF-16 with a byte
order mark, else Windows-1252, else Latin-1 (which decodes anything); mojibake ("Â£") is repaired;
an HTML page (``.html``, ``.htm``, or a text that starts as an HTML document) gives the main text
and title trafilatura finds in it. Each of these is noted in ``Article.notes``
(``"decoded as Windows-1252: not valid UTF-8 (byte 0xE9 at offset 57)"``).

Folders are read recursively (every ``*.txt``, ``*.jsonl``, ``*.html``, ``*.htm``, ``*.txt.gz`` and
``*.jsonl.gz``, sorted by relative path). Articles' ids come from their sources (see ``Article.id``)
and must be unique: a later article with an id already read fails; the same file given twice is
read once.

**JSON Lines** (``.jsonl``, ``read_jsonl``): one article per line, a JSON object with ``text``
(required) and optional ``id``, ``title``, ``date`` (ISO 8601 date or date-time), ``url`` and
``outlet``. A given ``title`` is the title and the text is not searched for one; a given
``outlet`` replaces the dateline's. Date precedence: the line's ``date``, else the ``date``
argument, else the dates found in the text. ``source`` is the ``url`` when given, else
``"<file stem>#<id>"``, else ``"<file stem>#<line number>"`` (the stem is the name without
``.jsonl``/``.jsonl.gz``: ``Article.id`` drops what follows the last dot, so ``"wire#a17"``
gives the id ``wire-a17``). Blank lines are skipped; a bad line (invalid JSON, not an object, no
or empty ``text``, a field of the wrong type, a date that is not ISO, too large, not English)
gives a ``ReadFailure`` named ``"<file name>:<line number>"`` and the other lines are still read.
A line that is not UTF-8 is decoded as above. Files are read line by line, never whole.

**gzip** (``.txt.gz``, ``.jsonl.gz``): decompressed as a stream with the same rules; a file that
is not gzip, is truncated or corrupt gives a ``ReadFailure`` with the reason (for JSON Lines,
named by the line where reading stopped, after the lines before it were read).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from io import BufferedIOBase
from pathlib import Path

from kg.inputs import HTML_SUFFIXES, Decoded, binary_kind, decode, is_html, language_problem, main_text
from kg.models import Article, ReadFailure, Span

BOM = "\ufeff"
DEFAULT_MAX_BYTES = 5_000_000  # a larger file (JSON Lines: line) is skipped unread
MAX_TEXT_CHARS = 1_000_000  # spaCy's Language.max_length: it refuses longer texts (and needs ~3 GB for one)
MAX_TITLE_WORDS = 30
MAX_HEADING_WORDS = 5
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
INPUT_SUFFIXES = (".txt", ".txt.gz", *JSONL_SUFFIXES, *HTML_SUFFIXES)  # what folders are searched for
HTML_NOTE = "HTML page: its main text was extracted (trafilatura)"
NO_PROSE = "no prose after the title and boilerplate"
NO_MAIN_TEXT = "HTML page with no main text to extract (trafilatura)"
_DISCARD_CHUNK = 1 << 20  # bytes read at a time while skipping the rest of a line that is too large
JSONL_FIELDS = ("id", "title", "date", "url", "outlet")  # optional, besides "text"

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


def parse_article(
    text: str,
    source: str,
    *,
    date: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> Article:
    """Split ``text`` into prose spans and metadata (title, summary, dateline, date); pure.

    A given ``title`` is used as is and no line of the text is taken for one; a given ``outlet``
    wins over the dateline's, as ``date`` wins over the dates in the text.
    """
    text = text.removeprefix(BOM)
    lines = _lines(text)
    title_line = _title(lines) if title is None else None
    summary: list[str] = []
    prose: list[_Line] = []
    dateline: _Dateline | None = None
    header_date: tuple[int, int, int] | None = None
    in_summary = False
    dateline_possible = True
    for line in lines[1:] if title_line is not None else lines:
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
        title=title if title is not None else title_line,
        date=date or _dated(_article_date(dateline, header_date), source),
        place=dateline.place if dateline else None,
        outlet=outlet or (dateline.outlet if dateline else None),
        summary=tuple(summary),
    )


def read_article(
    path: Path, *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Article | ReadFailure:
    """Read one text or HTML file (``.gz``: gzip-compressed); a ``ReadFailure`` says why it gives no article."""
    name = path.name or str(path)
    data = _file_bytes(path, name, max_bytes)
    if isinstance(data, ReadFailure):
        return data
    kind = binary_kind(data)
    if kind is not None:
        return ReadFailure(name, f"binary file ({kind})")
    decoded = decode(data).repaired()
    text = decoded.text.removeprefix(BOM)
    if not text:
        return ReadFailure(name, "empty file", status="skipped")
    if text.isspace():
        return ReadFailure(name, "only whitespace", status="skipped")
    if not is_html(name.removesuffix(".gz"), text):
        return _checked(text, name, name, decoded.notes, date=date)
    page = main_text(text)
    if page is None:
        return ReadFailure(name, NO_MAIN_TEXT, status="skipped")
    article = _checked(page.text, name, name, (*decoded.notes, HTML_NOTE), date=date, title=page.title)
    if isinstance(article, ReadFailure) and article.reason == NO_PROSE:  # only links, captions or headings
        return ReadFailure(name, NO_MAIN_TEXT, status="skipped")
    return article


def _checked(
    text: str, source: str, where: str, notes: tuple[str, ...], **metadata: str | None
) -> Article | ReadFailure:
    """The article of ``text`` (``metadata``: see ``parse_article``) with its notes, when it is worth
    building; else why not, as a skip named ``where``."""
    if len(text) > MAX_TEXT_CHARS:
        reason = f"too long: {len(text):,} characters, over the {MAX_TEXT_CHARS:,} spaCy takes"
        return ReadFailure(where, reason, status="skipped")
    article = parse_article(text, source, **metadata)
    if not article.body:
        return ReadFailure(where, NO_PROSE, status="skipped")
    problem = language_problem("\n\n".join(article.text[s:e] for s, e in article.body))
    if problem is not None:
        return ReadFailure(where, problem, status="skipped")
    return replace(article, notes=notes) if notes else article


def _file_bytes(path: Path, name: str, max_bytes: int) -> bytes | ReadFailure:
    """The file's bytes (decompressed when it is ``.gz``), never reading more than ``max_bytes`` + 1."""
    try:
        with _open_binary(path) as stream:
            if not path.name.endswith(".gz"):
                size = os.fstat(stream.fileno()).st_size
                if size > max_bytes:
                    return _too_large(name, f"{_size(size)}, over the {_size(max_bytes)} limit")
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        return ReadFailure(name, _read_error(error))
    if len(data) > max_bytes:  # only a stream (gzip, a pipe) gets here
        decompressed = " once decompressed" if path.name.endswith(".gz") else ""
        return _too_large(name, f"over the {_size(max_bytes)} limit{decompressed}")
    return data


def _too_large(where: str, detail: str) -> ReadFailure:
    return ReadFailure(where, f"too large: {detail}", status="skipped")


def _size(size: int) -> str:
    """"5 MB", "12.3 MB", "2,000 bytes"."""
    return f"{round(size / 1_000_000, 1):g} MB" if size >= 100_000 else f"{size:,} bytes"


def read_jsonl(
    path: Path, *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | ReadFailure]:
    """Read a JSON Lines file (``.gz``: gzip-compressed) line by line, one article or failure per line."""
    for _, item in _read_jsonl(path, date, max_bytes):
        yield item


def read_articles(
    paths: Iterable[str | Path], *, date: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | ReadFailure]:
    """Read files and folders (every ``*.txt``, ``*.jsonl``, ``*.html``, ``*.htm``, ``*.txt.gz`` and
    ``*.jsonl.gz`` inside, recursively, by relative path), in order; ``.jsonl`` files give one article
    per line.

    A path or line that gives no article yields a ``ReadFailure`` (failed or skipped: see the module's
    docstring) and the others are still read; a file (a JSON Lines line) over ``max_bytes`` bytes is
    skipped unread. An article whose id was already read yields a ``ReadFailure`` naming where it was
    read first.
    """
    read_from: dict[str, str] = {}  # article id -> the file (and line) it was read from
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(
                (f for f in path.rglob("*") if f.name.endswith(INPUT_SUFFIXES) and f.is_file()),
                key=lambda f: f.relative_to(path).parts,
            )
            if not files:
                yield ReadFailure(path.name or str(path), "folder has no .txt, .jsonl or .html files (plain or .gz)")
        else:
            files = [path]
        for file in files:
            resolved = file.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            if file.name.endswith(JSONL_SUFFIXES):
                items: Iterable[tuple[str, Article | ReadFailure]] = _read_jsonl(file, date, max_bytes)
            else:
                items = [(str(file), read_article(file, date=date, max_bytes=max_bytes))]
            for origin, item in items:
                if isinstance(item, Article):
                    if item.id in read_from:
                        item = ReadFailure(item.source, f"id {item.id!r} already used by {read_from[item.id]}")
                    else:
                        read_from[item.id] = origin
                yield item


def _read_jsonl(path: Path, date: str | None, max_bytes: int) -> Iterator[tuple[str, Article | ReadFailure]]:
    """(where it was read: "path:line", article or failure) for each non-blank line of a JSON Lines file."""
    name = path.name or str(path)
    stem = name.removesuffix(".gz").removesuffix(".jsonl")
    try:
        stream = _open_binary(path)
    except OSError as error:
        yield str(path), ReadFailure(name, _read_error(error))
        return
    number = 0
    articles = 0
    with stream:
        try:
            for number, raw in enumerate(_bounded_lines(stream, max_bytes), start=1):
                where = f"{name}:{number}"
                if raw is None:
                    articles += 1
                    yield f"{path}:{number}", _too_large(where, f"the line is over the {_size(max_bytes)} limit")
                    continue
                if number == 1:
                    raw = raw.removeprefix(BOM.encode("utf-8"))
                if raw.isspace() or not raw:
                    continue
                articles += 1
                yield f"{path}:{number}", _jsonl_article(raw, where, stem, number, date)
        except (OSError, EOFError, zlib.error) as error:
            yield f"{path}:{number + 1}", ReadFailure(f"{name}:{number + 1}", _read_error(error))
            return
    if not articles:
        yield str(path), ReadFailure(name, "empty file" if number == 0 else "only whitespace", status="skipped")


def _bounded_lines(stream: BufferedIOBase, max_bytes: int) -> Iterator[bytes | None]:
    """Each line of the stream, or None for a line longer than ``max_bytes``, which is skipped in chunks."""
    while line := stream.readline(max_bytes + 1):
        if len(line.rstrip(b"\r\n")) <= max_bytes:
            yield line
            continue
        while not line.endswith(b"\n") and (line := stream.readline(_DISCARD_CHUNK)):
            pass
        yield None


def _jsonl_article(raw: bytes, where: str, stem: str, number: int, date: str | None) -> Article | ReadFailure:
    """The article on one line of a JSON Lines file; ``where`` ("wire.jsonl:3") names its failures."""
    line = decode(raw)
    try:
        record = json.loads(line.text.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        return ReadFailure(where, f"invalid JSON at column {error.colno}: {error.msg}")
    if not isinstance(record, dict):
        return ReadFailure(where, f"not a JSON object but {type(record).__name__}")
    text = record.get("text")
    if text is None:
        return ReadFailure(where, 'no "text"')
    if not isinstance(text, str):
        return ReadFailure(where, '"text" is not a string')
    if not text.strip():
        return ReadFailure(where, 'empty "text"')
    fields: dict[str, str | None] = {}
    for field in JSONL_FIELDS:
        value = record.get(field)
        if field == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            return ReadFailure(where, f"{field!r} is not a string")
        fields[field] = value.strip() or None if isinstance(value, str) else None
    line_date = fields["date"]
    if line_date is not None:
        line_date = _iso_date(line_date)
        if line_date is None:
            return ReadFailure(where, f"date {fields['date']!r} is not an ISO 8601 date")
    source = fields["url"] or f"{stem}#{fields['id'] or number}"
    repaired = Decoded(text, line.notes).repaired()
    return _checked(repaired.text, source, where, repaired.notes, date=line_date or date, title=fields["title"],
                    outlet=fields["outlet"])


def _open_binary(path: Path) -> BufferedIOBase:
    """The file as a stream of bytes, decompressed when its name ends with ".gz"."""
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _iso_date(value: str) -> str | None:
    """The calendar date of an ISO 8601 date or date-time ("2025-06-19T08:00:00Z" -> "2025-06-19")."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None


def _read_error(error: OSError | EOFError | zlib.error) -> str:
    """A one-line reason for an error while opening or reading (and decompressing) a file."""
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, gzip.BadGzipFile) and str(error).startswith("Not a gzipped file"):
        return "not a gzip file"
    if isinstance(error, (gzip.BadGzipFile, EOFError, zlib.error)):
        detail = "it ends too early" if isinstance(error, EOFError) else str(error)
        return f"corrupt gzip: {detail}"
    return f"cannot read: {error.strerror or error}"


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


# A date in a file name or URL ("polnear_nyt_2015-12-19_putin.txt", "/2015/12/19/", "20151219"): how
# archives and crawls name what they keep
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_/.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def _dated(found: str | None, source: str) -> str | None:
    """The text's date when it has its year; else the date in the source's name, if any; else the text's."""
    if found is not None and not found.startswith("--"):
        return found
    match = _NAME_DATE.search(source)
    if match is not None:
        named = _iso(int(match[1]), int(match[3]), int(match[4]))
        if named is not None and (found is None or named.endswith(found[1:])):
            return named
    return found


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
