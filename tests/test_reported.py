"""Reported speech, unattributed statements and affiliations, on sentences written for these tests."""

from __future__ import annotations

import pytest

from kg import Extraction, extract_articles, parse_article


def extract(text: str) -> Extraction:
    return next(extract_articles([parse_article(text, "test.txt")]))


def reported(text: str) -> list[tuple[str | None, str | None, str]]:
    """(speaker label, cue, content) of every reported statement."""
    extraction = extract(text)
    labels = {a.key: a.label for a in extraction.actors}
    return [(labels.get(s.speaker) if s.speaker else None, s.cue, s.quote)
            for s in extraction.statements if not s.direct]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Olaf Scholz said that Germany would send more tanks.",
                     [("Olaf Scholz", "say", "Germany would send more tanks")], id="said-that"),
        pytest.param("Sergei Lavrov told reporters the talks had failed.",
                     [("Sergei Lavrov", "tell", "the talks had failed")], id="told-object-clause"),
        pytest.param("Germany will raise its defence budget next year, stated Chancellor Olaf Scholz.",
                     [("Olaf Scholz", "state", "Germany will raise its defence budget next year")],
                     id="inverted"),
        pytest.param("Emmanuel Macron warned that Europe could not rely on others for its security.",
                     [("Emmanuel Macron", "warn", "Europe could not rely on others for its security")],
                     id="warned-that"),
        pytest.param("Volodymyr Zelensky urged NATO to deliver more air defence systems.",
                     [("Volodymyr Zelensky", "urge", "urged NATO to deliver more air defence systems")],
                     id="urged-to"),
        pytest.param("Narendra Modi called for an immediate ceasefire in the region.",
                     [("Narendra Modi", "call", "called for an immediate ceasefire in the region")],
                     id="called-for"),
        pytest.param("Vladimir Putin dismissed the accusations as baseless.",
                     [("Vladimir Putin", "dismiss", "dismissed the accusations as baseless")],
                     id="dismissed-as"),
        pytest.param("According to Antony Blinken, the sanctions are working.",
                     [("Antony Blinken", "according to", "the sanctions are working")], id="according-to"),
        pytest.param("Emmanuel Macron's view is that Europe must build its own defence.",
                     [("Emmanuel Macron", "view", "Europe must build its own defence")], id="view-is-that"),
        pytest.param("The Kremlin said the talks would continue next week.",
                     [("Russia", "say", "the talks would continue next week")], id="seat-speaks"),
        pytest.param("A spokesman for the European Commission said the fine would be paid.",
                     [("European Commission", "say", "the fine would be paid")], id="spokesman-for"),
    ],
)
def test_reported_speech_patterns(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert reported(text) == expected


def test_a_direct_quote_is_not_also_reported() -> None:
    assert reported('"We are ready to talk," Olaf Scholz said.') == []


def test_mixed_quote_is_one_reported_statement() -> None:
    extraction = extract('Olaf Scholz warned that there was "still a lot of work to do" on the treaty.')
    assert [(s.direct, s.quote) for s in extraction.statements] == [
        (False, 'there was "still a lot of work to do" on the treaty')]


def test_unresolved_speaker_is_unknown_with_its_words_kept() -> None:
    extraction = extract("Senior officials said the convoy had been attacked.")
    (statement,) = extraction.statements
    assert statement.speaker is None
    assert statement.speaker_text == "Senior officials"


def test_statement_aimed_at_an_actor_is_an_interaction() -> None:
    extraction = extract('Vladimir Putin criticised NATO for its expansion, asserting: "They lied to us."')
    aimed = [s for s in extraction.statements if s.target is not None]
    assert [(s.cue, s.target, s.event_type and s.event_type[:2]) for s in aimed] == [("criticise", "Q7184", "11")]


@pytest.mark.parametrize(
    ("text", "person", "org", "role"),
    [
        ("US Secretary of State Marco Rubio spoke.", "Marco Rubio", "United States", "Secretary of State"),
        ("Russian Foreign Minister Sergei Lavrov spoke.", "Sergei Lavrov", "Russia", "Foreign Minister"),
        ("Vladimir Putin, the Russian president, spoke.", "Vladimir Putin", "Russia", "President"),
        ("Ambassador Jana Novakova of Slovakia spoke.", "Jana Novakova", "Slovakia", "Ambassador"),
    ],
)
def test_affiliations_from_titles_and_appositions(text: str, person: str, org: str, role: str) -> None:
    extraction = extract(text)
    labels = {a.key: a.label for a in extraction.actors}
    found = {(labels[a.person], labels[a.org], a.role) for a in extraction.affiliations}
    assert found == {(person, org, role)}
