"""Direct quotes and their speakers, on texts written for these tests, with the real model."""

from __future__ import annotations

import pytest

from kg import Extraction, extract_articles, parse_article


def extract(text: str) -> Extraction:
    return next(extract_articles([parse_article(text, "test.txt")]))


def said(text: str, *, direct: bool = True) -> list[tuple[str | None, str]]:
    """(speaker label, quote) for every direct (or every reported) statement of a one-article text."""
    extraction = extract(text)
    labels = {a.key: a.label for a in extraction.actors}
    return [(labels.get(s.speaker) if s.speaker else None, s.quote) for s in extraction.statements
            if s.direct == direct]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"We will not give up our claims," Vladimir Putin remarked on Tuesday.',
            [("Vladimir Putin", "We will not give up our claims")],
            id="quote-then-name",
        ),
        pytest.param(
            'Angela Merkel met reporters in Berlin. "Europe must stand together," she affirmed.',
            [("Angela Merkel", "Europe must stand together")],
            id="quote-then-pronoun",
        ),
        pytest.param(
            '"The sanctions will stay in place until the war ends," stated President Emmanuel Macron.',
            [("Emmanuel Macron", "The sanctions will stay in place until the war ends")],
            id="inverted-title-name",
        ),
        pytest.param(
            'Olaf Scholz said: "Germany will deliver the air defence systems this year."',
            [("Olaf Scholz", "Germany will deliver the air defence systems this year.")],
            id="name-said-colon",
        ),
        pytest.param(
            'Recep Tayyip Erdogan criticised the European Union for its delays, asserting: '
            '"They promise much and deliver nothing."',
            [("Recep Tayyip Erdoğan", "They promise much and deliver nothing.")],
            id="participle-colon",
        ),
        pytest.param(
            'Narendra Modi highlighted that "India buys energy where it is cheapest for its people."',
            [("Narendra Modi", "India buys energy where it is cheapest for its people.")],
            id="highlighted-that",
        ),
        pytest.param(
            '"The talks were useful. We agreed to meet again in March," Sergei Lavrov told reporters.',
            [("Sergei Lavrov", "The talks were useful. We agreed to meet again in March")],
            id="two-sentence-quote",
        ),
        pytest.param(
            '"We are ready," Antony Blinken said, "to support any serious negotiation."',
            [("Antony Blinken", "We are ready"), ("Antony Blinken", "to support any serious negotiation.")],
            id="interrupted-quote",
        ),
        pytest.param(
            "Nadia Petrova joined the mission in May. ''We were waiting for the right moment,'' recalled "
            "Ms. Petrova.",
            [("Nadia Petrova", "We were waiting for the right moment")],
            id="inverted-speaker-parsed-as-object",
        ),
        pytest.param(
            'Sarah Collins and David Miller met in 2011. "I want to try something new," Mr. Miller recalled '
            'Ms. Collins telling him.',
            [("Sarah Collins", "I want to try something new")],
            id="recalled-someone-telling",
        ),
        pytest.param(
            '"If it has no weapons yet, it will have them soon," said Tomas Lund, an analyst at the Nordic '
            'Defence Institute.',
            [("Tomas Lund", "If it has no weapons yet, it will have them soon")],
            id="pronoun-inside-the-quote-is-not-its-speaker",
        ),
        pytest.param(
            'Elena Marsh spoke after the vote. "We lost," she said. "We will be back."',
            [("Elena Marsh", "We lost"), ("Elena Marsh", "We will be back.")],
            id="continued-quote",
        ),
        pytest.param(
            'Daniel Okafor says that his favourite book is "The Count of Monte Cristo."',
            [],
            id="title-is-not-speech",
        ),
    ],
)
def test_direct_quote_patterns(text: str, expected: list[tuple[str, str]]) -> None:
    assert said(text) == expected


def test_two_people_quoted_in_turn_keep_their_own_quotes() -> None:
    text = (
        "Talks on the grain corridor\n\n"
        'Volodymyr Zelensky spoke first. "Our ports must stay open," he said.\n\n'
        'Recep Tayyip Erdogan answered him at the same briefing. "Turkey will guarantee the route," '
        "he said. \"Nobody will block the ships.\"\n\n"
        '"We thank our Turkish partners," Zelensky added.'
    )
    assert said(text) == [
        ("Volodymyr Zelensky", "Our ports must stay open"),
        ("Recep Tayyip Erdoğan", "Turkey will guarantee the route"),
        ("Recep Tayyip Erdoğan", "Nobody will block the ships."),
        ("Volodymyr Zelensky", "We thank our Turkish partners"),
    ]


def test_title_reference_resolves_to_the_named_holder() -> None:
    text = (
        "President Vladimir Putin held his annual news conference in Moscow.\n\n"
        'The Kremlin had announced it a week earlier. "Nobody will dictate terms to us," '
        "the Russian President said."
    )
    assert said(text) == [("Vladimir Putin", "Nobody will dictate terms to us")]


def test_scare_quotes_are_not_direct_statements() -> None:
    text = ('Vladimir Putin dismissed Western claims about Russian "aggression" as baseless. '
            'Critics call the plan a "fantasy" of the government.')
    assert said(text) == []
    # what Putin and the critics did say is reported speech, holding the scare-quoted words as written
    assert said(text, direct=False) == [
        ("Vladimir Putin", 'dismissed Western claims about Russian "aggression" as baseless'),
        (None, 'call the plan a "fantasy" of the government'),
    ]


def test_mixed_quote_is_kept_once_as_the_reported_statement() -> None:
    text = 'Tony Blair said European leaders were in "a state of denial" about the election.'
    assert said(text) == []
    assert said(text, direct=False) == [
        ("Tony Blair", 'European leaders were in "a state of denial" about the election')]


def test_quoted_words_inside_a_description_are_the_speaker_s() -> None:
    text = 'Beijing described the embargo as a "product of the Cold War".'
    assert said(text, direct=False) == [("China", 'described the embargo as a "product of the Cold War"')]
    assert said(text) == []


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb"), ("\u00ab\u00a0", "\u00a0\u00bb"), ("\u201e", "\u201c"),
     ("``", "''"), ("''", "''"), ("\u2018", "\u2019"), ("'", "'")],
)
def test_quotation_mark_styles(opening: str, closing: str) -> None:
    text = f"{opening}We will defend every inch of our land,{closing} Volodymyr Zelensky said."
    assert said(text) == [("Volodymyr Zelensky", "We will defend every inch of our land")]
    text = f"Volodymyr Zelensky said: {opening}We will defend every inch of our land.{closing}"
    assert said(text) == [("Volodymyr Zelensky", "We will defend every inch of our land.")]


def test_unbalanced_quotation_mark_ends_with_its_paragraph() -> None:
    text = (
        'Emmanuel Macron said: "France will send more instructors to the region.\n\n'
        'Olaf Scholz later said "Germany agrees with the plan," in a short statement.'
    )
    quotes = said(text)
    assert ("Emmanuel Macron", "France will send more instructors to the region.") in quotes
    assert all("Germany" not in q for speaker, q in quotes if speaker == "Emmanuel Macron")


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("\u201c", "\u201d")])
def test_unbalanced_quotation_mark_ends_with_its_line_when_paragraphs_are_lines(opening: str, closing: str) -> None:
    text = (
        f"Emmanuel Macron said: {opening}France will send more instructors to the region.\n"
        "Olaf Scholz met him later in Berlin.\n"
        f"{opening}Germany agrees with the plan,{closing} Scholz said.\n"
    )
    assert said(text) == [("Emmanuel Macron", "France will send more instructors to the region."),
                          ("Olaf Scholz", "Germany agrees with the plan")]


def test_unknown_speaker_is_left_unknown() -> None:
    text = '"The ceasefire will not hold," a senior diplomat said on condition of anonymity.'
    assert said(text) == [(None, "The ceasefire will not hold")]


def test_statement_offsets_point_at_the_quote_and_its_evidence() -> None:
    text = 'Tensions rose.\n\n"We are ready," Olaf Scholz said.'
    extraction = extract(text)
    (statement,) = extraction.statements
    assert text[statement.start : statement.end] == "We are ready"
    assert text[statement.evidence_start : statement.evidence_end] == statement.evidence
    assert statement.evidence == '"We are ready," Olaf Scholz said.'
    assert statement.cue == "say"


def test_she_and_he_follow_the_person_whose_first_name_fits() -> None:
    text = (
        "Budget talks\n\n"
        "Angela Merkel met Emmanuel Macron in Berlin. Macron spoke first. "
        '"Europe must pay for its own defence," she said.'
    )
    assert said(text) == [("Angela Merkel", "Europe must pay for its own defence")]


def test_a_continued_quote_keeps_its_cue() -> None:
    extraction = extract('Title\n\n"I love the sea!" insists Maria Lopez. "I really do."\n')
    assert [(s.quote, s.cue) for s in extraction.statements] == [("I love the sea!", "insist"),
                                                                 ("I really do.", "insist")]


def test_an_unclosed_quotation_ends_before_another_speakers_attribution() -> None:
    text = ('Title\n\nPeter Novak said: "We will stay the course. The situation is improving. Anna Berg said '
            'the talks had failed. She added that it was over.\n')
    quotes = said(text)
    assert quotes == [("Peter Novak", "We will stay the course. The situation is improving.")]
    assert ("Anna Berg", "the talks had failed") in said(text, direct=False)


def test_a_lone_name_the_model_takes_for_an_organisation_is_the_person_a_pronoun_continues() -> None:
    extraction = extract('Title\n\nBurton explained from a podium. "I love cats," he said.\n')
    (statement,) = extraction.statements
    actor = next(a for a in extraction.actors if a.key == statement.speaker)
    assert (actor.label, actor.type) == ("Burton", "Person")


def test_words_quoted_by_another_verb_inside_a_report_stay_that_speakers() -> None:
    text = 'The rebels denounced what Prime Minister Janek Wolny called their "reckless, dangerous" actions.'
    assert ("Janek Wolny", 'called their "reckless, dangerous" actions') in said(text, direct=False)
