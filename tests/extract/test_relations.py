"""Relations stated in descriptive wording (extract/relations.py), on purpose-written sentences."""

from __future__ import annotations

import pytest
from extract_helpers import claims, describe, entity, key_of, objects


def test_place_in_an_apposed_role_noun_is_located_in(run):
    ex = run("Zelvorsk Motors, the Chelyabinsk engine maker, builds diesel engines for armoured trucks.")
    assert key_of(ex, "Chelyabinsk") in objects(ex, "located_in", "Zelvorsk Motors"), describe(ex)


def test_based_in_with_city_and_country(run):
    ex = run("The drone engines were shipped by Norveld Trading, a distributor based in Bremen, Germany.")
    assert entity(ex, "Norveld Trading").type.value == "organization", describe(ex)
    objs = objects(ex, "located_in", "Norveld Trading")
    assert {key_of(ex, "Bremen"), key_of(ex, "Germany")} <= objs, describe(ex)


def test_headquartered_in_makes_a_place(run):
    ex = run("The Arkon Instrument Corporation, headquartered in Tverskoy, makes guidance units for cruise missiles.")
    assert entity(ex, "Tverskoy").type.value == "place", describe(ex)
    assert key_of(ex, "Tverskoy") in objects(ex, "located_in", "Arkon Instrument Corporation"), describe(ex)


def test_belongs_to_in_a_relative_clause_is_part_of(run):
    ex = run("Volgatek, the Samara rocket maker that belongs to the state holding Rostec, "
             "makes 122 mm rockets.")
    assert key_of(ex, "Rostec") in objects(ex, "part_of", "Volgatek"), describe(ex)


def test_which_reports_to_is_part_of(run):
    ex = run("The Mirza Engine Company, which reports to the Ministry of Industry, assembles piston engines.")
    assert key_of(ex, "Ministry of Industry") in objects(ex, "part_of", "Mirza Engine Company"), describe(ex)


def test_passive_built_by_is_produces(run):
    ex = run("The Karak-7 reconnaissance drone is built by Sepand Aero Industries, a state firm.")
    assert key_of(ex, "Karak-7") in objects(ex, "produces", "Sepand Aero Industries"), describe(ex)


def test_passive_made_in_place_by_gives_maker_and_place(run):
    ex = run("The thermal sights used in the Tor-M2 are made in Belarus by the Polotsk Optics Company.")
    cs = claims(ex, "produces", "Polotsk Optics Company")
    assert any(c.object_text and "thermal sights" in c.object_text for c in cs), describe(ex)
    assert not any(c.object == key_of(ex, "Tor-M2") for c in cs), describe(ex)
    assert key_of(ex, "Belarus") in objects(ex, "located_in", "Polotsk Optics Company"), describe(ex)


def test_organisation_owning_organisation_by_possessive(run):
    ex = run("Borvik, the plant in Kurovo that makes the BTR-90 armoured vehicle, is now part of "
             "Tekhmash's Armoured Systems holding.")
    assert entity(ex, "Kurovo").type.value == "place", describe(ex)
    assert key_of(ex, "Kurovo") in objects(ex, "located_in", "Borvik"), describe(ex)
    assert key_of(ex, "BTR-90") in objects(ex, "produces", "Borvik"), describe(ex)
    assert key_of(ex, "Tekhmash") not in objects(ex, "part_of", "Borvik"), describe(ex)
    holding = key_of(ex, "Armoured Systems")
    assert holding in objects(ex, "part_of", "Borvik"), describe(ex)
    assert key_of(ex, "Tekhmash") in {c.object for c in ex.claims if c.subject == holding}, describe(ex)


def test_through_its_subsidiary(run):
    ex = run("Dorenko Concern, the Tula rifle maker, produces the Vezha loitering munition through its subsidiary "
             "Strix Aero Group.")
    assert entity(ex, "Dorenko Concern").type.value == "organization", describe(ex)
    assert entity(ex, "Vezha").type.value == "weapon_system", describe(ex)
    assert key_of(ex, "Dorenko Concern") in objects(ex, "part_of", "Strix Aero Group"), describe(ex)
    assert key_of(ex, "Vezha") in objects(ex, "produces", "Strix Aero Group"), describe(ex)


def test_pronoun_under_a_reporting_verb_is_the_speaker(run):
    ex = run("Orlovsky Machine Works said it would build a new drone factory in Kirov.")
    fac = [e for e in ex.entities if e.type.value == "facility"]
    assert fac, describe(ex)
    cs = [c for c in ex.claims if c.subject == fac[0].key and c.predicate.value == "part_of"]
    assert cs and cs[0].object == key_of(ex, "Orlovsky Machine Works"), describe(ex)
    assert cs[0].modality.value == "planned", describe(ex)
    made = [c for c in ex.claims if c.subject == fac[0].key and c.predicate.value == "produces"]
    assert any(c.object_text == "drones" for c in made), describe(ex)


# ---------------------------------------------------------------------------------------------- numbers and roles

def test_recipient_is_not_the_country_of_the_source(run):
    ex = run("German officials estimated that Serbia had sent more than 500 artillery rockets.")
    germany = key_of(ex, "German") if entity(ex, "German") else None
    cs = claims(ex, "delivered", "Serbia") + claims(ex, "supplies", "Serbia")
    assert cs, describe(ex)
    assert all(c.object is None or c.object != germany for c in cs), describe(ex)
    assert not any(c.object == key_of(ex, "Serbia") for c in ex.claims), describe(ex)


def test_received_from_is_delivered_by_the_sender(run):
    ex = run("Armenia received about 3,000 artillery shells from India in 2024, the ministry said.")
    cs = claims(ex, "delivered", "India")
    assert cs and cs[0].object == key_of(ex, "Armenia") and cs[0].value == 3000, describe(ex)


def test_designator_number_is_not_a_quantity(run):
    ex = run("The Volna loitering munition, also designated Izdeliye 23, is assembled by Tekhpribor.")
    assert not any(c.value == 23 for c in ex.claims), describe(ex)


def test_floor_area_is_a_statistic_of_the_facility(run):
    ex = run("In 2024 the Rostov Tank Works said it would build a tank plant in Taganrog covering "
             "20,000 square metres.")
    assert not claims(ex, "capacity"), describe(ex)
    (st,) = [c for c in claims(ex, "statistic") if c.value == 20000]
    assert ex_entity_type(ex, st.subject) == "facility", describe(ex)


def ex_entity_type(ex, key):
    return next(e.type.value for e in ex.entities if e.key == key)


def test_rate_without_unit_keeps_what_it_counts(run):
    ex = run("Zvezda Aero was building a new production line that could lift Kh-35 output to 30 a month.")
    cs = [c for c in claims(ex, "capacity") if c.value == 30]
    assert cs and cs[0].object_text and "Kh-35" in cs[0].object_text, describe(ex)


def test_share_belongs_to_the_clause_subject(run):
    ex = run("In 2023 Vietnam accounted for about 40% of Laos's imports of rifles, the ministry said.")
    cs = [c for c in claims(ex, "statistic") if c.value == 40]
    assert cs and cs[0].subject == key_of(ex, "Vietnam"), describe(ex)


def test_shipments_made_to_a_recipient_are_delivered(run):
    ex = run("OOO Kestrel Trading made 12 shipments of servo motors to Volga Aviation JSC in 2024.")
    cs = [c for c in ex.claims if c.predicate.value == "delivered" and c.value == 12]
    assert cs and cs[0].object == key_of(ex, "Volga Aviation"), describe(ex)
    assert cs[0].subject == key_of(ex, "Kestrel Trading"), describe(ex)


def test_received_shipments_from_is_supplied_by_the_sender(run):
    ex = run("The minister said Armenia had received shipments of Pinaka rocket launchers from India.")
    cs = claims(ex, "supplies", "India")
    assert cs and cs[0].object == key_of(ex, "Armenia"), describe(ex)
    assert not claims(ex, "supplies", "Armenia"), describe(ex)


def test_one_word_name_before_its_acronym(run):
    ex = run("Ostrovmash (OMZ), the Kirov engine maker that belongs to the state holding Rostec, makes diesel "
             "engines for tanks.")
    e = entity(ex, "Ostrovmash")
    assert e is not None and e.key == key_of(ex, "OMZ"), describe(ex)
    assert key_of(ex, "Rostec") in objects(ex, "part_of", "OMZ"), describe(ex)


def test_place_modifying_a_company_noun_is_not_an_alias(run):
    ex = run("The order names Danube Avionika Ticaret, a Varna trading company also known as Danube Avionika, "
             "which shipped drone engines to Russia.")
    varna = entity(ex, "Varna")
    danube = entity(ex, "Danube Avionika")
    assert danube is not None and danube.type.value == "organization", describe(ex)
    assert varna is None or varna.key != danube.key, describe(ex)
    assert varna is None or varna.key in objects(ex, "located_in", "Danube Avionika"), describe(ex)


def test_described_company_is_a_fallback_subject(run):
    ex = run("Brasov Teknik, a Romanian trading company, sells drone engines. Between May and June Brasov Teknik "
             "made 12 shipments of servo motors to Russia.")
    cs = [c for c in ex.claims if c.predicate.value == "delivered" and c.value == 12]
    assert cs and cs[0].subject == key_of(ex, "Brasov Teknik"), describe(ex)


# ---------------------------------------------------------------------------------------------- new facilities

def test_new_assembly_shop_is_a_planned_facility_of_the_speaker(run):
    ex = run("Omsktransmash said it planned to open a new assembly shop in Nizhny Novgorod in 2026.")
    shop = next((e for e in ex.entities if e.type.value == "facility"), None)
    assert shop is not None and "assembly shop" in shop.name, describe(ex)
    part = [c for c in ex.claims if c.subject == shop.key and c.predicate.value == "part_of"]
    assert part and part[0].object == key_of(ex, "Omsktransmash") and part[0].modality.value == "planned", describe(ex)
    assert any(c.subject == shop.key and c.object == key_of(ex, "Nizhny Novgorod")
               for c in claims(ex, "located_in")), describe(ex)
    ms = [c for c in claims(ex, "milestone") if c.subject == shop.key]
    assert ms and ms[0].date == "2026", describe(ex)


def test_new_production_line_built_by_a_company(run):
    ex = run("Zvezda Aero was building a new production line for cruise missiles.")
    line = next((e for e in ex.entities if e.type.value == "facility"), None)
    assert line is not None and "production line" in line.name, describe(ex)
    assert any(c.subject == line.key and c.object == key_of(ex, "Zvezda Aero") for c in claims(ex, "part_of"))


def test_front_line_is_not_a_facility(run):
    ex = run("Russian troops fired 152 mm shells along the front line near Pokrovsk.")
    assert not [e for e in ex.entities if e.type.value == "facility"], describe(ex)


def test_a_new_workshop_after_sentences_about_a_plant_is_part_of_it(run):
    ex = run("JSC Kestrel Optics makes thermal sights for tanks. A new workshop is scheduled to open in March 2026.")
    shop = next((e for e in ex.entities if e.type.value == "facility"), None)
    assert shop is not None, describe(ex)
    assert any(c.subject == shop.key and c.object == key_of(ex, "Kestrel Optics") for c in claims(ex, "part_of"))


def test_object_of_a_conjoined_other_verb_is_not_produced(run):
    ex = run("JSC Uraltek builds the T-80BVM main battle tank and modernises older T-62 models.")
    objs = objects(ex, "produces", "Uraltek")
    assert key_of(ex, "T-80BVM") in objs, describe(ex)
    assert key_of(ex, "T-62") not in objs, describe(ex)


def test_the_plant_without_product_words_is_the_plant_named_before(run):
    ex = run("Much of the explosive ends up at the Perm Powder Plant, a large propellant maker. "
             "The state-owned plant supplies propellant charges for 152 mm shells fired by Msta-S howitzers.")
    assert not [e for e in ex.entities if e.type.value == "facility"], describe(ex)
    plant = key_of(ex, "Perm Powder Plant")
    assert any(c.subject == plant for c in claims(ex, "supplies") + claims(ex, "used_in")), describe(ex)


def test_exports_reaching_a_figure_are_delivered(run):
    ex = run("India has become an arms supplier in the Caucasus. Indian exports of artillery shells to Armenia "
             "reached more than 40,000 units in 2024, customs data show.")
    cs = [c for c in claims(ex, "delivered") if c.value == 40000]
    assert cs and cs[0].subject == key_of(ex, "India"), describe(ex)
    assert cs[0].object == key_of(ex, "Armenia"), describe(ex)


def test_port_of_a_town_is_a_facility_in_its_country(run):
    ex = run("Russia shipped artillery shells to Syria. The ships unloaded the shells at the Syrian port of Tartus.")
    tartus = entity(ex, "Tartus")
    assert tartus is not None and tartus.type.value == "facility", describe(ex)
    assert key_of(ex, "Syria") in objects(ex, "located_in", "Tartus"), describe(ex)


def test_agentless_passive_supply_continues_the_last_supply(run):
    ex = run("According to Ukrainian officials, Belarus began delivering artillery shells to Russia in 2022. "
             "Tor-M2 launchers were also supplied.")
    cs = [c for c in claims(ex, "supplies", "Belarus") if c.object_text and "Tor-M2" in c.object_text]
    assert cs and cs[0].object == key_of(ex, "Russia"), describe(ex)


def test_ranges_are_one_figure(run):
    ex = run("JSC Kestrel Optics could assemble 100 to 200 thermal sights a month.")
    caps = claims(ex, "capacity")
    assert [c.value for c in caps] == [[100, 200]], describe(ex)
    ex = run("JSC Kestrel Optics makes 30-40 armoured trucks a month.")
    caps = claims(ex, "capacity")
    assert [c.value for c in caps] == [[30, 40]] and caps[0].object_text == "armoured trucks", describe(ex)


def test_a_figure_made_by_a_company_is_its_statistic(run):
    ex = run("Analysts estimated that JSC Uraltek produced about 90 new T-80BVM tanks in 2023.")
    cs = [c for c in claims(ex, "statistic") + claims(ex, "capacity") if c.value == 90]
    assert cs and cs[0].subject == key_of(ex, "Uraltek"), describe(ex)


def test_the_north_is_the_north_of_the_longer_place_name(run):
    ex = run("North Korea shipped artillery shells to Russia. Analysts say the North's factories run at full capacity.")
    assert entity(ex, "North") is None or entity(ex, "North").key == key_of(ex, "North Korea"), describe(ex)


def test_two_word_nationality_places_a_port(run):
    ex = run("South Korea exported artillery shells to Poland. The ships left from the South Korean port of Jinhae.")
    assert key_of(ex, "South Korea") in objects(ex, "located_in", "Jinhae"), describe(ex)


def test_apposition_missed_by_the_parser_after_an_acronym(run):
    ex = run("Investigators found that the broker passed the parts to the Volga Drone Center (VDC), the Samara "
             "manufacturer of the Orlan-30 reconnaissance drone used by Russian artillery units.")
    vdc = key_of(ex, "VDC")
    assert any(c.subject == vdc and c.object == key_of(ex, "Orlan-30") for c in claims(ex, "produces")), describe(ex)


def test_negated_supply_is_not_a_claim(run):
    ex = run("Ankara says it does not supply attack drones to either side.")
    assert not claims(ex, "supplies"), describe(ex)


def test_place_speaker_is_the_pronoun_subject(run):
    ex = run("JSC Kestrel Optics makes thermal sights. Minsk says it will supply thermal sights to Russia.")
    assert not claims(ex, "supplies", "Kestrel Optics"), describe(ex)


def test_supplying_a_country_with_several_things(run):
    ex = run("In return, Russia is believed to be supplying Belarus with oil, food and possibly space and missile "
             "technology, Polish officials said.")
    texts = {c.object_text for c in claims(ex, "supplies", "Russia") if c.object == key_of(ex, "Belarus")}
    assert {"oil", "food", "space and missile technology"} <= texts, describe(ex)
    assert all(c.modality.value == "possible" for c in claims(ex, "supplies", "Russia")), describe(ex)


def test_designer_named_once_in_a_design_sentence_is_kept(run):
    ex = run("The Karak-9 is an attack drone. It was designed by Sepand Aviation Research Center, a state body.")
    assert key_of(ex, "Karak-9") in objects(ex, "produces", "Sepand Aviation Research Center"), describe(ex)


def test_name_before_a_calibre_and_a_weapon_noun_is_a_weapon(run):
    ex = run("Bogdana 155 mm self-propelled guns have been seen on Ukrainian trains, officials said.")
    assert entity(ex, "Bogdana").type.value == "weapon_system", describe(ex)


# --- a sentence opened by "In <place>," ---------------------------------------------------------------

def test_sentence_opened_by_in_place_sets_its_enterprise_there(run):
    ex = run("In Ulyanovsk, Volga-Avia assembles heavy transport aircraft.")
    assert objects(ex, "located_in", "Volga-Avia") == {key_of(ex, "Ulyanovsk")}, describe(ex)


def test_year_opening_a_sentence_places_nothing(run):
    ex = run("In 2024, Integral Microchips made 3,000 chips for Russian radars.")
    assert not claims(ex, "located_in"), describe(ex)


def test_in_place_before_a_speaking_body_places_no_enterprise(run):
    ex = run("In Moscow, the ministry said the plan was on track.")
    assert not claims(ex, "located_in"), describe(ex)


def test_firm_in_the_described_city_of_a_town(run):
    ex = run("Reletron Works, in the western Belarusian city of Grodno, makes reed switches.")
    assert objects(ex, "located_in", "Reletron Works") == {key_of(ex, "Grodno")}, describe(ex)


def test_words_between_in_and_a_country_without_city_of_place_nothing(run):
    ex = run("Integral Microchips, in the war against Ukraine, supplied chips to Russian plants.")
    assert not claims(ex, "located_in", "Integral Microchips"), describe(ex)


def test_relative_clause_hung_on_the_town_is_about_the_enterprise_there(run):
    ex = run("The main buyer was Plant No. 174 in Chelyabinsk, which belongs to the Uralvagonzavod corporation and "
             "makes tank engines.")
    assert objects(ex, "part_of", "Plant No. 174") == {key_of(ex, "Uralvagonzavod")}, describe(ex)
    assert claims(ex, "produces", "Plant No. 174"), describe(ex)
    assert not claims(ex, "produces", "Chelyabinsk") and not claims(ex, "part_of", "Chelyabinsk"), describe(ex)


def test_place_adjective_on_a_fund_in_apposition_locates_it(run):
    ex = run("Qianhai Capital, a Shenzhen venture fund, holds 25 per cent of the motor maker.")
    assert key_of(ex, "Shenzhen") in objects(ex, "located_in", "Qianhai Capital"), describe(ex)


@pytest.mark.parametrize("text, org, place", [
    ("The turbochargers came from the U.S. firm Westfield Motors before 2022.", "Westfield Motors", "U.S."),
    ("Zorya Trade, a distributor incorporated in Delaware, shipped the gyroscopes.", "Zorya Trade", "Delaware"),
    ("Volna Supply, with a warehouse in Edison, New Jersey, sold the sensors.", "Volna Supply", "Edison"),
    ("The cargo went to Baku, where a freight forwarder, Caspian Link MMC, booked space on ferries.",
     "Caspian Link MMC", "Baku"),
])
def test_seat_of_an_enterprise_written_around_it(run, text, org, place):
    ex = run(text)
    assert key_of(ex, place) in objects(ex, "located_in", org), describe(ex)


def test_a_broadcaster_nationality_is_no_seat_claim(run):
    ex = run("Satellite images reviewed by Swedish broadcaster SVT show new hangars at the plant.")
    assert not claims(ex, "located_in"), describe(ex)


def test_daughter_company_of_a_hyphenated_holding(run):
    ex = run("The 48N6 is assembled at the Avangard Plant, which has been an Almaz-Antey company since 2002. "
             "Okskiy Radiopribor, a daughter company of Almaz-Antey, makes seekers.")
    assert key_of(ex, "Almaz-Antey") in objects(ex, "part_of", "Okskiy Radiopribor"), describe(ex)


def test_the_town_where_a_company_has_its_plant_locates_both(run):
    ex = run("The talks took place in Votkinsk, the Udmurt town where Udmurt Motors has its engine plant.")
    assert key_of(ex, "Votkinsk") in {c.object for c in claims(ex, "located_in", "Udmurt Motors")}, describe(ex)


def test_a_name_described_as_a_city_is_a_place(run):
    ex = run("Its chief executive spoke in Naberezhnye Chelny, the Tatarstan city where the company builds trucks.")
    e = entity(ex, "Naberezhnye Chelny")
    assert e is not None and e.type.value == "place", describe(ex)


def test_the_regional_adjective_of_the_town_of_x_locates_in_the_region_too(run):
    ex = run("Dagestan has many plants. The parts go to the Kaspiy Instrument Plant, a state enterprise in the "
             "Dagestani town of Izberbash.")
    got = {c.object for c in claims(ex, "located_in", "Kaspiy Instrument Plant")}
    assert {key_of(ex, "Izberbash"), key_of(ex, "Dagestan")} <= got, describe(ex)


def test_its_named_site_in_what_a_company_says_is_the_company_s(run):
    ex = run("Nordwerk, owned by the Swedish state, said its Karlskoga site will double shell output by 2028.")
    assert key_of(ex, "Nordwerk") in {c.object for c in claims(ex, "part_of", "Karlskoga site")}, describe(ex)


# ---- where an enterprise is, written in other ways

def test_on_the_outskirts_of_a_town(run):
    ex = run("The Kama Optics Works is located on the outskirts of Kazan.")
    assert objects(ex, "located_in", "Kama Optics Works") == {key_of(ex, "Kazan")}, describe(ex)


def test_a_distance_and_direction_from_a_town(run):
    ex = run("The Kama Optics Works is situated 20 km north of Kazan.")
    assert objects(ex, "located_in", "Kama Optics Works") == {key_of(ex, "Kazan")}, describe(ex)


def test_based_on_data_is_no_location(run):
    ex = run("The estimate for the Kama Optics Works is based on data from Kazan.")
    assert not objects(ex, "located_in", "Kama Optics Works"), describe(ex)


def test_a_maker_from_a_town(run):
    ex = run("The Kama Optics Works is a periscope maker from Kazan.")
    assert objects(ex, "located_in", "Kama Optics Works") == {key_of(ex, "Kazan")}, describe(ex)


def test_a_towns_enterprise(run):
    ex = run("Kazan's Kama Optics Works makes periscopes.")
    assert objects(ex, "located_in", "Kama Optics Works") == {key_of(ex, "Kazan")}, describe(ex)


def test_a_countrys_agency_is_not_located_by_the_possessive(run):
    ex = run("Lithuania's State Security Department wrote that the Kama Optics Works makes periscopes.")
    assert not objects(ex, "located_in", "State Security Department"), describe(ex)


def test_a_new_hall_or_warehouse_is_a_unit_of_its_enterprise(run):
    ex = run("The Kama Optics Works built a new hall in 2024. It also began a new warehouse in the spring.")
    units = {e.name for e in ex.entities if e.type.value == "facility"}
    assert units == {"new hall", "new warehouse"}, describe(ex)
    for name in units:
        assert objects(ex, "part_of", name) == {key_of(ex, "Kama Optics Works")}, describe(ex)


def test_a_numbered_workshop_opening_a_sentence_is_a_unit(run):
    ex = run("Workshop No. 5 of the Kama Optics Works makes periscope housings.")
    assert entity(ex, "Workshop No. 5") is not None and entity(ex, "Workshop No. 5").type.value == "facility", \
        describe(ex)


def test_a_new_line_of_credit_is_no_unit(run):
    ex = run("The Kama Optics Works opened a new line of credit with its bank.")
    assert not [e for e in ex.entities if e.type.value == "facility"], describe(ex)


@pytest.mark.parametrize("text", [
    "The Kama Optics Works (Kazan) makes periscopes.",
    "The Kama Optics Works, Kazan, makes periscopes.",
    "The Kama Optics Works opened a branch in Kazan.",
    "The Kama Optics Works has moved its production to Kazan.",
    "The Kama Optics Works, the largest employer in Kazan, makes periscopes.",
])
def test_more_ways_of_placing_an_enterprise(run, text):
    ex = run(text)
    assert objects(ex, "located_in", "Kama Optics Works") == {key_of(ex, "Kazan")}, describe(ex)


def test_a_list_of_enterprises_and_towns_is_not_read_pairwise(run):
    ex = run("Deliveries went to the Kama Optics Works, Kazan, Perm and Minsk.")
    assert not objects(ex, "located_in", "Kama Optics Works"), describe(ex)


# --- where an enterprise is, in more of the ways reporting says it ----------------------------------------

@pytest.mark.parametrize(("text", "org", "place"), [
    ("Officials at the Vitebsk optics maker Sirin Photonics declined to comment.", "Sirin Photonics", "Vitebsk"),
    ("The Vitebsk chipmaker Sirin Photonics showed microcircuits.", "Sirin Photonics", "Vitebsk"),
    ("The estimate comes from the Tallinn think tank Nordic Defence Analysis.", "Nordic Defence Analysis", "Tallinn"),
    ("Sirin Photonics from Vitebsk showed a thermal camera.", "Sirin Photonics", "Vitebsk"),
    ("The city of Izhevsk is also home to the Kupol Electromechanical Plant.", "Kupol Electromechanical Plant",
     "Izhevsk"),
    ("The Pripyat Monitoring Group, a research collective working from Vilnius, counted the wagons.",
     "Pripyat Monitoring Group", "Vilnius"),
])
def test_a_place_written_around_the_name(run, text, org, place):
    ex = run(text)
    assert key_of(ex, place) in objects(ex, "located_in", org), describe(ex)


def test_a_town_and_then_its_region(run):
    ex = run("Dorn Motor Works is a state enterprise in Zhlobin, in the Homiel region.")
    assert objects(ex, "located_in", "Dorn Motor Works") == {key_of(ex, "Zhlobin"), key_of(ex, "Homiel region")}, \
        describe(ex)


def test_the_town_is_not_the_region_of_the_same_name(run):
    ex = run("The Kama Plant sits on the edge of Bryansk. Officials in the Bryansk region said so.")
    assert entity(ex, "Bryansk").key != entity(ex, "Bryansk region").key, describe(ex)


def test_a_town_in_the_description_before_a_name_is_no_company(run):
    ex = run("Officials at the Vitebsk optics maker Sirin Photonics declined to comment.")
    assert entity(ex, "Vitebsk").type.value == "place", describe(ex)
    assert not claims(ex, "produces", "Vitebsk"), describe(ex)


def test_goods_bought_from_a_firm_from_a_town_do_not_place_the_buyer(run):
    ex = run("The Kama Plant bought bearings from Orsk Trading from Minsk.")
    assert key_of(ex, "Minsk") not in objects(ex, "located_in", "Kama Plant"), describe(ex)


@pytest.mark.parametrize("text", [
    "The Korvin Machine Plant makes gun barrels. The plant is in Saransk.",
    "Our correspondent visited the Korvin Machine Plant last week. The factory is near Saransk.",
])
def test_the_plant_referred_back_to_is_in_the_place(run, text):
    ex = run(text)
    assert key_of(ex, "Saransk") in objects(ex, "located_in", "Korvin Machine Plant"), describe(ex)


def test_a_further_site_is_not_the_plant_named_before(run):
    ex = run("The Korvin Machine Plant in Saransk makes gun barrels. The third site is in Penza, where the Sura "
             "Works fills shells.")
    assert key_of(ex, "Penza") not in objects(ex, "located_in", "Korvin Machine Plant"), describe(ex)


@pytest.mark.parametrize("text", [
    "Volna Optics' deliveries to the Tarsk Carriage Works totalled 300 sights in 2025.",
    "Volna Optics' customers include the Tarsk Carriage Works.",
])
def test_a_partner_named_on_a_possessed_trade_noun_is_not_owned(run, text):
    ex = run("Volna Optics makes sights in Orsha. " + text)
    assert not claims(ex, "part_of"), describe(ex)


@pytest.mark.parametrize(("text", "part", "weapon"), [
    ("The Irbis-E radar is carried by every Su-35S jet.", "Irbis-E", "Su-35S"),
    ("The Irbis-E radar is installed on the Su-35S jet.", "Irbis-E", "Su-35S"),
    ("The plant makes parts for the Irbis-E radar carried by Su-35S jets.", "Irbis-E", "Su-35S"),
    ("The Il-114 is powered by the TV7-117 engine.", "TV7-117", "Il-114"),
    ("The TV7-117 engine powers the Il-114.", "TV7-117", "Il-114"),
])
def test_a_named_system_fitted_to_a_weapon_is_used_in_it(run, text, part, weapon):
    ex = run("Officials at the Lomov Instrument Works would not comment on Tuesday. " + text)
    assert key_of(ex, weapon) in objects(ex, "used_in", part), describe(ex)


def test_weapons_side_by_side_are_not_used_in_each_other(run):
    ex = run("The Mi-8 and the Mi-24 both fly on TV3-117 engines.")
    assert not claims(ex, "used_in", "Mi-8"), describe(ex)


def test_a_town_in_brackets_after_a_company_is_where_it_is_not_its_other_name(run):
    ex = run("Officials at the Lomov Instrument Works would not comment on Tuesday. Volna Optics (Orsha) makes "
             "sights.")
    assert "Orsha" not in entity(ex, "Volna Optics").names, describe(ex)
    assert key_of(ex, "Orsha") in objects(ex, "located_in", "Volna Optics"), describe(ex)


@pytest.mark.parametrize(("text", "firm", "town"), [
    ("Samara is also home to the Volzhsk Bearing Works.", "Volzhsk Bearing Works", "Samara"),
    ("Kolomna, home to the Tarsk design bureau, lies south-east of Moscow.", "Tarsk design bureau", "Kolomna"),
    ("Vitebsk is home to a second enterprise, the Dvina Gear Plant.", "Dvina Gear Plant", "Vitebsk"),
])
def test_a_town_home_to_a_firm_is_where_the_firm_is(run, text, firm, town):
    ex = run("Officials at the Lomov Instrument Works would not comment on Tuesday. " + text)
    assert key_of(ex, town) in objects(ex, "located_in", firm), describe(ex)


def test_a_town_home_to_people_locates_nothing(run):
    ex = run("Samara is home to about a million people.")
    assert not claims(ex, "located_in"), describe(ex)


def test_a_weapon_put_to_use_is_not_what_the_last_maker_goods_go_into(run):
    ex = run("Tarsk Radio builds antennas for field radios. Russian units have used Sokol-9 jammers near Bryansk, the "
             "ministry said.")
    assert not claims(ex, "used_in", "Tarsk Radio"), describe(ex)


def test_this_firm_with_a_towns_name_is_the_firm_named_before_in_that_town(run):
    ex = run("Volna Optics showed a thermal sight at the fair. This Vitebsk optics firm also builds night scopes.")
    assert claims(ex, "produces", "Volna Optics") and not claims(ex, "produces", "Vitebsk"), describe(ex)
    assert key_of(ex, "Vitebsk") in objects(ex, "located_in", "Volna Optics"), describe(ex)


@pytest.mark.parametrize(("text", "goods", "weapon"), [
    ("Investigators found US-made chips in the Kh-55 missile.", "chips", "Kh-55"),
    ("Western voltage regulators were found in the wreckage of a Kh-55 missile.", "Western voltage regulators",
     "Kh-55"),
    ("Analysts discovered Japanese servo motors inside downed Geran-3 drones.", "servo motors", "Geran-3"),
])
def test_goods_found_in_a_weapon_are_used_in_it(run, text, goods, weapon):
    ex = run(text)
    assert key_of(ex, weapon) in objects(ex, "used_in", goods), describe(ex)


@pytest.mark.parametrize(("text", "maker", "weapon"), [
    ("Ukrainian investigators found Micron memory chips in the Orlan-10 drones they examined.", "Micron", "Orlan-10"),
    ("Engineers recovered Kestrel Micro processors from the wreckage of Kh-47 missiles.", "Kestrel Micro", "Kh-47"),
])
def test_a_brand_on_goods_found_in_a_weapon_goes_into_it_and_the_finder_does_not(run, text, maker, weapon):
    ex = run(text)
    assert key_of(ex, weapon) in objects(ex, "used_in", maker), describe(ex)
    finders = {e.key for e in ex.entities if e.name.lower().startswith(("ukrainian", "engineers"))}
    assert not [c for c in claims(ex, "used_in") if c.subject in finders], describe(ex)


def test_a_firm_found_in_a_town_is_no_goods(run):
    ex = run("Investigators found the Volna plant in Orsha.")
    assert not claims(ex, "used_in"), describe(ex)


def test_goods_used_in_a_weapon_of_a_nationality_do_not_locate_their_maker(run):
    ex = run("Components made by Tarsk Radio are used in the Russian Orlan-10 drone.")
    assert not claims(ex, "located_in", "Tarsk Radio"), describe(ex)


def test_the_companys_main_factory_is_where_the_company_referred_back_to_is(run):
    ex = run("Volna Electronics makes chips for radios. The company's main factory is in Vitebsk.")
    assert key_of(ex, "Vitebsk") in objects(ex, "located_in", "Volna Electronics"), describe(ex)


def test_a_freight_agent_in_a_town_is_a_company_there_but_an_officers_agency_is_no_trade(run):
    ex = run("The shipment went to Sibkargo, a freight agent in Novosibirsk.")
    firm = entity(ex, "Sibkargo")
    assert firm is not None and firm.type.value == "organization", describe(ex)
    assert key_of(ex, "Novosibirsk") in objects(ex, "located_in", "Sibkargo"), describe(ex)
    ex = run("Ivan Petrov, an FSB agent, said the plant makes sights.")
    assert entity(ex, "Ivan Petrov").type.value == "person", describe(ex)


def test_components_used_in_the_production_of_a_weapon_go_into_it_not_make_it(run):
    ex = run("The Volna Works makes parts. These components are used in the production of Geran-3 drones.")
    assert all(c.object is None for c in claims(ex, "produces", "Volna Works")), describe(ex)
    assert key_of(ex, "Geran-3") in objects(ex, "used_in", "Volna Works"), describe(ex)


def test_a_model_found_to_be_a_chassis_is_no_weapon_the_last_maker_s_goods_go_into(run):
    ex = run("The Volna Works makes parts. The Iskander-M missile system is mounted on an MZKT-7930 chassis.")
    assert not claims(ex, "used_in", "Volna Works"), describe(ex)


def test_description_in_apposition_is_the_named_enterprise(run):
    ex = run("Investigators traced the gearbox to Volgaprivod, a transmission plant in Saratov that belongs to the "
             "Tractor Industry Holding.")
    assert not [e for e in ex.entities if e.type.value == "facility"], describe(ex)
    assert objects(ex, "part_of", "Volgaprivod") == {key_of(ex, "Tractor Industry Holding")}, describe(ex)
    assert objects(ex, "located_in", "Volgaprivod") == {key_of(ex, "Saratov")}, describe(ex)


@pytest.mark.parametrize("text", [
    "Sensors made by Fenwick Electronics have turned up in Su-34 bombers shot down over Kharkiv.",
    "Sensors from Fenwick Electronics surfaced in Su-34 bombers shot down over Kharkiv.",
    "Sensors sold by Fenwick Electronics showed up in Su-34 bombers shot down over Kharkiv.",
])
def test_goods_that_turn_up_in_a_weapon_went_into_it(run, text):
    ex = run(text)
    assert objects(ex, "used_in", "Fenwick Electronics") == {key_of(ex, "Su-34")}, describe(ex)
    assert objects(ex, "used_in", "Sensors") == {key_of(ex, "Su-34")}, describe(ex)


def test_parts_made_by_a_firm_that_turn_up_in_a_weapon_are_the_firm_s(run):
    ex = run("Parts made by Fenwick Electronics have turned up in Su-34 bombers shot down over Kharkiv.")
    assert objects(ex, "used_in", "Fenwick Electronics") == {key_of(ex, "Su-34")}, describe(ex)


def test_a_weapon_containing_goods_from_a_firm_uses_the_firm_s_goods(run):
    ex = run("Every Lancet-3 contains several imported parts, among them power regulators from Ostrava Microsystems.")
    assert objects(ex, "used_in", "Ostrava Microsystems") == {key_of(ex, "Lancet-3")}, describe(ex)


def test_goods_made_by_a_two_word_name_found_in_a_weapon(run):
    ex = run("Inspectors identified servo motors made by Dalton Motion in a Geran-2.")
    maker = entity(ex, "Dalton Motion")
    assert maker is not None and maker.type.value == "organization", describe(ex)
    assert objects(ex, "used_in", "Dalton Motion") == {key_of(ex, "Geran-2")}, describe(ex)


@pytest.mark.parametrize("text", [
    "The Vikhr-3's warhead is produced by the Gorlovka Ordnance Plant.",
    "The Gorlovka Ordnance Plant builds the heavy warhead of the Vikhr-3.",
    "The Gorlovka Ordnance Plant makes the Vikhr-3's warhead.",
])
def test_maker_of_a_weapon_s_part_goes_into_it_without_making_it(run, text):
    ex = run(text)
    assert objects(ex, "used_in", "Gorlovka Ordnance Plant") == {key_of(ex, "Vikhr-3")}, describe(ex)
    assert key_of(ex, "Vikhr-3") not in objects(ex, "produces", "Gorlovka Ordnance Plant"), describe(ex)


@pytest.mark.parametrize("verb", ["rides", "sits"])
def test_maker_of_the_chassis_a_weapon_rides_on(run, verb):
    ex = run(f"The Vikhr-3 launcher {verb} on a wheeled chassis made by the Volat Truck Works.")
    assert objects(ex, "used_in", "Volat Truck Works") == {key_of(ex, "Vikhr-3")}, describe(ex)


@pytest.mark.parametrize("text", [
    "The Tambov Gunpowder Plant's new workshop should open in September, its director said.",
    "Its new hall should open in September, the Tambov Gunpowder Plant said.",
])
def test_an_owner_s_new_unit_is_a_site_of_its_own(run, text):
    ex = run(text)
    unit = next((e for e in ex.entities if e.type.value == "facility"), None)
    assert unit is not None, describe(ex)
    assert objects(ex, "part_of", unit.name) == {key_of(ex, "Tambov Gunpowder Plant")}, describe(ex)


def test_the_town_plant_that_says_it_opened_a_line_owns_it(run):
    ex = run("The resin is taken in by Kamtrans, a wholesaler registered in Omsk.\n\nKamtrans in turn ships it to "
             "the Kazan Special Chemistry Plant, which fills the warheads. The Kazan plant wrote on its site in spring "
             "that it had opened a new mixing line that should lift output by a third.")
    line = next((e for e in ex.entities if e.type.value == "facility"), None)
    assert line is not None, describe(ex)
    assert objects(ex, "part_of", line.name) == {key_of(ex, "Kazan Special Chemistry Plant")}, describe(ex)


def test_the_town_plant_is_the_plant_named_after_the_town_when_the_town_is_tagged_a_place(run):
    ex = run("Kamtrans sells resin to the Tyumen Special Chemistry Plant, which fills the warheads. The Tyumen plant "
             "turns out about 300 motors a month, its director said.")
    got = [c for c in claims(ex, "capacity") if c.value == 300]
    assert got and got[0].subject == key_of(ex, "Tyumen Special Chemistry Plant"), describe(ex)


@pytest.mark.parametrize("text, firm, town", [
    ("Kestrel Elektronik, an Izmir wholesaler, sold the chips on.", "Kestrel Elektronik", "Izmir"),
    ("The chips went to a Kazan importer called Volga-Komponent.", "Volga-Komponent", "Kazan"),
    ("The Vilnius think tank Baltic Supply Watch counted the wagons.", "Baltic Supply Watch", "Vilnius"),
])
def test_a_town_that_describes_a_named_firm_is_where_the_firm_is(run, text, firm, town):
    ex = run(text)
    assert entity(ex, town).type.value == "place", describe(ex)
    assert key_of(ex, town) in objects(ex, "located_in", firm), describe(ex)


@pytest.mark.parametrize("unit", ["second bleaching line", "second machining line", "second welding shop"])
def test_a_new_unit_named_by_a_process_in_ing_is_a_site_of_its_own(run, unit):
    ex = run(f"The Kokand Cellulose Combine is building a {unit}, the company said.")
    site = entity(ex, unit)
    assert site is not None and site.type.value == "facility", describe(ex)
    assert key_of(ex, "Kokand Cellulose Combine") in objects(ex, "part_of", unit), describe(ex)


@pytest.mark.parametrize(("text", "goods"), [
    ("NPP Kestrel, a Yekaterinburg battery maker, is part of Rostec.", "batteries"),
    ("Orbis Drive, a Minsk gearbox maker, is part of Shvabe.", "gearboxes"),
    ("Tavria Works, a Kharkiv valve maker, is owned by a bank.", "valves"),
])
def test_a_makers_noun_is_its_goods_in_the_plural(run, text, goods):
    ex = run(text)
    assert goods in {c.object_text for c in claims(ex, "produces")}, describe(ex)


@pytest.mark.parametrize("text", [
    "The rings go to the Sheksna Gear Plant in Russia's Vologda region.",
    "Sheksna Gear Plant, a firm in Cherepovets, in Russia's Vologda region, machines gears.",
])
def test_a_plant_in_a_countrys_region_is_located_in_the_region(run, text):
    ex = run(text)
    assert key_of(ex, "Vologda region") in objects(ex, "located_in", "Sheksna Gear Plant"), describe(ex)
    assert key_of(ex, "Russia") not in objects(ex, "located_in", "Sheksna Gear Plant"), describe(ex)


def test_a_site_in_a_towns_park_stays_in_the_town(run):
    ex = run("Volna Optics will open a new workshop in Kaluga's Rosva technology park next year.")
    assert key_of(ex, "Kaluga") in {c.object for c in claims(ex, "located_in")}, describe(ex)


@pytest.mark.parametrize("text", [
    "Narmada Resins, a small resin maker in the Vapi industrial estate in Gujarat, sells to Iran.",
    "Narmada Resins, which is based in the Vapi industrial estate in Gujarat, sells to Iran.",
])
def test_a_company_in_an_industrial_estate_is_part_of_it_and_in_its_place(run, text):
    ex = run(text)
    assert objects(ex, "part_of", "Narmada Resins") == {key_of(ex, "Vapi industrial estate")}, describe(ex)
    assert key_of(ex, "Gujarat") in objects(ex, "located_in", "Narmada Resins"), describe(ex)


def test_a_name_the_model_took_for_a_company_before_an_industrial_area_is_that_site(run):
    ex = run("Investigators traced the radios to a workshop in the Kestrel industrial area of Pune.")
    e = entity(ex, "Kestrel industrial area")
    assert e is not None and e.type.value == "facility", describe(ex)


def test_part_of_set_beside_the_plant_referred_back_to_is_the_enterprises(run):
    ex = run("The Oka Powder Works makes nitrocellulose in Ryazan region. The plant, part of the state-owned "
             "Tsentrkhim holding, has hired 200 workers this year.")
    assert key_of(ex, "Tsentrkhim") in objects(ex, "part_of", "Oka Powder Works"), describe(ex)


def test_a_goods_assembler_set_beside_a_firm_names_where_it_is(run):
    ex = run("The rest went to Orel Unmanned Systems, a drone assembler in the town of Mtsensk, the manifests show.")
    assert key_of(ex, "Mtsensk") in objects(ex, "located_in", "Orel Unmanned Systems"), describe(ex)


def test_an_assembler_with_no_goods_named_is_still_a_person(run):
    ex = run("Ivan Petrov, an assembler at the Minsk Tractor Works, said the plant makes 40 tractors a day.")
    e = entity(ex, "Ivan Petrov")
    assert e is not None and e.type.value == "person", describe(ex)


NEWS_TOP = "Bryansk plant expands\nVolga Courier | Industry\n30/11/2026 - Anna Lis, Tula\n\n"


@pytest.mark.parametrize("text", [
    "The Bryansk Chemical Plant makes TNT for artillery shells. On its website, the plant says it employs 1,900 "
    "people. In a tender published in May, the plant sought presses for a new nitration unit.",
    "The Bryansk Chemical Plant makes TNT for artillery shells, the ministry says. A new nitration unit will open "
    "there next year, the plant says.",
])
def test_a_new_process_unit_is_a_unit_of_its_plant_not_of_the_outlet(run, text):
    """"a new nitration unit" is a production unit (a process word before "unit"); the plant that seeks equipment
    for it owns it, and the outlet named over the story never does."""
    ex = run(NEWS_TOP + text)
    assert objects(ex, "part_of", "new nitration unit") == {key_of(ex, "Bryansk Chemical Plant")}, describe(ex)


def test_an_army_unit_is_no_facility(run):
    ex = run("The Bryansk Chemical Plant makes TNT. The army formed a new air defence unit near Bryansk in May.")
    assert not [e for e in ex.entities if e.type.value == "facility"], describe(ex)
