"""Actors from real parses: canonical names, aliases, seats of government, Wikidata ids, non-actors."""

from __future__ import annotations

from kg import Actor, Extraction, extract_articles, parse_article


def actors(text: str) -> dict[str, Actor]:
    extraction = next(extract_articles([parse_article(text, "test.txt")]))
    return {a.label: a for a in extraction.actors}


def test_surface_forms_of_one_person_merge_with_title_aliases() -> None:
    found = actors(
        "Summit talk\n\n"
        "President Vladimir Putin spoke on Thursday. Putin said little. Later the Russian President "
        "left for the airport."
    )
    putin = found["Vladimir Putin"]
    assert (putin.type, putin.wikidata) == ("Person", "Q7747")
    assert {"Putin", "Russian President"} <= set(putin.aliases)
    assert sum(1 for a in found.values() if a.type == "Person") == 1


def test_capital_and_seat_of_government_act_for_their_state_but_a_location_does_not() -> None:
    found = actors("Kyiv is pursuing guarantees, and the Kremlin rejected them at talks in Moscow.")
    assert found["Ukraine"].aliases == ("Kyiv",) and found["Ukraine"].wikidata == "Q212"
    assert found["Russia"].aliases == ("Kremlin",)


def test_acronym_defined_in_brackets_and_wikidata_link() -> None:
    found = actors("The North Atlantic Treaty Organisation (NATO) met. NATO agreed.")
    assert set(found) == {"NATO"}
    assert found["NATO"].wikidata == "Q7184"
    assert "North Atlantic Treaty Organisation" in found["NATO"].aliases


def test_title_before_a_name_is_not_split_into_an_organisation() -> None:
    found = actors("US Secretary of State Marco Rubio suggested that spending must rise to five percent of GDP.")
    assert set(found) == {"Marco Rubio", "United States"}


def test_not_actors_economic_terms_amounts_dates_and_headings() -> None:
    found = actors(
        "Budgets rise\n\nSynopsis\nKey Takeaways\n- Spending rises.\n\n"
        "Germany will raise its budget to 3.5 percent of GDP by 2029, or $120 billion, on June 5."
    )
    assert set(found) == {"Germany"}


def test_named_collective_is_a_group() -> None:
    found = actors("Western powers criticised the decision, and European leaders stayed silent.")
    assert found["Western powers"].type == "Group"
    assert found["European leaders"].type == "Group"


def test_unknown_people_and_organisations_are_kept_without_a_wikidata_id() -> None:
    found = actors("Analyst Jana Novakova of the Baltic Security Forum said the Forum would publish its data.")
    assert found["Jana Novakova"].wikidata is None
    assert found["Jana Novakova"].type == "Person"
    assert any(a.type == "Organization" and "Baltic Security Forum" in a.label for a in found.values())


def extraction(text: str) -> Extraction:
    return next(extract_articles([parse_article(text, "test.txt")]))


def affiliations(text: str) -> set[tuple[str, str]]:
    found = extraction(text)
    labels = {a.key: a.label for a in found.actors}
    return {(labels[f.person], labels[f.org]) for f in found.affiliations}


def test_actors_named_by_nationality_and_role_are_groups_of_their_state() -> None:
    found = extraction("Afghan guerrillas attacked a convoy, and Israeli police clashed with Druze inhabitants. "
                       "Russian officials said nothing.")
    groups = {a.label: a for a in found.actors if a.type == "Group"}
    assert set(groups) == {"Afghan guerrillas", "Israeli police", "Druze inhabitants"}
    states = {a.key: a.label for a in found.actors if a.type == "Country"}
    assert states[groups["Afghan guerrillas"].nationality or ""] == "Afghanistan"
    assert states[groups["Israeli police"].nationality or ""] == "Israel"
    assert groups["Druze inhabitants"].nationality is None
    assert "Afghanistan" not in {a.label for a in found.actors if a.type == "Group"}


def test_a_group_is_one_node_per_article_and_kind() -> None:
    found = extraction("Afghan guerrillas attacked. Afghan rebels then withdrew. Afghan police arrived.")
    groups = sorted(a.label for a in found.actors if a.type == "Group")
    assert groups == ["Afghan guerrillas", "Afghan police"]
    guerrillas = next(a for a in found.actors if a.label == "Afghan guerrillas")
    assert guerrillas.aliases == ("Afghan rebels",)


def test_posts_in_apposition_and_parties_are_affiliations() -> None:
    text = ("Erik Lund, a strategist at Nordic Capital Partners, spoke. Sen. Tom Harris (R-Neb.) spoke. "
            "Conservative leader Michael Howard spoke. Joseph Crowley, the top Democrat on the House "
            "Intelligence Committee, spoke.")
    assert affiliations(text) >= {
        ("Erik Lund", "Nordic Capital Partners"), ("Tom Harris", "Republican Party"),
        ("Michael Howard", "Conservative Party"), ("Joseph Crowley", "Democratic Party"),
        ("Joseph Crowley", "House Intelligence Committee")}


def test_a_party_adjective_before_a_first_name_affiliates_whoever_the_gazetteer_lacks() -> None:
    assert affiliations("Republican Bob Lindqvist said the bill would pass.") == {("Bob Lindqvist", "Republican Party")}
    assert "Republican Jewish Coalition" in actors("The Republican Jewish Coalition said the bill would pass.")


def test_a_former_office_and_a_topic_are_not_affiliations() -> None:
    text = ("Former Secretary of State Hillary Clinton met the United States delegation. Anna Weiss, an expert on "
            "Syria at the Brookings Institution, said so.")
    assert affiliations(text) == {("Anna Weiss", "Brookings Institution")}


def test_a_title_ending_the_name_of_a_body_is_part_of_it() -> None:
    found = actors("The Office of the President said the plan would go ahead.")
    assert "Office of the President" in found


def test_a_name_after_a_persons_title_is_a_person_whatever_the_model_made_of_it() -> None:
    found = actors("Cardinal Cormac Murphy-O'Connor said the church would pray. Archbishop Aris Tavitian "
                   "told reporters the talks had failed.")
    assert found["Cormac Murphy-O'Connor"].type == "Person"
    assert found["Aris Tavitian"].type == "Person"
    assert "Murphy-O'Connor" not in found


def test_an_honorific_before_a_name_the_gazetteer_knows_keeps_the_other_sex_apart() -> None:
    extraction = next(extract_articles([parse_article(
        "Tony Blair arrived in Brussels. Mrs Blair said she was delighted to be there.", "blair.txt")]))
    said = next(s for s in extraction.statements if "delighted" in s.quote)
    tony = next(a for a in extraction.actors if a.label == "Tony Blair")
    assert said.speaker is not None and said.speaker != tony.key


def test_no_interaction_between_a_person_and_the_state_they_serve() -> None:
    """An unnamed official of Israel reporting what its prime minister will do is not Israel acting on him."""
    found = extraction("Israeli Prime Minister Benjamin Netanyahu will visit Washington. An Israeli official said "
                       "Netanyahu would meet Donald Trump in Israel. Netanyahu criticised Iran.")
    israel, netanyahu = "Q801", "Q43723"
    assert any((a.person, a.org) == (netanyahu, israel) for a in found.affiliations)
    reported = next(s for s in found.statements if s.quote.startswith("Netanyahu would meet"))
    assert reported.speaker == israel and reported.target is None
    assert any((s.speaker, s.target, s.event_type) == (netanyahu, "Q794", "111") for s in found.statements)


def test_an_abbreviated_title_is_no_name() -> None:
    found = extraction("Corker teamed up with Sens. Robert Menendez and Marco Rubio to introduce the bill.")
    assert not any(a.label.rstrip(".").lower() == "sens" for a in found.actors)


def test_he_inside_a_quotation_is_not_its_speaker() -> None:
    found = extraction('Arab lawmakers asked the government to block the visit of Donald Trump. "He is a danger to '
                       'the free world," said Ahmad Tibi, a member of parliament.')
    keys = {a.label: a.key for a in found.actors}
    said = next(s for s in found.statements if s.quote.startswith("He is a danger"))
    assert said.speaker == keys["Ahmad Tibi"]
    assert (said.target, said.event_type) == (keys["Donald Trump"], "110")  # about Trump, and disapproving
