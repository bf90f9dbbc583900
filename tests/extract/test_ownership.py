"""Which organisation belongs to which (extract/ownership.py and the part_of rules it complements).
Sentences and enterprises are invented."""

from __future__ import annotations

from extract_helpers import claims, describe, entity, key_of, objects


def test_parent_written_before_a_child_noun_in_apposition(run):
    ex = run("The Volga Aero Corporation, the Rostec subsidiary that groups the airframe plants, reported delays.")
    assert objects(ex, "part_of", "Volga Aero Corporation") == {key_of(ex, "Rostec")}, describe(ex)


def test_parent_written_before_a_holding_named_after_it(run):
    ex = run("The sensors went to the Rostec electronics holding KRET.")
    assert objects(ex, "part_of", "KRET") == {key_of(ex, "Rostec")}, describe(ex)


def test_a_holding_alone_is_not_its_own_part(run):
    ex = run("The parts went to the Rostec holding in Moscow.")
    assert not claims(ex, "part_of"), describe(ex)


def test_acquired_company_is_part_of_its_buyer(run):
    ex = run("The Samara Axle Works is a subsidiary in the same city that was bought by KAMAZ.")
    assert objects(ex, "part_of", "Samara Axle Works") == {key_of(ex, "KAMAZ")}, describe(ex)


def test_active_acquisition(run):
    ex = run("The Kama Truck Plant acquired the Avtodiesel Works in 2019.")
    assert objects(ex, "part_of", "Avtodiesel Works") == {key_of(ex, "Kama Truck Plant")}, describe(ex)


def test_taking_goods_is_not_an_acquisition(run):
    ex = run("KAMAZ took the Avtodiesel Works engines for its trucks.")
    assert not claims(ex, "part_of"), describe(ex)


def test_one_word_member_of_a_group_is_an_organisation(run):
    ex = run("Kirovmash, which belongs to the Rostec conglomerate, buys machine tools.")  # the model says GPE
    assert entity(ex, "Kirovmash").type.value == "organization", describe(ex)
    assert objects(ex, "part_of", "Kirovmash") == {key_of(ex, "Rostec")}, describe(ex)


def test_relative_clause_on_the_goods_after_a_role_noun_describes_the_name(run):
    ex = run("Orders go through Stankoimpex, a state-owned importer of machine tools that belongs to the Rostec "
             "conglomerate.")
    assert objects(ex, "part_of", "Stankoimpex") == {key_of(ex, "Rostec")}, describe(ex)


def test_a_company_reporting_results_is_not_a_source(run):
    ex = run("The Volga Aero Corporation reported losses. The Kama Truck Plant acquired the Avtodiesel Works in 2019.")
    got = claims(ex, "part_of", "Avtodiesel Works")
    assert got and got[0].attributed_to == [], describe(ex)
