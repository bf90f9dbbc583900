"""Which organisation belongs to which (extract/ownership.py and the part_of rules it complements).
Sentences and enterprises are invented."""

from __future__ import annotations

import pytest
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


def test_under_the_control_of_a_group(run):
    ex = run("The Fakel Design Bureau is also under the control of Almaz-Antey, which makes missiles.")
    assert objects(ex, "part_of", "Fakel Design Bureau") == {key_of(ex, "Almaz-Antey")}, describe(ex)
    assert entity(ex, "Almaz-Antey").type.value == "organization", describe(ex)


def test_entering_the_structure_of_a_concern(run):
    ex = run("The Murom Instrument Plant enters into the structure of the Tecmash concern.")
    assert objects(ex, "part_of", "Murom Instrument Plant") == {key_of(ex, "Tecmash")}, describe(ex)


def test_name_in_apposition_to_a_holding_of_a_parent(run):
    ex = run("Technodinamika, the Rostec holding, makes parachutes.")
    assert objects(ex, "part_of", "Technodinamika") == {key_of(ex, "Rostec")}, describe(ex)


def test_under_the_control_of_a_town_is_not_ownership(run):
    ex = run("The Fakel Design Bureau is under the control of Moscow.")
    assert not claims(ex, "part_of"), describe(ex)


# --- units of a plant: numbered, possessed ----------------------------------------------------------------

def test_numbered_workshop_of_the_plant(run):
    ex = run("The Bryansk Electromechanical Plant makes jammers. The strike hit the plant's instrument workshop No. 7.")
    unit = entity(ex, "instrument workshop No. 7")
    assert unit is not None and unit.type.value == "facility", describe(ex)
    assert objects(ex, "part_of", "instrument workshop No. 7") == {key_of(ex, "Bryansk Electromechanical Plant")}
    assert not claims(ex, "statistic"), describe(ex)  # the workshop's number is not a figure


def test_possessed_new_plant_belongs_to_its_owner(run):
    ex = run("Rheinmetall makes artillery shells. Rheinmetall's new shell plant at Unterluss opened in 2025.")
    assert objects(ex, "part_of", "new shell plant") == {key_of(ex, "Rheinmetall")}, describe(ex)


def test_reporter_is_not_the_owner_of_a_unit(run):
    ex = run("A new workshop is expected to open in December, the Defence Intelligence Agency said.")
    assert not claims(ex, "part_of"), describe(ex)


def test_falls_under_a_described_state_corporation(run):
    ex = run("Radiozavod itself falls under the state corporation Rostec.")
    assert objects(ex, "part_of", "Radiozavod") == {key_of(ex, "Rostec")}, describe(ex)


def test_owned_by_inside_a_reported_clause(run):
    ex = run("Ertis Metals Trade is owned by Steppe Copper Holding, company filings in Nicosia show.")
    assert objects(ex, "part_of", "Ertis Metals Trade") == {key_of(ex, "Steppe Copper Holding")}, describe(ex)


def test_named_group_of_an_organisation(run):
    ex = run("The plant belongs to the Tecmash concern of the state corporation Rostec.")
    assert key_of(ex, "Rostec") in objects(ex, "part_of", "Tecmash"), describe(ex)


def test_holding_of_an_organisation_in_apposition(run):
    ex = run("The Signal Systems Concern (SSC), a holding of Rostec, makes jammers.")
    assert objects(ex, "part_of", "Signal Systems Concern") == {key_of(ex, "Rostec")}, describe(ex)


def test_holding_of_many_enterprises_is_no_parent(run):
    ex = run("Rostec is a holding of more than 800 enterprises.")
    assert not claims(ex, "part_of"), describe(ex)


# ---- more ways of saying who owns whom (owners after a verb's preposition, stakes, parents, hyphenated owners)

CONTEXT = "Officials at the state corporation Rostec would not comment on Tuesday. "


def test_an_owner_the_model_took_for_a_place_after_a_division_of(run):
    ex = run("Tverskoy Priborny is a division of Almaz-Antey.")
    assert entity(ex, "Almaz-Antey").type.value == "organization", describe(ex)
    assert objects(ex, "part_of", "Tverskoy Priborny") == {key_of(ex, "Almaz-Antey")}, describe(ex)


def test_a_town_after_part_of_stays_a_place(run):
    ex = run("The Salihorsk potash mine is part of Soligorsk district, the report said.")
    assert not claims(ex, "part_of"), describe(ex)


def test_falls_under_an_organisation_without_a_group_word(run):
    ex = run(CONTEXT + "Tverskoy Priborny falls under Rostec.")
    assert objects(ex, "part_of", "Tverskoy Priborny") == {key_of(ex, "Rostec")}, describe(ex)


def test_merged_into_a_holding(run):
    ex = run("Officials at the Ruselektronika holding would not comment. Tverskoy Priborny was merged into "
             "Ruselektronika in 2021.")
    assert objects(ex, "part_of", "Tverskoy Priborny") == {key_of(ex, "Ruselektronika")}, describe(ex)


def test_transferring_goods_to_a_buyer_is_not_ownership(run):
    ex = run("Tverskoy Priborny transferred the radar modules to the Ruselektronika holding in 2021.")
    assert not claims(ex, "part_of"), describe(ex)


def test_joined_a_holding(run):
    ex = run("Tverskoy Priborny joined the Ruselektronika holding in 2020.")
    assert objects(ex, "part_of", "Tverskoy Priborny") == {key_of(ex, "Ruselektronika")}, describe(ex)


def test_controlling_stake_makes_the_holder_the_owner(run):
    ex = run(CONTEXT + "Rostec holds a controlling stake in Tverskoy Priborny.")
    assert objects(ex, "part_of", "Tverskoy Priborny") == {key_of(ex, "Rostec")}, describe(ex)


def test_stake_of_more_than_half_in_a_relative_clause(run):
    ex = run(CONTEXT + "Tverskoy Priborny, in which Rostec holds a 51% stake, makes radar modules.")
    assert objects(ex, "part_of", "Tverskoy Priborny") == {key_of(ex, "Rostec")}, describe(ex)


def test_minority_stake_is_not_ownership(run):
    ex = run(CONTEXT + "Rostec holds a 25% stake in Tverskoy Priborny.")
    assert not claims(ex, "part_of"), describe(ex)


def test_hyphenated_owner_before_the_name(run):
    ex = run(CONTEXT + "The Rostec-owned Tverskoy Priborny makes radar modules.")
    assert objects(ex, "part_of", "Tverskoy Priborny") == {key_of(ex, "Rostec")}, describe(ex)


def test_state_owned_names_no_owner(run):
    ex = run("The state-owned Tverskoy Priborny makes radar modules.")
    assert not claims(ex, "part_of"), describe(ex)


def test_parent_company_of_reverses_the_link(run):
    ex = run("Tverskoy Priborny is the parent company of Lipetsk Radio Works.")
    assert objects(ex, "part_of", "Lipetsk Radio Works") == {key_of(ex, "Tverskoy Priborny")}, describe(ex)
    assert not objects(ex, "part_of", "Tverskoy Priborny"), describe(ex)


def test_daughter_company_and_one_of_the_enterprises(run):
    ex = run("Tverskoy Priborny is a daughter company of Almaz-Antey. Lipetsk Radio Works is one of the "
             "enterprises of Almaz-Antey.")
    assert objects(ex, "part_of", "Tverskoy Priborny") == {key_of(ex, "Almaz-Antey")}, describe(ex)
    assert objects(ex, "part_of", "Lipetsk Radio Works") == {key_of(ex, "Almaz-Antey")}, describe(ex)


def test_a_companys_own_plant_is_part_of_it(run):
    ex = run("Tverskoy Priborny's Lipetsk plant makes radar modules.")
    plant = next(e for e in ex.entities if e.type.value == "facility")
    assert objects(ex, "part_of", plant.name) == {key_of(ex, "Tverskoy Priborny")}, describe(ex)


def test_a_manager_relative_clause(run):
    ex = run("Ruselektronika, which manages Tverskoy Priborny, said output rose.")
    assert objects(ex, "part_of", "Tverskoy Priborny") == {key_of(ex, "Ruselektronika")}, describe(ex)


def test_a_company_of_a_holding_as_the_predicate(run):
    ex = run(CONTEXT + "The Avangard plant, which has been a Rostec company since 2002, makes missiles. Tverskoy "
                       "Priborny is a Rostec company too.")
    assert objects(ex, "part_of", "Avangard") == {key_of(ex, "Rostec")}, describe(ex)
    assert objects(ex, "part_of", "Tverskoy Priborny") == {key_of(ex, "Rostec")}, describe(ex)


def test_a_town_company_is_where_it_is_not_whose(run):
    ex = run("Tverskoy Priborny is a Kazan company.")
    assert not claims(ex, "part_of"), describe(ex)


def test_a_state_enterprise_of_a_ministry_is_part_of_it(run):
    ex = run("Kirsa Radar Repairs, a state enterprise of the Defence Ministry, overhauls radars near Slonim.")
    assert objects(ex, "part_of", "Kirsa Radar Repairs") == {key_of(ex, "Defence Ministry")}, describe(ex)


def test_an_enterprise_of_a_town_is_not_owned_by_it(run):
    ex = run("Kirsa Radar Repairs, the largest enterprise of Slonim, overhauls radars.")
    assert not claims(ex, "part_of", "Kirsa Radar Repairs"), describe(ex)


def test_two_companies_that_belong_to_one_holding_are_both_part_of_it(run):
    ex = run("Neman Castings and Kirsa Radar Repairs both belong to the state holding Minsk Metal Group.")
    holding = key_of(ex, "Minsk Metal Group")
    assert objects(ex, "part_of", "Neman Castings") == {holding}, describe(ex)
    assert objects(ex, "part_of", "Kirsa Radar Repairs") == {holding}, describe(ex)


def test_two_companies_owned_by_one_holding_are_both_part_of_it(run):
    ex = run("Neman Castings and Kirsa Radar Repairs are owned by the state holding Minsk Metal Group.")
    holding = key_of(ex, "Minsk Metal Group")
    assert objects(ex, "part_of", "Kirsa Radar Repairs") == {holding}, describe(ex)


@pytest.mark.parametrize("text", [
    "Neman Castings became part of the Minsk Metal Group in 2019.",
    "Neman Castings is subordinate to the Minsk Metal Group.",
    "Neman Castings is among the enterprises of the Minsk Metal Group.",
])
def test_more_ways_of_belonging_to_a_group(run, text):
    ex = run(text)
    assert objects(ex, "part_of", "Neman Castings") == {key_of(ex, "Minsk Metal Group")}, describe(ex)


def test_a_second_assembly_line_is_a_site_of_the_plant(run):
    ex = run("Neman Castings opened a second assembly line for gearboxes in April.")
    line = entity(ex, "second assembly line")
    assert line is not None and objects(ex, "part_of", "second assembly line") == {key_of(ex, "Neman Castings")}, \
        describe(ex)


def test_two_companies_subordinate_to_one_holding(run):
    ex = run("Neman Castings and the Orsha Gear Works are subordinate to the Minsk Metal Group.")
    assert objects(ex, "part_of", "Orsha Gear Works") == {key_of(ex, "Minsk Metal Group")}, describe(ex)


@pytest.mark.parametrize("text", [
    "Shvabe owns 51 percent of Volna Optics.",
    "Shvabe holds a 51 percent stake in Volna Optics.",
    "Shvabe controls Volna Optics.",
    "Shvabe acquired Volna Optics in 2019.",
    "Volna Optics is majority-owned by Shvabe.",
    "In 2019 Volna Optics was taken over by Shvabe.",
    "Volna Optics' parent company is Shvabe.",
    "Shvabe is the parent of Volna Optics.",
])
def test_a_bare_name_that_owns_a_company_is_its_parent(run, text):
    ex = run("Officials at the Lomov Instrument Works would not comment on Tuesday. " + text)
    assert entity(ex, "Shvabe") is not None and entity(ex, "Shvabe").type.value == "organization", describe(ex)
    assert key_of(ex, "Shvabe") in objects(ex, "part_of", "Volna Optics"), describe(ex)


@pytest.mark.parametrize("text", [
    "The sole shareholder of Volna Optics is the Tarsk Group.",
    "Volna Optics' sole shareholder is the Tarsk Group.",
    "The Tarsk Group is the owner of Volna Optics.",
])
def test_the_owner_or_shareholder_of_a_company_is_its_parent(run, text):
    ex = run(text)
    assert key_of(ex, "Tarsk Group") in objects(ex, "part_of", "Volna Optics"), describe(ex)


@pytest.mark.parametrize("text", [
    "Kvarts is a minority shareholder of the Tarsk Group.",
    "The Tarsk Group's largest shareholder is the Kvarts holding, with 12 percent.",
    "Volna Optics, the former owner of the Tarsk Group, sold its stake in 2020.",
    "The Kvarts holding is the owner of the Tarsk Group building in Tomsk.",
])
def test_a_part_former_or_property_owner_is_no_parent(run, text):
    ex = run(text)
    assert not claims(ex, "part_of", "Tarsk Group"), describe(ex)


def test_a_subsidiary_second_in_a_coordination_of_descriptions(run):
    ex = run("Dubrava Steel Castings LLC is a Hrodna-based foundry and a wholly owned subsidiary of Kovalsk "
             "Hydraulics.")
    assert objects(ex, "part_of", "Dubrava Steel Castings LLC") == {key_of(ex, "Kovalsk Hydraulics")}, describe(ex)


def test_owned_by_the_state_holding_named_after_its_noun(run):
    # the parser reads "the state holding Belmetallprom" as "the state" + "holding Belmetallprom"
    ex = run("The Homiel Casting Plant makes engine blocks. It is owned by the Belarusian state holding Belmetallprom.")
    assert objects(ex, "part_of", "Homiel Casting Plant") == {key_of(ex, "Belmetallprom")}, describe(ex)


def test_a_bare_name_that_is_owned_is_a_company(run):
    ex = run("Tsentrolit is owned by the Belarusian state holding Belmetallprom.")
    assert entity(ex, "Tsentrolit") is not None and entity(ex, "Tsentrolit").type.value == "organization", describe(ex)
    assert objects(ex, "part_of", "Tsentrolit") == {key_of(ex, "Belmetallprom")}, describe(ex)


@pytest.mark.parametrize("text", ["Naftan is a member of the Belneftekhim concern.",
                                  "Naftan, part of the Belneftekhim concern, refines oil in Novopolotsk."])
def test_a_bare_name_that_is_part_of_a_concern_is_a_company_of_it(run, text):
    ex = run(text)
    assert objects(ex, "part_of", "Naftan") == {key_of(ex, "Belneftekhim")}, describe(ex)


def test_a_new_line_is_not_the_newspaper_told_of_it(run):
    ex = run("The Lida Hydraulics Plant makes cylinders. Its director told the regional newspaper Lidsky Vestnik that "
             "a new machining line would be installed next year.")
    assert objects(ex, "part_of", "new machining line") == {key_of(ex, "Lida Hydraulics Plant")}, describe(ex)


@pytest.mark.parametrize("text", [
    "The Lida Tractor Works belongs to the state holding Amkodor.",
    "The Lida Tractor Works is part of the state holding Amkodor.",
])
def test_a_state_holding_named_after_its_noun_is_the_owner(run, text):
    ex = run(text)
    assert key_of(ex, "Amkodor") in objects(ex, "part_of", "Lida Tractor Works"), describe(ex)


def test_part_of_an_owners_holding_is_part_of_the_holding_not_of_its_owner(run):
    ex = run("Kurgan Machine Plant, part of Rostec's High Precision Systems holding, delivered 300 vehicles last year.")
    assert objects(ex, "part_of", "Kurgan Machine Plant") == {key_of(ex, "High Precision Systems")}, describe(ex)
    assert key_of(ex, "Rostec") in objects(ex, "part_of", "High Precision Systems"), describe(ex)


def test_a_new_shop_after_a_hyphenated_one_word_maker_is_that_makers(run):
    ex = run("Tarsk Holding is part of Rostec.\n\nIn Ulyanovsk, Volgaavia-Servis builds heavy trucks. It delivered 600 "
             "in 2024. A new fuselage assembly shop was commissioned on 14 October 2025.")
    shop = next(e for e in ex.entities if e.type.value == "facility")
    assert objects(ex, "part_of", shop.name) == {key_of(ex, "Volgaavia-Servis")}, describe(ex)


def test_both_plants_belong_to_a_holding_is_said_of_the_two_named_last(run):
    ex = run("The Lida Steel Works makes billets. The Pinsk Wire Plant makes nails. Both plants belong to the state "
             "holding Amkodor.")
    for plant in ("Lida Steel Works", "Pinsk Wire Plant"):
        assert key_of(ex, "Amkodor") in objects(ex, "part_of", plant), describe(ex)


def test_a_source_before_the_comma_is_no_parent_of_the_subject(run):
    """"According to X, the Y plant makes ...": X introduces the sentence; it is not the company "the Y plant" is
    said to belong to, as in "X, the Y subsidiary, ..."."""
    ex = run("Ukraine's military intelligence agency, the HUR, published a report on the Veltron Electronics plant.\n"
             "According to the HUR, the Veltron Electronics plant produces microcircuits for drones.")
    assert not claims(ex, "part_of"), describe(ex)


def test_part_of_after_a_comma_describes_the_enterprise_named_before_it(run):
    """"... buys them from X in Russia, part of the Y group": the parser may hang "part" on the verb; the bare
    "part of" after the comma still describes X."""
    ex = run("The Veltron plant depends on imported components. Until 2022 its engines came from the German firm "
             "Deutz; it now buys them from Yaroslavl Motor Works in Russia, part of the GAZ group.")
    assert key_of(ex, "GAZ") in objects(ex, "part_of", "Yaroslavl Motor Works"), describe(ex)


def test_part_of_after_a_plant_named_with_its_cue_noun_and_town(run):
    ex = run("The Kupol plant in Izhevsk, part of the Almaz-Antey group, assembled about 2,000 Garpiya drones.")
    assert key_of(ex, "Almaz-Antey") in objects(ex, "part_of", "Kupol"), describe(ex)


@pytest.mark.parametrize("text", [
    "The howitzers are built by the Perm Artillery Works, a Rostec subsidiary, on the Kama river.",
    "The Perm Artillery Works is a Rostec subsidiary.",
    "The howitzers are built by the Perm Artillery Works in Perm, a Rostec subsidiary.",
    "The howitzers are built by the Perm Artillery Works in the city of Perm, a Rostec subsidiary.",
])
def test_a_name_before_subsidiary_is_the_group_it_belongs_to(run, text):
    ex = run(text)
    assert objects(ex, "part_of", "Perm Artillery Works") == {key_of(ex, "Rostec")}, describe(ex)
    assert entity(ex, "Perm") is None or entity(ex, "Perm").type.value == "place", describe(ex)


def test_a_nationality_before_unit_is_no_group(run):
    ex = run("A Russian unit shelled the village near the Perm Artillery Works.")
    assert not claims(ex, "part_of"), describe(ex)


def test_what_a_subsidiary_set_after_its_town_began_is_the_enterprise_s(run):
    ex = run("The howitzers are built by the Perm Artillery Works in the city of Perm, a Rostec subsidiary that "
             "launched serial output of them in 2024.")
    got = claims(ex, "milestone", "Perm Artillery Works")
    assert got and got[0].date == "2024", describe(ex)


def test_a_holding_itself_owned_by_a_group_is_part_of_it(run):
    ex = run("The Oka plant sits inside the Khimprom group, itself owned by Rostec.")
    assert key_of(ex, "Rostec") in objects(ex, "part_of", "Khimprom"), describe(ex)
    assert not [c for c in claims(ex, "part_of") if c.object == key_of(ex, "Rostec") and
                c.subject != key_of(ex, "Khimprom")], describe(ex)


@pytest.mark.parametrize(("text", "member", "parent"), [
    ("Shvabe, Rostec's optics holding, runs the plant.", "Shvabe", "Rostec"),
    ("Kestrel Optics, Shvabe's subsidiary, opened a second line in May.", "Kestrel Optics", "Shvabe"),
])
def test_a_description_opened_by_the_parents_possessive_names_the_parent(run, text, member, parent):
    ex = run(text)
    assert key_of(ex, parent) in objects(ex, "part_of", member), describe(ex)
