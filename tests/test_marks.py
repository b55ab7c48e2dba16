"""Quotation spans from the marks alone."""

from __future__ import annotations

import pytest

from kg.extract.marks import find_marked_spans


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_marked_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes," and left.', ["yes,"]),
        ("\u201cA,\u201d he said, \u201cB.\u201d", ["A,", "B."]),
        ("``Go home,'' she said.", ["Go home,"]),
        ("''Go home,'' she said.", ["Go home,"]),
        ("\u00abNon,\u00bb dit-il.", ["Non,"]),
        ("\u201eNein\u201c, sagte er.", ["Nein"]),
        ("Russia's 'special operation' began.", ["special operation"]),
        ("The allies' leaders met.", []),
        # a straight mark that can only open ends the quotation left open before it
        ('He said: "We are united. "That is the goal."', ["We are united. ", "That is the goal."]),
    ],
)
def test_marked_spans(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_unclosed_mark_stops_at_the_end_of_its_paragraph() -> None:
    text = 'He said: "This never closes.\n\nThe next paragraph is prose. And "this" is separate.'
    assert quoted(text) == ["This never closes.", "this"]


def test_unclosed_mark_stops_at_a_line_that_ends_a_sentence() -> None:
    text = 'He said: "This never closes.\nThe next line is prose.\n"A new quote," he said.'
    assert quoted(text) == ["This never closes.", "A new quote,"]
    # hard-wrapped lines that do not end a sentence do not end a quotation
    assert quoted('"We will fight on\nuntil the end," he said.') == ["We will fight on\nuntil the end,"]


def test_a_mark_at_the_end_of_a_line_opens_nothing() -> None:
    # CSV-style doubled marks leave a straight mark at the end of the line
    text = '"It was ""definitively determined"" it was not responsible."""\nThe army is looking into it.'
    assert all("army" not in q for q in quoted(text))


def test_single_marks_inside_double_quotes_are_part_of_them() -> None:
    assert quoted("\u201cThey call it 'peace', we call it war,\u201d he said.") == [
        "They call it 'peace', we call it war,"
    ]
