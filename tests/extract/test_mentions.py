"""Typed mentions: legal forms, quoted names, cue nouns, designators, calibres, products."""

from __future__ import annotations

import pytest
from extract_helpers import describe, entity, key_of, objects


def typed(ex, name: str) -> str | None:
    e = entity(ex, name)
    return e.type.value if e else None


def test_legal_form_prefix_makes_an_organisation(run):
    ex = run("JSC Vostok Optics makes thermal sights for tank crews, and its output has doubled since the war began.")
    e = entity(ex, "Vostok Optics")
    assert e is not None and e.type.value == "organization", describe(ex)
    assert any(n.startswith("JSC") for n in e.names)


def test_cyrillic_legal_form_and_guillemets(run):
    ex = run("ОАО «Протон» supplies engines for military drones, according to the sanctions listing.")
    assert typed(ex, "Протон") == "organization", describe(ex)


def test_quoted_name_before_plant_is_an_organisation(run):
    ex = run("The «Granit» plant in Tula produces artillery fuzes for the army.")
    assert typed(ex, "Granit") == "organization", describe(ex)


def test_lowercase_cue_noun_after_a_name(run):
    ex = run("Output at the Severny works rose sharply as it started making ammunition for the war.")
    assert typed(ex, "Severny") == "organization", describe(ex)


def test_capitalised_plant_name(run):
    ex = run("The Kurgan Machine-Building Plant assembles infantry fighting vehicles for the army.")
    assert typed(ex, "Kurgan Machine-Building Plant") == "organization", describe(ex)


def test_capitalised_factory_name_said_once(run):
    ex = run("The Ryazan Optical Factory makes night-vision scopes.")
    assert typed(ex, "Ryazan Optical Factory") == "organization", describe(ex)


@pytest.mark.parametrize("designator", ["Kh-59", "Su-25", "Tor-M2", "Pantsir-S1", "MAZ-6317", "Orlan-10",
                                        "Smerchevik-M4"])
def test_designators_are_weapon_systems(run, designator):
    ex = run(f"Investigators found Western microchips inside the {designator} recovered near the front line.")
    assert typed(ex, designator) == "weapon_system", describe(ex)


@pytest.mark.parametrize("text", ["Tula Motors fits its engines into the Garpiya drone and into the E97M, a jet target "
                                  "drone.", "Tula Motors fits its engines into the B72K, a small cruise missile."])
def test_a_short_designator_with_a_weapon_noun_in_apposition_is_a_weapon(run, text):
    """"the E97M, a jet target drone": a code of letters and digits with no hyphen is a weapon's when a weapon noun
    stands beside it in apposition, also where the tokenizer splits off its last letter; its engines go into it."""
    ex = run(text)
    code = "E97M" if "E97M" in text else "B72K"
    assert typed(ex, code) == "weapon_system", describe(ex)
    assert key_of(ex, code) in objects(ex, "used_in", "Tula Motors"), describe(ex)


def test_digit_first_designator(run):
    ex = run("The brigade fired a 9K33 missile at the drone, and the missile system was later destroyed.")
    assert typed(ex, "9K33") == "weapon_system", describe(ex)


def test_designator_with_quoted_name(run):
    ex = run("The army fielded more 9K35 'Strela' launchers on the border this spring.")
    e = entity(ex, "9K35 'Strela'") or entity(ex, "9K35")
    assert e is not None and e.type.value == "weapon_system", describe(ex)


def test_name_before_weapon_cue_noun(run):
    ex = run("Russian units launched Kinzhal missiles at the airfield overnight.")
    assert typed(ex, "Kinzhal") == "weapon_system", describe(ex)


def test_calibre_product(run):
    ex = run("The factory fills 122 mm shells and 120mm mortar rounds for the artillery.")
    names = {n.lower() for e in ex.entities if e.type.value == "product" for n in e.names}
    assert "122 mm shells" in names, describe(ex)


def test_product_with_modifier_but_not_vague_head(run):
    ex = run("JSC Vostok Optics produces thermal imaging cameras and other military equipment for the army.")
    prods = {e.name.lower() for e in ex.entities if e.type.value == "product"}
    assert "thermal imaging cameras" in prods, describe(ex)
    assert "equipment" not in prods


def test_unnamed_facility_described_by_its_product(run):
    ex = run("Officials announced a new ammunition factory in Kazakhstan that would make artillery shells.")
    facs = [e for e in ex.entities if e.type.value == "facility"]
    assert facs, describe(ex)
    assert typed(ex, "Kazakhstan") == "place"


def test_person_and_place_from_the_model(run):
    ex = run("Defence minister Pavel Khrenin visited the tank repair plant in Barysaw on Tuesday.")
    assert typed(ex, "Pavel Khrenin") == "person", describe(ex)
    assert typed(ex, "Barysaw") == "place"


def test_nationality_plus_intelligence_is_an_organisation(run):
    ex = run("Estonian intelligence said the drones were assembled from Chinese parts.")
    assert typed(ex, "Estonian intelligence") == "organization", describe(ex)


def test_nationality_adjectives_are_not_entities(run):
    ex = run("Belarusian and Iranian engineers helped build Russian drones.")
    assert not any(e.name in ("Belarusian", "Iranian", "Russian") for e in ex.entities), describe(ex)


def test_headline_only_names_are_dropped(run):
    ex = run("Zenith Holdings Buys Stake In Rival\n"
             "The drone maker Kestrel Dynamics opened a new line for military drones.")
    assert entity(ex, "Zenith Holdings") is None, describe(ex)
    assert typed(ex, "Kestrel Dynamics") == "organization"


def test_descriptive_noun_between_name_and_cue(run):
    ex = run("Sanctions have not stopped Belarus. Belarusian exports go to Russia, the Hajun monitoring group said.")
    assert typed(ex, "Hajun") == "organization", describe(ex)


def test_nationality_before_descriptive_noun_and_cue_is_not_a_name(run):
    ex = run("The Russian defence ministry ordered more shells from the Belarusian ammunition plant.")
    assert entity(ex, "Russian") is None and entity(ex, "Belarusian") is None, describe(ex)


def test_place_said_once_next_to_an_enterprise_is_kept(run):
    ex = run("JSC Vostok Optics has its head office in Omsk, Russia.")
    assert typed(ex, "Omsk") == "place", describe(ex)


def test_name_said_once_in_a_sentence_without_industry_words_is_kept(run):
    # annotators list every place and party an article names ("nylon yarn is bought in China"), not only those in
    # sentences with a weapon, plant or delivery word; the extractor used to drop such names and lost recall
    ex = run("JSC Vostok Optics makes thermal sights for the army.\nIts lenses are ground from glass bought in "
             "Armenia.")
    assert typed(ex, "Armenia") == "place", describe(ex)


def test_capitalised_word_and_nationality_is_not_a_person(run):
    ex = run("Cheap Russian gas has kept the tank plants of Belarus running.")
    assert not [e for e in ex.entities if e.type.value == "person"], describe(ex)


def test_possessive_pronoun_keeps_the_next_word_of_a_product(run):
    ex = run("JSC Vostok Optics sells its thermal sights abroad.")
    prods = {e.name.lower() for e in ex.entities if e.type.value == "product"}
    assert "thermal sights" in prods, describe(ex)


def test_capitalised_product_word_in_a_name_is_an_organisation(run):
    ex = run("Engineers at Orion Electronics build radar parts. Orion Electronics also buys electronics from "
             "Chinese traders.")
    assert typed(ex, "Orion Electronics") == "organization", describe(ex)
    assert typed(ex, "electronics") == "product"


def test_enterprise_known_by_a_number_is_an_organisation(run):
    ex = run("The lathes went to Plant No. 174 in Omsk, which makes tank engines. Plant No. 174 did not reply.")
    assert typed(ex, "Plant No. 174") == "organization", describe(ex)
    assert len(entity(ex, "Plant No. 174").mentions) == 2, describe(ex)


def test_lower_case_numbered_workshop_stays_a_unit(run):
    ex = run("The Omsk Engine Plant makes engines. Pistons are machined in workshop No. 7.")
    assert typed(ex, "workshop No. 7") != "organization", describe(ex)


def test_town_named_before_plant_noun_stays_a_town(run):
    ex = run("Gearboxes are built by the Orlov Transmission Bureau in Tula. Output at the Tula plant will double "
             "by 2027, the bureau said.")
    town = entity(ex, "Tula")
    assert town is not None and town.type.value == "place", describe(ex)
    assert not [e for e in ex.entities if e.type.value == "organization" and "Tula" in e.name], describe(ex)


def test_works_as_a_verb_is_no_part_of_a_name(run):
    ex = run("Kvantor works in the eastern Belarusian town of Vitebsk. Kvantor makes sensors for the army.")
    assert entity(ex, "Kvantor") is not None, describe(ex)
    assert "Kvantor works" not in entity(ex, "Kvantor").names, describe(ex)


def test_name_after_town_of_is_a_place(run):
    ex = run("Kvantor works in the eastern Belarusian town of Vitebsk. Kvantor makes sensors for the army.")
    assert entity(ex, "Vitebsk") is not None and entity(ex, "Vitebsk").type.value == "place", describe(ex)


def test_named_after_a_person_is_part_of_the_plant_name(run):
    ex = run("The Perm Gear Plant named after A. P. Lukin makes gearboxes for helicopters.")
    plant = entity(ex, "Perm Gear Plant named after A. P. Lukin")
    assert plant is not None and plant.type.value == "organization", describe(ex)
    assert not [e for e in ex.entities if e.type.value == "person"], describe(ex)


def test_state_inside_an_enterprise_name(run):
    ex = run("Sensors come from the Oryol State Instrument Plant, which also builds radars.")
    assert entity(ex, "Oryol State Instrument Plant") is not None, describe(ex)


def test_work_steps_and_offices_are_not_goods(run):
    ex = run("Final assembly of the drones moved to Kazan, the plant's press service said, after a funding round.")
    goods = {e.name.lower() for e in ex.entities if e.type.value == "product"}
    assert not goods & {"final assembly", "press service", "funding round"}, describe(ex)


def test_goods_only_mentioned_in_passing_are_left_out(run):
    ex = run("JSC Vostok Optics produces thermal sights for the army. Its staff once repaired consumer radios.")
    prods = {e.name.lower() for e in ex.entities if e.type.value == "product"}
    assert "thermal sights" in prods, describe(ex)
    assert "consumer radios" not in prods, describe(ex)


def test_plural_of_a_model_is_the_model(run):
    ex = run("Kurgan built 40 BMP-3s last year, and the BMP-3 remains in production.")
    weapons = [e for e in ex.entities if e.type.value == "weapon_system"]
    assert [e.name for e in weapons] == ["BMP-3"], describe(ex)


def test_document_numbers_and_sentence_initial_words_are_not_weapons(run):
    ex = run("Interceptor missiles are hard to stockpile. Invoice NB-2291 lists 40 gyroscopes sold to Orion Avia.")
    assert not [e for e in ex.entities if e.type.value == "weapon_system"], describe(ex)


@pytest.mark.parametrize("text, name, etype", [
    ("Gulfline FZE is a trading company in the Jebel Ali Free Zone in Dubai.", "Jebel Ali Free Zone", "facility"),
    ("The bombers flew from Engels Air Base before dawn.", "Engels Air Base", "facility"),
    ("The Main Missile and Artillery Directorate signed a framework contract.",
     "Main Missile and Artillery Directorate", "organization"),
])
def test_capitalised_word_closing_a_name_gives_its_kind(run, text, name, etype):
    ex = run(text)
    assert typed(ex, name) == etype, describe(ex)


@pytest.mark.parametrize("text, name", [
    ("The Russian armed forces received 300 new trucks last year.", "Russian armed forces"),
    ("The Russian defence ministry ordered more shells.", "Russian defence ministry"),
])
def test_nationality_and_a_body_of_several_words_is_an_organisation(run, text, name):
    ex = run(text)
    assert typed(ex, name) == "organization", describe(ex)


def test_name_going_on_after_for_or_of(run):
    ex = run("Analysts at the Fjordland Centre for Security Studies and the Volkov Institute of Radio Design agree.")
    assert typed(ex, "Fjordland Centre for Security Studies") == "organization", describe(ex)
    assert typed(ex, "Volkov Institute of Radio Design") == "organization", describe(ex)


def test_a_model_name_spanning_a_verb_s_preposition_is_split(extractor):
    from spacy.tokens import Span

    from supplytrace.extract.mentions import split_at_outer_preps
    from supplytrace.extract.pipeline import load_nlp

    doc = load_nlp()("The invoice was issued by Kestrel Components to Varta-Trade last May.")
    start = next(t.i for t in doc if t.text == "Kestrel")
    end = next(t.i for t in doc if t.text == "last")
    parts = split_at_outer_preps(Span(doc, start, end, label="ORG"))
    assert [p.text for p in parts] == ["Kestrel Components", "Varta-Trade"]
    assert all(p.label_ == "ORG" for p in parts)


def test_a_name_s_own_preposition_keeps_it_whole(extractor):
    from spacy.tokens import Span

    from supplytrace.extract.mentions import split_at_outer_preps
    from supplytrace.extract.pipeline import load_nlp

    doc = load_nlp()("The Society for Aid to the Army collects money.")
    name = Span(doc, 1, 7, label="ORG")
    assert split_at_outer_preps(name) == [name] or [p.text for p in split_at_outer_preps(name)] == [name.text]


def test_a_one_word_name_goods_come_from_is_a_company_not_a_person(run):
    ex = run("The Kurgan plant builds infantry vehicles. The gearboxes came from Kessler until 2022.")
    e = entity(ex, "Kessler")
    assert e is not None and e.type.value == "organization", describe(ex)


def test_a_person_who_speaks_stays_a_person_even_when_selling(run):
    ex = run("Marek Dvorak said he stopped supplying the engines in 2016. Marek Dvorak stopped supplying the "
             "engines in 2016.")
    e = entity(ex, "Marek Dvorak")
    assert e is not None and e.type.value == "person", describe(ex)


def test_laws_orders_and_lists_are_not_organisations(run):
    ex = run("Prosecutors charged the firm under the Export Control Reform Act. The Commerce Department issued a "
             "Temporary Denial Order and added it to the Common High Priority List.")
    names = {n for e in ex.entities for n in e.names}
    assert not names & {"Export Control Reform Act", "Temporary Denial Order", "Common High Priority List"}, \
        describe(ex)


def test_technical_acronyms_are_not_organisations(run):
    ex = run("The Dongguan plant makes motors for FPV drones and spindles for CNC machines. Customs data show "
             "exports to Russia.")
    assert not {e.name for e in ex.entities if e.type.value == "organization"} & {"FPV", "CNC", "Customs"}, \
        describe(ex)


def test_a_name_with_an_acronym_after_a_hyphen_is_one_company(run):
    ex = run("Reductor-PM in Perm makes gearboxes for helicopters.")
    e = entity(ex, "Reductor-PM")
    assert e is not None and e.type.value == "organization", describe(ex)


@pytest.mark.parametrize("goods", ["155mm and 105mm artillery shells", "155 mm and 105 mm artillery shells"])
def test_two_calibres_before_one_noun_are_two_goods(run, goods):
    ex = run(f"The Tula Shell Works is producing {goods} for the army.")
    made = {c.object_text.replace(" mm", "mm") for c in ex.claims if c.predicate.value == "produces"}
    assert {"155mm artillery shells", "105mm artillery shells"} <= made, describe(ex)


@pytest.mark.parametrize("name", ["Open Ledger Analytics", "Steppe Trade Monitor", "Kestrel Research Partners",
                                  "Baltic Freight Dispatch"])
def test_research_groups_and_outlets_named_by_their_last_word(run, name):
    ex = run(f"Analysts at {name} said the plant makes 40 drones a month.")
    e = entity(ex, name)
    assert e is not None and e.type.value == "organization", describe(ex)


@pytest.mark.parametrize("text,goods", [
    ("The Kama Works makes hexogen.", "hexogen"),
    ("The Kama Works makes polyester thread.", "polyester thread"),
    ("The Kama Works makes carbon fibre.", "carbon fibre"),
])
def test_materials_are_goods(run, text, goods):
    ex = run(text)
    assert [c.object_text for c in ex.claims if c.predicate.value == "produces"] == [goods], ex.claims


def test_a_material_word_alone_in_another_sense_is_no_goods(run):
    ex = run("The wire service reported that the Kama Works makes thread counts public.")
    assert not [e for e in ex.entities if e.type.value == "product"], ex.entities


def test_a_numbered_military_plant_keeps_its_number_and_its_town(run):
    ex = run("The 140th Repair Plant in Barysau overhauls T-72 tanks and BMP-2 vehicles.")
    plant = entity(ex, "140th Repair Plant")
    assert plant is not None and plant.type.value == "organization", describe(ex)
    town = entity(ex, "Barysau")  # the small model tags it as a nationality here
    assert town is not None and town.type.value == "place", describe(ex)
    assert objects(ex, "located_in", "140th Repair Plant") == {town.key}, describe(ex)


@pytest.mark.parametrize("credit", [
    "Compiled by Alina Vorel and Piotr Sadek",
    "Budget report (excerpts in our translation) with notes by Alina Vorel",
    "Minutes of the hearing, with our comments. Prepared by Alina Vorel.",
])
def test_the_writers_credited_in_the_header_are_no_entities(run, credit):
    ex = run(f"Plant news\nTHE BORDER WIRE\n{credit}\n2026-03-14\n\nThe Lida Optics Works makes sights for tanks, "
             "its director Pavel Ivanou said.")
    assert entity(ex, "Alina Vorel") is None and entity(ex, "Piotr Sadek") is None, describe(ex)
    assert entity(ex, "Pavel Ivanou") is not None, describe(ex)


def test_a_signoff_credit_is_no_entity_but_a_report_by_someone_is(run):
    ex = run("The Lida Optics Works makes sights. A report prepared by Pavel Ivanou says it ships them to Russia.\n\n"
             "-- Reporting by Alina Vorel in Vilnius; editing by Piotr Sadek.")
    assert entity(ex, "Alina Vorel") is None and entity(ex, "Piotr Sadek") is None, describe(ex)
    assert entity(ex, "Vilnius") is None, describe(ex)
    assert entity(ex, "Pavel Ivanou") is not None, describe(ex)


def test_a_letter_suffix_model_opening_a_sentence_with_the_is_a_weapon(run):
    ex = run("The Forpost-R can carry Kh-BPLA guided missiles.")
    assert typed(ex, "Forpost-R") == "weapon_system", describe(ex)


def test_wing_panels_are_goods(run):
    ex = run("The Kumertau plant now also makes composite wing panels for drones.")
    assert typed(ex, "composite wing panels") == "product", describe(ex)


def test_header_words_months_and_titles_are_no_names(run):
    ex = run("Budget notes\nDZVINA WATCH\nRegional Council of Deputies: Report on the Budget for January-September "
             "2025\nPosted 3 November 2025\n\nThe Lida Optics Works makes sights for tanks.")
    assert entity(ex, "January-September") is None and entity(ex, "Posted") is None, describe(ex)
    council = entity(ex, "Regional Council of Deputies")
    assert council is None or ":" not in council.name, describe(ex)


def test_a_legal_name_goes_on_after_of_and_keeps_a_mixed_case_acronym(run):
    ex = run("OJSC Lida Plant of Tractor Parts and Units (LZTDiA), a Lida enterprise, sued a trader. LZTDiA employs "
             "about 3,200 people. It manufactures hydraulic cylinders.")
    plant = entity(ex, "Lida Plant of Tractor Parts and Units")
    assert plant is not None and entity(ex, "LZTDiA") is plant, describe(ex)
    assert any(c.subject == plant.key for c in ex.claims if c.predicate.value == "produces"), describe(ex)


def test_a_nationality_word_naming_a_language_is_no_country(run):
    ex = run("LZTDiA -- Lidsky zavod in Russian -- employs about 3,200 people. Lida, spelled Lida in Belarusian, "
             "is home to it.")
    assert entity(ex, "Russia") is None and entity(ex, "Belarus") is None, describe(ex)


def test_a_street_is_no_entity(run):
    ex = run("The new building will stand on the Lida plant's site on Zavodskaya Street in Lida.")
    assert entity(ex, "Zavodskaya Street") is None, describe(ex)


def test_goods_capitalised_to_start_a_sentence_are_no_organisation(run):
    ex = run("Investigators tracked the trade for a year.\n\n"
             "Microchips bought through Hong Kong firms end up in Kh-101 missiles.")
    assert entity(ex, "Microchips") is None or entity(ex, "Microchips").type.value == "product", describe(ex)


def test_a_plant_named_by_its_company_and_goods_is_no_unnamed_description(run):
    ex = run("The shipments went to the Uralvagonzavod tank plant in Nizhny Tagil.")
    assert not [e for e in ex.entities if e.type.value == "facility" and "Uralvagonzavod" in e.name], describe(ex)


def test_a_plant_named_with_a_word_the_model_calls_a_place_but_no_gazetteer_knows(run):
    ex = run("The kits are assembled at the Bazalt plant in Moscow, according to our research. Bazalt is part of "
             "Rostec's Techmash holding.")
    assert entity(ex, "Bazalt") is not None and entity(ex, "Bazalt").type.value == "organization", describe(ex)
    assert entity(ex, "Moscow").type.value == "place", describe(ex)


def test_a_hyphenated_name_before_its_apposition_stays_whole(run):
    ex = run("Investigators traced the altimeter to Radiopribor-M, a Minsk company that builds aircraft instruments.")
    assert entity(ex, "Radiopribor-M") is not None and entity(ex, "M") is None, describe(ex)


@pytest.mark.parametrize("name", ["Corvant Microsystems", "Ekinci Elektronik"])
def test_a_two_word_name_ending_in_a_company_word_is_no_person(run, name):
    ex = run(f"{name} says none of its products have gone to Russian buyers.")
    assert entity(ex, name) is not None and entity(ex, name).type.value == "organization", describe(ex)


def test_long_word_designator_after_a_verb_of_making(run):
    ex = run("The bureau in Tula produces the Zarevnitsa-K3, a guided mortar round, for the army.")
    assert typed(ex, "Zarevnitsa-K3") == "weapon_system", describe(ex)


def test_a_company_the_model_calls_a_nationality_and_hangs_on_the_noun_before_it_is_kept(run):
    # (the small model tags "Rostec" here as an adjective modifying "corporation", to its left)
    ex = run("Volna Optics belongs to the Zenit holding, which in its turn belongs to the state corporation Rostec.\n\n"
             "Volna's director denied any wrongdoing.")
    rostec = entity(ex, "Rostec")
    assert rostec is not None and rostec.type.value == "organization", describe(ex)
    assert rostec.key in objects(ex, "part_of", "Zenit"), describe(ex)


@pytest.mark.parametrize("text, body", [
    ("Kazakh state media reported that the Ulba works had opened a second furnace.", "Kazakh state media"),
    ("According to Georgian customs, Kartvel Trade shipped 40 tonnes of cable to Russia.", "Georgian customs"),
    ("Moldovan investigators found Nistru Elektro relays in the debris.", "Moldovan investigators"),
])
def test_a_countrys_collective_body_that_reports_is_an_organisation_and_the_source(run, text, body):
    ex = run(text)
    e = entity(ex, body)
    assert e is not None and e.type.value == "organization", describe(ex)
    assert all(c.attributed_to == [e.key] for c in ex.claims), describe(ex)


def test_a_body_named_in_full_before_is_not_a_second_one(run):
    ex = run("Moldova's Customs Service published the figures. Moldovan customs said the relays went to Russia.")
    assert entity(ex, "Moldovan customs") is None, describe(ex)


def test_a_systems_variant_letters_belong_to_its_name_after_the_index(run):
    ex = run("The Kurgan works makes axles for the 2S44 Sever-M self-propelled gun. The Sever-M entered service in "
             "2024.")
    weapons = [e for e in ex.entities if e.type.value == "weapon_system"]
    assert [e.name for e in weapons] == ["2S44 Sever-M"], describe(ex)
    assert "Sever-M" in weapons[0].names, describe(ex)


def test_a_channel_named_after_its_country_is_no_weapon(run):
    ex = run("The state channel Belarus-1 filmed the new forge on Friday. Russia-1 aired the report on Sunday.")
    assert not [e for e in ex.entities if e.type.value == "weapon_system"], describe(ex)


@pytest.mark.parametrize(("text", "name"), [
    ("The Bremen Public Prosecutor's Office charged two traders last week.", "Bremen Public Prosecutor's Office"),
    ("According to the Hamburg Public Prosecutor's Office, the lathes reached Kazan in May.",
     "Hamburg Public Prosecutor's Office"),
])
def test_an_office_named_after_its_holder_keeps_the_possessive(run, text, name):
    ex = run(text)
    assert typed(ex, name) == "organization", describe(ex)


def test_a_name_beside_a_noun_only_companies_are_is_an_organisation_in_that_town(run):
    ex = run("Pavlin Trade bought the steel from a Graz stockist, Hollerer Sonderstahl, in 2024.")
    assert typed(ex, "Hollerer Sonderstahl") == "organization", describe(ex)
    assert key_of(ex, "Pavlin Trade") in objects(ex, "supplies", "Hollerer Sonderstahl"), describe(ex)
    assert key_of(ex, "Graz") in objects(ex, "located_in", "Hollerer Sonderstahl"), describe(ex)


def test_a_currency_code_in_brackets_names_nothing(run):
    ex = run("The Grodno Valve Plant said revenue reached 52 million Belarusian roubles (BYN) in the first half.")
    assert entity(ex, "BYN") is None, describe(ex)


def test_tonnes_of_something_made_are_not_goods_themselves(run):
    ex = run("The Dzerzhinsk Solvent Works produces about 9,000 tonnes of acetone a year.")
    assert entity(ex, "tonnes") is None, describe(ex)
    assert typed(ex, "acetone") == "product", describe(ex)


def test_magnets_are_goods(run):
    ex = run("Samarium-cobalt magnets made in Baotou were found in the motor of a downed Lancet drone.")
    assert typed(ex, "Samarium-cobalt magnets") == "product", describe(ex)


@pytest.mark.parametrize("explosive", ["HMX", "RDX", "PETN"])
def test_an_explosive_written_in_capitals_is_goods(run, explosive):
    ex = run(f"The Biysk Chemical Combine makes {explosive} for rocket motors, the ministry said.")
    assert typed(ex, explosive) == "product", describe(ex)


def test_a_material_made_in_bulk_is_goods(run):
    ex = run("The Grodno Chemical Plant produces caprolactam for tyre cord.")
    assert typed(ex, "caprolactam for tyre cord") == "product" or typed(ex, "caprolactam") == "product", describe(ex)


@pytest.mark.parametrize("text", ["The Orsha Gear Works makes money from exports.",
                                  "The Orsha Gear Works builds capacity for the navy."])
def test_an_abstract_or_idiomatic_object_of_making_is_no_goods(run, text):
    ex = run(text)
    assert not any(e.type.value == "product" for e in ex.entities), describe(ex)


@pytest.mark.parametrize(("text", "qualifier", "town"), [
    ("The motor plant sits in the Volga town of Engels.", "Volga", "Engels"),
    ("The steel mill is in the Urals city of Zlatoust.", "Urals", "Zlatoust"),
])
def test_a_name_on_the_town_of_x_is_no_entity_of_its_own(run, qualifier, town, text):
    ex = run(text)
    assert entity(ex, qualifier) is None and typed(ex, town) == "place", describe(ex)


def test_a_nationality_and_a_town_noun_name_no_place(run):
    ex = run("Aral Chemical Supply, a resin dealer based in the Kazakh city of Taraz since 2019, resold the resin.")
    assert entity(ex, "Kazakh city") is None, describe(ex)
    assert key_of(ex, "Taraz") in objects(ex, "located_in", "Aral Chemical Supply"), describe(ex)


@pytest.mark.parametrize(("text", "goods"), [
    ("Tianjin Huaxing Fine Chemicals sells lead azide to the Dzerzhinsk detonator plant.", "lead azide"),
    ("Kyzyl Metals shipped antimony trisulfide to a Russian primer maker last spring.", "antimony trisulfide"),
    ("Surat Organics Ltd exports paraformaldehyde to the Perm Powder Plant every quarter.", "paraformaldehyde"),
])
def test_a_compound_named_by_its_ending_is_a_product(run, text, goods):
    """No vocabulary lists every precursor; the ending of the word ("-azide", "-aldehyde") says it is one, even
    where the tagger reads the unknown word as an adverb or a verb."""
    ex = run(text)
    assert typed(ex, goods) == "product", describe(ex)


def test_a_word_with_a_chemical_ending_and_nothing_before_it_is_no_compound(run):
    ex = run("The Kursk Relay Plant warned of famine wages as it cut 300 jobs at its Oboyan shop.")
    assert entity(ex, "famine") is None and entity(ex, "famine wages") is None, describe(ex)


def test_a_body_named_with_and_stays_one_organisation(run):
    """The model cuts "the Latvian State Revenue and Customs Service" at its "and"; the words before it belong
    to the name after it, so it is one body, not two."""
    ex = run("The Latvian Revenue and Customs Service said it had seized 14 tonnes of aluminium bound for Pskov.")
    e = entity(ex, "Latvian Revenue and Customs Service")
    assert e is not None and e.type.value == "organization", describe(ex)
    assert entity(ex, "Customs Service") is None or entity(ex, "Customs Service").key == e.key, describe(ex)


def test_two_companies_joined_by_and_stay_two(run):
    ex = run("Granit Electronics and Volna Instruments supply receivers to the Ulyanovsk Aircraft Plant.")
    assert entity(ex, "Granit Electronics") is not None and entity(ex, "Volna Instruments") is not None, describe(ex)
    assert entity(ex, "Granit Electronics").key != entity(ex, "Volna Instruments").key


def test_a_material_before_the_goods_it_makes_is_no_goods_of_its_own(run):
    """"graphite nozzle inserts": the graphite says what the inserts are made of; alone, as traded ore or metal,
    it is goods."""
    ex = run("The Mazyr Carbon Plant machines graphite nozzle inserts for rocket motors and sells them to Votkinsk.")
    assert entity(ex, "graphite") is None, describe(ex)
    ex = run("Khujand Metals sold 400 tonnes of antimony to a Russian primer maker last year.")
    assert typed(ex, "antimony") == "product", describe(ex)


def test_two_names_before_armoured_vehicles_are_both_weapons(run):
    """"the Bulat and Sokol armoured vehicles": the plural cue with its modifier makes both names models, the
    second joined to the first rather than hung on the noun."""
    ex = run("Orsha Glass Works makes bulletproof windows that go into the Bulat and Sokol armoured vehicles.")
    assert typed(ex, "Bulat") == "weapon_system" and typed(ex, "Sokol") == "weapon_system", describe(ex)


@pytest.mark.parametrize("text", [
    "Borisov Steering Works ships steering pumps to KAMAZ, and KAMAZ vehicles carry them to the front.",
    "Borisov Steering Works ships steering pumps for KAMAZ military vehicles.",
    "Borisov Steering Works ships steering pumps for KAMAZ heavy vehicles and Ural transport vehicles.",
])
def test_a_maker_before_plain_or_generic_vehicles_is_a_brand_not_a_model(run, text):
    """No word before "vehicles", or only "military" or "heavy", says nothing of a model; "armoured" or "infantry
    fighting" does."""
    ex = run(text)
    assert typed(ex, "KAMAZ") == "organization", describe(ex)


@pytest.mark.parametrize("text", [
    "Vitebsk Optics makes reflex sights for the Vepr assault rifle and the Kord machine gun.",
    "Vitebsk Optics makes reflex sights for the Orsis sniper rifle and the Kord machine gun.",
])
def test_names_before_rifle_and_machine_gun_are_weapons(run, text):
    ex = run(text)
    assert typed(ex, "Kord") == "weapon_system", describe(ex)
    assert any(e.type.value == "weapon_system" and e.name in ("Vepr", "Orsis") for e in ex.entities), describe(ex)


def test_a_small_arms_word_before_systems_makes_no_weapon(run):
    """"machine" or "automatic" belongs to a gun's kind; "Orion automatic systems" are goods, as before."""
    ex = run("Planar sells Orion automatic systems and Vector machine systems to Russian plants.")
    assert typed(ex, "Orion") != "weapon_system" and typed(ex, "Vector") != "weapon_system", describe(ex)
