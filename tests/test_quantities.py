"""Figures read from the text — money, percentages, counts, durations, dates — on sentences written
for these tests, with the real model."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from kg import parse_article
from kg.extract.mentions import DocIndex
from kg.extract.quantities import article_anchor, normalise_date, parse_number, quantities
from kg.models import Article, Quantity
from kg.nlp import parse

ROOT = Path(__file__).resolve().parents[1]
ANCHOR = dt.date(2025, 6, 19)  # a Thursday

Figure = tuple[str, str, str, str | None]  # text, kind, value, unit


def read(article: Article, anchor: dt.date | None) -> list[Quantity]:
    ((_, doc, body),) = list(parse([article]))
    found = quantities(DocIndex(doc, body), anchor)
    for q in found:
        assert article.text[q.start:q.end] == q.text, q
    return found


def figures(text: str, anchor: dt.date | None = None) -> list[Figure]:
    return [(q.text, q.kind, q.value, q.unit) for q in read(Article("t.txt", text, ((0, len(text)),)), anchor)]


def check(text: str, expected: list[Figure], anchor: dt.date | None = None) -> None:
    found = figures(text, anchor)
    for figure in expected:
        assert figure in found, f"{figure} not among {found}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The allies spend $1.4 trillion a year on their armies.",
                     [("$1.4 trillion", "money", "1400000000000", "USD")], id="dollars-trillion"),
        pytest.param("The treasury borrowed £20bn from the markets.",
                     [("£20bn", "money", "20000000000", "GBP")], id="pounds-bn-suffix"),
        pytest.param("Brussels pledged €3.5 billion in loans to Kyiv.",
                     [("€3.5 billion", "money", "3500000000", "EUR")], id="euros-billion"),
        pytest.param("The ministry will spend 20 billion rubles on new roads.",
                     [("20 billion rubles", "money", "20000000000", "RUB")], id="rubles-word"),
        pytest.param("The company paid a fine of $21m last spring.",
                     [("$21m", "money", "21000000", "USD")], id="dollars-m-suffix"),
        pytest.param("Beijing offered 50 billion yuan while Tokyo offered 3 trillion yen.",
                     [("50 billion yuan", "money", "50000000000", "CNY"),
                      ("3 trillion yen", "money", "3000000000000", "JPY")], id="yuan-and-yen"),
        pytest.param("The government set aside 2 billion hryvnias for reconstruction.",
                     [("2 billion hryvnias", "money", "2000000000", "UAH")], id="hryvnias"),
        pytest.param("The budget was cut by EUR 40 million and by US$5bn.",
                     [("EUR 40 million", "money", "40000000", "EUR"), ("US$5bn", "money", "5000000000", "USD")],
                     id="iso-code-and-us-dollar"),
        pytest.param("The donors raised more than $6,000 and fifteen million dollars.",
                     [("more than $6,000", "money", "6000", "USD"),
                      ("fifteen million dollars", "money", "15000000", "USD")], id="qualifier-and-words"),
    ],
)
def test_money(text: str, expected: list[Figure]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Members agreed to raise spending to five percent of GDP.",
                     [("five percent of GDP", "percent", "5", "percent of GDP")], id="words-of-gdp"),
        pytest.param("Inflation reached 5% in May.", [("5%", "percent", "5", "percent")], id="sign"),
        pytest.param("Growth slowed to 3.5 per cent last quarter.",
                     [("3.5 per cent", "percent", "3.5", "percent")], id="per-cent"),
        pytest.param("Aid fell to 0.7 percent of gross domestic product.",
                     [("0.7 percent of gross domestic product", "percent", "0.7", "percent of GDP")],
                     id="of-gross-domestic-product"),
        pytest.param("The ruling party lost 2.3 percentage points in the poll.",
                     [("2.3 percentage points", "percent", "2.3", "percentage point")], id="points"),
        pytest.param("Turnout was nearly 60 percent.", [("nearly 60 percent", "percent", "60", "percent")],
                     id="qualifier"),
    ],
)
def test_percent(text: str, expected: list[Figure]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The organisation now has 148 members.", [("148 members", "count", "148", "member")],
                     id="digits"),
        pytest.param("Police said five people were injured in the blast.",
                     [("five people", "count", "5", "person")], id="words-irregular-plural"),
        pytest.param("Delegates from 23 countries attended the summit.",
                     [("23 countries", "count", "23", "country")], id="country"),
        pytest.param("Twenty-three soldiers and a dozen officers were wounded.",
                     [("Twenty-three soldiers", "count", "23", "soldier"),
                      ("a dozen officers", "count", "12", "officer")], id="hyphenated-words-dozen"),
        pytest.param("The union has 27 member states.", [("27 member states", "count", "27", "member state")],
                     id="compound-noun"),
        pytest.param("The war drove 1.4 million people from their homes.",
                     [("1.4 million people", "count", "1400000", "person")], id="scaled"),
        pytest.param("At least 40 civilians were killed in the shelling.",
                     [("At least 40 civilians", "count", "40", "civilian")], id="qualifier"),
    ],
)
def test_counts(text: str, expected: list[Figure]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("Thousands of troops crossed the border.", "count", id="vague-plural"),
        pytest.param("It was the second time the talks had failed.", "count", id="ordinal"),
        pytest.param("She called it one of the best meetings in years.", "count", id="one-of"),
        pytest.param("Both sides backed a two-state solution.", "count", id="hyphenated-modifier"),
        pytest.param("The parcel weighed 20 pounds.", "money", id="pounds-of-weight"),
        pytest.param("The summit drew 20 leaders.", "duration", id="count-is-no-duration"),
    ],
)
def test_not_read_as(text: str, kind: str) -> None:
    assert [f for f in figures(text) if f[1] == kind] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The allies will raise their budgets over the next decade.",
                     [("over the next decade", "duration", "P10Y", "decade")], id="next-decade"),
        pytest.param("The fighting has gone on for more than three years.",
                     [("more than three years", "duration", "P3Y", "year")], id="more-than"),
        pytest.param("Parliament lifted the 15-year-old ban on Tuesday.",
                     [("15-year-old", "duration", "P15Y", "year")], id="year-old"),
        pytest.param("The negotiations lasted six months.", [("six months", "duration", "P6M", "month")],
                     id="months"),
        pytest.param("The envoy stayed in Geneva for a week.", [("a week", "duration", "P1W", "week")],
                     id="a-week"),
        pytest.param("Rescuers searched the rubble for 48 hours.", [("48 hours", "duration", "PT48H", "hour")],
                     id="hours"),
        pytest.param("The decade-long dispute ended in a treaty.",
                     [("decade-long", "duration", "P10Y", "decade")], id="decade-long"),
    ],
)
def test_durations(text: str, expected: list[Figure]) -> None:
    check(text, expected)


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        pytest.param("The minister arrived on June 19 for talks.", ANCHOR,
                     [("June 19", "date", "2025-06-19", None)], id="month-day-anchored"),
        pytest.param("The minister arrived on June 19 for talks.", None,
                     [("June 19", "date", "--06-19", None)], id="month-day-no-anchor"),
        pytest.param("The president spoke on Thursday in Moscow.", ANCHOR,
                     [("Thursday", "date", "2025-06-19", None)], id="weekday-is-anchor"),
        pytest.param("The president spoke on Monday in Moscow.", ANCHOR,
                     [("Monday", "date", "2025-06-16", None)], id="weekday-before-anchor"),
        pytest.param("Exports fell sharply last year.", ANCHOR, [("last year", "date", "2024", None)],
                     id="last-year"),
        pytest.param("He was first elected in 2012.", None, [("2012", "date", "2012", None)], id="year"),
        pytest.param("The pipeline opened in December 2004.", None,
                     [("December 2004", "date", "2004-12", None)], id="month-year"),
        pytest.param("The plan was announced in early 2006.", None, [("early 2006", "date", "2006", None)],
                     id="early-year"),
        pytest.param("The rebels attacked the town yesterday.", ANCHOR,
                     [("yesterday", "date", "2025-06-18", None)], id="yesterday"),
        pytest.param("The treaty was signed on 9 May 1955 in Warsaw.", None,
                     [("9 May 1955", "date", "1955-05-09", None)], id="day-month-year"),
    ],
)
def test_dates(text: str, anchor: dt.date | None, expected: list[Figure]) -> None:
    check(text, expected, anchor)


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        pytest.param("The president spoke on Thursday in Moscow.", None, id="weekday-without-anchor"),
        pytest.param("Exports fell sharply last year.", None, id="last-year-without-anchor"),
        pytest.param("The rebels attacked the town yesterday.", None, id="yesterday-without-anchor"),
    ],
)
def test_relative_dates_need_an_anchor(text: str, anchor: dt.date | None) -> None:
    assert [f for f in figures(text, anchor) if f[1] == "date"] == []


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("June 19", ANCHOR, "2025-06-19"),
        ("June 19", None, "--06-19"),
        ("Thursday, June 19, 2025", None, "2025-06-19"),
        ("Feb. 6, 2016", None, "2016-02-06"),
        ("19th of June", None, "--06-19"),
        ("February 30", None, None),
        ("Thursday", ANCHOR, "2025-06-19"),
        ("last Thursday", ANCHOR, "2025-06-12"),
        ("next Monday", ANCHOR, "2025-06-23"),
        ("Thursday", None, None),
        ("last year", ANCHOR, "2024"),
        ("next month", ANCHOR, "2025-07"),
        ("last week", ANCHOR, "2025-W24"),
        ("three years ago", ANCHOR, "2022"),
        ("today", ANCHOR, "2025-06-19"),
        ("tomorrow", ANCHOR, "2025-06-20"),
        ("last night", ANCHOR, "2025-06-18"),
        ("in 2012", None, "2012"),
        ("mid-2015", None, "2015"),
        ("the summer of 2010", None, "2010"),
        ("the 1990s", None, "199"),
        ("December", ANCHOR, "2025-12"),
        ("December", None, None),
        ("the third quarter", ANCHOR, None),
        ("2025-06-19", None, "2025-06-19"),
    ],
)
def test_normalise_date(text: str, anchor: dt.date | None, expected: str | None) -> None:
    assert normalise_date(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("five", "5"), ("twenty-three", "23"), ("a dozen", "12"), ("1.4 million", "1400000"), ("1,200", "1200"),
     ("one hundred and five", "105"), ("a half", "0.5"), ("one and a half", "1.5"), ("20bn", "20000000000"),
     ("thousands", None), ("second", None), ("80-200", None)],
)
def test_parse_number(text: str, expected: str | None) -> None:
    value = parse_number(text)
    assert (None if value is None else format(value.normalize(), "f")) == expected
    assert value is None or isinstance(value, Decimal)


def test_offsets_are_file_offsets_outside_the_title() -> None:
    text = ("Allies Pledge 5% Of GDP\n\nBrussels, June 19 (Agency) NATO members agreed on Thursday to spend "
            "five percent of GDP on defence over the next decade.\n")
    article = parse_article(text, "t.txt", date="2025-06-19")
    anchor = article_anchor(article)
    assert anchor == ANCHOR
    found = read(article, anchor)
    assert [(q.text, q.value) for q in found] == [
        ("Thursday", "2025-06-19"), ("five percent of GDP", "5"), ("over the next decade", "P10Y")]
    assert all(q.start > text.index("\n") for q in found)  # nothing from the title


def test_anchor_needs_a_year() -> None:
    assert article_anchor(Article("t.txt", "", (), date="--06-19")) is None
    assert article_anchor(Article("t.txt", "", (), date="2025-06-19")) == ANCHOR


def test_seed_figures() -> None:
    seed = next((ROOT / "seeds").glob("*.txt"))
    article = parse_article(seed.read_text(encoding="utf-8"), seed.name)
    found = {(q.text, q.kind, q.value, q.unit) for q in read(article, article_anchor(article))}
    assert {("five percent of GDP", "percent", "5", "percent of GDP"),
            ("$1.4 trillion", "money", "1400000000000", "USD"),
            ("over the next decade", "duration", "P10Y", "decade"),
            ("more than three years", "duration", "P3Y", "year")} <= found
    assert not any(q[1] == "date" for q in found)  # "Thursday" in a year-less article: no date to give
