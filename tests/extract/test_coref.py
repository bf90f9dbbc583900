"""Within-article coreference: acronyms, "known as" aliases, surnames, short forms, plurals."""

from __future__ import annotations

import pytest
from extract_helpers import claims, describe, entity, key_of, objects

from supplytrace.extract.coref import norm


def test_acronym_in_parentheses_is_an_alias(run):
    ex = run("The Ural Optical and Mechanical Plant (UOMZ) makes targeting pods for fighter jets. "
             "UOMZ also repairs cameras for the air force.")
    e = entity(ex, "Ural Optical and Mechanical Plant")
    assert e is not None, describe(ex)
    assert entity(ex, "UOMZ") is e
    assert len([x for x in ex.entities if "UOMZ" in x.names]) == 1


def test_long_name_in_parentheses_after_acronym(run):
    ex = run("KMZ (Kovrov Mechanical Works) makes machine guns for the army. KMZ is under sanctions.")
    assert entity(ex, "KMZ") is not None, describe(ex)
    assert entity(ex, "KMZ") is entity(ex, "Kovrov Mechanical Works")


def test_known_in_place_as(run):
    ex = run("Investigators examined the Shahed-131 — known in Russia as Geran-1 — and found Swiss parts in it.")
    e = entity(ex, "Shahed-131")
    assert e is not None and e.type.value == "weapon_system", describe(ex)
    assert entity(ex, "Geran-1") is e


def test_also_known_as(run):
    ex = run("The Lancet-3, also known as Izdeliye-53, is a loitering munition used on the front.")
    e = entity(ex, "Lancet-3")
    assert e is not None, describe(ex)
    assert entity(ex, "Izdeliye-53") is e


def test_better_known_as(run):
    ex = run("The Lida Tractor Works, better known as LTZ, supplies engines for the BMP-2. LTZ also makes gearboxes.")
    e = entity(ex, "Lida Tractor Works")
    assert e is not None and entity(ex, "LTZ") is e, describe(ex)


def test_known_locally_as(run):
    ex = run("For decades the Rechytsa Casting Plant, known locally as Rechlit, poured engine blocks for tractors.")
    e = entity(ex, "Rechytsa Casting Plant")
    assert e is not None and entity(ex, "Rechlit") is e, describe(ex)


def test_surname_refers_to_the_person(run):
    ex = run("Deputy minister Olga Varenik said the army needs more drones. Varenik added that plants work two shifts.")
    e = entity(ex, "Olga Varenik")
    assert e is not None and e.type.value == "person", describe(ex)
    assert entity(ex, "Varenik") is e


def test_short_name_of_a_plant_is_the_plant(run):
    ex = run("The Sokol Machine-Building Plant makes drone engines. Sokol plant workers were told to work weekends.")
    e = entity(ex, "Sokol Machine-Building Plant")
    assert e is not None, describe(ex)
    assert len([x for x in ex.entities if x.type.value in ("organization", "facility")]) == 1, describe(ex)


def test_weapon_plural_joins_designator(run):
    ex = run("Russia fired 40 Shahed-136 drones overnight. Most of the Shaheds were shot down.")
    e = entity(ex, "Shahed-136")
    assert e is not None, describe(ex)
    assert entity(ex, "Shaheds") in (None, e)


def test_legal_form_variants_are_one_entity(run):
    ex = run("JSC Kalinin Instruments makes radar parts. OJSC Kalinin Instruments was renamed in 2015, "
             "but Kalinin Instruments still supplies the navy.")
    ents = [e for e in ex.entities if "kalinin instruments" in {norm(n) for n in e.names}]
    assert len(ents) == 1, describe(ex)


def test_one_word_name_called_an_organisation_once_is_an_organisation():
    from supplytrace.extract.coref import _vote
    from supplytrace.extract.mentions import Cand
    from supplytrace.vocab import EntityType as E

    def cands(text, types):
        return [Cand(i * 20, i * 20 + len(text), t, "name", 3, text, "model") for i, t in enumerate(types)]

    assert _vote(cands("Aviastar", [E.PERSON, E.ORGANIZATION, E.PERSON, E.ORGANIZATION])) is E.ORGANIZATION
    assert _vote(cands("Anna Petrova", [E.PERSON, E.ORGANIZATION])) is E.PERSON  # a full name stays a person
    # one organisation reading (the model's or a role's: "made by Aviastar") outweighs person readings of a one-word
    # name, which the small model gives one-word company names in most sentences
    assert _vote(cands("Aviastar", [E.PERSON, E.PERSON, E.ORGANIZATION])) is E.ORGANIZATION
    assert _vote(cands("Petrov", [E.PERSON, E.PERSON])) is E.PERSON


def test_first_name_and_patronymic_are_the_person_named_in_full(run):
    ex = run("General director Gennady Petrovich Lobanov said the Murom Instrument Plant makes fuzes. "
             "Gennady Petrovich added that output doubled.")
    people = [e for e in ex.entities if e.type.value == "person"]
    assert len(people) == 1 and people[0].name == "Gennady Petrovich Lobanov", describe(ex)


def test_company_acronym_is_no_short_form_of_a_model_designator(run):
    ex = run("The Kremenets Vehicle Works (KVW) builds heavy trucks. Its best seller is the KVW-5410 tractor unit. "
             "KVW says orders rose last year.")
    works = entity(ex, "Kremenets Vehicle Works")
    assert works is not None and works.type.value == "organization", describe(ex)
    assert entity(ex, "KVW") is works
    assert entity(ex, "KVW-5410") is not works, describe(ex)


def test_as_the_plant_is_called_gives_another_name(run):
    ex = run("The Oryol Signal Plant has opened a new hall. OSZ, as the plant is usually called, makes jammers "
             "for the army.")
    plant = entity(ex, "Oryol Signal Plant")
    assert plant is not None and plant.type.value == "organization", describe(ex)
    assert entity(ex, "OSZ") is plant, describe(ex)


def test_town_named_alone_is_not_the_plant_named_after_it(run):
    ex = run("The Bryansk Signal Plant has opened a new hall on the southern edge of Bryansk. An analyst in Vilnius "
             "reckons that the Bryansk workforce now numbers close to 2,900 people.")
    plant = entity(ex, "Bryansk Signal Plant")
    assert plant is not None, describe(ex)
    assert "Bryansk" not in plant.names, describe(ex)


def test_one_word_short_name_in_parentheses_is_an_alias(run):
    ex = run("The State Committee for Defence Industry (Goskomoboron) oversees 80 firms. Goskomoboron said the "
             "plants work three shifts.")
    e = entity(ex, "State Committee for Defence Industry")
    assert e is not None, describe(ex)
    assert entity(ex, "Goskomoboron") is e, describe(ex)


def test_system_name_after_a_designator_is_part_of_it_and_stands_for_it(run):
    ex = run("The 9M100 missile goes into the S-360 Sokolnik. Sokolnik was first shown to the public in 2019.")
    e = entity(ex, "S-360 Sokolnik")
    assert e is not None and e.type.value == "weapon_system", describe(ex)
    assert entity(ex, "Sokolnik") is e, describe(ex)


def test_a_name_the_model_took_for_a_town_after_a_designator_is_the_systems(run):
    """"the 2S4 Tyulpan" with the designator read as a number and the name as a town: one weapon, named in full;
    a real town after a designator is left alone."""
    ex = run("Court papers show the Vyatka works making primers for 240 mm rounds that the 2S4 Tyulpan "
             "self-propelled mortar fires.")
    e = entity(ex, "2S4 Tyulpan")
    assert e is not None and e.type.value == "weapon_system", describe(ex)
    assert entity(ex, "Tyulpan") in (None, e) and [x.type.value for x in ex.entities].count("place") == 0, describe(ex)


@pytest.mark.parametrize("text", [
    "Mikalai Bahdanau opened a press shop in Lida in 2009. Bahdanau, 61, a welder by trade who also goes by the "
    "Russian spelling of his name, Nikolai Bogdanov, now sells brackets to Bryansk.",
    "The plant is run by Ales Zhuk (Russian: Alexei Zhuk), who founded it in 2004. Zhuk says it makes chokes.",
])
def test_a_name_given_in_another_spelling_is_the_same_person(run, text):
    """Belarusian names often come with their Russian spelling: the name given as another spelling of the one
    before it, in the same sentence, is that person, not a second one."""
    ex = run(text)
    people = [e for e in ex.entities if e.type.value == "person"]
    assert len(people) == 1, describe(ex)
    assert entity(ex, "Nikolai Bogdanov" if "Bogdanov" in text else "Alexei Zhuk") is people[0], describe(ex)


def test_a_body_s_other_name_in_brackets_is_no_person(run):
    """"Latvian Customs (Muita)": the word in brackets is the agency's own name, though the model takes it for a
    surname each time it is used alone; the agency stays an organisation, and its figures its own."""
    ex = run("Latvian Customs (Muita), which led the case, said its officers found 40 lathes. Muita said it had opened "
             "51 sanctions cases this year.")
    agency = entity(ex, "Latvian Customs")
    assert agency is not None and agency.type.value == "organization" and entity(ex, "Muita") is agency, \
        describe(ex)
    assert 51 in {c.value for c in claims(ex, "statistic", "Latvian Customs")}, describe(ex)


def test_designator_without_the_variant_letter_is_the_variant_named(run):
    ex = run("The plant overhauls Ka-29TB helicopters. Every Ka-29 needs new rotor blades, and Ka-29s are "
             "flown in pairs.")
    e = entity(ex, "Ka-29TB")
    assert e is not None, describe(ex)
    assert entity(ex, "Ka-29") is e and entity(ex, "Every Ka-29") is None, describe(ex)


def test_the_enterprise_is_never_the_ministry_that_ordered_from_it(run):
    ex = run("The Nevsky Shipyard builds minesweepers. Under the state contract, the Defence Ministry ordered ten "
             "ships at the yard. In the last two years the enterprise took on more than 300 new workers.")
    got = [c for c in ex.claims if c.value == 300]
    assert got and got[0].subject == key_of(ex, "Nevsky Shipyard"), describe(ex)


def test_the_enterprise_after_a_trader_is_the_works_the_report_opened_on(run):
    ex = run("At the Ladoga Shipbuilding Plant, a second patrol boat was launched on Friday. The hulls are moulded "
             "from fibreglass.\n\nBaltic Marine Trade, a broker in Tallinn, supplies the boats' gearboxes to the yard "
             "and sold it propellers last year.\n\nThis year the enterprise took on 300 new workers.")
    got = [c for c in ex.claims if c.value == 300]
    assert got and got[0].subject == key_of(ex, "Ladoga Shipbuilding Plant"), describe(ex)


def test_the_workshop_at_a_named_company_is_no_reference_back(run):
    ex = run("The Kama Optics Works makes sights. The new workshop at Volna Optics covers 6,000 square metres.")
    got = [c for c in claims(ex, "statistic") if c.value == 6000]
    assert got and got[0].subject != key_of(ex, "Kama Optics Works"), describe(ex)


def test_a_maker_named_with_its_town_is_no_short_form_of_its_vehicle(run):
    ex = run("The Barysau plant's largest customer is KAMAZ in Naberezhnye Chelny; its steering gear is fitted to "
             "the KAMAZ-5350.")
    maker, truck = entity(ex, "KAMAZ"), entity(ex, "KAMAZ-5350")
    assert maker is not None and truck is not None and maker is not truck, describe(ex)
    assert maker.type.value == "organization" and truck.type.value == "weapon_system", describe(ex)
    town = entity(ex, "Naberezhnye Chelny")  # the model tags "Naberezhnye" alone
    assert town is not None and town.type.value == "place", describe(ex)


def test_a_weapon_family_is_still_the_short_form_of_its_designator(run):
    ex = run("Russia launched 40 Shahed-136 drones overnight. Most Shaheds were shot down.")
    assert entity(ex, "Shaheds") is entity(ex, "Shahed-136"), describe(ex)


def test_the_plant_is_the_one_the_text_is_about_not_its_parent_named_in_passing(run):
    ex = run("We start at the Lida Plant of Automotive Aggregates, where a new hall opened today.\n\n"
             "The enterprise, which belongs to the holding of the Grodno Automobile Plant, is to build steering "
             "units.\n\nNearly all of them are sold abroad. The plant's largest customer is KAMAZ.")
    got = claims(ex, "supplies")
    assert got and got[0].subject == key_of(ex, "Lida Plant of Automotive Aggregates"), describe(ex)


@pytest.mark.parametrize(("text", "long", "short"), [
    ("The Lida Tractor Works makes tractors. LTZ also ships gearboxes to Russia.", "Lida Tractor Works", "LTZ"),
    ("The Orsha Aircraft Repair Plant overhauls helicopters. OARZ has a contract with Russia.",
     "Orsha Aircraft Repair Plant", "OARZ"),
    ("The Baltic Wire Service reported the fire. BWS said two workshops burned.", "Baltic Wire Service", "BWS"),
])
def test_an_acronym_without_brackets_is_the_enterprise_it_abbreviates(run, text, long, short):
    ex = run(text)
    assert entity(ex, long) is not None and entity(ex, short) is entity(ex, long), describe(ex)


def test_a_mixed_case_acronym_in_brackets_is_the_names_alias(run):
    ex = run("The Kumertau Aviation Production Enterprise (KumAPP) makes helicopters. KumAPP is part of Russian "
             "Helicopters.")
    e = entity(ex, "Kumertau Aviation Production Enterprise")
    assert e is not None and entity(ex, "KumAPP") is e, describe(ex)


@pytest.mark.parametrize("text", [
    "The Veltron Wheel Tractor Plant, known by its initials VZKT, builds chassis. VZKT shipped 212 chassis in 2025.",
    "Few firms matter more than the Veltron Wheel Tractor Plant. Known by its Russian initials VZKT, the company "
    "builds chassis. VZKT shipped 212 chassis in 2025.",
    "The Veltron Wheel Tractor Plant, known locally by its Belarusian initials VZKT, builds chassis. VZKT shipped 212 "
    "chassis in 2025.",
])
def test_initials_the_text_says_a_company_is_known_by_are_its_name(run, text):
    ex = run(text)
    e = entity(ex, "Veltron Wheel Tractor Plant")
    assert e is not None and "VZKT" in e.aliases, describe(ex)
    assert claims(ex, "produces", "Veltron Wheel Tractor Plant"), describe(ex)


@pytest.mark.parametrize("long, short", [("European Union", "EU"), ("United Arab Emirates", "UAE")])
def test_a_short_acronym_joins_the_name_it_abbreviates(run, long, short):
    ex = run(f"The {long} imposed new sanctions on Monday. The {short} says the firms helped Russia.")
    assert entity(ex, long) is not None and entity(ex, long) is entity(ex, short), describe(ex)


def test_short_designator_is_the_one_variant_named_elsewhere(run):
    ex = run("Crews flew the Ka-52M over the river at dawn. Later that week a Ka-52 was seen at the airfield.")
    assert entity(ex, "Ka-52") is not None, describe(ex)
    assert entity(ex, "Ka-52") is entity(ex, "Ka-52M"), describe(ex)


def test_two_designators_named_in_one_sentence_are_two_models(run):
    ex = run("The workshop in Kovrov assembles the Skvorets-7, a light quadcopter, and a bigger version for "
             "night missions called the Skvorets-7N. Soldiers say the Skvorets-7 breaks easily.")
    light, night = entity(ex, "Skvorets-7"), entity(ex, "Skvorets-7N")
    assert light is not None and night is not None, describe(ex)
    assert light is not night, describe(ex)


def test_lede_plant_described_before_its_name_is_that_plant(run):
    ex = run("An optics plant in northern Belarus has quietly become a source of gun sights for the Russian army, "
             "records reviewed by this newspaper show. The records show that the Lepel Optics Plant in the Vitebsk "
             "region sent 3,000 sights to Russia last year.")
    plant = entity(ex, "Lepel Optics Plant")
    assert plant is not None and plant.type.value == "organization", describe(ex)
    assert not any(e.type.value == "facility" for e in ex.entities), describe(ex)
    assert claims(ex, "supplies", "Lepel Optics Plant"), describe(ex)


def test_new_plant_described_with_a_is_not_the_named_one(run):
    ex = run("A new optics plant in northern Belarus will open next year, officials said. The Lepel Optics Plant "
             "in the Vitebsk region sent 3,000 sights to Russia last year.")
    plant = entity(ex, "Lepel Optics Plant")
    assert plant is not None, describe(ex)
    assert any(e.type.value == "facility" and e is not plant for e in ex.entities), describe(ex)


def test_first_word_and_cue_noun_is_the_enterprise_with_that_longer_name(run):
    ex = run("Trucks for the launcher come from the Oka Machine Plant in Tatarstan. Last year a Chinese firm sent 400 "
             "pumps to the Oka plant, customs data show. Oka's director declined to comment.")
    full = entity(ex, "Oka Machine Plant")
    assert full is not None, describe(ex)
    assert entity(ex, "Oka plant") is full, describe(ex)
    assert [e for e in ex.entities if e.type.value == "organization" and "Oka" in e.name] == [full], describe(ex)


def test_the_word_after_a_city_is_a_company_s_short_name(run):
    ex = run("Gimbals from Wuhan Tianlu Optics, a camera maker in central China, steady the drone's camera. "
             "Tianlu says it only sells to film studios.")
    full = entity(ex, "Wuhan Tianlu Optics")
    assert full is not None, describe(ex)
    assert not [e for e in ex.entities if e.name == "Tianlu"], describe(ex)


def test_a_company_named_by_its_nationality_is_the_one_last_spoken_of(run):
    ex = run("Gun sights for the tank come from the Lida Optics Plant, a state company in Lida. The Belarusian "
             "company, which also makes rifle scopes, declined to comment.")
    made = claims(ex, "produces", "Lida Optics Plant")
    assert [c for c in made if c.object_text == "rifle scopes"], describe(ex)
    plant = key_of(ex, "Lida Optics Plant")
    assert not [c for c in ex.claims if c.object_text == "rifle scopes" and c.subject != plant], describe(ex)


def test_a_plant_named_by_its_nationality_receives_what_is_sold_to_it(run):
    ex = run("Lenses for the sights come from Wuhan Tianlu Optics, a Chinese company, and are fitted at the Lida "
             "Optics Plant. Tianlu sold about 8,000 lenses to the Belarusian plant in 2024.")
    got = [c for c in claims(ex, "delivered", "Wuhan Tianlu Optics") if c.value == 8000]
    assert got and got[0].object == key_of(ex, "Lida Optics Plant"), describe(ex)


def test_a_wire_service_s_initials_after_a_dateline_are_no_name_of_the_country(run):
    ex = run("DUSHANBE, Tajikistan (NRW) - A trading house in Dushanbe sells drones to Russia, the Northern Relay "
             "Wire (NRW) has learned. NRW reviewed customs records.")
    country = entity(ex, "Tajikistan")
    assert country is not None and country.type.value == "place", describe(ex)
    assert "NRW" not in country.names, describe(ex)


def test_a_company_named_after_its_city_is_called_by_its_next_word_even_when_read_as_a_place(run):
    ex = run("The cable is produced by Harbin Silverway Wire Co., a private firm in Harbin.\n\n"
             "Silverway has not answered questions about the shipments.")
    firm = entity(ex, "Harbin Silverway Wire Co.")
    assert firm is not None and entity(ex, "Silverway") is firm, describe(ex)
    assert entity(ex, "Harbin").type.value == "place", describe(ex)


def test_an_acronym_after_comma_or_is_another_name(run):
    ex = run("The Kazan Motor-Building Production Association, or KMPO, part of the United Engine Corporation, "
             "builds gas turbines. KMPO has hired 300 engineers.")
    assert entity(ex, "KMPO") is entity(ex, "Kazan Motor-Building Production Association"), describe(ex)
    assert entity(ex, "KMPO") is not None


@pytest.mark.parametrize("text, names", [
    ("Shells for the 2S19 Msta-S howitzer are filled in Dzerzhinsk. The Msta-S fires them.", ("2S19 Msta-S", "Msta-S")),
    ("The plant machines tubes for the 152 mm 2S5 Giatsint self-propelled gun.", ("2S5 Giatsint",)),
    ("The ministry wanted 900 T-14 Armata tanks by 2021. The T-14 never entered service.",
     ("T-14", "T-14 Armata")),
])
def test_a_weapons_index_and_its_name_are_one_system(run, text, names):
    ex = run(text)
    weapons = [e for e in ex.entities if e.type.value == "weapon_system"]
    assert len(weapons) == 1 and all(entity(ex, n) is weapons[0] for n in names), describe(ex)


def test_the_first_two_words_of_a_company_name_are_that_company(run):
    ex = run("The wagons came from Ningxia Helan Fine Chemical Co., a maker in Yinchuan. Ningxia Helan did not reply "
             "to our emails. Orchid Link Electronics Pte Ltd sold the chips. Orchid Link said it knew nothing.")
    for short, full in (("Ningxia Helan", "Ningxia Helan Fine Chemical Co."),
                        ("Orchid Link", "Orchid Link Electronics Pte Ltd")):
        assert entity(ex, short) is entity(ex, full), describe(ex)
        assert entity(ex, full).type.value == "organization", describe(ex)
    assert not [e for e in ex.entities if e.type.value == "person"], describe(ex)


def test_an_acronym_after_comma_the_is_another_name(run):
    ex = run("Ukraine's military intelligence, the HUR, said Russia launched 900 drones. According to the HUR, "
             "output will rise next year.")
    assert entity(ex, "HUR") is entity(ex, "Ukraine's military intelligence"), describe(ex)
    assert entity(ex, "HUR") is not None


@pytest.mark.parametrize(("text", "one", "other"), [
    ("The Dvina Wire Works, also written Dzvina Wire Works in Belarusian, is a state firm in Brest.",
     "Dvina Wire Works", "Dzvina Wire Works"),
    ("Arkady Lomov, also spelled Arkadiy Lomov in customs papers, runs the firm.", "Arkady Lomov", "Arkadiy Lomov"),
    ("The Perm Cable Works, sometimes spelt Permskiy kabelnyi zavod, was founded in 1961.",
     "Perm Cable Works", "Permskiy kabelnyi zavod"),
    ("TZP, which also appears in Russian records as Tulskiy zavod priborov, belongs to Rostec.",
     "TZP", "Tulskiy zavod priborov"),
    ("The Omsk Pump Plant (OPP, or Omskiy nasosnyi zavod) builds pumps for warships.",
     "Omsk Pump Plant", "Omskiy nasosnyi zavod"),
])
def test_another_spelling_of_a_name_is_the_same_entity(run, text, one, other):
    ex = run(text)
    e = entity(ex, one)
    assert e is not None and other in e.names, describe(ex)
    assert len([x for x in ex.entities if other in x.names or one in x.names]) == 1, describe(ex)


def test_the_last_word_of_named_goods_written_with_the_is_those_goods(run):
    ex = run("Dobrush Wire Works makes wiring harnesses. The harnesses are fitted to the Orion-7 tank, officials said.")
    assert objects(ex, "used_in", "wiring harnesses") == {key_of(ex, "Orion-7")}, describe(ex)


def test_goods_sharing_a_last_word_leave_the_bare_word_to_neither(run):
    ex = run("Dobrush Wire Works makes copper harnesses and fibre harnesses. The harnesses are fitted to the Orion-7 "
             "tank, officials said.")
    assert not any(c.subject in (key_of(ex, "copper harnesses"), key_of(ex, "fibre harnesses"))
                   for c in claims(ex, "used_in")), describe(ex)


@pytest.mark.parametrize(("text", "first", "other"), [
    ("Pavlin Trade, a Samara importer whose customs papers call it Pavlin Global Supply, bought 40 lathes from Orvell "
     "Machine Tools.", "Pavlin Trade", "Pavlin Global Supply"),
    ("Kestrel Components, which calls itself Kestrel Electronics Group on its website, resold the chips to the Omsk "
     "Radio Plant.", "Kestrel Components", "Kestrel Electronics Group"),
])
def test_another_name_a_company_goes_by_is_the_same_entity(run, text, first, other):
    ex = run(text)
    assert key_of(ex, first) == key_of(ex, other), describe(ex)


def test_a_name_known_in_another_language_s_papers_is_the_same_entity(run):
    ex = run("Narva Polymer Works, known in Estonian-language filings as Narva Polumeeritehas, sells resin to Belarus.")
    assert key_of(ex, "Narva Polymer Works") == key_of(ex, "Narva Polumeeritehas"), describe(ex)


def test_a_person_whose_name_appears_otherwise_in_records_is_one_person(run):
    ex = run("Its director, Pavel Strelkov, whose name appears as Pavlo Strilkov in Ukrainian registers, declined to "
             "comment.")
    assert key_of(ex, "Pavel Strelkov") == key_of(ex, "Pavlo Strilkov"), describe(ex)


def test_a_town_and_the_plant_a_headline_names_after_it_stay_apart(run):
    ex = run("Kosava cable plant wires Russian tanks, papers suggest\nExample News - Regions\n"
             "By Ivan Petrov | 3 March 2025\n\n"
             "A cable factory on the edge of Kosava, a market town near the border, spent last year making wiring "
             "looms for Russian tanks, invoices show.\n\nThe Kosava Cable and Harness Plant used to make farm cable.")
    towns = [e for e in ex.entities if e.name == "Kosava" and e.type.value == "place"]
    assert towns and key_of(ex, "Kosava Cable and Harness Plant") != towns[0].key, describe(ex)
