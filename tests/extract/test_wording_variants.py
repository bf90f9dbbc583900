"""Claims stated in less common wording: passives, receiving verbs, production nouns, owners' sites.

Sentences are written for these tests, with invented enterprises, so they check the grammar the
rules rely on rather than any article's phrasing.
"""

from __future__ import annotations

import pytest
from extract_helpers import claims, describe, entity, key_of, objects


def _texts(ex, predicate, subject):
    return {(c.object_text or "").lower() for c in claims(ex, predicate, subject)}


def test_country_acting_as_a_shipper_is_a_place_and_its_sentence_counts(run):
    ex = run("Belarus shipped 900 trucks to Russia between March and May 2025.")
    assert entity(ex, "Belarus").type.value == "place", describe(ex)
    got = claims(ex, "delivered", "Belarus")
    assert got and got[0].object == key_of(ex, "Russia") and got[0].value == 900, describe(ex)


def test_unnamed_subject_does_not_inherit_a_country(run):
    ex = run("Kazakhstan sends grain to Russia every month. The yard delivered two patrol boats in 2024.")
    assert not [c for c in claims(ex, "delivered") if "patrol" in (c.object_text or "")], describe(ex)


def test_passive_production_at_a_plant_names_the_maker(run):
    ex = run("Artillery shells for the 2A36 gun are assembled at the Vostokhim Chemical Plant.")
    assert any("artillery shells" in t for t in _texts(ex, "produces", "Vostokhim Chemical Plant")), describe(ex)


def test_production_noun_handled_by_an_agent(run):
    ex = run("Production of the Korshun-7 drone is handled by the Arcadia Engineering Centre in Kazan.")
    assert key_of(ex, "Korshun-7") in objects(ex, "produces", "Arcadia Engineering Centre"), describe(ex)


def test_possessor_is_not_the_maker(run):
    ex = run("Hungary's Borsod Munitions Works is one of the largest makers of artillery shells in Europe.")
    assert any("artillery shells" in t for t in _texts(ex, "produces", "Borsod Munitions Works")), describe(ex)
    assert not claims(ex, "produces", "Hungary"), describe(ex)


def test_operating_a_plant_somewhere_is_located_in(run):
    ex = run("Tarvex Holding operates a large ammunition plant in Perm, according to company filings.")
    assert key_of(ex, "Perm") in objects(ex, "located_in", "Tarvex Holding"), describe(ex)


def test_importing_from_a_country_makes_it_the_supplier(run):
    ex = run("Russia imports most of its machine tools from China, customs data show.")
    got = claims(ex, "supplies", "China")
    assert got and got[0].object == key_of(ex, "Russia"), describe(ex)
    assert not claims(ex, "supplies", "Russia"), describe(ex)


def test_buying_names_the_seller_by_nationality(run):
    ex = run("Russia remains a major weapons supplier. Algeria buys Russian Su-35 fighters.")
    got = claims(ex, "supplies", "Russia")
    assert got and got[0].object == key_of(ex, "Algeria"), describe(ex)


def test_buying_without_a_seller_claims_nothing(run):
    ex = run("Algeria buys Su-35 fighters.")
    assert not claims(ex, "supplies"), describe(ex)


def test_passive_shipment_from_and_to(run):
    ex = run("Optical sights were shipped from Minsk to the Volga Optics Plant in two batches.")
    got = claims(ex, "supplies", "Minsk")
    assert got and got[0].object == key_of(ex, "Volga Optics Plant"), describe(ex)


def test_provided_with_names_the_recipient_by_nationality(run):
    ex = run("Russia and Kyrgyzstan trade a lot. Kyrgyzstan provided Russian arms makers with ball bearings.")
    got = claims(ex, "supplies", "Kyrgyzstan")
    assert got and got[0].object == key_of(ex, "Russia"), describe(ex)


def test_selling_a_number_is_a_delivery(run):
    ex = run("The Almaty trading house Stepnoy Trade LLP sold 250 drone engines to a Moscow distributor in 2024.")
    got = claims(ex, "delivered", "Stepnoy Trade")
    assert got and got[0].value == 250, describe(ex)


def _events(ex, subject):
    return {(c.event.value if c.event else None, c.date) for c in claims(ex, "milestone", subject)}


def test_shut_down_and_reopened_are_two_milestones(run):
    ex = run("The Barnaul cartridge plant was shut down in 1996 and reopened in 2023 to make rifle ammunition.")
    events = _events(ex, "Barnaul cartridge plant")
    assert ("suspended", "1996") in events and ("revived", "2023") in events, describe(ex)


def test_line_coming_on_stream_starts_operations(run):
    ex = run("A second rocket motor line at the Perm Powder Plant came on stream in October 2024.")
    # the new line is the unit that started, and it is part of the plant
    assert ("operations_started", "2024-10") in _events(ex, "second rocket motor line"), describe(ex)
    assert objects(ex, "part_of", "second rocket motor line") == {key_of(ex, "Perm Powder Plant")}, describe(ex)


def test_stopped_production_is_a_suspension(run):
    ex = run("The Arzamas Machine Works stopped production of armoured cars in March 2022.")
    assert ("suspended", "2022-03") in _events(ex, "Arzamas Machine Works"), describe(ex)


def test_a_group_that_includes_members(run):
    ex = run("The Volga Arms Corporation includes the Orlov Design Bureau and the Samara Fuze Plant.")
    owner = key_of(ex, "Volga Arms Corporation")
    assert owner in objects(ex, "part_of", "Orlov Design Bureau"), describe(ex)
    assert owner in objects(ex, "part_of", "Samara Fuze Plant"), describe(ex)


def test_falling_under_a_holding_is_part_of(run):
    ex = run("The Penza Radio Plant falls under the Avionika holding, which makes flight computers.")
    assert key_of(ex, "Avionika holding") in objects(ex, "part_of", "Penza Radio Plant"), describe(ex)


def test_owning_a_company_makes_it_part_of_the_owner(run):
    ex = run("Uralmet Group owns the Chelyabinsk Forge Works, a maker of shell casings.")
    assert key_of(ex, "Uralmet Group") in objects(ex, "part_of", "Chelyabinsk Forge Works"), describe(ex)


def test_in_a_city_is_not_in_a_group(run):
    ex = run("The Penza Radio Plant operates in Penza and makes flight computers for drones.")
    assert not claims(ex, "part_of", "Penza Radio Plant"), describe(ex)


def test_annual_capacity_before_the_figure_and_goods_after_the_measure(run):
    ex = run("Annual capacity at the Kotlas Powder Works is put at 9,000 tonnes of nitrocellulose.")
    (c,) = claims(ex, "capacity", "Kotlas Powder Works")
    assert (c.value, c.unit, c.period) == (9000, "tons", "year"), describe(ex)
    assert "nitrocellulose" in (c.object_text or ""), describe(ex)


def test_fronted_by_date_is_the_capacity_deadline(run):
    ex = run("By 2027 the Sarov Engine Plant should be making 400 turbojet engines a year.")
    (c,) = claims(ex, "capacity", "Sarov Engine Plant")
    assert (c.value, c.date) == (400, "2027"), describe(ex)


def test_tonnes_delivered_name_the_goods(run):
    ex = run("In 2023 the Ningbo Cellulose Company exported 1,500 tonnes of cotton pulp to Russia.")
    got = claims(ex, "delivered", "Ningbo Cellulose Company")
    assert got and "cotton pulp" in (got[0].object_text or ""), describe(ex)


def test_company_described_in_apposition_with_its_city(run):
    ex = run("Polimash, a Gomel electronics company, makes fuzes for artillery shells.")
    assert entity(ex, "Polimash").type.value == "organization", describe(ex)
    assert entity(ex, "Gomel").type.value == "place", describe(ex)
    assert key_of(ex, "Gomel") in objects(ex, "located_in", "Polimash"), describe(ex)


def test_city_based_names_a_place(run):
    ex = run("Tula-based Splavtek Works assembles rocket launchers for the army.")
    assert key_of(ex, "Tula") in objects(ex, "located_in", "Splavtek Works"), describe(ex)


def test_shipyard_in_apposition_sits_in_a_city(run):
    ex = run("Baltzavod, the country's oldest shipyard, sits in Kaliningrad and builds patrol ships for the navy.")
    assert entity(ex, "Baltzavod").type.value == "organization", describe(ex)
    assert key_of(ex, "Kaliningrad") in objects(ex, "located_in", "Baltzavod"), describe(ex)


def test_analysts_at_an_institute_are_the_source(run):
    ex = run("Analysts at the Baltic Trade Monitor estimate that Latvia supplied 12 percent of the drone parts "
             "that Russia imported in 2024.")
    got = [c for c in ex.claims if c.value == 12]
    assert got and got[0].attributed_to == [key_of(ex, "Baltic Trade Monitor")], describe(ex)


def test_a_ministry_of_a_country_speaks_as_itself(run):
    ex = run("The Volna Works supplies drone engines to Russia, according to the Open Hangar project. "
             "Uzbekistan's economy ministry said it had stopped 45 shipments of drone engines since March.")
    got = [c for c in ex.claims if c.value == 45]
    assert got and got[0].attributed_to == [key_of(ex, "Uzbekistan's economy ministry")], describe(ex)
    assert not claims(ex, "delivered"), describe(ex)


def test_unnamed_source_does_not_inherit_the_previous_one(run):
    ex = run("The Volna Works supplies drone engines to Russia, Aliya Nurova of the Open Hangar project said.\n\n"
             "The Volna Works plans to raise output to 3,000 engines a year by 2026, state television reported.")
    (c,) = claims(ex, "capacity", "Volna Works")
    assert (c.value, c.period, c.date) == (3000, "year", "2026"), describe(ex)
    assert c.attributed_to == [], describe(ex)


def test_which_after_a_town_refers_to_the_organisation(run):
    ex = run("Motors were sold to the Aerosila Design Centre in Samara, which builds the Yastreb-3 drone.")
    assert key_of(ex, "Yastreb-3") in objects(ex, "produces", "Aerosila Design Centre"), describe(ex)
    assert not claims(ex, "produces", "Samara"), describe(ex)


def test_acronym_in_brackets_is_not_part_of_the_name(run):
    ex = run("The Bureau of Export Oversight (BEO) today listed the Orsk Fuze Works for supplying Russia's army.")
    e = entity(ex, "Bureau of Export Oversight")
    assert e is not None and "(" not in e.name, describe(ex)


def test_enterprise_word_endings_make_organisations(run):
    ex = run("The gearboxes went to Tagilmashzavod, which assembles armoured recovery vehicles, in 2024.")
    assert entity(ex, "Tagilmashzavod").type.value == "organization", describe(ex)


def test_enterprise_named_without_its_cue_word_as_a_subject(run):
    ex = run("Engines were resold to the Kamsk Engine Plant in 2024. Kamsk Engine builds the Yastreb-3 drone.")
    assert key_of(ex, "Yastreb-3") in objects(ex, "produces", "Kamsk Engine Plant"), describe(ex)


def test_recipient_after_an_amount(run):
    ex = run("The Grodno Gear Works delivered gear sets worth $4 million to the Kurgan Machine Works in 2024.")
    got = claims(ex, "delivered", "Grodno Gear Works")
    assert got and got[0].object == key_of(ex, "Kurgan Machine Works"), describe(ex)


def test_what_an_organisation_builds_is_a_product_even_if_unlisted(run):
    ex = run("For decades the Gomel Harvester Works built grain harvesters for export.")
    assert any("harvesters" in t for t in _texts(ex, "produces", "Gomel Harvester Works")), describe(ex)


def test_abstract_objects_are_not_goods(run):
    ex = run("The Gomel Harvester Works made big profits and built ties with Russian buyers.")
    assert not claims(ex, "produces"), describe(ex)


def test_hyphenated_modifier_stays_with_the_product(run):
    ex = run("The Kaluga Motor Plant supplies two-stroke engines to drone makers.")
    assert entity(ex, "two-stroke engines") is not None, describe(ex)


def test_dateline_is_not_the_subject(run):
    ex = run("OMSK — Last year the Omsk Transport Works built armoured recovery vehicles for the army.")
    assert any("vehicles" in t for t in _texts(ex, "produces", "Omsk Transport Works")), describe(ex)


def test_rate_of_output_is_a_capacity(run):
    ex = run("The Kurgan Wheel Plant aims to reach a rate of 30 chassis a month by the end of 2026.")
    (c,) = claims(ex, "capacity", "Kurgan Wheel Plant")
    assert (c.value, c.period) == (30, "month"), describe(ex)


def test_named_plant_in_apposition_to_a_description_is_the_subject(run):
    ex = run("A third Belarusian plant, the Lida Axle Works, is due to begin producing trailers for missile "
             "launchers in 2026, documents suggest.")
    assert any("trailers" in t for t in _texts(ex, "produces", "Lida Axle Works")), describe(ex)
    assert ("scheduled_launch", "2026") in _events(ex, "Lida Axle Works"), describe(ex)


def test_sentence_case_headline_does_not_define_the_plant(run):
    ex = run("Drones hit a Russian explosives plant\n\nDrones struck the Biysk Oleum Plant overnight. The plant, one "
             "of Russia's largest makers of rocket fuel, belongs to the Tecmash holding.")
    assert key_of(ex, "Tecmash holding") in objects(ex, "part_of", "Biysk Oleum Plant"), describe(ex)
    assert any("rocket fuel" in t for t in _texts(ex, "produces", "Biysk Oleum Plant")), describe(ex)
    assert not claims(ex, "produces", "Russia"), describe(ex)


def test_figure_with_its_own_unnamed_subject_is_not_the_plants(run):
    ex = run("The Biysk Oleum Plant makes rocket fuel. Air defences shot down 14 drones over the region.")
    assert not [c for c in ex.claims if c.value == 14], describe(ex)


def test_the_company_refers_to_the_enterprise_facts_were_about(run):
    ex = run("The Votkinsk drone maker Sarapul Aero Systems made 3,000 Lastochka drones last year, its director "
             "said. The Baltic Trade Monitor, a research group, estimates that the company produced between "
             "1,000 and 2,000 of them.")
    got = [c for c in ex.claims if c.value == [1000, 2000]]
    assert got and got[0].subject == key_of(ex, "Sarapul Aero Systems"), describe(ex)


def test_person_after_a_company_is_no_company(run):
    ex = run("The chief of the drone company Sarapul Aero Systems, Oleg Tikhonov, said output had doubled.")
    assert entity(ex, "Oleg Tikhonov").type.value == "person", describe(ex)


def test_ownership_sentence_keeps_its_names(run):
    ex = run("Sarapul Aero Systems makes drones. It is a subsidiary of the Izhevsk Arms Concern.")
    assert key_of(ex, "Izhevsk Arms Concern") in objects(ex, "part_of", "Sarapul Aero Systems"), describe(ex)


def test_owner_name_the_model_reads_as_an_adjective(run):
    ex = run("Sarapul Aero Systems is a subsidiary of the Izhevsk Arms Concern, itself part of Rostec.")
    assert entity(ex, "Rostec").type.value == "organization", describe(ex)
    assert key_of(ex, "Rostec") in objects(ex, "part_of", "Izhevsk Arms Concern"), describe(ex)


def test_relying_on_foreign_goods_makes_the_country_a_supplier(run):
    ex = run("China sells components to many buyers. Sarapul Aero Systems makes drones and relies on Chinese "
             "engines.")
    got = claims(ex, "supplies", "China")
    assert any(c.object == key_of(ex, "Sarapul Aero Systems") for c in got), describe(ex)


def test_role_noun_with_a_place_before_the_name(run):
    ex = run("The engines replaced parts that had come from the Austrian maker Rotorwerk before 2022.")
    e = entity(ex, "Rotorwerk")
    assert e is not None and key_of(ex, "Austria") in objects(ex, "located_in", "Rotorwerk"), describe(ex)


def test_fronted_place_is_where_the_named_subject_works(run):
    ex = run("In Saratov, the instrument maker Tantal Works builds radio fuzes for artillery shells.")
    assert key_of(ex, "Saratov") in objects(ex, "located_in", "Tantal Works"), describe(ex)


def test_fronted_year_is_no_place(run):
    ex = run("In 2024, the Tantal Works built radio fuzes for artillery shells.")
    assert not claims(ex, "located_in"), describe(ex)


def test_trading_house_in_a_city(run):
    ex = run("Nandi Aerotech Private Limited, an Indian trading house in Pune, sold helicopter parts to Russia.")
    objs = objects(ex, "located_in", "Nandi Aerotech Private Limited")
    assert key_of(ex, "Pune") in objs and key_of(ex, "India") in objs, describe(ex)


def test_maker_noun_with_its_goods_before_the_name(run):
    ex = run("Its biggest customer is the Russian radio maker Kremnevo, a firm in Tula.")
    assert "radios" in _texts(ex, "produces", "Kremnevo"), describe(ex)


def test_known_for_its_goods(run):
    ex = run("KB Tsvet, a Gomel design bureau known for electronic warfare gear, hired 200 engineers in 2024.")
    assert any("electronic warfare gear" in t for t in _texts(ex, "produces", "KB Tsvet")), describe(ex)


def test_output_switched_to_new_goods(run):
    ex = run("The components maker OJSC Polotsk Elektron has switched much of its output to ceramic capacitors.")
    assert any("ceramic capacitors" in t for t in _texts(ex, "produces", "OJSC Polotsk Elektron")), describe(ex)


def test_a_family_of_weapons_is_no_product(run):
    ex = run("KB Tsvet is the developer of the Shtorm family of anti-drone jammers.")
    assert "family" not in _texts(ex, "produces", "KB Tsvet"), describe(ex)


def test_it_refers_to_the_company_that_opens_the_previous_sentence(run):
    ex = run("Spare parts went to the Orel Optics Plant, the maker of tank sights.\n\nNorthgate Components Limited, "
             "a Macau distributor. Since 2024 it has sold 5,000 microcontrollers to Russian importers.")
    assert claims(ex, "delivered", "Northgate Components Limited"), describe(ex)
    assert not claims(ex, "delivered", "Orel Optics Plant"), describe(ex)


def test_which_after_based_in_a_town_is_the_company(run):
    ex = run("Lanna Cells Co., Ltd., based in Chiang Mai, Thailand, which sent 20,000 battery cells to Russian "
             "drone assemblers in 2025.")
    assert claims(ex, "delivered", "Lanna Cells Co., Ltd."), describe(ex)
    assert not claims(ex, "delivered", "Chiang Mai"), describe(ex)


def test_provided_plants_with_parts_is_a_supply_not_production(run):
    ex = run("Nandi Aerotech Private Limited provided Russian repair plants with helicopter spare parts.")
    assert claims(ex, "supplies", "Nandi Aerotech Private Limited"), describe(ex)
    assert not claims(ex, "produces", "Nandi Aerotech Private Limited"), describe(ex)


def test_the_group_refers_to_the_named_holding(run):
    ex = run("The clearest case is the Zenit holding in Minsk. The group, which for decades assembled television "
             "sets, has set up a line for thermal sights. In 2024 it delivered 900 thermal sights to Russia.")
    assert claims(ex, "delivered", "Zenit"), describe(ex)


def test_acronym_after_an_institute_is_its_name_whatever_the_model_says(run):
    ex = run("The Minsk Instrument-Making Institute (MIMI) builds radar equipment for air defence units.")
    e = entity(ex, "MIMI")
    assert e is not None and e.type.value == "organization" and "Instrument-Making Institute" in e.name, describe(ex)


def test_owner_named_after_a_possessive_holding(run):
    ex = run("The enterprise, which is controlled by Rostec's munitions holding Tecmash, turns out propellant "
             "charges. The Kotovsk Powder Works is controlled by Rostec's munitions holding Tecmash.")
    assert key_of(ex, "Tecmash") in objects(ex, "part_of", "Kotovsk Powder Works"), describe(ex)


def test_headline_makes_no_claims(run):
    ex = run("Belarus pours money into shell lines as demand grows\n\nBy Staff\n\nThe Gomel Works makes fuzes.")
    assert not claims(ex, "produces", "Belarus"), describe(ex)


def test_figure_belongs_to_the_organisation_that_did_it(run):
    ex = run("Between May 2024 and June 2025 Caspian Freight Line LLC handled at least 40 consignments, according to "
             "Kazakh export records.")
    got = [c for c in ex.claims if c.value == 40]
    assert got and got[0].subject == key_of(ex, "Caspian Freight Line LLC"), describe(ex)


def test_reselling_parts_is_a_supply(run):
    ex = run("Kaspiy Snab LLC buys engines abroad and resells the engines to the Kizlyar Instrument Plant.")
    got = claims(ex, "supplies", "Kaspiy Snab LLC")
    assert got and got[0].object == key_of(ex, "Kizlyar Instrument Plant"), describe(ex)


def test_production_since_a_date_is_when_operations_started(run):
    ex = run("The Vyatka Cartridge Works has been filling 122 mm shells since March 2025.")
    assert ("operations_started", "2025-03") in _events(ex, "Vyatka Cartridge Works"), describe(ex)


def test_interview_answers_speak_for_the_interviewee_and_we_is_his_company(run):
    ex = run("Barrels on demand: an interview\n\nVolga Forge Works, the Saratov enterprise that forges gun barrels, "
             "is one of few such plants. Its production chief, Pavel Orekhov, answered our questions.\n\n"
             "Q: Who owns the plant?\n\nA: We are a subsidiary of the Moscow Thermal Institute.\n\n"
             "Q: What do you make?\n\nA: Mostly barrels for howitzers.")
    got = claims(ex, "part_of", "Volga Forge Works")
    assert got and got[0].object == key_of(ex, "Moscow Thermal Institute"), describe(ex)
    assert got[0].attributed_to == [key_of(ex, "Pavel Orekhov")], describe(ex)


def test_data_compiled_by_a_group_are_its_figures(run):
    ex = run("Customs data compiled by the research group Baltic Trade Monitor show that Lanna Cells Co., Ltd. "
             "shipped 20,000 battery cells to Russia in 2025.")
    got = [c for c in ex.claims if c.value == 20000]
    assert got and got[0].attributed_to == [key_of(ex, "Baltic Trade Monitor")], describe(ex)


def test_records_assembled_by_a_group_are_its_figures(run):
    ex = run("Shipping records assembled by the research group Baltic Trade Monitor show that Lanna Cells Co., Ltd. "
             "sent 20,000 battery cells to Russia in 2025.")
    got = [c for c in ex.claims if c.value == 20000]
    assert got and got[0].attributed_to == [key_of(ex, "Baltic Trade Monitor")], describe(ex)


def test_goods_assembled_by_a_plant_are_made_not_sourced(run):
    ex = run("The Polye mine-laying system is assembled by the Kurgan Machine Works.")
    made = claims(ex, "produces", "Kurgan Machine Works")
    assert made and all(c.attributed_to == [] and c.modality.value == "reported" for c in made), describe(ex)


# --- new production units, named only by description ----------------------------------------------

def test_new_hall_with_a_trade_word_is_a_facility_of_its_enterprise(run):
    ex = run("The Kurgan Axle Plant is adding a new painting hall. The hall should open in March 2026.")
    hall = entity(ex, "new painting hall")
    assert hall is not None and hall.type.value == "facility", describe(ex)
    assert objects(ex, "part_of", "new painting hall") == {key_of(ex, "Kurgan Axle Plant")}, describe(ex)
    assert any(c.date == "2026-03" for c in claims(ex, "milestone", "new painting hall")), describe(ex)


def test_second_clean_room_is_a_facility(run):
    ex = run("The Minsk chip maker Orbita is building a second clean room.")
    assert entity(ex, "second clean room") is not None, describe(ex)


def test_second_site_in_a_town_is_a_facility_there(run):
    ex = run("The Omsk Motor Works plans a second site, in Tara, due to open in 2027.")
    site = entity(ex, "second site, in Tara")
    assert site is not None and site.type.value == "facility", describe(ex)
    assert objects(ex, "located_in", "second site, in Tara") == {key_of(ex, "Tara")}, describe(ex)


def test_new_supply_line_is_not_a_facility(run):
    ex = run("The Kurgan Axle Plant opened a new supply line to its customers in Kazakhstan.")
    assert not [e for e in ex.entities if e.type.value == "facility"], describe(ex)


def test_the_shop_later_is_the_described_shop(run):
    ex = run("The Biysk Chemical Plant is bringing back a shop for rocket propellant. "
             "The plant says the shop will ship its first charges in the first half of 2026.")
    shop = entity(ex, "shop for rocket propellant")
    assert shop is not None and any(m.text == "shop" for m in shop.mentions), describe(ex)
    assert any(c.date == "2026" for c in claims(ex, "milestone", "shop for rocket propellant")), describe(ex)


def test_it_after_a_new_unit_in_the_same_sentence_is_that_unit(run):
    ex = run("The Tver Motor Works says a second site, in Kimry, will double output once it opens in 2027.")
    assert any(c.date == "2027" for c in claims(ex, "milestone", "second site, in Kimry")), describe(ex)


# --- makers named in relative clauses, plant descriptions and misparsed verbs --------------------------

def test_passive_relative_clause_names_the_maker(run):
    ex = run("The bombers need NK-32 engines, which are produced by the Kuznetsov Engine Works in Samara.")
    got = claims(ex, "produces", "Kuznetsov Engine Works")
    assert got and got[0].object_detail == "NK-32 engines", describe(ex)


def test_active_relative_clause_names_the_maker(run):
    ex = run("Nearly every helicopter flies on the VK-2500 family, which the Klimov Plant has been producing "
             "since 2015.")
    assert objects(ex, "produces", "Klimov Plant") == {key_of(ex, "VK-2500")}, describe(ex)


def test_goods_between_a_name_and_a_plant_word_are_made_there(run):
    ex = run("Drones struck the Kremniy El microelectronics plant in Bryansk.")
    assert _texts(ex, "produces", "Kremniy El") == {"microelectronics"}, describe(ex)


def test_repair_plant_makes_nothing_by_its_name(run):
    ex = run("Drones struck the Kremniy El repair plant in Bryansk.")
    assert not claims(ex, "produces"), describe(ex)


def test_making_verb_misread_as_a_noun_still_names_the_maker(run):
    ex = run("In Ulyanovsk, Aviastar-SP assembles the Il-76MD-90A heavy transport aircraft.")
    assert objects(ex, "produces", "Aviastar-SP") == {key_of(ex, "Il-76MD-90A")}, describe(ex)


def test_one_word_maker_of_a_designated_weapon_is_an_organisation(run):
    ex = run("Aviastar is also building the Il-78M-90A tanker at the Ulyanovsk Aviation Plant.")
    assert entity(ex, "Aviastar").type.value == "organization", describe(ex)
    assert objects(ex, "produces", "Aviastar") == {key_of(ex, "Il-78M-90A")}, describe(ex)


# --- where a firm is ------------------------------------------------------------------------------------

def test_place_after_an_acronym_in_brackets(run):
    ex = run("The Tambov Powder Plant (TPZ) in Kotovsk makes powder.")
    assert objects(ex, "located_in", "Tambov Powder Plant") == {key_of(ex, "Kotovsk")}, describe(ex)


def test_firm_of_a_town_and_its_country(run):
    ex = run("The parts were sold by Orion Components LLC of Almaty, Kazakhstan.")
    got = objects(ex, "located_in", "Orion Components LLC")
    assert key_of(ex, "Kazakhstan") in got, describe(ex)


def test_town_of_with_a_regional_adjective(run):
    ex = run("The Kizlyar Electromechanical Plant is in the Dagestani town of Kizlyar.")
    assert objects(ex, "located_in", "Kizlyar Electromechanical Plant") == {key_of(ex, "Kizlyar")}, describe(ex)


# --- whose goods go into a weapon ---------------------------------------------------------------------

def test_possessor_of_goods_that_go_into_a_weapon(run):
    ex = run("The Nammo Group's shells go into the Archer howitzers.")
    assert objects(ex, "used_in", "Nammo Group") == {key_of(ex, "Archer")}, describe(ex)


def test_goods_of_a_plant_that_go_into_a_weapon(run):
    ex = run("The fuzes of the Murom Instrument Plant go into 152-millimetre shells for the Msta-S.")
    assert objects(ex, "used_in", "Murom Instrument Plant") == {key_of(ex, "Msta-S")}, describe(ex)


def test_maker_of_goods_installed_on_weapons(run):
    ex = run("The Polyot Plant makes parachutes. The company also sews the braking parachutes that are installed "
             "on the Su-34 and Tu-22M3.")
    assert objects(ex, "used_in", "Polyot Plant") == {key_of(ex, "Su-34"), key_of(ex, "Tu-22M3")}, describe(ex)


def test_numeric_first_missile_designators(run):
    ex = run("Motors for the 48N6 are cast by the Iskra Works.")
    assert entity(ex, "48N6").type.value == "weapon_system", describe(ex)
    assert objects(ex, "used_in", "Iskra Works") == {key_of(ex, "48N6")}, describe(ex)


def test_ground_broken_and_work_launched_are_construction_starts(run):
    ex = run("The Kurgan Axle Plant is adding a new painting hall, where ground was broken in February 2024.")
    assert ("construction_started", "2024-02") in _events(ex, "new painting hall"), describe(ex)
    ex = run("The Kurgan Axle Plant is adding a new painting hall. Work on the building was launched in May 2024.")
    events = {e for c in ex.claims if c.predicate.value == "milestone" for e in [str(c.event)]}
    assert events == {"construction_started"}, describe(ex)


def test_enterprise_named_after_its_town_is_located_there(run):
    ex = run("The Bryansk Electromechanical Plant makes jammers. Drones struck Bryansk last week, damaging the plant.")
    assert objects(ex, "located_in", "Bryansk Electromechanical Plant") == {key_of(ex, "Bryansk")}, describe(ex)


def test_government_named_after_its_region_is_not_an_enterprise_site(run):
    ex = run("The Bryansk regional administration said drones struck Bryansk last week.")
    assert not claims(ex, "located_in"), describe(ex)


def test_place_before_based_or_registered_names_where_the_firm_is(run):
    ex = run("The report comes from the Aarhus-based Kattegat Institute. Steppe Alloys Holding, a Cyprus-registered "
             "company, owns the mill.")
    assert objects(ex, "located_in", "Kattegat Institute") == {key_of(ex, "Aarhus")}, describe(ex)
    assert objects(ex, "located_in", "Steppe Alloys Holding") == {key_of(ex, "Cyprus")}, describe(ex)


def test_consigning_goods_to_a_plant_is_a_supply(run):
    ex = run("In 2025 Irtysh Metal Trade LLP consigned 1,100 tonnes of strip to the Tula Cartridge Works.")
    assert objects(ex, "supplies", "Irtysh Metal Trade LLP") == {key_of(ex, "Tula Cartridge Works")}, describe(ex)


def test_goods_made_in_a_numbered_workshop_or_where_clause(run):
    ex = run("The Murom Instrument Plant reopened workshop No. 12, where fuzes for artillery ammunition are assembled.")
    got = claims(ex, "produces", "workshop No. 12")
    assert got and got[0].object_detail == "fuzes for artillery ammunition", describe(ex)


def test_passive_making_verb_with_an_agent_names_unlisted_goods(run):
    ex = run("That payload is built by the Special Technology Center.")
    assert _texts(ex, "produces", "Special Technology Center") == {"payload"}, describe(ex)


def test_named_weapon_as_passive_subject_is_not_a_product(run):
    ex = run("- Ka-52M attack helicopters are assembled only by the Progress Aviation Plant.")
    assert not [c for c in claims(ex, "produces") if (c.object_detail or c.object_text or "").startswith("-")]
    assert entity(ex, "attack helicopters") is None, describe(ex)


def test_transcript_with_name_labels_speaks_for_the_named_interviewee(run):
    ex = run("Engines on demand: an interview\n\nWe spoke to Dr Ingrid Halvorsen of the Nordfjord Institute about "
             "Russian engine makers.\n\nNDR: Who builds the engines?\n\nHALVORSEN: The Perm Motor Works builds "
             "PD-14 engines for the MC-21.\n\nNDR: And the helicopters?\n\nHALVORSEN: Those engines come from the "
             "Klimov Plant in St Petersburg.")
    person = entity(ex, "Ingrid Halvorsen")
    assert person is not None and person.type.value == "person", describe(ex)
    got = claims(ex, "produces", "Perm Motor Works")
    assert got and got[0].attributed_to == [person.key], describe(ex)


def test_paragraphs_opening_with_labels_but_no_questions_are_not_a_transcript(run):
    ex = run("Update: The Perm Motor Works builds PD-14 engines.\n\nNote: The Klimov Plant builds VK-2500 engines."
             "\n\nUpdate: Output grew.\n\nNote: Figures are estimates.")
    assert all(not c.attributed_to for c in claims(ex, "produces")), describe(ex)


# --- an enterprise speaking of itself -----------------------------------------------------------------

def test_the_company_says_is_the_company_named_before(run):
    ex = run("Lenta Motors makes drone motors in Dongguan. The company says it can produce up to 900,000 motors "
             "a year.")
    got = [c for c in ex.claims if c.value == 900000]
    assert got and got[0].attributed_to == [key_of(ex, "Lenta Motors")], describe(ex)


def test_according_to_the_plant_is_the_plant_speaking_of_itself(run):
    ex = run("The Kama Cord Works makes tyre cord. Kama Cord Works employs 1,300 people, according to the plant.")
    got = [c for c in ex.claims if c.value == 1300]
    k = key_of(ex, "Kama Cord Works")
    assert got and got[0].subject == k and got[0].attributed_to == [k], describe(ex)


def test_the_company_reporting_and_saying_stays_the_subject_and_is_the_source(run):
    ex = run("Vesna Electronics Co., Ltd. reported sales of $40 million for 2025 and says exports made up "
             "around 60 per cent of them.")
    k = key_of(ex, "Vesna Electronics")
    got = [c for c in ex.claims if c.value == 60]
    assert got and got[0].subject == k and got[0].attributed_to == [k], describe(ex)


def test_a_source_carried_over_is_not_the_source_of_its_own_facts(run):
    ex = run("The Orsk Armour Plant said on Monday that it had doubled its output of armour steel. The plant is "
             "part of the Ural Steel holding.")
    got = claims(ex, "part_of", "Orsk Armour Plant")
    assert got and got[0].attributed_to == [], describe(ex)


def test_source_named_right_before_a_saying_verb_the_parser_left_without_subject(run):
    ex = run("Iran has sent more than 400 drones to Russia since May 2024, Ukraine's Defence Intelligence Directorate "
             "(HUR) said on Friday.")
    got = claims(ex, "supplies", "Iran")
    assert got and got[0].attributed_to == [key_of(ex, "Defence Intelligence Directorate")], describe(ex)


def test_a_saying_verb_coordinated_without_and_does_not_borrow_the_fact_s_subject(run):
    ex = run("North Korea has shipped 9,000 containers of shells to Russia, Seoul's Joint Staff Office said.")
    got = claims(ex, "supplies", "North Korea")
    assert got and key_of(ex, "North Korea") not in got[0].attributed_to, describe(ex)


def test_an_interview_in_dashed_turns_speaks_for_the_interviewee(run):
    ex = run("Gyroscopes for helicopters: an interview\n\nTuman Optics in Lida makes gyroscopes. We spoke to its "
             "director, Ales Radkevich.\n\n— Who are your customers now?\n\n— We ship our gyroscopes to the Kazan "
             "Helicopter Plant.\n\n— And who owns you?\n\n— We are a subsidiary of the Vostok Instrument Holding.")
    sup = claims(ex, "supplies", "Tuman Optics")
    assert sup and sup[0].object == key_of(ex, "Kazan Helicopter Plant"), describe(ex)
    assert sup[0].attributed_to == [key_of(ex, "Ales Radkevich")], describe(ex)
    assert objects(ex, "part_of", "Tuman Optics") == {key_of(ex, "Vostok Instrument Holding")}, describe(ex)


def test_a_list_with_dashes_is_no_interview(run):
    ex = run("Notes from the fair\n\nTuman Optics in Lida makes gyroscopes. Its director is Ales Radkevich.\n\n"
             "— Tuman Optics ships gyroscopes to the Kazan Helicopter Plant.\n\n— Its new hall opens in May.\n\n"
             "— Prices rose in 2025.")
    sup = claims(ex, "supplies", "Tuman Optics")
    assert sup and sup[0].attributed_to != [key_of(ex, "Ales Radkevich")], describe(ex)


def test_a_question_states_no_fact(run):
    ex = run("Does the Kazan Helicopter Plant now buy its gyroscopes from Tuman Optics? The company would not say.")
    assert not claims(ex, "supplies"), describe(ex)


def test_a_new_test_bench_is_a_unit_of_its_plant_with_its_own_milestone(run):
    ex = run("The Kobryn Repair Plant overhauls T-72 tanks. A new engine test bench, paid for by the Russian side, "
             "was completed in October 2025.")
    bench = entity(ex, "new engine test bench")
    assert bench is not None and bench.type.value == "facility", describe(ex)
    assert ("completed", "2025-10") in {(c.event, c.date) for c in claims(ex, "milestone", "new engine test bench")}, \
        describe(ex)


@pytest.mark.parametrize(("text", "unit", "event", "date"), [
    ("The Vitsba Axle Works makes axles. A third assembly line is planned for 2027, the company said.",
     "third assembly line", "planned", "2027"),
    ("The Vitsba Axle Works makes axles. A new machining line would be installed in 2026.",
     "new machining line", "scheduled_launch", "2026"),
    ("The Vitsba Axle Works opened a new workshop. Building work began in the spring of last year.",
     "new workshop", "construction_started", "2024"),
    ("The Vitsba Axle Works plans a new circuit-board building. Construction is to begin in the first quarter of "
     "2027.", "new circuit-board building", "construction_started", "2027"),
    ("The Vitsba Axle Works plans a new circuit-board building. Construction is to begin in 2027, with the first "
     "chips expected at the end of 2028.", "new circuit-board building", "scheduled_launch", "2028-12"),
])
def test_milestones_of_new_units_in_plain_wording(run, text, unit, event, date):
    ex = run(text)
    assert (event, date) in _events(ex, unit), describe(ex)


def test_a_transcripts_speaker_label_makes_the_paragraph_the_speakers(run):
    ex = run("Steering plant on the evening news\n\n[00:12] REPORTER: The Lida Steering Works opened a new workshop "
             "today.\n\n[00:31] SOUNDBITE, ULADZIMIR KASPER, GENERAL DIRECTOR: Thanks to the new hall we can now "
             "assemble four thousand pumps every month.\n\n[00:50] REPORTER: Director Uladzimir Kasper says orders "
             "grow.")
    cap = claims(ex, "capacity")
    assert cap and cap[0].attributed_to == [key_of(ex, "Uladzimir Kasper")], describe(ex)


def test_a_new_assembly_section_is_a_unit_of_its_enterprise(run):
    ex = run("Uralsky Priborny Zavod JSC today commissioned a new assembly section for thermal sights at its site in "
             "Yekaterinburg.")
    section = entity(ex, "new assembly section")
    assert section is not None and section.type.value == "facility", describe(ex)
    assert objects(ex, "part_of", "new assembly section") == {key_of(ex, "Uralsky Priborny Zavod JSC")}, describe(ex)


@pytest.mark.parametrize("text", [
    "The Veltron Instrument Works has opened a second assembly hall for Skvorets drones.",
    "Veltron Instrument Works built a new production line for Skvorets drones last year.",
])
def test_a_making_unit_for_a_weapon_is_its_owners_production(run, text):
    """A hall or line "for" a weapon is where the enterprise makes it: the enterprise produces the weapon; the
    weapon is no destination of the enterprise's goods."""
    ex = run(text)
    assert key_of(ex, "Skvorets") in objects(ex, "produces", "Veltron Instrument Works"), describe(ex)
    assert not claims(ex, "used_in"), describe(ex)


def test_a_workshop_for_goods_is_its_owners_production(run):
    ex = run("The Veltron Instrument Works is bringing back a workshop for solid rocket propellant.")
    assert any("propellant" in t for t in _texts(ex, "produces", "Veltron Instrument Works")), describe(ex)


def test_a_hangar_for_a_weapon_is_no_use_of_goods(run):
    ex = run("The Veltron Instrument Works built a hangar for Su-34 bombers.")
    assert not claims(ex, "used_in"), describe(ex)
    assert not claims(ex, "produces"), describe(ex)
