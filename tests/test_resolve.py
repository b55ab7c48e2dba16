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


def test_the_former_president_is_the_one_who_left_office_before_not_the_one_in_office() -> None:
    gazetteer = Gazetteer([GAZETTEER.get("Q1"), Entry("Q2", "Rudolf Rassendyll", "Person", "Q2",
                                                      offices=(Office("Q1", "President", "2020"),)),
                           Entry("Q3", "Michael Elphberg", "Person", "Q3",
                                 offices=(Office("Q1", "President", "2001", "2009"),))])
    text = "Michael Elphberg met Rudolf Rassendyll. The former president said no."
    role = RoleMention("President", text.index("The former"), len(text) - 8, "The former president", 1, former=True)
    speaker = Mention(role.start, role.end, role.text, "TITLE", 1)
    quote = Quote(text.index("no"), text.index("no") + 2, "no", False, "say", speaker, (0, len(text)))
    mentions = [mention("Michael Elphberg", text, "PERSON", gid="Q3"),
                mention("Rudolf Rassendyll", text, "PERSON", gid="Q2")]
    result = resolve(reading(text, mentions, (role,), (quote,), date="2024-05-01"), gazetteer)
    assert result.statements[0].speaker == "Q3"
    undated = resolve(reading(text, mentions, (role,), (quote,)), gazetteer)
    assert undated.statements[0].speaker is None


def test_actors_merge_across_articles_by_key() -> None:
    one = Extraction(Article("a.txt", "", ()), (Actor("q", "Jan Kowalski", "Person", ("Kowalski",)),))
    two = Extraction(Article("b.txt", "", ()), (Actor("q", "Jan Kowalski", "Person", ("Mr Kowalski",)),))
    merged = Actor("q", "Jan Kowalski", "Person", ("Kowalski", "Mr Kowalski"))
    assert combine_actors([*one.actors, *two.actors]) == {"q": merged}


# ---------------------------------------------------------------- the merge policy (kg.resolve.names)

def people(text: str, names: list[tuple[str, int]], date: str | None = None,
           gazetteer: Gazetteer = GAZETTEER) -> dict[str, tuple[str, ...]]:
    """label -> the surface forms of each person resolved from ``names`` ((text, occurrence) pairs)."""
    mentions = [mention(name, text, "PERSON", occurrence=n) for name, n in names]
    result = resolve(reading(text, mentions, date=date), gazetteer)
    return {a.label: tuple(sorted({a.label, *a.aliases})) for a in result.actors if a.type == "Person"}


def test_two_people_of_one_surname_with_different_first_names_stay_apart() -> None:
    text = "Tony Blair spoke. Cherie Blair spoke. Later Mrs Blair left and Mr Blair stayed."
    found = people(text, [("Tony Blair", 0), ("Cherie Blair", 0), ("Mrs Blair", 0), ("Mr Blair", 0)])
    assert found == {"Tony Blair": ("Blair", "Tony Blair"), "Cherie Blair": ("Blair", "Cherie Blair")}


def test_an_honorific_of_the_other_gender_never_joins_a_person() -> None:
    text = "Tony Blair spoke. Then Mrs Blair spoke."
    found = people(text, [("Tony Blair", 0), ("Mrs Blair", 0)])
    assert set(found) == {"Tony Blair", "Blair"}


def test_a_bare_surname_goes_to_the_nearest_person_before_it() -> None:
    text = "Tony Blair met Euan Blair. Blair said no. Cherie Blair arrived. Blair said yes."
    mentions = [mention("Tony Blair", text, "PERSON"), mention("Euan Blair", text, "PERSON"),
                mention("Blair", text, "PERSON", 1, occurrence=2), mention("Cherie Blair", text, "PERSON", 2),
                mention("Blair", text, "PERSON", 3, occurrence=4)]
    result = resolve(reading(text, mentions), GAZETTEER)
    by_key = {a.key: a.label for a in result.actors}
    counts = {by_key[k]: n for k, n in result.mention_counts}
    assert counts == {"Tony Blair": 1, "Euan Blair": 2, "Cherie Blair": 2}


def test_a_middle_initial_joins_and_two_different_middle_initials_do_not() -> None:
    text = "George Bush spoke. George W. Bush said more."
    assert people(text, [("George Bush", 0), ("George W. Bush", 0)]) == {
        "George W. Bush": ("George Bush", "George W. Bush")}
    text = "George H. W. Bush spoke. George W. Bush said more."
    assert set(people(text, [("George H. W. Bush", 0), ("George W. Bush", 0)])) == {
        "George H. W. Bush", "George W. Bush"}


def test_an_east_asian_family_name_and_a_first_name_alone_join_the_full_name() -> None:
    text = "Lou Jiwei met Jacob Lew. Mr. Lou said little. Hillary Clinton came. Hillary spoke."
    found = people(text, [("Lou Jiwei", 0), ("Jacob Lew", 0), ("Mr. Lou", 0), ("Hillary Clinton", 0), ("Hillary", 1)])
    assert found["Lou Jiwei"] == ("Lou", "Lou Jiwei")
    assert found["Hillary Clinton"] == ("Hillary", "Hillary Clinton")


def test_names_differing_only_in_accents_are_one_person() -> None:
    text = "José Manuel Barroso spoke. Jose Manuel Barroso left."
    assert list(people(text, [("José Manuel Barroso", 0), ("Jose Manuel Barroso", 0)])) == ["José Manuel Barroso"]


def test_unknown_people_are_keyed_within_their_article() -> None:
    text = "Jan Kowalski arrived."
    one = resolve(reading(text, [mention("Jan Kowalski", text, "PERSON")]), GAZETTEER)
    other = Article("b.txt", text, ((0, len(text)),))
    two = resolve(Reading(other, ((0, len(text)),), (mention("Jan Kowalski", text, "PERSON"),), (), ()), GAZETTEER)
    assert one.actors[0].key != two.actors[0].key
    assert (one.actors[0].label, two.actors[0].label) == ("Jan Kowalski", "Jan Kowalski")


def test_a_homonym_in_the_gazetteer_is_the_one_in_office_at_the_articles_date() -> None:
    gazetteer = Gazetteer([
        *GAZETTEER.entries.values(),
        Entry("Q3", "Karl Marek", "Person", "Q3", offices=(Office("Q1", "Foreign Minister", "2001", "2004"),)),
        Entry("Q4", "Karl Marek", "Person", "Q4", offices=(Office("Q1", "Defence Minister", "2010-03-01"),)),
    ])
    text = "Ruritania said Karl Marek would travel."
    mentions = [mention("Ruritania", text, "GPE", gid="Q1"), mention("Karl Marek", text, "PERSON")]
    keys = {a.key for a in resolve(reading(text, mentions, date="2003-05-01"), gazetteer).actors}
    assert keys == {"Q1", "Q3"}
    keys = {a.key for a in resolve(reading(text, mentions, date="2012-05-01"), gazetteer).actors}
    assert keys == {"Q1", "Q4"}
    keys = {a.key for a in resolve(reading(text, mentions), gazetteer).actors}  # no date: no guess
    assert "Q3" not in keys and "Q4" not in keys


def test_an_organisation_tagged_as_a_person_elsewhere_stays_the_organisation() -> None:
    text = "Baikal Finance Group bought it. Baikal paid."
    mentions = [mention("Baikal Finance Group", text, "ORG"), mention("Baikal", text, "PERSON", occurrence=1)]
    result = resolve(reading(text, mentions), GAZETTEER)
    assert [(a.label, a.type, a.aliases) for a in result.actors] == [
        ("Baikal Finance Group", "Organization", ("Baikal",))]


def test_a_generic_body_is_keyed_by_its_state() -> None:
    text = "The Ruritanian Foreign Ministry said no. The Foreign Ministry said no."
    mentions = [mention("Ruritanian Foreign Ministry", text, "ORG"),
                mention("Foreign Ministry", text, "ORG", occurrence=1)]
    keys = sorted(a.key for a in resolve(reading(text, mentions), GAZETTEER).actors)
    assert keys == ["Q1-foreign-ministry", "foreign-ministry--a"]


def test_a_government_named_after_its_leader_is_the_leaders_state_and_so_is_the_administration_after_it() -> None:
    gazetteer = Gazetteer([GAZETTEER.get("Q1"), Entry("Q2", "Rudolf Rassendyll", "Person", "Q2", country="Q1")])
    text = "Rudolf Rassendyll won. The Rassendyll administration said no. The administration said more."
    administration = Mention(text.index("The administration"), text.index("The administration") + 18,
                             "The administration", "NOMINAL", 2, kind="administration")
    named = mention("Rassendyll administration", text, "ORG", 1, subject=True)
    quotes = tuple(Quote(text.index(w), text.index(w) + len(w), w, False, "say", speaker, (0, len(text)))
                   for w, speaker in (("no", named), ("more", administration)))
    mentions = [mention("Rudolf Rassendyll", text, "PERSON", gid="Q2"), named, administration]
    result = resolve(reading(text, mentions, quotes=quotes), gazetteer)
    assert [s.speaker for s in result.statements] == ["Q1", "Q1"]


# ---------------------------------------------------------------- references (kg.resolve.references)

def test_it_is_the_nearest_organisation_and_a_nominal_the_organisation_named_with_its_noun() -> None:
    text = "Baltic Grain Bank sued. It said the ruling was wrong. The bank said more."
    it = mention("It", text, "PRON", 1)
    bank = Mention(text.index("The bank"), text.index("The bank") + 8, "The bank", "NOMINAL", 2, kind="bank")
    quotes = tuple(Quote(text.index(w), text.index(w) + len(w), w, False, "say", speaker, (0, len(text)))
                   for w, speaker in (("the ruling was wrong", it), ("more", bank)))
    mentions = [mention("Baltic Grain Bank", text, "ORG", subject=True), it, bank]
    result = resolve(reading(text, mentions, quotes=quotes), GAZETTEER)
    assert [s.speaker for s in result.statements] == ["baltic-grain-bank", "baltic-grain-bank"]


def test_a_title_no_other_state_uses_resolves_by_date_without_naming_the_state() -> None:
    gazetteer = Gazetteer([
        *GAZETTEER.entries.values(),
        Entry("Q5", "Anna Lind", "Person", "Q5", offices=(Office("Q1", "Foreign Secretary", "2004", "2006"),)),
        Entry("Q6", "Bo Berg", "Person", "Q6", offices=(Office("Q7", "Foreign Minister", "2004", "2006"),)),
    ])
    text = "The Foreign Secretary said no."
    role = RoleMention("Foreign Secretary", 0, 21, "The Foreign Secretary", 0)
    speaker = Mention(0, 21, "The Foreign Secretary", "TITLE", 0)
    quote = Quote(text.index("no"), text.index("no") + 2, "no", False, "say", speaker, (0, len(text)))
    assert resolve(reading(text, [], (role,), (quote,), date="2005-01-01"), gazetteer).statements[0].speaker == "Q5"
    assert resolve(reading(text, [], (role,), (quote,)), gazetteer).statements[0].speaker is None
