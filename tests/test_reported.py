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
        pytest.param("According to Antony Blinken, the sanctions are working.",
                     [("Antony Blinken", "according to", "the sanctions are working")], id="according-to"),
        pytest.param("The Kremlin said the talks would continue next week.",
                     [("Russia", "say", "the talks would continue next week")], id="seat-speaks"),
        pytest.param("A spokesman for the European Commission said the fine would be paid.",
                     [("European Commission", "say", "the fine would be paid")], id="spokesman-for"),
        pytest.param("Olaf Scholz did not say whether Germany would send more tanks.",
                     [("Olaf Scholz", "say", "whether Germany would send more tanks")], id="negated-kept"),
    ],
)
def test_reported_speech_patterns(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert reported(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of saying with an addressee, object or prepositional complement: the verb and complement
        pytest.param("Volodymyr Zelensky urged NATO to deliver more air defence systems.",
                     [("Volodymyr Zelensky", "urge", "urged NATO to deliver more air defence systems")], id="urged-to"),
        pytest.param("Narendra Modi called for an immediate ceasefire in the region.",
                     [("Narendra Modi", "call", "called for an immediate ceasefire in the region")], id="called-for"),
        pytest.param("Vladimir Putin dismissed the accusations as baseless.",
                     [("Vladimir Putin", "dismiss", "dismissed the accusations as baseless")], id="dismissed-as"),
        pytest.param("Jens Stoltenberg accused Russia of violating the treaty.",
                     [("Jens Stoltenberg", "accuse", "accused Russia of violating the treaty")], id="accused-of"),
        pytest.param("Marine Le Pen called Emmanuel Macron a weak leader.",
                     [("Marine Le Pen", "call", "called Emmanuel Macron a weak leader")], id="called-x-y"),
        pytest.param("The rebels condemned the raid, which Janek Wolny called a necessary step.",
                     [(None, "condemn", "condemned the raid, which Janek Wolny called a necessary step"),
                      ("Janek Wolny", "call", "called a necessary step")],
                     id="relative-object-predicate"),
        pytest.param("Joe Biden encouraged European nations to raise defence spending.",
                     [("Joe Biden", "encourage", "encouraged European nations to raise defence spending")],
                     id="encouraged-x-to"),
        # thought, will, stance: the complement alone
        pytest.param("Japan branded North Korea an outlaw state.",
                     [("Japan", "brand", "North Korea an outlaw state")], id="branded-x-y"),
        pytest.param("Olaf Scholz was hoping for a compromise.",
                     [("Olaf Scholz", "hope", "a compromise")], id="hoping-for"),
        pytest.param("Sergei Lavrov views the expansion of NATO as a threat to Russia.",
                     [("Sergei Lavrov", "view", "the expansion of NATO as a threat to Russia")], id="views-as"),
        pytest.param("Angela Merkel hopes the talks will succeed.",
                     [("Angela Merkel", "hope", "the talks will succeed")], id="hopes-clause"),
        pytest.param("Germany wants NATO to do more in the Baltic.",
                     [("Germany", "want", "NATO to do more in the Baltic")], id="wants-x-to"),
        pytest.param("Recep Tayyip Erdogan refused to extend the grain deal.",
                     [("Recep Tayyip Erdoğan", "refuse", "to extend the grain deal")], id="refused-to"),
        pytest.param("Hungary opposes new sanctions on Russia.",
                     [("Hungary", "oppose", "new sanctions on Russia")], id="opposes-object"),
        # evidence: a record's finding; an object only when the subject is a record or measurement
        pytest.param("The survey found that most voters back the treaty.",
                     [(None, "find", "most voters back the treaty")], id="survey-found-that"),
        pytest.param("The survey found the proposal unpopular.",
                     [(None, "find", "the proposal unpopular")], id="found-x-predicate"),
        pytest.param("A new poll shows a tight race between the two parties.",
                     [(None, "show", "a tight race between the two parties")], id="poll-shows-object"),
        pytest.param("In a new poll, 40 percent of voters backed the treaty.",
                     [(None, "in", "40 percent of voters backed the treaty")], id="in-a-poll"),
        # predicate adjectives
        pytest.param("Antony Blinken was confident that the ceasefire would hold.",
                     [("Antony Blinken", "confident", "the ceasefire would hold")], id="confident-that"),
        pytest.param("Olaf Scholz made it clear that Germany would not send troops.",
                     [("Olaf Scholz", "clear", "Germany would not send troops")], id="made-it-clear"),
        pytest.param("Viktor Orban was critical of the new migration pact.",
                     [("Viktor Orbán", "critical", "the new migration pact")], id="critical-of"),
        pytest.param("Olaf Scholz is willing to meet Vladimir Putin.",
                     [("Olaf Scholz", "willing", "to meet Vladimir Putin")], id="willing-to"),
        # nouns with an owner
        pytest.param("Emmanuel Macron's claim that Europe was asleep drew a sharp reply from Warsaw.",
                     [("Emmanuel Macron", "claim", "Europe was asleep")], id="claim-that"),
        pytest.param("The complaints from Janet Yellen that Chinese factories were flooding markets drew a reply.",
                     [("Janet Yellen", "complaint", "Chinese factories were flooding markets")],
                     id="complaints-from-that"),
        pytest.param("Xi Jinping renewed his call for a peaceful settlement.",
                     [("Xi Jinping", "call", "a peaceful settlement")], id="renewed-his-call"),
        pytest.param("Emmanuel Macron's view is that Europe must build its own defence.",
                     [("Emmanuel Macron", "view", "Europe must build its own defence")], id="view-is-that"),
        # the source of a passive cue is its agent
        pytest.param("The plan was endorsed by the European Council.",
                     [("European Council", "endorse", "The plan")], id="passive-agent"),
        # a parenthetical report: the clause around it
        pytest.param("Despite the expansion, Olaf Scholz noted, military spending is falling.",
                     [("Olaf Scholz", "note",
                       "Despite the expansion, Olaf Scholz noted, military spending is falling")],
                     id="parenthetical"),
    ],
)
def test_attribution_cues(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert reported(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Germany has shown signs of a shift in its defence policy.", id="shown-signs-no-record"),
        pytest.param("Viktor Orban showed up late to the summit.", id="other-particle"),
        pytest.param("It is clear that the talks have failed.", id="impersonal-it"),
        pytest.param("Sergei Lavrov was accused of lying about the invasion.", id="passive-no-agent"),
        pytest.param("Support for the treaty rose in the polls last week.", id="in-the-polls-not-fronted"),
        pytest.param("Olaf Scholz spoke on condition of anonymity.", id="anonymity-terms"),
        pytest.param("The Kremlin backed him.", id="pronoun-alone"),
        pytest.param("The voters saw him yesterday in Warsaw.", id="seeing-is-no-view"),
        pytest.param("Jens Stoltenberg talked with reporters in Brussels.", id="talk-without-topic"),
    ],
)
def test_no_attribution(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a content keeps its own conjoined clauses, and a second "that" clause
        pytest.param("Boris Johnson said he voted for the treaty and wrote to the European Council.",
                     [("Boris Johnson", "say", "he voted for the treaty and wrote to the European Council")],
                     id="conjoined-clause-kept"),
        # but a conjoined cue verb of the speaker's is a statement of its own
        pytest.param("Vladimir Putin forecast that the economy would soon rebound and praised the central bank.",
                     [("Vladimir Putin", "forecast", "the economy would soon rebound"),
                      ("Vladimir Putin", "praise", "praised the central bank")], id="conjoined-cue-split"),
        # "according to X" marks another source: not part of a content
        pytest.param("Hungary's government opposes new sanctions on Russia, according to Viktor Orban.",
                     [("Viktor Orbán", "according to", "Hungary's government opposes new sanctions on Russia")],
                     id="according-to-not-content"),
        # an attitude inside a statement is part of it
        pytest.param("Jack Straw said he also wanted the embargo to end.",
                     [("Jack Straw", "say", "he also wanted the embargo to end")], id="nested-attitude"),
        # a clause ending in quoted words is a mixed quote, kept whole with its closing mark
        pytest.param('Nancy Pelosi said the proposal was "dead on arrival."',
                     [("Nancy Pelosi", "say", 'the proposal was "dead on arrival."')], id="mixed-quote-at-end"),
    ],
)
def test_content_spans(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert reported(text) == expected


def test_mixed_quote_at_the_end_is_not_repeated_as_direct() -> None:
    extraction = extract('Nancy Pelosi said the proposal was "dead on arrival."')
    assert [s.direct for s in extraction.statements] == [False]


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


def test_a_statement_is_about_the_actor_its_content_names_not_an_it() -> None:
    about = extract("Germany hosted Turkey. Angela Merkel said Turkey must do more.")
    assert [(s.target, s.event_type) for s in about.statements] == [("Q43", "020")]
    it = extract("Germany hosted Turkey. Angela Merkel said it was a hate crime.")
    assert [s.target for s in it.statements] == [None]


def test_he_in_reported_speech_of_a_man_is_the_speaker_and_in_that_of_a_woman_someone_else() -> None:
    extraction = extract("Dennis Ross said Barack Obama had told Jewish leaders that he would not continue the "
                         "policy. Donald Trump spoke. Hillary Clinton said he would abdicate leadership.")
    labels = {a.key: a.label for a in extraction.actors}
    aimed = {(labels[s.speaker], labels[s.target]) for s in extraction.statements if s.speaker and s.target}
    assert aimed == {("Dennis Ross", "Barack Obama"), ("Hillary Clinton", "Donald Trump")}  # not Obama -> Ross


def test_a_statement_about_a_leaders_government_is_aimed_at_the_state() -> None:
    extraction = extract("Donald Trump met Barack Obama on Monday. Trump has complained that the Obama "
                         'administration "was the worst thing that ever happened to Israel."')
    labels = {a.key: a.label for a in extraction.actors}
    assert [(labels[s.target], s.event_type) for s in extraction.statements if s.target] == [("United States", "114")]


def test_the_next_president_is_no_one_yet() -> None:
    extraction = extract("South Korean President Park Geun-hye spoke on Friday. "
                         '"The next president will have to engage the North," said Daryl Kimball.')
    assert [s.target for s in extraction.statements if s.direct] == [None]


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
