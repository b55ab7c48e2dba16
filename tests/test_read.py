"""Reading articles: titles, summaries, headings and datelines kept out of the prose spans."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

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
        pytest.param(b"Title\n\nBad \xff byte.", "not valid UTF-8 at byte 11", id="bad-utf8"),
        pytest.param(b"Summary\n- one\n- two\n", "no prose after the title and boilerplate", id="no-prose"),
    ],
)
def test_read_article_failures(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert read_article(path) == ReadFailure("bad.txt", reason)


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
    assert list(read_articles([tmp_path / "empty"])) == [ReadFailure("empty", "folder has no .txt files")]


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
