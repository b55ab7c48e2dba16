"""Actor-to-actor events and their CAMEO codes, on sentences written for these tests, with the real model."""

from __future__ import annotations

import pytest

from kg.extract.events import event_mentions as read_events
from kg.extract.events import trigger_lexicon
from kg.extract.mentions import ActorLookup, DocIndex, entity_mentions, role_mentions
from kg.models import Article, EventMention
from kg.nlp import parse
from kg.vocab import cameo_codes


def event_mentions(text: str) -> list[EventMention]:
    article = Article("t.txt", text, body=((0, len(text)),))
    _, doc, body = next(parse([article]))
    index = DocIndex(doc, body)
    lookup = ActorLookup(index, entity_mentions(index), role_mentions(index))
    return read_events(index, lookup)


def pairs(text: str) -> set[tuple[str, str, str]]:
    """(agent, target, CAMEO code) of every event read in the text."""
    return {(e.agent.text, e.target.text, e.code) for e in event_mentions(text) if e.agent and e.target}


def table(*rows: tuple[str, set[tuple[str, str, str]], str]) -> list[object]:
    return [pytest.param(text, expected, id=name) for text, expected, name in rows]


VERB_WITH_OBJECT = table(
    ("France condemned Iran after the vote.", {("France", "Iran", "111")}, "condemn"),
    ("Japan accused China of violating the agreement.", {("Japan", "China", "112")}, "accuse-of"),
    ("Germany praised Poland for its efforts.", {("Germany", "Poland", "051")}, "praise"),
    ("Brazil hosted Argentina last week.", {("Brazil", "Argentina", "043")}, "host"),
    ("Canada urged Venezuela to hold fair elections.", {("Canada", "Venezuela", "020")}, "urge-to"),
    ("Spain criticised Morocco's decision to close the border.", {("Spain", "Morocco", "111")},
     "act-of-actor"),
)
PREPOSITIONAL_TARGET = table(
    ("Canada called on Venezuela to release the prisoners.", {("Canada", "Venezuela", "020")}, "call-on"),
    ("Angela Merkel met with Emmanuel Macron in Berlin.", {("Angela Merkel", "Emmanuel Macron", "040")},
     "meet-with"),
    ("Turkey lashed out at Greece over the islands.", {("Turkey", "Greece", "111")}, "lash-out-at"),
    ("Moldova is seeking assurances from the European Union.", {("Moldova", "European Union", "020")},
     "seek-from"),
    ("Egypt signed a trade pact with Jordan.", {("Egypt", "Jordan", "057")}, "sign-with"),
)
PASSIVE_WITH_AGENT = table(
    ("Iran was criticised by France on Tuesday.", {("France", "Iran", "111")}, "criticised-by"),
    ("Serbia was sanctioned by the European Union.", {("European Union", "Serbia", "163")}, "sanctioned-by"),
)
NOMINALISATION = table(
    ("Iraq's invasion of Kuwait shocked the world.", {("Iraq", "Kuwait", "190")}, "possessive-of"),
    ("US sanctions on Iran hurt its economy.", {("US", "Iran", "163")}, "modifier-on"),
    ("Talks between India and Pakistan resumed on Friday.", {("India", "Pakistan", "040")}, "talks-between"),
    ("Angela Merkel defended her support for Ukraine.", {("Angela Merkel", "Ukraine", "051")},
     "possessive-pronoun"),
    ("Iran had been in secret talks with Oman.", {("Iran", "Oman", "040")}, "be-in-talks"),
    ("Japan is at war with China.", {("Japan", "China", "190")}, "be-at-war"),
    ("Peru welcomed a visit from Chile.", {("Chile", "Peru", "042"), ("Peru", "Chile", "043")}, "visit-from"),
    ("Obama's push for an agreement with Iran failed.", {("Obama", "Iran", "057")}, "owner-of-the-governing-noun"),
    ("The group carried threats against Denmark.", {("The group", "Denmark", "130")}, "carry-threats"),
    ("Hamas, attacked by Israel overnight, fired rockets.", {("Israel", "Hamas", "190")}, "participle-by"),
    ("Putin lashed out at Turkey for having shot down a Russian bomber.",
     {("Turkey", "Russian", "190"), ("Putin", "Turkey", "111")}, "blamed-for-doing"),
    ("Trump threatened to pull out of NATO.", {("Trump", "NATO", "130")}, "threatened-to-pull-out-of"),
    ("Netanyahu will meet with Trump.", {("Netanyahu", "Trump", "036")}, "future-meeting-is-an-intent"),
    ("Russia will attack Ukraine.", {("Russia", "Ukraine", "138")}, "future-attack-is-a-threat"),
    ("Spain teamed up with Italy.", {("Spain", "Italy", "060")}, "team-up-with"),
    ("The US wants Germany to do more.", {("US", "Germany", "020")}, "wants-x-to"),
    ("Obama instructed Kerry to continue negotiating.", {("Obama", "Kerry", "100")}, "instructed-x-to"),
    ("Putin annexed Crimea from Ukraine.", {("Putin", "Crimea", "192"), ("Putin", "Ukraine", "192")}, "annex-from"),
    ("Turnbull called North Korea reckless.", {("Turnbull", "North Korea", "110")}, "called-x-reckless"),
    ("He condemned what Turnbull called North Korea's reckless actions.",
     {("Turnbull", "North Korea", "110")}, "what-x-called"),
    ("Obama called Merkel a friend.", set(), "a-name-of-no-disapproval"),
    ("When Vice President Joseph R. Biden Jr. visited Israel, Israel announced new settlements.",
     {("Joseph R. Biden", "Israel", "042")}, "name-suffix"),
    ("The Syrian government, backed by Russia, retook Aleppo.", {("Russia", "Syrian", "051")}, "participle-noun"),
    ("Voters recalled the sight of Netanyahu denouncing Obama's efforts.", {("Netanyahu", "Obama", "111")},
     "gerund-of-a-noun"),
    ("Senator Cardin said Republicans rejected his proposal.", {("Republicans", "Cardin", "120")},
     "his-bound-above-a-body-subject"),
    ("A Saudi-led coalition attacked Yemen.", {("Saudi", "Yemen", "190")}, "x-led"),
    ("A coalition led by the United States attacked Iraq.", {("United States", "Iraq", "190")}, "led-by-x"),
    ("Atrocities continue in Sudan as China and Russia support the government.",
     {("China", "the government", "051"), ("Russia", "the government", "051")}, "the-government-of-the-state-before"),
    ("The Commerce Department put tariffs on Chinese steel makers.",
     {("Commerce Department", "Chinese", "163")}, "put-tariffs-on"),
)
LIGHT_VERB = table(
    ("Israel launched an offensive against Hamas.", {("Israel", "Hamas", "190")}, "launch-offensive"),
    ("Japan imposed sanctions on North Korea.", {("Japan", "North Korea", "163")}, "impose-sanctions"),
    ("Narendra Modi held talks with Xi Jinping.",  # the verb's pattern and the noun: one act, both ways
     {("Narendra Modi", "Xi Jinping", "046"), ("Xi Jinping", "Narendra Modi", "046")}, "hold-talks"),
    ("Lithuania cut ties with Belarus.", {("Lithuania", "Belarus", "161")}, "cut-ties"),
)
CONJOINED = table(
    ("France criticised Italy and Spain.", {("France", "Italy", "111"), ("France", "Spain", "111")},
     "objects"),
    ("Germany and Austria condemned Hungary.", {("Germany", "Hungary", "111"), ("Austria", "Hungary", "111")},
     "subjects"),
    ("Japan and South Korea held talks on trade.", {("Japan", "South Korea", "046"), ("South Korea", "Japan", "046")},
     "symmetric"),
)
NO_EVENT = table(
    ("France criticised the decision.", set(), "thing-object"),
    ("Analysts praised Germany.", set(), "no-actor-agent"),
    ("The protesters attacked the building.", set(), "neither-actor"),
    ("Jack Straw visited the tomb of Yasser Arafat.", set(), "visit-a-thing"),
    ("A Lebanese man visiting Israel said he was afraid.", set(), "a-private-person-is-no-state"),
    ("Tuesday's meeting on Palestinian reform is being hosted by Tony Blair.", set(), "a-meeting-on-a-topic"),
    ("The fighters mingle with rebels supplied by the CIA and Saudi Arabia.", set(), "two-by-agents-not-each-other"),
    ("Gerhard Schroeder and Jacques Chirac called for the embargo to be lifted.", set(),
     "calling-for-is-not-calling-each-other"),
)


@pytest.mark.parametrize(("text", "expected"),
                         [*VERB_WITH_OBJECT, *PREPOSITIONAL_TARGET, *PASSIVE_WITH_AGENT, *NOMINALISATION,
                          *LIGHT_VERB, *CONJOINED, *NO_EVENT])
def test_agent_target_and_code(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "trigger", "negated", "hypothetical"),
    [
        pytest.param("Germany did not criticise Hungary.", "criticise", True, False, id="did-not"),
        pytest.param("India never attacked Pakistan.", "attack", True, False, id="never"),
        pytest.param("Russia might attack Lithuania.", "attack", False, True, id="might"),
        pytest.param("China could strike Taiwan next year.", "strike", False, True, id="could"),
        pytest.param("Iran threatened to attack Israel.", "attack", False, True, id="threatened-to-act"),
        pytest.param("Iran threatened to attack Israel.", "threaten", False, False, id="the-threat-itself"),
        pytest.param("Brazil plans to visit Argentina.", "visit", False, True, id="plans-to"),
        pytest.param("If Serbia attacks Kosovo, the alliance will respond.", "attack", False, True, id="if"),
        pytest.param("Japan refused to meet China.", "refuse", False, False, id="refusal-itself"),
        pytest.param("Japan refused to meet China.", "meet", False, True, id="refused-to"),
        pytest.param("Poland failed to condemn Belarus.", "condemn", True, False, id="failed-to"),
        pytest.param("Japan imposed sanctions on North Korea.", "impose", False, False, id="real-light-verb"),
        pytest.param("Japan did not impose sanctions on North Korea.", "impose", True, False,
                     id="negated-light-verb"),
        pytest.param("Egypt began to attack Libya.", "attack", False, False, id="began-to"),
        pytest.param("Obama decided to press Israel.", "press", False, False, id="decided-to"),
    ],
)
def test_negation_and_modality(text: str, trigger: str, negated: bool, hypothetical: bool) -> None:
    found = [e for e in event_mentions(text) if e.trigger == trigger]
    assert found, f"no {trigger!r} event in {text!r}"
    assert [(e.negated, e.hypothetical) for e in found] == [(negated, hypothetical)] * len(found)


def test_offsets_point_at_the_trigger_and_its_sentence() -> None:
    text = "Talks went well. Then France condemned Iran."
    (event,) = event_mentions(text)
    assert text[event.start : event.end] == "condemned"
    assert text[event.evidence[0] : event.evidence[1]] == "Then France condemned Iran."
    assert event.agent is not None and text[event.agent.start : event.agent.end] == "France"


def test_offsets_are_file_offsets_when_the_body_starts_later() -> None:
    text = "A headline\n\nFrance condemned Iran."
    article = Article("t.txt", text, body=((12, len(text)),))
    _, doc, body = next(parse([article]))
    index = DocIndex(doc, body)
    (event,) = read_events(index, ActorLookup(index, entity_mentions(index), role_mentions(index)))
    assert text[event.start : event.end] == "condemned"
    assert event.target is not None and text[event.target.start : event.target.end] == "Iran"


def test_lexicon_codes_are_in_the_ontology() -> None:
    lexicon = trigger_lexicon()
    unknown = sorted(row.lemma for row in lexicon.values() if row.code not in cameo_codes())
    assert not unknown
    assert len(lexicon) >= 150
    assert {row.pos for row in lexicon.values()} == {"VERB", "NOUN"}
    nouns = {lemma for lemma, pos in lexicon if pos == "NOUN"}
    assert {"offensive", "annexation", "invasion", "sanction", "criticism", "talk", "visit", "attack",
            "strike", "support"} <= nouns


def test_the_government_as_an_object_is_the_state_named_before_it_not_the_actor_acting_on_it() -> None:
    events = event_mentions("Atrocities continue in Sudan as China and Russia support the government.")
    assert {(e.agent.text, e.target.gazetteer_id) for e in events} == {("China", "Q1049"), ("Russia", "Q1049")}
    assert not event_mentions("France attacked the government.")
