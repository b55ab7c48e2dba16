"""Actors from real parses: canonical names, aliases, seats of government, Wikidata ids, non-actors."""

from __future__ import annotations

from kg import Actor, extract_articles, parse_article


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
