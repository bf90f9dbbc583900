"""Types read from the role a name plays when the statistical model mislabels it (mentions.role_type and the
weapon / apposition cues): industrial subjects are organisations, a one-word name after "the ... plant in" is a
place, a one-word name compounded onto a weapon noun is a weapon model."""

from __future__ import annotations

import pytest
from extract_helpers import claims, describe, entity, key_of, objects


def typed(ex, name: str) -> str | None:
    e = entity(ex, name)
    return e.type.value if e else None


# --- organisations from their role ---------------------------------------------------------------

def test_subject_of_copula_with_manufacturer_is_an_organisation(run):
    ex = run("Sarov Mechanics is a leading maker of gyroscopes.")
    assert typed(ex, "Sarov Mechanics") == "organization", describe(ex)


@pytest.mark.parametrize(("text", "name"), [
    ("Roughly 40 percent of the needs of Tavria Gearworks are met by imported bearings.", "Tavria Gearworks"),
    ("Officials at Dvina Steelworks declined to answer questions about billets.", "Dvina Steelworks"),
    ("The court heard that the motors were sold on to Liman Deniz Ticaret.", "Liman Deniz Ticaret"),
    ("Customs records name Aral Sowda as the buyer of the lathes.", "Aral Sowda"),
    ("Omsk Vesti, a local news site, reported the sale on Monday.", "Omsk Vesti"),
    ("The motors were sold abroad, Ege Haber has learned.", "Ege Haber"),
])
def test_a_name_ending_like_a_works_is_no_persons(run, text, name):
    ex = run(text)
    assert typed(ex, name) == "organization", describe(ex)


def test_surname_like_subject_of_copula_with_builder_is_an_organisation(run):
    ex = run("Makarov is a major builder of tractors, engines and forestry machines.")
    assert typed(ex, "Makarov") == "organization", describe(ex)


def test_subject_of_supply_verb_with_goods_object_is_an_organisation(run):
    ex = run("Kolomna Diesel shipped turbines to the navy for a decade.")
    assert typed(ex, "Kolomna Diesel") == "organization", describe(ex)


def test_agent_of_passive_making_verb_is_an_organisation(run):
    ex = run("The warheads for the new glide bomb are forged by Vektra in Izhevsk.")
    assert typed(ex, "Vektra") == "organization", describe(ex)


def test_one_word_company_opening_a_sentence_is_kept_and_typed_once_for_all_mentions(run):
    ex = run("Halvar makes mortar bombs for the army. Halvar declined to comment. Halvar told us nothing new.")
    assert typed(ex, "Halvar") == "organization", describe(ex)


def test_capitalised_goods_noun_opening_a_sentence_is_no_name(run):
    ex = run("Gearboxes KPP-12 are fitted to the new trucks, and the gearboxes come from Kirov.")
    assert typed(ex, "Gearboxes") in (None, "product"), describe(ex)


def test_name_in_apposition_to_a_job_is_a_person(run):
    ex = run("The Kizlyar Electromechanical Plant makes drones. Its director, Pavel Orlov, 52, denied it.")
    assert typed(ex, "Pavel Orlov") == "person", describe(ex)


def test_person_with_title_stays_a_person(run):
    ex = run("Mr. Petrov sold drones to the regiment, prosecutors say.")
    assert typed(ex, "Petrov") == "person", describe(ex)


def test_person_who_says_something_stays_a_person(run):
    ex = run("Viktor Ivanov said the factory would double its output of shells.")
    assert typed(ex, "Viktor Ivanov") == "person", describe(ex)


def test_name_after_subsidiary_is_an_organisation(run):
    ex = run("Last year the holding's subsidiary Granitmash began turning out optical sights for armoured vehicles.")
    assert typed(ex, "Granitmash") == "organization", describe(ex)


def test_company_the_model_tags_as_a_nationality_is_an_organisation(run):
    ex = run("KRET itself falls under the state corporation Rostec.")
    assert typed(ex, "Rostec") == "organization", describe(ex)


def test_nationality_words_stay_out_of_names(run):
    ex = run("Kazakh and Chinese traders sold the lathes to Russian plants.")
    assert not [e for e in ex.entities if e.type.value in ("organization", "person")], describe(ex)


# --- places after a plant ------------------------------------------------------------------------

def test_one_word_name_after_plant_in_is_a_place(run):
    ex = run("The Zelenodolsk Plant in Kovrov assembles engines for armoured vehicles.")
    assert typed(ex, "Kovrov") == "place", describe(ex)


def test_one_word_name_after_arsenal_in_is_a_place(run):
    ex = run("The arsenal in Tula turns out Metis anti-tank missiles for export.")
    assert typed(ex, "Tula") == "place", describe(ex)


def test_one_word_name_after_factory_near_is_a_place(run):
    ex = run("Workers at the Signal Factory near Bogorodsk assemble radios for the army.")
    assert typed(ex, "Bogorodsk") == "place", describe(ex)


def test_untagged_region_after_a_plant_in_is_its_place(run):
    ex = run("The parts went to the Sosnovka Fuse Plant in Altai Krai last spring.")
    assert typed(ex, "Altai Krai") == "place", describe(ex)
    assert objects(ex, "located_in", "Sosnovka Fuse Plant") == {key_of(ex, "Altai Krai")}, describe(ex)


def test_town_modifying_a_company_in_apposition_is_its_place(run):
    ex = run("The cable came from Ertis Wire Trade LLP, a Pavlodar company, according to the filings.")
    assert typed(ex, "Pavlodar") == "place", describe(ex)
    assert objects(ex, "located_in", "Ertis Wire Trade") == {key_of(ex, "Pavlodar")}, describe(ex)


def test_town_before_a_cue_noun_after_a_is_a_place_not_a_firm(run):
    ex = run("A smaller Grodno firm, Tekhnoprom, also ships relays to Russia.")
    assert typed(ex, "Grodno") == "place", describe(ex)
    assert objects(ex, "located_in", "Tekhnoprom") == {key_of(ex, "Grodno")}, describe(ex)


def test_town_modifying_a_trader_is_a_place(run):
    ex = run("A Khujand trader, Sughd Bearing Supply, sold bearings to the Kurgan plant.")
    assert typed(ex, "Khujand") == "place", describe(ex)


def test_name_after_of_following_a_legal_form_is_a_place(run):
    ex = run("The sole owner of Kestrel Optics LLP of Almaty was charged in May.")
    assert typed(ex, "Almaty") == "place", describe(ex)


def test_company_after_of_without_a_legal_form_is_not_made_a_place(run):
    ex = run("The plant is a subsidiary of Rostec and makes fuzes.")
    assert typed(ex, "Rostec") != "place", describe(ex)


# --- weapon models before a weapon noun ----------------------------------------------------------

def test_name_before_hyphenated_weapon_modifier_is_a_weapon(run):
    ex = run("The arsenal in Tula turns out Metis anti-tank missiles for export.")
    assert typed(ex, "Metis") == "weapon_system", describe(ex)


def test_name_after_weapon_modifier_split_by_hyphen_is_a_weapon(run):
    ex = run("Engineers at the Degtyarev works assemble Kornet anti-tank missiles.")
    assert typed(ex, "Kornet") == "weapon_system", describe(ex)


def test_one_word_name_compounded_onto_drones_is_a_weapon(run):
    ex = run("The Kupol works in the Urals builds Garpiya drones for the air force.")
    assert typed(ex, "Garpiya") == "weapon_system", describe(ex)


def test_weapon_takes_the_name_without_the_noun(run):
    ex = run("The plant in Votkinsk assembles Iskander missiles for the army.")
    e = entity(ex, "Iskander")
    assert e is not None and e.type.value == "weapon_system" and e.name == "Iskander", describe(ex)


def test_maker_used_alone_elsewhere_stays_an_organisation(run):
    ex = run("Roketsan said exports grew. The navy ordered Roketsan missiles last year.")
    assert typed(ex, "Roketsan") == "organization", describe(ex)


# --- names the model misses ----------------------------------------------------------------------

def test_capitals_word_then_capitalised_word_is_an_organisation(run):
    ex = run("Deliveries of Lancet loitering munitions from SKAT Aero have doubled, the firm says.")
    assert typed(ex, "SKAT Aero") == "organization", describe(ex)


def test_capitals_name_at_a_preposition_is_an_organisation(run):
    ex = run("Sales of Kub drones made at SKAT Aero rose last year, the company says.")
    assert typed(ex, "SKAT Aero") == "organization", describe(ex)


def test_name_before_subsidiary_is_the_parent_organisation(run):
    ex = run("Last year Almaz subsidiary Granitmash began turning out thermal sights for tanks.")
    e = entity(ex, "Almaz")
    assert e is not None and e.type.value == "organization" and e.name == "Almaz", describe(ex)
    assert typed(ex, "Granitmash") == "organization", describe(ex)


def test_a_name_written_with_the_is_not_a_person(run):
    ex = run("Harbour Courier reporters followed the trail for a year. Norvik Trading House shipped 300 drone "
             "engines to Russia in 2024, according to customs files reviewed by the Harbour Courier.")
    assert entity(ex, "Harbour Courier").type.value == "organization", describe(ex)


def test_a_lone_nationality_word_is_no_entity(run):
    ex = run("Kazakh traders keep Russian drone makers supplied with engines.")
    assert entity(ex, "Kazakh") is None, describe(ex)


def test_acronym_of_lower_case_words_is_no_organisation(run):
    ex = run("Exports of computer numerical control (CNC) machine tools from Armenia to Russia rose in 2024.")
    assert entity(ex, "CNC") is None, describe(ex)


def test_company_words_at_the_end_of_a_name(run):
    ex = run("Two firms handled the trade: Ararat Machinery LLC and Sevan Tools, which supplied lathes to the "
             "Tula Arms Plant.")
    assert entity(ex, "Sevan Tools").type.value == "organization", describe(ex)


def test_town_before_plural_firms_is_a_place(run):
    ex = run("Three Gyumri firms shipped machine tools to Russian arms plants, customs data show.")
    e = entity(ex, "Gyumri")
    assert e is None or e.type.value == "place", describe(ex)


def test_nationality_adjective_gives_the_article_its_country(run):
    ex = run("Kazan plants rely on Chinese machine tools and German bearings, investigators say.")
    assert entity(ex, "China").type.value == "place", describe(ex)
    assert entity(ex, "Germany").type.value == "place", describe(ex)


def test_letter_suffix_designator_before_a_weapon_noun(run):
    ex = run("The Arzamas plant builds Tigr-M armoured cars and Vystrel-K mine-protected trucks for the army.")
    assert entity(ex, "Tigr-M").type.value == "weapon_system", describe(ex)
    assert entity(ex, "Vystrel-K").type.value == "weapon_system", describe(ex)


def test_dateline_town_in_capitals_is_one_place(run):
    ex = run("Drone engines reach Russia through Dagestan\n\nKIZLYAR BAY, Russia, March 3 (Caspian Wire) - A "
             "trading firm shipped 200 drone engines to a plant in Kizlyar Bay in 2025.")
    e = entity(ex, "Kizlyar Bay")
    assert e is not None and e.type.value == "place", describe(ex)


def test_company_and_its_described_plant_stay_apart(run):
    ex = run("Orsk Motors delivered 300 trucks to the army in 2025. Engines are now built at the Orsk Motors "
             "engine plant, the company said.")
    e = entity(ex, "Orsk Motors")
    assert e is not None and e.name == "Orsk Motors", describe(ex)


def test_plant_name_the_model_calls_a_nationality(run):
    ex = run("The third site is in Kirov, where the Mayak plant has been filling artillery shells since 2025.")
    e = entity(ex, "Mayak")
    assert e is not None and e.type.value == "organization", describe(ex)


def test_what_is_based_somewhere_is_an_organisation_and_where_a_place(run):
    ex = run("Splavtek, based in Tula, designs and builds multiple rocket launchers, including the Tornado-S.")
    assert entity(ex, "Splavtek").type.value == "organization", describe(ex)
    assert entity(ex, "Tula").type.value == "place", describe(ex)
    assert entity(ex, "Tornado-S").type.value == "weapon_system", describe(ex)


def test_a_name_with_a_patronymic_is_a_person(run):
    ex = run("The ribbon was cut by the general director of the plant Aleksei Viktorovich Zhuravlyov, who said "
             "the plant would make 40 armoured carriers a month.")
    e = entity(ex, "Aleksei Viktorovich Zhuravlyov")
    assert e is not None and e.type.value == "person", describe(ex)


def test_name_after_a_weapon_noun_in_translated_order(run):
    ex = run("Last autumn the Arzamas plant started serial production of the new armoured carrier Bumerang.")
    e = entity(ex, "Bumerang")
    assert e is not None and e.type.value == "weapon_system", describe(ex)


def test_hyphenated_town_and_holding_joined_plant_names(run):
    ex = run("Rostvertol in Rostov-on-Don remains the sole maker of the Mi-28NM, and UEC-Klimov of St Petersburg "
             "builds its engines.")
    assert entity(ex, "Rostov-on-Don").type.value == "place", describe(ex)
    assert entity(ex, "UEC-Klimov").type.value == "organization", describe(ex)
    assert entity(ex, "Rostvertol").type.value == "organization", describe(ex)


def test_country_adjective_with_a_company_word_is_a_company(run):
    ex = run("Russian Helicopters, the Rostec holding, handed the army 95 helicopters in 2025.")
    assert entity(ex, "Russian Helicopters").type.value == "organization", describe(ex)


def test_country_subject_stays_a_place(run):
    ex = run("Belarus remains a major supplier of ammunition to Russia.")
    assert entity(ex, "Belarus").type.value == "place", describe(ex)


def test_an_amount_with_a_currency_code_is_no_organisation(run):
    ex = run("Kaifeng Motors reported revenue of CNY 486 million for 2025, and its exports to Russia rose.")
    assert not [e for e in ex.entities if "486" in e.name], describe(ex)


def test_hyphen_joined_company_name_stays_whole(run):
    ex = run("Titan-Barrikady, the Volgograd enterprise, forges gun barrels for Russian howitzers.")
    assert entity(ex, "Titan-Barrikady").type.value == "organization", describe(ex)


def test_name_before_a_weapon_noun_is_a_weapon(run):
    ex = run("The Kazan plant makes radars for the Buk air defence system and the Tor.")
    assert entity(ex, "Buk").type.value == "weapon_system", describe(ex)


def test_name_coordinated_with_a_weapon_is_a_weapon(run):
    ex = run("Its optics go into the Pantsir air defence system and the Iskander.")
    assert entity(ex, "Iskander") is not None and entity(ex, "Iskander").type.value == "weapon_system", describe(ex)


def test_town_before_a_country_after_of_is_a_place(run):
    ex = run("The goods went to Srem Tehnika d.o.o. of Novi Sad, Serbia.")
    assert typed(ex, "Novi Sad") == "place", describe(ex)
    assert typed(ex, "Srem Tehnika") == "organization", describe(ex)  # a legal form written after the name


def test_person_before_a_country_possessive_stays_a_person(run):
    ex = run("The deal was signed by Ivan Petrov, Russia's envoy, at the Minsk Tractor Works.")
    assert typed(ex, "Ivan Petrov") == "person", describe(ex)


def test_letter_designator_after_its_weapon_noun(run):
    ex = run("The fuzes go into shells for the self-propelled howitzers Msta-S.")
    assert typed(ex, "Msta-S") == "weapon_system", describe(ex)


def test_hyphenated_company_name_as_subject_is_one_name(run):
    ex = run("Tver-Barrikady forges gun barrels and builds missile launch equipment.")
    e = entity(ex, "Tver-Barrikady")
    assert e is not None and e.type.value == "organization", describe(ex)


def test_subject_that_stopped_supplying_goods_is_an_organisation(run):
    ex = run("Volta Sich in Odesa stopped supplying engines to the plant in 2015.")
    e = entity(ex, "Volta Sich")
    assert e is not None and e.type.value == "organization", describe(ex)


def test_town_the_model_reads_as_a_company_in_one_sentence_is_a_town_throughout(run):
    ex = run("Most consignments went to the Sura Instrument Works, a Penza enterprise that assembles fuzes. "
             "The Penza plant's fuzes are fitted to 152 mm shells, and parts travel by rail on to Penza.")
    assert typed(ex, "Penza") == "place", describe(ex)
    assert not [e for e in ex.entities if e.type.value == "organization" and e.name == "Penza"], describe(ex)


def test_one_word_name_with_a_company_ending_is_an_organisation(run):
    ex = run("The Kolomna Diesel Plant, which belongs to the Volgatransholding, builds engines. Sonars come from "
             "Baltpribor in Kaliningrad.")
    assert entity(ex, "Volgatransholding") is not None, describe(ex)
    assert entity(ex, "Volgatransholding").type.value == "organization", describe(ex)
    assert key_of(ex, "Volgatransholding") in objects(ex, "part_of", "Kolomna Diesel Plant"), describe(ex)


def test_a_country_name_the_model_left_untagged_is_a_place(run):
    ex = run("Belarus exported periscopes to Russia.")
    assert entity(ex, "Belarus") is not None and entity(ex, "Belarus").type.value == "place", describe(ex)


def test_a_country_name_opening_a_company_name_is_not_split_off(run):
    ex = run("The Belarus Tractor Works makes gearboxes.")
    assert entity(ex, "Belarus") is None, describe(ex)


def test_a_region_name_is_one_place(run):
    ex = run("The Moscow Oblast firm Signal-Tech assembles drone controllers in Primorsky Krai.")
    assert typed(ex, "Moscow Oblast") == "place" and typed(ex, "Primorsky Krai") == "place", describe(ex)
    assert entity(ex, "Oblast") is None, describe(ex)


def test_a_town_at_the_end_of_a_route_is_a_place(run):
    ex = run("The cargo ship carried the trucks from Novorossiysk to Tartus.")
    assert typed(ex, "Tartus") == "place", describe(ex)


def test_a_company_at_the_end_of_a_route_stays_one(run):
    ex = run("The firm shipped parts from China to Kupol.")
    assert typed(ex, "Kupol") != "place", describe(ex)


def test_a_ministers_portfolio_is_no_organisation(run):
    ex = run("Deputy Defence Minister Alexei Krivoruchko said the Defence Ministry ordered periscopes.")
    assert entity(ex, "Defence") is None and typed(ex, "Defence Ministry") == "organization", describe(ex)


def test_the_plants_of_a_region_leave_it_a_place(run):
    ex = run("The plants of Siberia make periscopes. Across Sverdlovsk Oblast, the Kama Works makes periscopes.")
    assert typed(ex, "Siberia") == "place" and typed(ex, "Sverdlovsk Oblast") == "place", describe(ex)


def test_a_two_word_name_whose_last_word_is_used_as_a_persons_is_a_person(run):
    ex = run("Kaspar Lind, an analyst in Tartu, disagrees. Lind said on Monday that the figure was too high.")
    assert typed(ex, "Kaspar Lind") in (None, "person"), describe(ex)
    assert typed(ex, "Kaspar Lind") != "organization", describe(ex)


def test_a_letter_designator_before_a_described_component_is_that_component(run):
    ex = run("The Gomel plant developed the Vereya-M multichannel gunner's sight in the 1990s.")
    assert typed(ex, "Vereya-M") == "product", describe(ex)


def test_a_one_word_name_with_a_chemical_works_ending_is_a_company(run):
    ex = run("Volgakhim ships resin to the Tula Cartridge Works every month.")
    assert typed(ex, "Volgakhim") == "organization", describe(ex)


@pytest.mark.parametrize("text", [
    "Kvarts employs 2,000 people.",
    "Zavodchik is based in Minsk.",
    "A spokesman for Zavodchik declined to comment.",
    "The contract went to Tetraedr.",
    "Zavodchik won the tender.",
    "Sights made by Kvarts are fitted to tanks.",
    "Shvabe opened a new hall in 2025.",
    "Peleng's new plant makes fuzes.",
])
def test_a_bare_name_in_a_role_only_a_company_plays_is_an_organisation(run, text):
    ex = run("Officials at the Lomov Instrument Works would not comment on Tuesday. " + text)
    name = next(w for w in ("Kvarts", "Zavodchik", "Tetraedr", "Shvabe", "Peleng") if w in text)
    assert entity(ex, name) is not None and entity(ex, name).type.value == "organization", describe(ex)


@pytest.mark.parametrize("text", ["Russia's new plant makes fuzes.", "The contract went to Minsk."])
def test_a_known_place_in_such_a_role_stays_a_place(run, text):
    ex = run(text)
    name = "Russia" if "Russia" in text else "Minsk"
    assert entity(ex, name) is not None and entity(ex, name).type.value == "place", describe(ex)


@pytest.mark.parametrize(("text", "name"), [
    ("Ivan Petrov employs 20 people at his farm near Tula.", "Ivan Petrov"),
    ("Anna Kovalenko is based in Minsk and works as a translator.", "Anna Kovalenko"),
    ("Sergei Volkov won the tender last year.", "Sergei Volkov"),
])
def test_a_full_personal_name_in_a_companys_role_stays_a_person(run, text, name):
    ex = run(text)
    assert entity(ex, name) is not None and entity(ex, name).type.value == "person", describe(ex)


@pytest.mark.parametrize("text", ["Zelenodolsk employs 2,000 people at its shipyard.",
                                  "Udmurtia's new plant makes shells."])
def test_a_town_or_region_in_a_companys_role_is_no_company(run, text):
    ex = run(text)
    assert not [e for e in ex.entities if e.type.value == "organization"], describe(ex)


def test_datelines_of_a_roundup_further_down_and_with_two_towns(run):
    intro = "Briefs\nTHE WIRE\n2026-03-14\n\n" + "The first item is about a plant in Perm that makes engines. " * 12
    ex = run(intro + "\n\nGEORGE TOWN, March 12 -- Malaysia fined a Penang distributor.\n\nNOVOSIBIRSK / BRUSSELS, "
             "March 12 -- That agent, Sibaerotrade LLC, was added to the sanctions list.")
    for town in ("George Town", "Novosibirsk", "Brussels"):
        assert entity(ex, town) is not None and entity(ex, town).type.value == "place", (town, describe(ex))


def test_an_outlets_line_in_capitals_is_no_dateline(run):
    ex = run("Plant news\nEAST MEDIA WATCH -- broadcast monitoring\n2026-03-14\n\nThe Lida Optics Works makes sights.")
    assert entity(ex, "East Media Watch") is None or entity(ex, "East Media Watch").type.value != "place", describe(ex)


@pytest.mark.parametrize(("text", "body", "place"), [
    ("The plant finished a hangar, the Sverdlovsk regional industry ministry said.",
     "Sverdlovsk regional industry ministry", "Sverdlovsk"),
    ("The Cheboksary city administration approved the plan for the plant.", "Cheboksary city administration",
     "Cheboksary"),
])
def test_a_towns_public_body_in_lower_case_is_an_organisation_and_the_town_a_place(run, text, body, place):
    ex = run(text)
    assert entity(ex, body) is not None and entity(ex, body).type.value == "organization", describe(ex)
    assert entity(ex, place) is not None and entity(ex, place).type.value == "place", describe(ex)


def test_a_public_body_told_of_a_plan_is_not_whose_capacity_it_is(run):
    ex = run("The plant informed the Kursk regional government that it will add a second line, raising its capacity "
             "to some 300 trucks annually.")
    assert not claims(ex, "capacity", "Kursk regional government"), describe(ex)


def test_a_name_in_apposition_to_a_coordinator_is_a_person(run):
    ex = run("The volunteer group Rail Lens follows freight trains. Its coordinator, Tomas Vilkas, believes a share of "
             "the units end up on military trucks.")
    assert entity(ex, "Tomas Vilkas") is not None and entity(ex, "Tomas Vilkas").type.value == "person", describe(ex)


def test_a_named_building_is_a_facility_and_takes_the_next_sentences_milestones(run):
    ex = run("Residents debated the \"Radar Module Assembly Building\" project of JSC Vektor. Construction is to "
             "begin in the third quarter of 2027.")
    building = entity(ex, "Radar Module Assembly Building")
    assert building is not None and building.type.value == "facility", describe(ex)
    assert any(c.subject == building.key and c.event and c.event.value == "construction_started"
               for c in claims(ex, "milestone")), describe(ex)


@pytest.mark.parametrize(("text", "town"), [
    ("Izhevsk is also home to a radar plant.", "Izhevsk"),
    ("Units fired the new shells near Kursk, the ministry said.", "Kursk"),
    ("Nizhny Novgorod builds launchers for the system.", "Nizhny Novgorod"),
])
def test_a_large_citys_name_the_model_left_untagged_is_a_place(run, text, town):
    ex = run(text)
    assert entity(ex, town) is not None and entity(ex, town).type.value == "place", describe(ex)


def test_a_city_name_inside_a_longer_name_is_not_taken_out_as_a_place(run):
    ex = run("The order was won by Izhevsk Radio Systems, a firm from Udmurtia.")
    assert entity(ex, "Izhevsk") is None, describe(ex)


def test_a_region_named_at_the_start_of_a_sentence_is_one_place(run):
    ex = run("The plant opened a workshop. The Tambov region's press office said it created 350 jobs.")
    region = entity(ex, "Tambov region")
    assert region is not None and region.type.value == "place", describe(ex)
    assert entity(ex, "Tambov") is None, describe(ex)


def test_a_one_word_name_before_jammers_is_the_weapons_name(run):
    ex = run("Russian troops deployed Groza jammers close to Belgorod, according to the centre.")
    assert entity(ex, "Groza") is not None and entity(ex, "Groza").type.value == "weapon_system", describe(ex)


def test_an_acronym_the_tagger_read_as_a_common_noun_exporting_goods_is_an_organisation(run):
    # (the small English model tags this acronym NN, not NNP; most others it tags as names)
    ex = run("Customs data show that MZKT exported 150 cabs to Kazakhstan in 2024.")
    assert entity(ex, "MZKT") is not None and entity(ex, "MZKT").type.value == "organization", describe(ex)
    assert claims(ex, "supplies", "MZKT"), describe(ex)


def test_a_town_before_a_steel_mill_is_no_person(run):
    ex = run("The Belarusian Steel Works provides billets to Motovilikha. The Zhlobin steel mill also sends billets "
             "to Perm.")
    assert all(e.type.value != "person" for e in ex.entities if "Zhlobin" in e.names), describe(ex)
    assert entity(ex, "Zhlobin steel mill") is not None, describe(ex)


def test_a_group_named_after_a_nationality_is_an_organisation_and_the_country_stays_a_place(run):
    ex = run("The Orsha Optics Works makes chassis, according to documents obtained by the investigative group "
             "Belarusian Kestrel.")
    group = entity(ex, "Belarusian Kestrel")
    assert group is not None and group.type.value == "organization", describe(ex)
    assert all(e.type.value == "place" for e in ex.entities if "Belarus" in e.names), describe(ex)
    assert claims(ex, "produces")[0].attributed_to == [group.key], describe(ex)


def test_a_name_coordinated_with_a_designated_model_before_a_weapon_noun_is_a_weapon(run):
    ex = run("Indela already makes the Busel-M and Berkut drones for the army.")
    assert entity(ex, "Berkut") is not None and entity(ex, "Berkut").type.value == "weapon_system", describe(ex)


def test_a_name_whose_revenue_is_given_is_an_organisation(run):
    ex = run("Tesvel's revenue rose by 35 percent in 2025.")
    assert entity(ex, "Tesvel") is not None and entity(ex, "Tesvel").type.value == "organization", describe(ex)


def test_a_weapon_that_has_a_range_is_still_a_weapon(run):
    """What a thing has or weighs says nothing about whether it acts: "Garpiya drones" stay a weapon when the next
    sentence gives the Garpiya a range (a maker that says or builds something would not)."""
    ex = run("The Veltron works has opened a second assembly hall for Garpiya drones. The Garpiya has a range of "
             "about 900 kilometres, according to Ukrainian intelligence.")
    assert typed(ex, "Garpiya") == "weapon_system", describe(ex)


@pytest.mark.parametrize(("text", "weapon"), [
    ("The Kovrov plant makes gyroscopes for the Palma close-in weapon system on Russian corvettes.", "Palma"),
    ("The Tekhmash plant makes fuzes for the Hermes guided missile, the agency said.", "Hermes"),
    ("Signal Dynamics Ltd makes encoders for the Arena active protection system.", "Arena"),
])
def test_a_name_before_words_of_a_weapons_kind_is_the_weapon(run, text, weapon):
    """Descriptive words may stand between a weapon's name and its head noun ("guided", "close-in", "active
    protection"): the name is still the weapon's, and the goods made for it go into it."""
    ex = run(text)
    assert typed(ex, weapon) == "weapon_system", describe(ex)
    assert any(c.object == key_of(ex, weapon) for c in claims(ex, "used_in")), describe(ex)


def test_a_weapon_that_jams_is_still_a_weapon(run):
    """A name that jams or disrupts is no maker: "the Tobol electronic warfare complex" stays a weapon when a later
    sentence says the Tobol jams signals, and the amplifiers made for it go into it."""
    ex = run("Veltron builds amplifier modules for the Tobol electronic warfare complex. Pilots complain that the "
             "Tobol and similar systems disrupt navigation.")
    assert typed(ex, "Tobol") == "weapon_system", describe(ex)
    assert key_of(ex, "Tobol") in objects(ex, "used_in", "amplifier modules"), describe(ex)


def test_a_designator_shaped_name_that_answers_is_a_company(run):
    """"Lumen-3" looks like a model's designator, but a weapon does not decline to comment: it is the plant's name,
    in every mention."""
    ex = run("The Lumen-3 plant delivered 800 thermal sights to Russia in 2025. Lumen-3 did not answer questions sent "
             "by the newspaper.")
    assert typed(ex, "Lumen-3") == "organization", describe(ex)
    assert claims(ex, "delivered", "Lumen-3"), describe(ex)


def test_a_name_before_a_weapon_noun_and_works_is_the_works(run):
    """"the Omskvagon tank works": the weapon noun says what the works makes; the name is the works', not a tank's."""
    ex = run("The plant delivered 600 gun sights to the Omskvagon tank works in Kurgan in 2025.")
    assert typed(ex, "Omskvagon") == "organization", describe(ex)


@pytest.mark.parametrize(("text", "name"), [
    ("The plant, located in the Yelabuga special economic zone, began producing drones in 2023.",
     "Yelabuga special economic zone"),
    ("The trading firm has its office in the Ajman free zone, according to its filings.", "Ajman free zone"),
])
def test_a_town_and_the_words_of_a_kind_of_zone_name_a_site(run, text, name):
    ex = run(text)
    assert typed(ex, name) == "facility", describe(ex)


def test_a_given_name_the_model_left_out_joins_the_persons_name(run):
    ex = run("The company's general director, Alexei Ryzhikov, said in April that output would rise.")
    assert typed(ex, "Alexei Ryzhikov") == "person", describe(ex)
    assert entity(ex, "Alexei Ryzhikov").name == "Alexei Ryzhikov", describe(ex)


def test_a_body_named_for_its_subject_is_one_organisation(run):
    """The model may split "the Centre for East European Policy Studies" into a place "Centre" and an organisation;
    a word for a body, "for" and a name make one organisation."""
    ex = run("Belarus has increased its output of shells, according to a new report by the Riga-based Centre for "
             "East European Policy Studies.")
    assert typed(ex, "Centre for East European Policy Studies") == "organization", describe(ex)
    assert typed(ex, "Centre") in (None, "organization"), describe(ex)


def test_a_model_name_after_a_calibre_is_a_weapon(run):
    """The tagger sweeps "Grad" into the quantity "122 mm Grad"; it is still the rockets' model."""
    ex = run("Legmash now produces casings for 122 mm Grad rockets.")
    assert typed(ex, "Grad") == "weapon_system", describe(ex)


def test_shipments_an_enterprise_made_are_no_goods_it_makes(run):
    ex = run("Customs data show that the Veltron firm made at least 140 shipments to Russia over the period.")
    assert not claims(ex, "produces"), describe(ex)
    assert [c.value for c in claims(ex, "delivered", "Veltron")] == [140], describe(ex)


def test_town_after_the_city_of_described_as_a_subsidiary_stays_a_town(run):
    ex = run("The howitzer is assembled at the Motovilikha Gun Works in the city of Perm, a Rostec subsidiary that "
             "started making it in 2023.")
    assert typed(ex, "Perm") == "place", describe(ex)
    assert objects(ex, "located_in", "Motovilikha Gun Works") == {key_of(ex, "Perm")}, describe(ex)


def test_a_country_called_a_buyer_stays_a_country(run):
    ex = run("Its heavy presses, once sold to Turkish shipyards, have found a far larger buyer: Russia. Sales to "
             "Russia tripled last year.")
    assert typed(ex, "Russia") == "place", describe(ex)


@pytest.mark.parametrize(("text", "town"), [
    ("The engines were handed to Kuban Sudoverf, a shipyard in Yeysk, in southern Russia.", "Yeysk"),
    ("The alloy comes from a smelter near Aksu in the north.", "Aksu"),
])
def test_a_smaller_towns_name_after_in_on_a_noun_is_the_town(run, text, town):
    ex = run(text)
    assert typed(ex, town) == "place", describe(ex)


def test_a_month_after_in_is_no_town(run):
    ex = run("The Kestrel plant opened a workshop in March.")
    assert typed(ex, "March") is None, describe(ex)


@pytest.mark.parametrize(("text", "name"), [
    ("The motors were sold to Donskaya Verf, a boatyard in Yeysk, on the Azov coast.", "Donskaya Verf"),
    ("Kiyi Haber, this newspaper, asked the court for the file.", "Kiyi Haber"),
])
def test_a_name_in_apposition_to_what_no_person_can_be_is_an_organisation(run, text, name):
    ex = run(text)
    assert typed(ex, name) == "organization", describe(ex)


def test_a_name_in_apposition_to_a_job_stays_a_person(run):
    ex = run("Anna Petrova, the newspaper's editor, declined to comment.")
    assert typed(ex, "Anna Petrova") == "person", describe(ex)


def test_a_name_never_ends_in_a_preposition_the_model_took_with_it(run):
    ex = run("Among the buyers, Uralredmet-Trade of Yekaterinburg resells nearly all it buys to Elecond.")
    assert entity(ex, "Uralredmet-Trade") is not None, describe(ex)
    assert not [e for e in ex.entities if e.name.split()[-1] in ("of", "and", "the")], describe(ex)


@pytest.mark.parametrize(("text", "names"), [
    ("Kaluga Optics makes thermal modules that go into the Strizh and Vityaz loitering munitions.",
     ["Strizh", "Vityaz"]),
    ("The Omsk plant builds receivers for the Kopyo glide bomb. It also sells spare boards to the Kopyo's maker in "
     "Moscow.", ["Kopyo"]),
])
def test_a_name_on_a_weapon_noun_is_a_weapon_at_every_mention(run, text, names):
    ex = run(text)
    for name in names:
        assert entity(ex, name) is not None and entity(ex, name).type.value == "weapon_system", describe(ex)


@pytest.mark.parametrize(("text", "name"), [
    ("Engineers tested the Zhitel jamming station near Kursk.", "Zhitel"),
    ("The plant makes modules for the Kaira electronic warfare complex.", "Kaira"),
])
def test_a_name_on_an_electronic_warfare_system_is_a_weapon(run, text, name):
    ex = run(text)
    assert entity(ex, name) is not None and entity(ex, name).type.value == "weapon_system", describe(ex)


def test_a_company_word_alone_opening_a_sentence_is_no_name(run):
    ex = run("Machinery made up a quarter of the ferry cargo in 2024. Electronics took most of the rest.")
    assert entity(ex, "Machinery") is None and entity(ex, "Electronics") is None, describe(ex)


@pytest.mark.parametrize(("text", "site"), [
    ("Riau Devices is a contract firm in the Batamindo industrial estate on Batam.", "Batamindo industrial estate"),
    ("The wagons reached the Alashankou border station in October.", "Alashankou border station"),
    ("The motors left the Samsun port on ro-ro ferries.", "Samsun port"),
])
def test_a_place_name_before_a_word_for_a_site_is_that_site(run, text, site):
    ex = run(text)
    assert entity(ex, site) is not None and entity(ex, site).type.value == "facility", describe(ex)


def test_a_port_of_a_town_is_no_site_named_after_a_sea(run):
    ex = run("The cargo was unloaded at the Black Sea port of Poti.")
    assert entity(ex, "Black Sea port") is None, describe(ex)


@pytest.mark.parametrize(("text", "body"), [
    ("Indonesia's trade ministry said the exports were legal.", "Indonesia's trade ministry"),
    ("The Turkish trade ministry said it had opened an inquiry.", "Turkish trade ministry"),
])
def test_a_countrys_ministry_that_speaks_is_an_organisation(run, text, body):
    ex = run(text)
    assert entity(ex, body) is not None and entity(ex, body).type.value == "organization", describe(ex)


@pytest.mark.parametrize(("text", "name"), [
    ("Spare parts are scarce. Kestrel Trading bought gearboxes from a plant in Harbin last year.", "Kestrel Trading"),
    ("Marlow Pine Logistics, a forwarder in Mersin, moved the crates in May.", "Marlow Pine Logistics"),
])
def test_capitalised_words_ending_in_a_company_word_name_a_company_the_model_missed(run, text, name):
    ex = run(text)
    assert typed(ex, name) == "organization", describe(ex)



def test_a_name_the_parser_read_as_an_adjective_on_a_weapon_noun_is_a_weapon(run):
    ex = run("Investigators found Western chips in the Sirius reconnaissance-strike drone shot down in May.")
    assert typed(ex, "Sirius") == "weapon_system", describe(ex)


def test_a_known_town_the_tagger_took_for_a_common_noun_is_the_town(run):
    ex = run("The Azov Radio Plant sits in Taganrog on the Sea of Azov.")
    assert typed(ex, "Taganrog") == "place", describe(ex)
    assert objects(ex, "located_in", "Azov Radio Plant") >= {key_of(ex, "Taganrog")}, describe(ex)


def test_an_acronym_spelling_out_hyphenated_words_at_a_sentence_start_is_a_kind_of_thing(run):
    ex = run("Field-programmable gate array (FPGA) chips reached a plant in Tula. The FPGA chips were made in Taiwan.")
    assert entity(ex, "FPGA") is None and entity(ex, "Field") is None, describe(ex)


def test_initials_of_a_name_written_in_sentence_case_stay_a_name(run):
    ex = run("Минский завод колёсных тягачей (МЗКТ) выпускает шасси для ракетных комплексов.")
    assert entity(ex, "МЗКТ") is not None, describe(ex)


@pytest.mark.parametrize("text", [
    "The casings also go into the Kortik twin launcher, he said.",
    "Novgorod Plastics makes launch tubes. The tubes also go into the Kortik twin launcher.",
])
def test_a_name_before_a_weapon_noun_the_tagger_misread_is_a_weapon(run, text):
    ex = run(text)
    assert entity(ex, "Kortik") is not None and entity(ex, "Kortik").type.value == "weapon_system", describe(ex)


def test_a_town_before_think_tank_stays_no_weapon(run):
    ex = run("Brushless motors spin the propellers, according to the Nordkapp Institute, a Bergen think tank that "
             "has examined captured drones.")
    bergen = entity(ex, "Bergen")
    assert bergen is None or bergen.type.value != "weapon_system", describe(ex)


def test_a_surname_the_model_took_for_a_nationality_beside_a_job_is_a_person(run):
    ex = run('"Every housing carries the same code," Wing Search\'s coordinator, Taras Melnychuk, said.')
    assert typed(ex, "Taras Melnychuk") == "person", describe(ex)


@pytest.mark.parametrize("text", [
    '"The label is the same on every spool," Drone Watch\'s coordinator, Maksym Bondarchuk, said.',
    '"The markings are identical every time," Night Owl\'s coordinator, Taras Kovalchuk, said.',
])
def test_a_name_the_model_took_for_a_company_beside_a_job_is_a_person(run, text):
    ex = run(text)
    name = text.split("coordinator, ")[1].split(",")[0]
    assert typed(ex, name) == "person", describe(ex)


def test_a_company_beside_an_owner_word_stays_a_company(run):
    ex = run("The plant's owner, Vektor Holding, did not reply.")
    assert typed(ex, "Vektor Holding") == "organization", describe(ex)
