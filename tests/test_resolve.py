"""Resolution on hand-made readings: plain dataclasses in, actors and speakers out (no spaCy)."""

from __future__ import annotations

from kg.gazetteer import Entry, Gazetteer, Office
from kg.models import Actor, Article, Extraction, Mention, Quote, Reading, RoleMention
from kg.resolve import combine_actors, resolve

GAZETTEER = Gazetteer([
    Entry("Q1", "Ruritania", "Country", "Q1", ("Republic of Ruritania",), ("Ruritanian",), ("Strelsau",),
          ("RU", "RUR")),
    Entry("Q2", "Rudolf Rassendyll", "Person", "Q2", ("Rassendyll",), offices=(Office("Q1", "President", "2020"),)),
])


def mention(text: str, whole: str, label: str, sentence: int = 0, *, gid: str | None = None,
            subject: bool = False, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = whole.index(text, start + 1)
    return Mention(start, start + len(text), text, label, sentence, gid, subject)


def reading(text: str, mentions: list[Mention], roles: tuple[RoleMention, ...] = (),
            quotes: tuple[Quote, ...] = (), date: str | None = None) -> Reading:
    article = Article("a.txt", text, ((0, len(text)),), date=date)
    return Reading(article, ((0, len(text)),), tuple(mentions), roles, quotes)


def labels(extraction: Extraction) -> dict[str, Actor]:
    return {a.label: a for a in extraction.actors}


def test_short_name_joins_the_full_name_it_ends() -> None:
    text = "Jan Kowalski arrived. Later Kowalski spoke."
    result = resolve(reading(text, [mention("Jan Kowalski", text, "PERSON"),
                                    mention("Kowalski", text, "PERSON", 1, occurrence=1)]), GAZETTEER)
    assert [(a.label, a.aliases) for a in result.actors] == [("Jan Kowalski", ("Kowalski",))]
    assert result.mention_counts == (("jan-kowalski--a", 2),)


def test_acronym_defined_in_brackets_names_the_same_organisation() -> None:
    text = "The Baltic Energy Council (BEC) met. The BEC agreed."
    result = resolve(reading(text, [mention("Baltic Energy Council", text, "ORG"), mention("BEC", text, "ORG"),
                                    mention("BEC", text, "ORG", 1, occurrence=1)]), GAZETTEER)
    assert [(a.label, a.aliases) for a in result.actors] == [("Baltic Energy Council", ("BEC",))]


def test_seat_and_alias_resolve_to_the_curated_state_with_its_wikidata_id() -> None:
    text = "Strelsau said the Republic of Ruritania would respond."
    result = resolve(reading(text, [mention("Strelsau", text, "GPE", gid="Q1"),
                                    mention("Republic of Ruritania", text, "GPE", gid="Q1")]), GAZETTEER)
    (actor,) = result.actors
    assert (actor.label, actor.wikidata, actor.type) == ("Ruritania", "Q1", "Country")
    assert actor.aliases == ("Republic of Ruritania", "Strelsau")


def test_unknown_place_is_not_an_actor() -> None:
    text = "Talks were held in Zenda."
    assert resolve(reading(text, [mention("Zenda", text, "GPE")]), GAZETTEER).actors == ()


def test_pronoun_speaker_is_the_last_named_subject_not_a_name_inside_a_quote() -> None:
    text = 'Rassendyll spoke. "Jan Kowalski is wrong," he said. "We stay," he said.'
    he_1 = mention("he", text, "PRON", 1, subject=True)
    he_2 = mention("he", text, "PRON", 2, subject=True, occurrence=1)
    first = text.index("Jan")
    quotes = (
        Quote(first, first + 21, "Jan Kowalski is wrong", True, "say", he_1, (18, 50)),
        Quote(text.index("We"), text.index("We") + 7, "We stay", True, "say", he_2, (51, len(text))),
    )
    mentions = [mention("Rassendyll", text, "PERSON", 0, gid="Q2", subject=True),
                mention("Jan Kowalski", text, "PERSON", 1, subject=True), he_1, he_2]
    result = resolve(reading(text, mentions, quotes=quotes), GAZETTEER)
    assert [s.speaker for s in result.statements] == ["Q2", "Q2"]


def test_bare_title_resolves_through_the_gazetteer_office_in_the_article_year() -> None:
    text = "The Ruritanian President said no."
    role = RoleMention("President", 0, 25, "The Ruritanian President", 0,
                       org=mention("Ruritanian", text, "NORP", gid="Q1"))
    speaker = Mention(0, 25, "The Ruritanian President", "TITLE", 0)
    quote = Quote(text.index("no"), text.index("no") + 2, "no", False, "say", speaker, (0, len(text)))
    result = resolve(reading(text, [], (role,), (quote,), date="2024-05-01"), GAZETTEER)
    assert result.statements[0].speaker == "Q2"
    assert labels(result)["Rudolf Rassendyll"].aliases == ("Ruritanian President",)
    before_office = resolve(reading(text, [], (role,), (quote,), date="2010-05-01"), GAZETTEER)
    assert before_office.statements[0].speaker is None


def test_actors_merge_across_articles_by_key() -> None:
    one = Extraction(Article("a.txt", "", ()), (Actor("q", "Jan Kowalski", "Person", ("Kowalski",)),))
    two = Extraction(Article("b.txt", "", ()), (Actor("q", "Jan Kowalski", "Person", ("Mr Kowalski",)),))
    merged = Actor("q", "Jan Kowalski", "Person", ("Kowalski", "Mr Kowalski"))
    assert combine_actors([*one.actors, *two.actors]) == {"q": merged}
