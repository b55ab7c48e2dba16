"""Reading articles: titles, summaries, headings and datelines kept out of the prose spans."""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyoxigraph import QuerySolutions

import kg
from kg.models import Article, ReadFailure
from kg.read import parse_article, read_article, read_articles

SHARED = Path(__file__).resolve().parents[2] / "shared"


@dataclass(frozen=True)
class Case:
    text: str
    body: list[str]  # the prose, span by span
    title: str | None = None
    date: str | None = None
    place: str | None = None
    outlet: str | None = None
    summary: tuple[str, ...] = ()
    dropped: str = ""  # boilerplate outside body besides title and summary (its words)


CASES = [
    pytest.param(
        Case(
            text="Will the Baltic Pipeline Deal Survive the Winter?\n\nSynopsis\nKey Takeaways\n"
            "- Finland questions the pipeline's safety.\n- Estonia backs the project.\n"
            "Helsinki, March 4 (NordicWire) Finland has raised doubts about the pipeline, "
            "said Prime Minister Anna Virtanen on Tuesday.\n"
            '"We cannot accept this risk," Virtanen said.\n',
            title="Will the Baltic Pipeline Deal Survive the Winter?",
            date="--03-04",
            place="Helsinki",
            outlet="NordicWire",
            summary=("Finland questions the pipeline's safety.", "Estonia backs the project."),
            body=[
                "Finland has raised doubts about the pipeline, said Prime Minister Anna Virtanen on "
                'Tuesday.\n"We cannot accept this risk," Virtanen said.'
            ],
            dropped="Synopsis Key Takeaways Helsinki, March 4 (NordicWire)",
        ),
        id="seed-like",
    ),
    pytest.param(
        Case(
            text="Norway to expand Arctic patrols\n\nOSLO (Reuters) - Norway will double its Arctic "
            "patrols, the defence minister said on Monday.\n\nThe plan needs parliament's approval.\n",
            title="Norway to expand Arctic patrols",
            place="Oslo",
            outlet="Reuters",
            body=[
                "Norway will double its Arctic patrols, the defence minister said on Monday.",
                "The plan needs parliament's approval.",
            ],
            dropped="OSLO (Reuters) -",
        ),
        id="reuters-caps",
    ),
    pytest.param(
        Case(
            text="Talks resume\n\nWASHINGTON, Dec. 3 (AP) \u2014 The envoys met again.",
            title="Talks resume",
            date="--12-03",
            place="Washington",
            outlet="AP",
            body=["The envoys met again."],
            dropped="WASHINGTON, Dec. 3 (AP) \u2014",
        ),
        id="ap-month-abbreviation",
    ),
    pytest.param(
        Case(
            text="Grain corridor reopens\n\nKYIV, Ukraine, March 2, 2024 (AFP) -- Ships left the port.",
            title="Grain corridor reopens",
            date="2024-03-02",
            place="Kyiv",
            outlet="AFP",
            body=["Ships left the port."],
            dropped="KYIV, Ukraine, March 2, 2024 (AFP) --",
        ),
        id="dateline-with-region-and-year",
    ),
    pytest.param(
        Case(
            text="Trade pact signed\n\nBeijing, 19 June (Xinhua) -- China signed the pact.",
            title="Trade pact signed",
            date="--06-19",
            place="Beijing",
            outlet="Xinhua",
            body=["China signed the pact."],
            dropped="Beijing, 19 June (Xinhua) --",
        ),
        id="day-before-month",
    ),
    pytest.param(
        Case(
            text="Budget row deepens\nJune 3, 2024\n\nLONDON, June 5 - Ministers met again.",
            title="Budget row deepens",
            date="2024-06-05",
            place="London",
            body=["Ministers met again."],
            dropped="June 3, 2024 LONDON, June 5 -",
        ),
        id="year-from-header-date-line",
    ),
    pytest.param(
        Case(
            text="Budget row deepens\n\nPublished: 2024-06-03\n\nMinisters met again.",
            title="Budget row deepens",
            date="2024-06-03",
            body=["Ministers met again."],
            dropped="Published: 2024-06-03",
        ),
        id="date-from-header-date-line",
    ),
    pytest.param(
        Case(
            text="Germany said on Monday it would send more tanks. Berlin's envoy confirmed the plan "
            "in Brussels.",
            body=[
                "Germany said on Monday it would send more tanks. Berlin's envoy confirmed the plan "
                "in Brussels."
            ],
        ),
        id="one-paragraph-no-title",
    ),
    pytest.param(
        Case(
            text="Envoy 'backs' new treaty\n\nThe envoy has said the treaty is fair.\n\n"
            'Critics disagree. "It is a bad deal," one said.\n',
            title="Envoy 'backs' new treaty",
            body=[
                "The envoy has said the treaty is fair.",
                'Critics disagree. "It is a bad deal," one said.',
            ],
        ),
        id="bbc-style",
    ),
    pytest.param(
        Case(
            text="Leaders clash over trade; \nSummit ends without a joint statement.\n\nABSTRACT.\n\n"
            "The two presidents traded accusations at the close of the summit.\n\nFULL TEXT.\n\n"
            "GENEVA - The summit ended on Friday without agreement.\n\nRising Tensions.\n\n"
            "Officials said talks would resume.\n",
            title="Leaders clash over trade;",
            place="Geneva",
            body=[
                "Summit ends without a joint statement.",
                "The two presidents traded accusations at the close of the summit.",
                "The summit ended on Friday without agreement.",
                "Officials said talks would resume.",
            ],
            dropped="ABSTRACT. FULL TEXT. GENEVA - Rising Tensions.",
        ),
        id="abstract-full-text",
    ),
    pytest.param(
        Case(
            text="Minister visits Paris\n\nThe minister arrived in Paris.\nJane Example\n"
            "She said the talks went well.\n\nAdvertisement\n\nRelated: Minister visits Rome\n\n"
            "The visit ends on Friday.",
            title="Minister visits Paris",
            body=[
                "The minister arrived in Paris.",
                "She said the talks went well.",
                "The visit ends on Friday.",
            ],
            dropped="Jane Example Advertisement Related: Minister visits Rome",
        ),
        id="caption-and-headings",
    ),
    pytest.param(
        Case(
            text="Sanctions debate\n\nMoscow has said the sanctions will fail.\n\nMoscow - the capital - "
            "is calm.",
            title="Sanctions debate",
            body=["Moscow has said the sanctions will fail.", "Moscow - the capital - is calm."],
        ),
        id="place-names-are-not-datelines",
    ),
    pytest.param(
        Case(
            text="Sanctions debate\n\nWashington, which opposes the plan, said it would wait.",
            title="Sanctions debate",
            body=["Washington, which opposes the plan, said it would wait."],
        ),
        id="place-and-clause-is-not-a-dateline",
    ),
    pytest.param(
        Case(
            text="Trade body meets\n\nThe World Trade Organisation (WTO) is to hold talks.",
            title="Trade body meets",
            body=["The World Trade Organisation (WTO) is to hold talks."],
        ),
        id="acronym-in-parentheses-is-not-an-outlet",
    ),
    pytest.param(
        Case(
            text="Debate night\n\nRubio disagreed.\n\nYes.\n\nWatch the video above.\n",
            title="Debate night",
            body=["Rubio disagreed.", "Yes.", "Watch the video above."],
        ),
        id="short-prose-lines-stay",
    ),
    pytest.param(
        Case(
            text="Russia attacked at dawn. Ukraine responded with drones.\n\nThe fighting continued.",
            body=["Russia attacked at dawn. Ukraine responded with drones.", "The fighting continued."],
        ),
        id="two-sentences-are-not-a-title",
    ),
    pytest.param(
        Case(
            text="President Anna Virtanen held talks in Oslo on Monday.\n\nShe called them useful.",
            body=["President Anna Virtanen held talks in Oslo on Monday.", "She called them useful."],
        ),
        id="past-tense-lead-is-not-a-title",
    ),
    pytest.param(
        Case(
            text="Rivals regroup after Super Tuesday wins.\n\nThe race goes on.",
            title="Rivals regroup after Super Tuesday wins.",
            body=["The race goes on."],
        ),
        id="headline-ending-with-period",
    ),
    pytest.param(
        Case(
            text="The minister listed three demands:\n\n- an end to the blockade\n- talks in Vienna\n",
            body=["The minister listed three demands:", "an end to the blockade\n- talks in Vienna"],
        ),
        id="colon-line-is-not-a-title-and-later-bullets-are-prose",
    ),
    pytest.param(
        Case(
            text="Ceasefire holds\r\n\r\nThe ceasefire held overnight.\r\nBoth sides confirmed it.\r\n",
            title="Ceasefire holds",
            body=["The ceasefire held overnight.\r\nBoth sides confirmed it."],
        ),
        id="crlf-kept",
    ),
]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


@pytest.mark.parametrize("case", CASES)
def test_parse_article(case: Case) -> None:
    article = parse_article(case.text, "case.txt")

    assert article.text == case.text
    assert [article.text[start:end] for start, end in article.body] == case.body
    assert (article.title, article.date, article.place, article.outlet, article.summary) == (
        case.title,
        case.date,
        case.place,
        case.outlet,
        case.summary,
    )
    for start, end in article.body:
        span = article.text[start:end]
        assert span == span.strip()
    assert list(article.body) == sorted(article.body)
    outside = words(case.text) - words(" ".join(case.body))
    assert outside <= words(" ".join([case.title or "", *case.summary, case.dropped]))


def test_bom_is_stripped_and_offsets_follow() -> None:
    article = parse_article("\ufeffCeasefire holds\n\nBoth sides confirmed it.", "a.txt")

    assert article.text == "Ceasefire holds\n\nBoth sides confirmed it."
    assert [article.text[s:e] for s, e in article.body] == ["Both sides confirmed it."]


def test_date_argument_wins_over_dateline() -> None:
    text = "Talks resume\n\nKYIV, March 2, 2024 (AFP) -- Ships left the port."
    assert parse_article(text, "a.txt", date="2024-03-05").date == "2024-03-05"


def test_read_article_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "Talks Resume.txt"
    path.parent.mkdir()
    path.write_text("Talks resume\n\nThe envoys met again.\n", encoding="utf-8")

    article = read_article(path)

    assert isinstance(article, Article)
    assert (article.source, article.id, article.title) == ("Talks Resume.txt", "talks-resume", "Talks resume")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b" \n\n\t\n", "only whitespace", id="whitespace"),
        pytest.param(b"\xef\xbb\xbf \r\n", "only whitespace", id="bom-and-whitespace"),
        pytest.param(b"Summary\n- one\n- two\n", "no prose after the title and boilerplate", id="no-prose"),
    ],
)
def test_read_article_skips(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert read_article(path) == ReadFailure("bad.txt", reason, status="skipped")


def test_text_that_is_not_utf8_is_decoded_as_windows_1252_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Title\n\nThe caf\u00e9 \u2018reopened\u2019 at \u20ac5 a cup.".encode("cp1252"))

    article = read_article(path)

    assert isinstance(article, Article)
    assert article.text == "Title\n\nThe caf\u00e9 \u2018reopened\u2019 at \u20ac5 a cup."
    assert article.notes == ("decoded as Windows-1252: not valid UTF-8 (byte 0xE9 at offset 14)",)


def test_read_article_missing_and_folder(tmp_path: Path) -> None:
    assert read_article(tmp_path / "gone.txt") == ReadFailure("gone.txt", "no such file")
    assert read_article(tmp_path) == ReadFailure(tmp_path.name, "is a folder, not a file")


def test_read_article_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Title\n\nText.", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that ignore file permissions")
        assert read_article(path) == ReadFailure("locked.txt", "permission denied")
    finally:
        path.chmod(0o644)


def write(path: Path, text: str = "Title\n\nSome prose here.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def sources(items: list[Article | ReadFailure]) -> list[tuple[str, str]]:
    return [(type(item).__name__, item.source) for item in items]


def test_read_articles_folder_order_and_missing_path(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "b.txt")
    write(folder / "a" / "z.txt")
    write(folder / "a" / "c.txt")
    write(folder / "notes.md")
    single = write(tmp_path / "single.txt")

    items = list(read_articles([folder, str(tmp_path / "missing.txt"), single]))

    assert sources(items) == [
        ("Article", "c.txt"),
        ("Article", "z.txt"),
        ("Article", "b.txt"),
        ("ReadFailure", "missing.txt"),
        ("Article", "single.txt"),
    ]


def test_read_articles_id_clash(tmp_path: Path) -> None:
    first = write(tmp_path / "one" / "report.txt")
    write(tmp_path / "two" / "report.txt")

    items = list(read_articles([tmp_path / "one", tmp_path / "two"]))

    assert isinstance(items[0], Article)
    assert isinstance(items[1], ReadFailure)
    assert "'report'" in items[1].reason
    assert str(first) in items[1].reason


def test_read_articles_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "one" / "report.txt")
    assert sources(list(read_articles([tmp_path / "one", path]))) == [("Article", "report.txt")]


def test_read_articles_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert list(read_articles([tmp_path / "empty"])) == [
        ReadFailure("empty", "folder has no .txt, .jsonl or .html files (plain or .gz)")
    ]


# JSON Lines and gzip

PROSE = "Finland has raised doubts about the pipeline, the prime minister said on Tuesday."


def jsonl(*records: Mapping[str, object] | str) -> str:
    """JSON Lines text: dicts are dumped, strings are written as they are (bad lines)."""
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def write_gz(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(text)
    return path


def test_jsonl_metadata_lands_on_the_article(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.jsonl", jsonl(
        {"id": "a17", "title": "Pipeline doubts", "date": "2025-06-19", "url": "https://example.org/news/pipeline-doubts",
         "outlet": "NordicWire", "text": f"Not a title line\n\n{PROSE}"},
        {"text": f"Helsinki, March 4 (Reuters) - {PROSE}", "outlet": "Wire Desk"},
    ))

    first, second = read_articles([path])

    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.date, first.outlet, first.source) == (
        "Pipeline doubts", "2025-06-19", "NordicWire", "https://example.org/news/pipeline-doubts"
    )
    assert [first.text[s:e] for s, e in first.body] == ["Not a title line", PROSE]  # the text is not searched
    assert first.id == "example-org-news-pipeline-doubts"  # a URL source: the whole URL, so ids stay unique
    assert second.outlet == "Wire Desk"  # the line's outlet wins over the dateline's
    assert (second.place, second.date, second.title) == ("Helsinki", "--03-04", None)


def test_jsonl_title_detected_when_not_given(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.jsonl", jsonl({"text": f"Pipeline doubts grow\n\n{PROSE}"}))
    (article,) = read_articles([path])
    assert isinstance(article, Article)
    assert article.title == "Pipeline doubts grow"
    assert [article.text[s:e] for s, e in article.body] == [PROSE]


def test_jsonl_date_precedence(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.jsonl", jsonl(
        {"text": f"Helsinki, March 4 - {PROSE}", "date": "2025-06-19T08:30:00+02:00"},
        {"text": f"Helsinki, March 4 - {PROSE}"},
        {"text": PROSE},
    ))
    assert [a.date for a in read_articles([path]) if isinstance(a, Article)] == ["2025-06-19", "--03-04", None]
    argued = [a.date for a in read_articles([path], date="2024-01-02") if isinstance(a, Article)]
    assert argued == ["2025-06-19", "2024-01-02", "2024-01-02"]  # the line's date, else the argument, else the text


def test_jsonl_sources_and_ids(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.jsonl", jsonl(
        {"id": "a17", "text": PROSE}, {"text": PROSE}, {"id": 42, "text": PROSE},
        {"url": "https://example.org/2025/06/19/talks.html", "id": "ignored", "text": PROSE},
    ))
    items = list(read_articles([path]))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Article", "wire#a17"), ("Article", "wire#2"), ("Article", "wire#42"),
        ("Article", "https://example.org/2025/06/19/talks.html"),
    ]
    assert [i.id for i in items if isinstance(i, Article)] == ["wire-a17", "wire-2", "wire-42",
                                                               "example-org-2025-06-19-talks-html"]


def test_jsonl_duplicate_ids_fail(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.jsonl", jsonl(
        {"id": "a1", "text": PROSE}, {"id": "a1", "text": PROSE}, {"id": "a2", "text": PROSE},
    ))
    other = write(tmp_path / "more" / "wire.jsonl.gz", "")
    write_gz(other, jsonl({"id": "a2", "text": PROSE}))
    items = list(read_articles([path, other]))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Article", "wire#a1"), ("ReadFailure", "wire#a1"), ("Article", "wire#a2"), ("ReadFailure", "wire#a2"),
    ]
    assert isinstance(items[1], ReadFailure) and isinstance(items[3], ReadFailure)
    assert items[1].reason == f"id 'wire-a1' already used by {path}:1"
    assert items[3].reason == f"id 'wire-a2' already used by {path}:3"


def test_jsonl_bad_lines_are_named_and_good_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_bytes(jsonl(
        {"text": PROSE},
        '{"text": "unterminated',
        "",
        '["a", "list"]',
        {"title": "No text"},
        {"text": "  \n "},
        {"text": 7},
        {"text": PROSE, "date": "19 June 2025"},
        {"text": PROSE, "title": ["not", "a", "string"]},
        {"text": "Only A Heading"},
        {"text": PROSE, "id": "last"},
    ).encode("utf-8") + b'{"text": "caf\xe9"}\n')

    items = list(read_articles([path]))

    assert [(type(i).__name__, i.source, getattr(i, "reason", "")) for i in items] == [
        ("Article", "wire#1", ""),
        ("ReadFailure", "wire.jsonl:2", "invalid JSON at column 10: Unterminated string starting at"),
        ("ReadFailure", "wire.jsonl:4", "not a JSON object but list"),
        ("ReadFailure", "wire.jsonl:5", 'no "text"'),
        ("ReadFailure", "wire.jsonl:6", 'empty "text"'),
        ("ReadFailure", "wire.jsonl:7", '"text" is not a string'),
        ("ReadFailure", "wire.jsonl:8", "date '19 June 2025' is not an ISO 8601 date"),
        ("ReadFailure", "wire.jsonl:9", "'title' is not a string"),
        ("ReadFailure", "wire.jsonl:10", "no prose after the title and boilerplate"),
        ("Article", "wire#last", ""),
        ("Article", "wire#12", ""),
    ]
    assert isinstance(items[-1], Article)  # a line that is not UTF-8 is decoded as Windows-1252
    assert (items[-1].text, items[-1].notes) == (
        "caf\u00e9", ("decoded as Windows-1252: not valid UTF-8 (byte 0xE9 at offset 13)",))


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"\n  \n", "only whitespace")],
)
def test_jsonl_empty_files(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_bytes(content)
    assert list(read_articles([path])) == [ReadFailure("wire.jsonl", reason, status="skipped")]


def test_gzip_text_and_jsonl(tmp_path: Path) -> None:
    text = write_gz(tmp_path / "report.txt.gz", f"Pipeline doubts grow\n\n{PROSE}")
    lines = write_gz(tmp_path / "wire.jsonl.gz", jsonl({"id": "x", "title": "Talks", "text": PROSE}))

    report, wire = read_articles([text, lines])

    assert isinstance(report, Article) and isinstance(wire, Article)
    assert (report.source, report.title, [report.text[s:e] for s, e in report.body]) == (
        "report.txt.gz", "Pipeline doubts grow", [PROSE]
    )
    assert (wire.source, wire.id, wire.title) == ("wire#x", "wire-x", "Talks")


def test_gzip_corrupt(tmp_path: Path) -> None:
    not_gzip = write(tmp_path / "plain.txt.gz", "Title\n\nSome prose here.")
    whole = gzip.compress(jsonl(*({"text": f"{PROSE} {n}"} for n in range(2000))).encode("utf-8"))
    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    damaged = tmp_path / "damaged.txt.gz"
    data = bytearray(gzip.compress(f"Title\n\n{PROSE}".encode()))
    data[-8] ^= 0xFF  # the CRC
    damaged.write_bytes(bytes(data))

    items = list(read_articles([not_gzip, truncated, damaged]))

    assert items[0] == ReadFailure("plain.txt.gz", "not a gzip file")
    *lines, cut = items[1:-1]
    assert lines and all(isinstance(i, Article) for i in lines)  # read up to where the data stops
    assert cut == ReadFailure(f"cut.jsonl.gz:{len(lines) + 1}", "corrupt gzip: it ends too early")
    assert isinstance(items[-1], ReadFailure) and items[-1].source == "damaged.txt.gz"
    assert items[-1].reason.startswith("corrupt gzip: CRC check failed")


def test_jsonl_is_read_line_by_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_whole_reads(*args: object, **kwargs: object) -> object:
        raise AssertionError("read the whole file")

    path = write(tmp_path / "wire.jsonl", jsonl({"text": PROSE}, {"text": PROSE}))
    monkeypatch.setattr(Path, "read_bytes", no_whole_reads)
    monkeypatch.setattr(Path, "read_text", no_whole_reads)
    items = read_articles([path])
    assert isinstance(next(items), Article)
    assert isinstance(next(items), Article)


def test_folder_mixes_all_kinds_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "b.txt")
    write(folder / "a" / "wire.jsonl", jsonl({"text": PROSE}, {"id": "k", "text": PROSE}))
    write_gz(folder / "a" / "old.txt.gz", f"Old story\n\n{PROSE}")
    write_gz(folder / "c.jsonl.gz", jsonl({"url": "https://example.org/c-story", "text": PROSE}))
    write(folder / "notes.md")
    write_gz(folder / "archive.tar.gz", "not an article")

    assert sources(list(read_articles([folder]))) == [
        ("Article", "old.txt.gz"),
        ("Article", "wire#1"),
        ("Article", "wire#k"),
        ("Article", "b.txt"),
        ("Article", "https://example.org/c-story"),
    ]


def test_build_from_jsonl_gz(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_gz(folder / "wire.jsonl.gz", jsonl(
        {"id": "1", "title": "Finland doubts pipeline", "date": "2025-06-19", "outlet": "NordicWire",
         "text": PROSE},
        {"id": "2", "title": "Estonia backs pipeline", "date": "2025-06-20",
         "text": "Estonia backs the pipeline, Prime Minister Kaja Kallas said."},
    ))

    result = kg.build([folder], tmp_path / "out", formats=["ttl"])

    assert not result.failures
    rows = result.store().query(
        "PREFIX dcterms: <http://purl.org/dc/terms/> "
        "SELECT ?source ?title ?date WHERE { GRAPH ?g { ?a dcterms:source ?source ; dcterms:title ?title ; "
        "dcterms:date ?date } } ORDER BY ?source"
    )
    assert isinstance(rows, QuerySolutions)
    assert [(r["source"].value, r["title"].value, r["date"].value, r["date"].datatype.value) for r in rows] == [
        ("wire#1", "Finland doubts pipeline", "2025-06-19", "http://www.w3.org/2001/XMLSchema#date"),
        ("wire#2", "Estonia backs pipeline", "2025-06-20", "http://www.w3.org/2001/XMLSchema#date"),
    ]
    assert result.articles == ("wire-1", "wire-2")
    assert (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8").count("Estonia backs pipeline") == 1


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared")
def test_every_shared_article_has_title_and_body() -> None:
    folders = [SHARED / "corpus", SHARED / "corpus" / "polnear", SHARED / "seeds"]
    paths = [path for folder in folders for path in sorted(folder.glob("*.txt"))]
    assert paths
    for path in paths:
        article = read_article(path)
        assert isinstance(article, Article), article
        assert article.body and article.title, article.source
