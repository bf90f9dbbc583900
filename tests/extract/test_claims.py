"""Claims per predicate, with modality and attribution, on purpose-written sentences."""

from __future__ import annotations

import pytest
from extract_helpers import claims, describe, entity, key_of, objects

from supplytrace.model import Document


def test_produces_a_product(run):
    ex = run("JSC Vostok Optics produces thermal sights for Russian tanks.")
    cs = claims(ex, "produces", "Vostok Optics")
    assert any(c.object_text == "thermal sights" and c.modality.value == "reported" for c in cs), describe(ex)


def test_what_a_product_is_for_is_not_produced(run):
    ex = run("JSC Vostok Optics produces thermal sights for Russian tanks.")
    assert not any(c.object_text == "tanks" for c in claims(ex, "produces")), describe(ex)


def test_part_for_a_weapon_is_used_in_not_produced(run):
    ex = run("Ukrainian intelligence reported that the Orion Electronics plant produces microcircuits "
             "for Kh-59 missiles.")
    kh = key_of(ex, "Kh-59")
    assert not any(c.object == kh for c in claims(ex, "produces")), describe(ex)
    assert any(c.object == kh for c in claims(ex, "used_in")), describe(ex)


def test_supplies_with_recipient_and_according_to(run):
    ex = run("The Kestrel Dynamics plant supplies drone engines to the Russian army, "
             "according to the Estonian intelligence service.")
    (c,) = claims(ex, "supplies", "Kestrel Dynamics")
    assert c.object == key_of(ex, "Russian army"), describe(ex)
    assert c.object_text == "drone engines"
    assert c.attributed_to == [key_of(ex, "Estonian intelligence")]


@pytest.mark.parametrize("issued", ["drawn up by", "filed by", "prepared by"])
def test_a_document_a_fact_is_according_to_is_its_issuer_s_account(run, issued):
    ex = run(f"According to the charge sheet, {issued} the Vilnius Regional Prosecutor's Office, Pavlin Trade sold "
             "the lathes to the Kazan Gear Plant.")
    (c,) = claims(ex, "supplies", "Pavlin Trade")
    assert c.attributed_to == [key_of(ex, "Vilnius Regional Prosecutor's Office")], describe(ex)


def test_could_be_supplying_is_possible(run):
    ex = run("JSC Vostok Optics could be supplying lenses to Russian drone makers.")
    (c,) = claims(ex, "supplies", "Vostok Optics")
    assert c.modality.value == "possible", describe(ex)


def test_reportedly_is_possible(run):
    ex = run("The Kestrel Dynamics plant reportedly makes fuzes for artillery shells.")
    cs = claims(ex, "produces", "Kestrel Dynamics")
    assert cs and all(c.modality.value == "possible" for c in cs), describe(ex)


def test_planned_capacity_of_a_described_facility(run):
    ex = run("Officials plan to build a drone factory in Kazakhstan able to produce up to 20,000 drones per year.")
    (cap,) = claims(ex, "capacity")
    assert (cap.value, cap.period, cap.modality.value) == (20000, "year", "planned"), describe(ex)
    assert entity(ex, "Kazakhstan") is not None
    assert any(c.object == key_of(ex, "Kazakhstan") for c in claims(ex, "located_in"))


def test_claimed_capacity_attributed_to_the_boaster(run):
    ex = run("Minister Stepan Dolgov boasted that the Gorizont plant will make 500 armoured trucks a year.")
    (cap,) = claims(ex, "capacity", "Gorizont plant")
    assert (cap.value, cap.period, cap.modality.value) == (500, "year", "claimed"), describe(ex)
    assert cap.attributed_to == [key_of(ex, "Stepan Dolgov")]


def test_delivered_with_value_recipient_and_date(run):
    ex = run("The Kestrel Dynamics plant delivered 4,000 artillery shells to Russia in March 2024.")
    (d,) = claims(ex, "delivered", "Kestrel Dynamics")
    assert (d.value, d.object, d.date) == (4000, key_of(ex, "Russia"), "2024-03"), describe(ex)


def test_estimated_statistic_about_a_country(run):
    ex = run("Belarus sells most of its machine tools abroad. More than 60% of Belarusian machine-tool exports "
             "go to Russia, the Hajun monitoring group estimated.")
    cs = [c for c in claims(ex, "statistic") if c.value == 60]
    assert cs, describe(ex)
    assert cs[0].subject == key_of(ex, "Belarus")
    assert cs[0].modality.value == "estimated"


def test_statistic_counting_enterprises(run):
    ex = run("Around 300 Belarusian enterprises now work for the Russian defence industry, "
             "according to the Belarusian opposition.")
    cs = [c for c in claims(ex, "statistic") if c.value == 300]
    assert cs and "enterprises" in (cs[0].unit or "") + (cs[0].object_text or ""), describe(ex)


def test_construction_started_and_scheduled_launch(run):
    ex = run("Construction of the new explosives workshop at JSC Vostok Optics began in March 2024, "
             "and the workshop is scheduled to begin operations by 2026.")
    ms = {(c.event.value, c.date) for c in claims(ex, "milestone")}
    assert ("construction_started", "2024-03") in ms, describe(ex)
    assert ("scheduled_launch", "2026") in ms


def test_resumed_production_milestone(run):
    ex = run("The Zarya ammunition plant resumed production in early 2025 after being idle for a decade.")
    ms = claims(ex, "milestone")
    assert any(c.date == "2025" for c in ms), describe(ex)


def test_suspended_milestone(run):
    ex = run("Work at the Osina Optics plant was suspended in November 2022 because of sanctions on lenses.")
    ms = claims(ex, "milestone")
    assert any(c.event.value == "suspended" and c.date == "2022-11" for c in ms), describe(ex)


def test_part_of_with_copula(run):
    ex = run("The Kestrel Dynamics plant is part of the Vostok Industrial Holding, which makes military trucks.")
    cs = claims(ex, "part_of", "Kestrel Dynamics")
    assert cs and cs[0].object == key_of(ex, "Vostok Industrial Holding"), describe(ex)


def test_part_of_subsidiary(run):
    ex = run("Orion Electronics, a subsidiary of the Sirius Defence Group, makes radar components.")
    cs = claims(ex, "part_of", "Orion Electronics")
    assert cs and cs[0].object == key_of(ex, "Sirius Defence Group"), describe(ex)


def test_located_in(run):
    ex = run("The Kestrel Dynamics plant in Grodno produces drone engines.")
    cs = claims(ex, "located_in", "Kestrel Dynamics")
    assert cs and cs[0].object == key_of(ex, "Grodno"), describe(ex)


def test_located_in_copula_sentence(run):
    ex = run("The Kestrel Dynamics plant produces drone engines. Kestrel Dynamics is located in Grodno.")
    cs = claims(ex, "located_in", "Kestrel Dynamics")
    assert cs and cs[0].object == key_of(ex, "Grodno"), describe(ex)


def test_used_in(run):
    ex = run("The Kestrel Dynamics plant makes chassis that are used in the Tor-M2 air defence system.")
    cs = claims(ex, "used_in")
    assert cs and entity(ex, "Tor-M2") is not None and cs[0].object == key_of(ex, "Tor-M2"), describe(ex)


def test_x_said_attribution_and_pronoun(run):
    ex = run("Lithuanian analyst Rasa Jankauskaite said the Kestrel Dynamics plant makes drone engines. "
             "She said the plant also makes artillery fuzes.")
    rasa = key_of(ex, "Rasa Jankauskaite")
    cs = claims(ex, "produces", "Kestrel Dynamics")
    assert len(cs) == 2, describe(ex)
    assert all(c.attributed_to == [rasa] for c in cs)


def test_source_named_at_the_top_is_carried_over(run):
    ex = run("Ukraine's military intelligence agency, the HUR, published a report on the Orion Electronics plant.\n"
             "According to the HUR, the Orion Electronics plant produces microcircuits for drones.\n"
             "The plant also makes power units for drones.\n"
             "The company exports radar components to Iran.")
    hur = key_of(ex, "HUR")
    cs = claims(ex, "produces") + claims(ex, "supplies")
    assert len(cs) >= 3, describe(ex)
    assert all(c.attributed_to == [hur] for c in cs), describe(ex)


def test_own_voice_claims_have_no_attribution(run):
    ex = run("The Kestrel Dynamics plant makes drone engines for the army.")
    cs = claims(ex, "produces")
    assert cs and all(c.attributed_to == [] for c in cs), describe(ex)


def test_planned_production(run):
    ex = run("The Kestrel Dynamics plant plans to produce guided bombs from next year.")
    cs = claims(ex, "produces", "Kestrel Dynamics")
    assert cs and cs[0].modality.value == "planned", describe(ex)


def test_evidence_is_the_sentence_with_offsets(run):
    text = "Sanctions are biting. The Kestrel Dynamics plant makes drone engines for the army."
    ex = run(text)
    (c,) = claims(ex, "produces")
    assert text[c.evidence_start:c.evidence_end] == c.evidence
    assert c.evidence.startswith("The Kestrel Dynamics plant")


@pytest.mark.parametrize("verb", ["manufactures", "assembles", "builds"])
def test_produce_synonyms(run, verb):
    ex = run(f"The Kestrel Dynamics plant {verb} armoured vehicles for the army.")
    assert claims(ex, "produces", "Kestrel Dynamics"), describe(ex)


def test_delivered_by_a_country(run):
    ex = run("Kazakhstan has become a key supplier for the Russian army. "
             "Kazakhstan supplied over 20,000 tons of gunpowder to Russia in 2023.")
    (d,) = claims(ex, "delivered")
    assert d.subject == key_of(ex, "Kazakhstan"), describe(ex)
    assert (d.value, d.unit, d.object, d.date) == (20000, "tons", key_of(ex, "Russia"), "2023")


def test_every_occurrence_of_a_name_is_a_mention(run):
    text = ("JSC Orion Electronics makes radar parts for the navy. The navy then ordered more from Orion Electronics. "
            "Since then, the output of Orion Electronics has doubled.")
    ex = run(text)
    e = entity(ex, "Orion Electronics")
    assert e is not None and len(e.mentions) == 3, describe(ex)
    assert all(text[m.start:m.end] == m.text for m in e.mentions)


def test_counts_of_suppliers_and_kinds_are_not_deliveries(run):
    ex = run("Sanctions have not stopped Belarus. At least 40 Belarusian enterprises supply some 700 types of parts "
             "to 120 Russian arms makers.")
    assert claims(ex, "delivered") == [], describe(ex)
    stats = {c.value: c for c in claims(ex, "statistic")}
    assert 40 in stats and 700 in stats, describe(ex)
    assert stats[40].subject == key_of(ex, "Belarus")


CARRY = ("Drone makers are expanding across the region, and several plants now work around the clock for the army.\n\n"
         "Sanctions monitors have tracked the shift for two years and have published their findings.\n\n"
         "Prices for machine tools have risen sharply since the war began.\n\n"
         "Many workers have moved from farms to factory towns.\n\n"
         "Some of the plants had been idle since the nineties.\n\n"
         "The Kestrel Dynamics plant makes drone engines, the Estonian intelligence service said.\n\n"
         "The Orion Electronics plant also produces radar components for the navy.\n\n"
         "{gap}"
         "The Sirius Instruments plant manufactures thermal sights for the army.")


# the source comes after the lead paragraphs, so it is not the article's lead source


def test_source_carries_over_to_the_next_paragraph(run):
    ex = run(CARRY.format(gap=""))
    est = key_of(ex, "Estonian intelligence")
    (orion,) = claims(ex, "produces", "Orion Electronics plant")
    assert orion.attributed_to == [est], describe(ex)


def test_a_country_read_from_its_customs_data_does_not_carry_to_the_next_paragraph(run):
    ex = run("Chinese customs data show that exports of bearings to Russia rose to 900 tonnes last year.\n\n"
             "The Orion Electronics plant in Minsk makes radar parts for the army.")
    (orion,) = claims(ex, "produces", "Orion Electronics plant")
    assert orion.attributed_to == [], describe(ex)


def test_source_does_not_carry_past_a_section_heading(run):
    ex = run(CARRY.format(gap="A Factory Town Without Workers\n\n"))
    (sirius,) = claims(ex, "produces", "Sirius Instruments plant")
    assert sirius.attributed_to == [], describe(ex)


def test_source_does_not_carry_two_paragraphs_on(run):
    ex = run(CARRY.format(gap="Local residents say the town has changed a great deal since the war began.\n\n"))
    (sirius,) = claims(ex, "produces", "Sirius Instruments plant")
    assert sirius.attributed_to == [], describe(ex)


def test_several_events_in_one_sentence_each_with_its_own_date(run):
    ex = run("The Osina Optics plant was mothballed in 2019. It was revived after the invasion, was rebuilt by the end "
             "of 2023 and began operations in January 2024.")
    ms = {(c.event.value, c.date) for c in claims(ex, "milestone", "Osina Optics plant")}
    assert {("suspended", "2019"), ("revived", None), ("completed", "2023-12"),
            ("operations_started", "2024-01")} <= ms, describe(ex)


def test_full_capacity_with_month_of_may_and_pronoun(run):
    ex = run("The Osina Optics plant began operations in January 2024. It reached full capacity in May.")
    ms = {(c.event.value, c.date) for c in claims(ex, "milestone", "Osina Optics plant")}
    assert ("full_capacity", "2024-05") in ms, describe(ex)


def test_a_figure_is_not_about_the_person_who_gives_it(run):
    ex = run("Sanctions have hit Belarus hard. Around 70% of Belarusian exports now go to Russia, "
             "analyst Tomas Vell said.")
    person = key_of(ex, "Tomas Vell")
    stats = [c for c in claims(ex, "statistic") if c.value == 70]
    assert stats and stats[0].subject != person, describe(ex)
    assert stats[0].subject == key_of(ex, "Belarus") and stats[0].attributed_to == [person]


def test_coordinated_subjects_each_produce(run):
    ex = run("JSC Vostok Optics and OJSC Granit both make thermal sights for the army.")
    subjects = {c.subject for c in claims(ex, "produces") if c.object_text == "thermal sights"}
    assert subjects == {key_of(ex, "Vostok Optics"), key_of(ex, "Granit")}, describe(ex)


def test_the_country_is_the_country_named_before(run):
    ex = run("Kazakhstan exports shells. The nation shipped 300 tons of explosives to Russia in 2024.")
    (d,) = claims(ex, "delivered")
    assert d.subject == key_of(ex, "Kazakhstan") and d.object == key_of(ex, "Russia"), describe(ex)


def test_the_country_after_a_nationality_adjective(run):
    ex = run("Russia is building drone plants. Russian officials said the country could produce 40,000 drones a month.")
    (cap,) = claims(ex, "capacity")
    assert (cap.subject, cap.value, cap.period) == (key_of(ex, "Russia"), 40000, "month"), describe(ex)


@pytest.mark.parametrize("text", [
    "Orbis Electronics sold 900 relays to Tobol Trading LLP, a wholesaler in Kostanay, Kazakhstan. "
    "The Kazakh firm then sold them on to Vympel-Snab in Moscow.",
    "Lindqvist Elektro sold 900 relays to Ege Makine, a distributor in Izmir, Turkey. "
    "The Turkish company then sold them on to Vympel-Snab in Moscow.",
])
def test_a_firm_called_by_its_nationality_is_the_firm_placed_in_that_country(run, text):
    ex = run(text)
    buyer = "Tobol Trading LLP" if "Tobol" in text else "Ege Makine"
    assert key_of(ex, "Vympel-Snab") in objects(ex, "supplies", buyer), describe(ex)
    seller = "Orbis Electronics" if "Orbis" in text else "Lindqvist Elektro"
    assert key_of(ex, "Vympel-Snab") not in objects(ex, "supplies", seller), describe(ex)


@pytest.mark.parametrize("text", [
    "Keller Werkzeugbau GmbH builds lathes. Keller told the paper in a written statement that it had shipped the "
    "lathes to Amul Trading LLC for furniture projects.",
    "Keller Werkzeugbau GmbH builds lathes. Keller told reporters in a statement that it had shipped the lathes to "
    "Amul Trading LLC for hotel projects.",
])
def test_a_pronoun_in_a_statement_is_whoever_made_the_statement(run, text):
    ex = run(text)
    (c,) = [c for c in claims(ex, "supplies", "Keller Werkzeugbau GmbH") if c.object]
    assert c.object == key_of(ex, "Amul Trading LLC") and c.attributed_to == [key_of(ex, "Keller Werkzeugbau GmbH")], \
        describe(ex)


def test_a_pronoun_after_a_relative_clause_of_saying_is_the_firm_the_clause_is_on(run):
    ex = run("Investigators traced the motors to Ostend Marine NV, which told the court it had sold them to Liman "
             "Deniz Ticaret.")
    assert key_of(ex, "Liman Deniz Ticaret") in objects(ex, "supplies", "Ostend Marine NV"), describe(ex)


def test_its_own_document_is_the_subject_named_before_it_in_the_sentence(run):
    ex = run("Ural Metals Trading sells the powder to the Sarapul Capacitor Plant. The Sarapul Capacitor Plant is the "
             "largest Russian maker of tantalum capacitors; its brochure claims it can turn out 90 million "
             "pieces a year.")
    (cap,) = claims(ex, "capacity")
    assert cap.attributed_to == [key_of(ex, "Sarapul Capacitor Plant")], describe(ex)


@pytest.mark.parametrize(("text", "firm"), [
    ("Wuhan Lightline Cable Co. makes optical fibre. In a brochure the Wuhan company says it can wind 300,000 "
     "spools a year.", "Wuhan Lightline Cable Co."),
    ("Orbis Resistors, a plant in Brest, makes resistors. The monitors say the Brest company shipped capacitor "
     "kits worth $2 million to Russia in 2024.", "Orbis Resistors"),
])
def test_a_company_called_by_its_town_is_the_company_placed_in_or_named_after_it(run, text, firm):
    ex = run(text)
    towns = {key_of(ex, "Wuhan") if "Wuhan company" in text else key_of(ex, "Brest")}
    got = [c for c in ex.claims if c.predicate.value in ("capacity", "supplies")]
    assert got and all(c.subject == key_of(ex, firm) for c in got) and not towns & {c.subject for c in got}, \
        describe(ex)


@pytest.mark.parametrize(("text", "goods", "maker", "weapon"), [
    ("Investigators examined a downed Kh-59 missile. Its guidance unit contained a gyroscope made by Orbis Sensors.",
     "gyroscope", "Orbis Sensors", "Kh-59"),
    ("Engineers took apart a Lancet-3. The drone's flight computer was built around a processor made by Orbis "
     "Micro.", None, "Orbis Micro", "Lancet-3"),
])
def test_what_a_weapons_part_holds_goes_into_the_weapon_with_its_maker(run, text, goods, maker, weapon):
    ex = run(text)
    assert key_of(ex, weapon) in objects(ex, "used_in", maker), describe(ex)
    if goods:
        assert key_of(ex, weapon) in objects(ex, "used_in", goods), describe(ex)


def test_what_a_companys_site_holds_goes_into_no_weapon(run):
    ex = run("Orbis Optics makes sights for the T-90M. Its factory contains a lens line made by Kestrel Tools.")
    assert not claims(ex, "used_in", "Kestrel Tools"), describe(ex)


@pytest.mark.parametrize("text", [
    "The Shahed-136's engine comes from Orbis Motors.",
    "Engines for the Geran-2 come from Orbis Motors.",
])
def test_the_source_a_weapons_part_comes_from_goes_into_the_weapon(run, text):
    ex = run(text)
    assert objects(ex, "used_in", "Orbis Motors"), describe(ex)


@pytest.mark.parametrize(("text", "goods", "weapon"), [
    ("The Azov yard fits the outboard motors to its Skat-9 assault boat.", "outboard motors", "Skat-9"),
    ("Workers at the Omsk plant install the thermal sights on the T-90M.", "thermal sights", "T-90M"),
])
def test_goods_a_verb_fits_to_a_weapon_go_into_it(run, text, goods, weapon):
    ex = run(text)
    assert key_of(ex, weapon) in objects(ex, "used_in", goods), describe(ex)


def test_the_source_of_goods_a_weapon_relies_on_goes_into_it(run):
    ex = run("The Orlan-10 drone relies on cameras from Orbis Optics.")
    assert key_of(ex, "Orlan-10") in objects(ex, "used_in", "Orbis Optics"), describe(ex)


@pytest.mark.parametrize(("text", "goods", "weapon"), [
    ("Orbis Optics supplies the sights that equip the T-90M.", "sights", "T-90M"),
    ("The engines that power the Geran-2 come from Orbis Motors.", "engines", "Geran-2"),
])
def test_goods_a_relative_clause_fits_to_a_weapon_go_into_it(run, text, goods, weapon):
    ex = run(text)
    assert key_of(ex, weapon) in objects(ex, "used_in", goods), describe(ex)


def test_people_a_relative_clause_puts_to_a_weapon_are_no_goods(run):
    ex = run("The crews that operate the T-90M train in Omsk.")
    assert not claims(ex, "used_in"), describe(ex)


def test_product_head_mistagged_as_a_verb(run):
    ex = run("The Orion Electronics plant is producing 120mm mortar rounds for the army.")
    assert any("mortar rounds" in (c.object_text or "") for c in claims(ex, "produces")), describe(ex)


def test_evidence_comes_from_names_the_source(run):
    ex = run("New evidence of the shift comes from the Hajun monitoring group. "
             "The Kestrel Dynamics plant makes drone engines.")
    (c,) = claims(ex, "produces")
    assert c.attributed_to == [key_of(ex, "Hajun")], describe(ex)


def test_citing_names_the_source(run):
    ex = run("The Orion Electronics plant makes radar parts, citing the Estonian intelligence service.")
    (c,) = claims(ex, "produces")
    assert c.attributed_to == [key_of(ex, "Estonian intelligence")], describe(ex)


def test_a_new_workshop_is_a_facility_with_its_own_schedule(run):
    ex = run("JSC Vostok Optics keeps growing. A new workshop is scheduled to open in October 2026.")
    e = entity(ex, "new workshop")
    assert e is not None and e.type.value == "facility", describe(ex)
    ms = claims(ex, "milestone", "new workshop")
    assert any(c.event.value == "scheduled_launch" and c.date == "2026-10" for c in ms), describe(ex)


def test_a_plain_factory_is_not_a_facility(run):
    ex = run("Local people say a factory is hiring again in the town of Orlov.")
    assert not [e for e in ex.entities if e.type.value == "facility"], describe(ex)


def test_maker_named_in_the_designation_produces_it(run):
    ex = run("Russian forces use KAMAZ trucks, such as the KAMAZ-5350, to tow guns.")
    maker, model = key_of(ex, "KAMAZ"), key_of(ex, "KAMAZ-5350")
    assert any(c.subject == maker and c.object == model for c in claims(ex, "produces")), describe(ex)
    assert not any(c.subject == maker and c.object == model for c in claims(ex, "used_in"))


def test_designation_without_its_maker_named_has_no_maker(run):
    ex = run("Russian forces use the KAMAZ-5350 to tow guns.")
    assert claims(ex, "produces") == [], describe(ex)


def test_capacity_of_the_site_being_built_not_of_the_builder(run):
    ex = run("Officials say Tashkent is considering building a drone factory in Uzbekistan with a capacity of up to "
             "8,000 units per year.")
    (cap,) = claims(ex, "capacity")
    assert entity(ex, "Tashkent") is None or cap.subject != key_of(ex, "Tashkent"), describe(ex)
    assert ex.entities and next(e for e in ex.entities if e.key == cap.subject).type.value == "facility"
    assert (cap.value, cap.period, cap.modality.value) == (8000, "year", "planned")


def test_modal_verb_reached_through_nested_phrases(run):
    ex = run("The Orion Electronics plant makes microchips that could be used in the guidance units of the "
             "Kh-59 missile.")
    cs = claims(ex, "used_in")
    assert cs and all(c.modality.value == "possible" for c in cs), describe(ex)


def test_suppliers_named_by_their_country(run):
    ex = run("China backs the Russian war effort. The Alazan plant relies on Chinese suppliers for electronics and "
             "engines, Ukraine says.")
    cs = claims(ex, "supplies", "China")
    assert {c.object_text for c in cs} == {"electronics", "engines"}, describe(ex)
    assert all(c.object == key_of(ex, "Alazan plant") for c in cs)
    assert not claims(ex, "supplies", "Alazan plant")


def test_goods_from_firms_of_two_countries(run):
    ex = run("China and Iran back the Russian war effort. The plant uses engines from Chinese and Iranian firms "
             "for its drones.")
    pairs = {(c.subject, c.object_text) for c in claims(ex, "supplies")}
    assert pairs == {(key_of(ex, "China"), "engines"), (key_of(ex, "Iran"), "engines")}, describe(ex)


# --- numbers that are not statistics, and whose figure a workforce is -------------------------------

def test_distance_age_and_legal_terms_are_not_statistics(run):
    ex = run("The Kizlyar Electromechanical Plant, about 170 km north of Makhachkala, makes drones. "
             "Its director, Pavel Orlov, 52, denied it. Each count carries a maximum sentence of 20 years.")
    assert not claims(ex, "statistic"), describe(ex)


def test_workforce_figure_is_about_the_employer_not_the_town(run):
    ex = run("The Kama Truck Plant makes trucks. The company, which employs about 36,000 people in Naberezhnye "
             "Chelny, reported a loss.")
    got = claims(ex, "statistic")
    assert got and got[0].subject == key_of(ex, "Kama Truck Plant") and got[0].value == 36000, describe(ex)


def test_capacity_is_not_about_whoever_reports_it(run):
    ex = run("European output may reach two million shells a year by the end of 2026, according to the European "
             "Commission.")
    assert not [c for c in claims(ex, "capacity") if c.subject == key_of(ex, "European Commission")], describe(ex)


def test_workforce_figure_says_it_is_a_workforce(run):
    ex = run("The Polyot Plant makes parachutes. The Polyot Plant employs 1,700 people, according to the plant.")
    got = claims(ex, "statistic")
    assert got and got[0].value == 1700 and got[0].object_text.startswith("workforce"), describe(ex)


@pytest.mark.parametrize(("text", "firm", "staff"), [
    ("Customs officers followed the relays to Orbis Components, a Zilina company with six employees.",
     "Orbis Components", 6),
    ("Customs officers followed the relays to Orbis Components, a Zilina firm with 240 workers.", "Orbis Components",
     240),
])
def test_a_company_described_with_its_staff_has_that_workforce(run, text, firm, staff):
    ex = run(text)
    got = [c for c in claims(ex, "statistic", firm) if c.value == staff]
    assert got and got[0].object_text.startswith("workforce"), describe(ex)


def test_numbered_points_and_durations_are_not_statistics(run):
    ex = run("The Polyot Plant makes parachutes.\n2. The shop was commissioned after 14 months of construction.")
    assert not claims(ex, "statistic"), describe(ex)


def test_two_or_three_counts_the_noun_after_the_second_number(run):
    ex = run("The Rostov Helicopter Plant makes attack helicopters. Its output has levelled off at two or three "
             "airframes a month.")
    got = claims(ex, "capacity")
    assert got and got[0].value == [2, 3] and got[0].object_text == "airframes", describe(ex)


def test_distance_in_metres_from_a_site_is_not_a_statistic(run):
    ex = run("The Kremniy Works makes chips. The footage was geolocated to a district some 600 metres from the plant.")
    assert not claims(ex, "statistic"), describe(ex)


def test_designing_a_weapon_counts_as_producing_it(run):
    ex = run("The Kupol Design Bureau also designs the Orlan-30 airframe.")
    assert objects(ex, "produces", "Kupol Design Bureau") == {key_of(ex, "Orlan-30")}, describe(ex)


def test_weapons_flying_on_a_named_engine_use_it(run):
    ex = run("The Mi-8 and the Mi-24 fly on TV3-117 engines made in Ukraine.")
    got = {c.object for c in claims(ex, "used_in", "TV3-117")}
    assert got == {key_of(ex, "Mi-8"), key_of(ex, "Mi-24")}, describe(ex)
    assert entity(ex, "TV3-117").type.value == "product", describe(ex)


def test_vehicles_of_a_system_mounted_on_a_named_chassis(run):
    ex = run("Several vehicles of the S-400 complex are mounted on the BAZ-6909 chassis.")
    assert {c.object for c in claims(ex, "used_in", "BAZ-6909")} == {key_of(ex, "S-400")}, describe(ex)


def test_flying_on_a_day_is_no_component(run):
    ex = run("The Su-34 flies on Tuesdays from Marinovka.")
    assert not claims(ex, "used_in"), describe(ex)


def test_people_working_at_the_plant_are_its_workforce(run):
    ex = run("The Nevsky Shipbuilding Plant launched a minesweeper on Friday. At the plant today work about 1,600 "
             "people.")
    got = [c for c in claims(ex, "statistic") if c.value == 1600]
    assert got and got[0].subject == key_of(ex, "Nevsky Shipbuilding Plant"), describe(ex)


def test_project_numbers_are_not_statistics(run):
    ex = run("The Nevsky Shipbuilding Plant also builds patrol boats of project 03160 for the Navy.")
    assert not claims(ex, "statistic"), describe(ex)


def test_the_company_refers_to_the_company_not_its_new_hall(run):
    ex = run("The Oryol Signal Plant has started building a second assembly hall at its site, planning papers show. "
             "Ground work on the hall started in May, and the plant told investors in October that it plans to open "
             "the building next year. With the new hall the enterprise can build up to 40 radios a year, the "
             "company said.")
    caps = claims(ex, "capacity")
    assert caps, describe(ex)
    plant = key_of(ex, "Oryol Signal Plant")
    assert {c.subject for c in caps} == {plant}, describe(ex)
    assert all(c.attributed_to == [plant] for c in caps), describe(ex)


def test_the_outlet_is_an_organisation_of_the_article(extractor):
    text = ("Plant expands shell output\nThe Harbour Gazette\n\nThe Oryol Signal Plant makes jammers, "
            "The Harbour Gazette has found.")
    ex = extractor.extract(Document(text=text, published="2026-05-01", outlet="The Harbour Gazette"))
    outlet = entity(ex, "The Harbour Gazette")
    assert outlet is not None and outlet.type.value == "organization", describe(ex)
    assert len([e for e in ex.entities if "Harbour Gazette" in e.name]) == 1, describe(ex)
    bare = extractor.extract(Document(text="The Oryol Signal Plant makes jammers.", outlet="The Harbour Gazette"))
    assert entity(bare, "The Harbour Gazette") is not None and not entity(bare, "The Harbour Gazette").mentions


def test_the_company_is_not_the_army_that_uses_its_goods(run):
    ex = run("Zarya Textiles, a subsidiary of Volga Holding, is best known for the D-7 cargo parachute used by the "
             "Airborne Forces. The company also sews the braking parachutes fitted to transport aircraft.")
    made = claims(ex, "produces")
    assert any(c.subject == key_of(ex, "Zarya Textiles") and c.object_text and "parachutes" in c.object_text
               for c in made), describe(ex)
    assert all(c.subject != key_of(ex, "Airborne Forces") for c in made), describe(ex)


def test_radars_and_periscopes_are_goods(run):
    ex = run("The Kama Optics Plant makes periscopes for armoured vehicles, and the Ural Radio Works builds radars.")
    assert any(c.object_text == "periscopes" for c in claims(ex, "produces", "Kama Optics Plant")), describe(ex)
    assert any(c.object_text == "radars" for c in claims(ex, "produces", "Ural Radio Works")), describe(ex)


def test_an_enterprise_rate_of_goods_is_a_capacity(run):
    ex = run("The Kotovo Powder Works should add some 5,000 tonnes of propellant a year once its new shop is "
             "fully loaded.")
    caps = claims(ex, "capacity", "Kotovo Powder Works")
    assert any(c.value == 5000 and c.unit == "tons" for c in caps), describe(ex)
    assert not claims(ex, "statistic"), describe(ex)


def test_a_rate_of_hires_is_no_capacity(run):
    ex = run("The Kotovo Powder Works hires about 300 people a year, the regional paper says.")
    assert not claims(ex, "capacity"), describe(ex)


def test_unit_named_by_its_work_started_work_and_belongs_to_the_plant(run):
    ex = run("The Vitebsk Aircraft Repair Plant overhauls transport helicopters. The plant completed a new paint "
             "hangar in December 2025; construction of a rotor-blade balancing stand began in February 2026. "
             "A final-assembly hall started work in March 2026.")
    plant = key_of(ex, "Vitebsk Aircraft Repair Plant")
    hall = entity(ex, "final-assembly hall")
    assert hall is not None and hall.type.value == "facility", describe(ex)
    assert any(c.subject == hall.key and c.date == "2026-03" and c.event.value == "operations_started"
               for c in claims(ex, "milestone")), describe(ex)
    stand = next((e for e in ex.entities if "balancing stand" in e.name), None)
    assert stand is not None, describe(ex)
    assert plant in objects(ex, "part_of", stand.name), describe(ex)


def test_construction_was_begun_is_a_construction_start(run):
    ex = run("The Omsk Cartridge Works is adding a detonator shop: its construction was begun in the first half "
             "of 2024.")
    assert any(c.event.value == "construction_started" and c.date == "2024" for c in claims(ex, "milestone")), \
        describe(ex)


def test_best_known_for_its_goods_produces_them(run):
    ex = run("The Ivanovo Canopy Works is best known for the D-12 cargo parachute used by the army.")
    made = claims(ex, "produces", "Ivanovo Canopy Works")
    assert any(c.object == key_of(ex, "D-12") or c.object_text and "D-12" in c.object_text for c in made), \
        describe(ex)


def test_the_outlet_citing_its_own_findings_does_not_lead_the_article(extractor):
    text = ("Plant adds a hall\nThe Harbour Gazette\n\nThe Oryol Signal Plant has started building a second hall, "
            "according to planning papers reviewed by The Harbour Gazette.\n\nGround work began in May.\n\n"
            "The Oryol Signal Plant also makes radios for the army, and Kama Optics supplies it with lenses.")
    ex = extractor.extract(Document(text=text, published="2026-05-01", outlet="The Harbour Gazette"))
    later = [c for c in ex.claims if "also makes" in c.evidence]
    assert later and all(not c.attributed_to for c in later), describe(ex)


def test_the_subject_after_according_to_a_document_is_no_source(run):
    ex = run("Varden Optics Ltd is a distributor in Leeds. According to the court filing, Varden Optics Ltd shipped "
             "night-vision scopes to Russia.")
    got = [c for c in ex.claims if c.predicate.value == "supplies" and c.subject == key_of(ex, "Varden Optics Ltd")]
    assert got and not got[0].attributed_to, describe(ex)


def test_a_person_named_after_according_to_and_a_comma_is_the_source(run):
    ex = run("The Tver Cable Plant is in Tver. According to its director, Sergei Morozov, the plant makes 40 tonnes of "
             "optical cable a month.")
    got = [c for c in ex.claims if c.predicate.value == "capacity"]
    assert got and got[0].attributed_to == [key_of(ex, "Sergei Morozov")], describe(ex)


def test_a_bare_count_in_a_rate_is_of_the_model_named_just_before(run):
    ex = run("The Omsk Transport Plant builds the BMD-4 airborne vehicle. The Omsk Transport Plant wants to reach 30 "
             "vehicles a month by 2027.")
    got = claims(ex, "capacity", "Omsk Transport Plant")
    assert got and got[0].object_text == "BMD-4 vehicles", describe(ex)


def test_a_count_with_of_is_of_what_follows(run):
    ex = run("The Vyborg Shipyard can now lay down four hulls of patrol boats per year.")
    got = claims(ex, "capacity", "Vyborg Shipyard")
    assert got and got[0].object_text == "hulls of patrol boats", describe(ex)


def test_a_figure_is_not_about_the_newspaper_a_director_told(run):
    ex = run("The Slonim Repair Plant overhauls transport helicopters. Its director, Ivan Gurko, told the regional "
             "newspaper Slonimsky Vestnik that the enterprise will be able to overhaul 40 helicopters a year, about "
             "twice as many as before the war.")
    paper = key_of(ex, "Slonimsky Vestnik")
    assert not [c for c in ex.claims if c.subject == paper and c.value is not None], describe(ex)


def test_a_share_estimated_in_a_participle_clause_is_about_that_clause_s_subject(run):
    ex = run("The Lida Optics Plant grinds lenses for tank sights. Poland's Military Counterintelligence Service gave "
             "a similar picture, estimating that Lida Optics Plant supplies roughly one Russian sight in four.")
    got = [c for c in ex.claims if c.predicate.value == "statistic" and c.value == 25]
    assert got and got[0].subject == key_of(ex, "Lida Optics Plant"), describe(ex)


def test_a_count_qualified_by_a_place_is_about_the_verb_s_named_subject(run):
    ex = run("Since 2015, Norway has imposed sanctions on more than 900 individuals and entities in Russia and "
             "Belarus.")
    got = [c for c in ex.claims if c.predicate.value == "statistic" and c.value == 900]
    assert got and got[0].subject == key_of(ex, "Norway"), describe(ex)


def test_the_town_plant_is_the_enterprise_placed_in_that_town(run):
    ex = run("OJSC Granit is based in Pinsk and makes relays for Russian radar builders. OJSC Granit has added a "
             "second line. A smaller Pinsk firm, Polesie Kontakt, makes connectors. By "
             "one analyst's reckoning, the Pinsk plant may by now meet perhaps a third of what Russia needs in relays.")
    got = [c for c in ex.claims if c.predicate.value == "statistic" and c.unit == "percent"]
    assert got and got[0].subject == key_of(ex, "OJSC Granit"), describe(ex)


def test_a_source_speaking_of_itself_is_the_subject_of_its_figure(run):
    ex = run("The Kovrov Design Bureau makes guided missiles. The Kovrov Design Bureau told an arms fair in May that "
             "it would double its output of missiles before 2028.")
    got = [c for c in ex.claims if c.value == 2 and c.unit == "times"]
    assert got and got[0].subject == key_of(ex, "Kovrov Design Bureau"), describe(ex)


def test_the_plant_that_said_it_doubled_output_is_the_subject(run):
    ex = run("The Kirov Chassis Plant builds heavy chassis for air defence launchers. Orders rose. Wages rose. "
             "Staff left. New staff came. Shifts grew longer. The plant reported in its 2025 accounts that it had "
             "doubled its output compared with 2022.")
    got = [c for c in ex.claims if c.value == 2 and c.unit == "times"]
    assert got and got[0].subject == key_of(ex, "Kirov Chassis Plant"), describe(ex)


def test_it_after_a_nearer_subject_in_the_report_is_not_the_sayer(run):
    ex = run("Rheinstahl Defence builds a new shell plant at Celle. The company says the site could produce as "
             "many as 90,000 shells annually once it is at full capacity in 2028.")
    got = claims(ex, "milestone")
    assert got and all(c.subject != key_of(ex, "Rheinstahl Defence") for c in got), describe(ex)


def test_the_plant_long_after_it_was_named_is_the_enterprise_the_article_is_about(run):
    ex = run("The Ladoga Shipbuilding Plant launched a new patrol boat on Thursday. The Ladoga Shipbuilding Plant "
             "builds its hulls from fibreglass.\n\nThe engines come from the Kolomna works, a long-time supplier.\n\n"
             "The boats carry a crew of twelve and can stay at sea for five days. They are armed with a 30 mm gun "
             "and two machine guns, and they can carry a small drone for patrols along the coast.\n\nThe navy wants "
             "more of them, officials say, and has asked for a faster version with a longer range and better radar "
             "for the northern fleets, where ice makes the work of small boats harder in winter.\n\nSales abroad "
             "have stopped since 2022, when buyers in Asia and Africa cancelled their orders after the war began and "
             "the banks that financed them left.\n\nAt the plant today work about 1,400 people.")
    got = [c for c in ex.claims if c.value == 1400]
    assert got and got[0].subject == key_of(ex, "Ladoga Shipbuilding Plant"), describe(ex)


def test_the_plant_is_the_works_the_article_opened_on_not_a_company_named_more_often_since(run):
    ex = run("The Orsha Gear Works, a state maker of gearboxes, doubled its profit this year.\n\nKestrel Systems, a "
             "company in Tula, ordered 900 gearboxes from it. Kestrel Systems builds turrets, and Kestrel Systems "
             "fits the gearboxes to them.\n\nThe plant buys steel bar from Ural Bar Mill, a supplier in Chelyabinsk.")
    assert key_of(ex, "Orsha Gear Works") in objects(ex, "supplies", "Ural Bar Mill"), describe(ex)


def test_more_workers_a_plant_will_hire_are_no_capacity(run):
    ex = run("The Orsha Gear Plant intends to make 2,000 gearboxes in 2027 and to hire 150 more workers.")
    assert not [c for c in claims(ex, "capacity") if c.value == 150], describe(ex)


def test_what_goods_are_designed_to_act_on_is_not_produced(run):
    ex = run("The Tambov Radio Plant is the main maker of the Pole-21 family of jammers designed to blind satellite "
             "receivers.")
    made = {c.object_text for c in claims(ex, "produces", "Tambov Radio Plant")}
    assert "satellite receivers" not in made, describe(ex)


def test_ground_broken_where_a_place_ends_the_site_s_phrase_is_the_site_s_milestone(run):
    ex = run("Nordwerk is building a new shell plant in the town of Celle in Lower Saxony, where ground was broken "
             "in March 2024.")
    got = [c for c in claims(ex, "milestone") if c.date == "2024-03"]
    assert got and ex.entity(got[0].subject).type.value == "facility", describe(ex)


def _published_by(extractor, body: str):
    """An article of a research group's own, with the group as its outlet (as the file readers set it)."""
    return extractor.extract(Document(text="Traders kept the tank plants supplied\n\n" + body, published="2026-06-03",
                                      outlet="Amber Route Monitor"))


def test_a_publisher_counting_in_the_first_person_is_the_source(extractor):
    ex = _published_by(extractor, "Orion Freight LLC moved servo drives to the Kurgan Machine Plant. We count 41 "
                                  "consignments from the Orion Freight LLC to the plant over the period.")
    got = [c for c in ex.claims if c.value == 41]
    assert got and got[0].attributed_to == [key_of(ex, "Amber Route Monitor")], describe(ex)


def test_a_publisher_s_we_that_only_spoke_to_someone_is_no_source(extractor):
    ex = _published_by(extractor, "We spoke to two drivers. Orion Freight LLC moved 41 consignments of servo "
                                  "drives to the Kurgan Machine Plant, we spoke to two drivers who said.")
    outlet = key_of(ex, "Amber Route Monitor")
    assert not [c for c in ex.claims if outlet in c.attributed_to], describe(ex)


def test_we_inside_a_quotation_is_the_speaker_not_the_publisher(extractor):
    ex = _published_by(extractor, "\"We count 41 consignments to the Kurgan Machine Plant,\" said Ilya Brandt, "
                                  "a customs broker.")
    outlet = key_of(ex, "Amber Route Monitor")
    assert not [c for c in ex.claims if outlet in c.attributed_to], describe(ex)


def test_the_company_that_earlier_spoke_of_itself_is_still_the_company(run):
    ex = run("Granat Elektro makes reed switches in Pinsk, Granat Elektro said. The Amber Route Monitor said that "
             "demand was rising.\n\nThe company plans to raise its yearly production of switches to four million "
             "units by late 2027.")
    got = [c for c in ex.claims if c.value == 4000000]
    assert got and got[0].subject == key_of(ex, "Granat Elektro"), describe(ex)


def test_twice_as_many_is_a_figure_about_the_company_speaking_of_itself(run):
    ex = run("Truck maker Uralets handed over more than 900 armoured trucks to the army in 2025, twice as many as "
             "a year before, its chief executive told reporters.")
    twice = [c for c in ex.claims if c.unit == "times"]
    assert twice and all(c.predicate.value == "statistic" for c in twice), describe(ex)
    assert twice[0].subject == key_of(ex, "Uralets"), describe(ex)


def test_which_after_the_named_plant_in_a_town_is_the_plant(run):
    ex = run("Smoke rose over the Kvarts plant in Kaluga, which makes batteries for missiles.")
    got = claims(ex, "produces")
    assert got and got[0].subject == key_of(ex, "Kvarts"), describe(ex)


def test_its_chief_executive_is_the_chief_executive_named_before(run):
    ex = run("Chief executive Pavel Gorin spoke at a board meeting of the Uralets Truck Plant. The Uralets Truck Plant "
             "handed over more than 900 armoured trucks to the army in 2025, its chief executive told reporters.")
    got = [c for c in ex.claims if c.value == 900]
    assert got and got[0].attributed_to == [key_of(ex, "Pavel Gorin")], describe(ex)


def test_a_chief_executive_of_another_firm_is_not_its_chief_executive(run):
    ex = run("Pavel Gorin, the chief executive of the Kama Engine Works, spoke in Moscow. The Uralets Truck Plant "
             "handed over more than 900 armoured trucks to the army in 2025, its chief executive told reporters.")
    got = [c for c in ex.claims if c.value == 900]
    assert got and key_of(ex, "Pavel Gorin") not in got[0].attributed_to, describe(ex)


def test_goods_made_for_a_customer_are_supplied_to_it(run):
    ex = run("The Vyborg Shipyard also builds patrol boats for the Border Service.")
    got = claims(ex, "supplies", "Vyborg Shipyard")
    assert got and got[0].object == key_of(ex, "Border Service"), describe(ex)


def test_goods_made_for_a_weapon_are_not_supplied_to_its_country(run):
    ex = run("Zavod Ritm produces control units for Russia's Sarmat and Yars missiles.")
    assert not claims(ex, "supplies"), describe(ex)


def test_testimony_is_attributed_to_the_witness(run):
    ex = run("Anna Reyes, a customs official, testified that Orion Freight LLC shipped 300 servo drives to Russia.")
    got = claims(ex, "delivered", "Orion Freight LLC") + claims(ex, "supplies", "Orion Freight LLC")
    assert got and all(c.attributed_to == [key_of(ex, "Anna Reyes")] for c in got), describe(ex)


def test_an_approximate_amount_delivered_is_reported_not_estimated(run):
    ex = run("Orion Fibre LLC shipped roughly 400 tonnes of optical fibre to Russia last year.")
    got = claims(ex, "delivered", "Orion Fibre LLC")
    assert got and got[0].modality.value == "reported", describe(ex)


def test_an_approximate_figure_is_an_estimate(run):
    ex = run("The Kirov Shell Plant employs about 900 people.")
    got = claims(ex, "statistic", "Kirov Shell Plant")
    assert got and got[0].modality.value == "estimated", describe(ex)


def test_a_company_s_own_account_of_itself_is_a_claim(run):
    ex = run("The Kirov Shell Plant makes artillery shells. The Kirov Shell Plant said it had hired 700 workers "
             "last year.")
    got = [c for c in claims(ex, "statistic", "Kirov Shell Plant") if c.value == 700]
    assert got and got[0].modality.value == "claimed", describe(ex)


def test_a_description_beside_a_company_that_speaks_is_reported(run):
    ex = run("Norwerk, owned by the Norwegian government, said its Raufoss site will double shell output by 2028.")
    got = claims(ex, "part_of", "Norwerk")
    assert all(c.modality.value == "reported" for c in got), describe(ex)


def test_a_capacity_an_analyst_estimates_is_an_estimate(run):
    ex = run("The Omsk Research Group estimates that the Kaspiy Drone Plant could assemble 100 to 200 airframes a "
             "month.")
    got = claims(ex, "capacity")
    assert got and got[0].modality.value == "estimated", describe(ex)


def test_the_gun_that_arms_a_weapon_is_the_model_named_before(run):
    ex = run("The Perm Gun Works produces the 2A65 gun. The gun arms the Msta-S.")
    got = claims(ex, "used_in", "2A65")
    assert got and got[0].object == key_of(ex, "Msta-S"), describe(ex)


def test_shipments_found_by_a_researcher_are_the_shippers_not_the_finders(run):
    ex = run("Kestrel Analytics found 40 shipments of periscopes from the Kama Optics Works to the Ural Carriage "
             "Plant.")
    sup = claims(ex, "supplies")
    assert [c.subject for c in sup] == [key_of(ex, "Kama Optics Works")], describe(ex)
    assert sup[0].object == key_of(ex, "Ural Carriage Plant"), describe(ex)
    dlv = claims(ex, "delivered")
    assert dlv and dlv[0].subject == key_of(ex, "Kama Optics Works") and dlv[0].value == 40, describe(ex)


def test_a_country_demanding_goods_is_not_their_supplier(run):
    ex = run("Belarus is expanding its plants to meet Russia's growing demand for periscopes.")
    assert key_of(ex, "Russia") not in {c.subject for c in claims(ex, "supplies")}, describe(ex)


# ---- attribution written in other ways

def _sources(ex, predicate):
    return [sorted(c.attributed_to) for c in claims(ex, predicate)]


def test_we_in_a_quote_is_the_quoted_persons_enterprise(run):
    ex = run('"We make periscopes for tanks," said Oleg Sokolov, the director of the Kama Optics Works.')
    got = claims(ex, "produces")
    assert got and got[0].subject == key_of(ex, "Kama Optics Works"), describe(ex)
    assert got[0].attributed_to == [key_of(ex, "Oleg Sokolov")] and got[0].modality.value == "claimed", describe(ex)


def test_we_outside_quotes_is_not_the_quoted_persons_enterprise(run):
    ex = run("Oleg Sokolov is the director of the Kama Optics Works. We make no claim about its periscopes.")
    assert not claims(ex, "produces", "Kama Optics Works"), describe(ex)


def test_speaker_set_off_by_a_job_description_when_the_parse_loses_the_subject(run):
    ex = run("The Kama Optics Works makes periscopes. In an interview with this newspaper, Oleg Sokolov, the "
             "works' director, said the plant supplies periscopes to the Ural Carriage Plant.")
    got = claims(ex, "supplies")
    assert got and got[0].attributed_to == [key_of(ex, "Oleg Sokolov")], describe(ex)


def test_in_the_view_of_and_in_someones_view(run):
    ex = run("In the view of Kestrel Analytics, the Kama Optics Works makes periscopes. In Oleg Sokolov's view, "
             "the Ural Carriage Plant makes gun barrels.")
    assert _sources(ex, "produces") == [[key_of(ex, "Kestrel Analytics")], [key_of(ex, "Oleg Sokolov")]], \
        describe(ex)


def test_by_someones_count(run):
    ex = run("By Kestrel Analytics' count, the Kama Optics Works shipped periscopes to the Ural Carriage Plant.")
    assert _sources(ex, "supplies") == [[key_of(ex, "Kestrel Analytics")]], describe(ex)


def test_data_show_read_as_a_noun_by_the_tagger_still_attributes(run):
    ex = run("Kestrel Analytics' data show that the Kama Optics Works shipped periscopes to the Ural Carriage "
             "Plant in 2024.")
    assert _sources(ex, "supplies") == [[key_of(ex, "Kestrel Analytics")]], describe(ex)


def test_the_group_says_after_a_group_named_without_a_statement(run):
    ex = run("Kestrel Analytics studied customs records for a year. The group says the Kama Optics Works supplies "
             "periscopes to the Ural Carriage Plant.")
    assert _sources(ex, "supplies") == [[key_of(ex, "Kestrel Analytics")]], describe(ex)


def test_the_documents_show_is_not_an_organisation_named_before(run):
    ex = run("Kestrel Analytics studied customs records for a year. The documents show the Kama Optics Works "
             "supplies periscopes to the Ural Carriage Plant.")
    assert key_of(ex, "Kestrel Analytics") not in {k for s in _sources(ex, "supplies") for k in s}, describe(ex)


# ---- goods that go into, are found in or are a component of a weapon

@pytest.mark.parametrize("second", [
    "The periscopes go into the T-90M tank.",
    "Its periscopes have been found in the wreckage of T-90M tanks.",
    "Soldiers found its periscopes inside a captured T-90M.",
    "They are a key component of the T-90M.",
])
def test_goods_going_into_a_weapon_are_used_in_it(run, second):
    ex = run("The Kama Optics Works makes periscopes. " + second)
    assert objects(ex, "used_in", "Kama Optics Works") == {key_of(ex, "T-90M")}, describe(ex)


def test_a_company_entering_a_holding_is_not_a_use_in_its_weapons(run):
    ex = run("The Kama Optics Works makes periscopes. The Arzamas works is now joining the structure of the "
             "Military-Industrial Company, which builds the Tigr.")
    assert not claims(ex, "used_in"), describe(ex)


def test_a_town_describing_the_supplier_is_not_its_recipient(run):
    ex = run("Peleng, the Minsk optics maker, supplies sights for the T-90.")
    assert entity(ex, "Minsk").type.value == "place", describe(ex)
    assert objects(ex, "located_in", "Peleng") == {key_of(ex, "Minsk")}, describe(ex)
    assert key_of(ex, "Minsk") not in objects(ex, "supplies", "Peleng"), describe(ex)


def test_the_weapon_goods_are_for_is_neither_made_nor_supplied(run):
    ex = run("The Orsha Casing Works now makes casings for 122-millimetre Grad rockets. Peleng supplies sights for "
             "the T-90.")
    assert "Grad" not in {c.object_text for c in claims(ex, "produces")} and \
        key_of(ex, "Grad") not in {c.object for c in claims(ex, "produces")}, describe(ex)
    assert "T-90" not in {c.object_text for c in claims(ex, "supplies")}, describe(ex)
    assert key_of(ex, "Grad") in objects(ex, "used_in", "Orsha Casing Works"), describe(ex)


def test_a_weapon_an_enterprise_is_known_for_is_made_there(run):
    ex = run("Polyot is best known for the D-10 troop parachute.")
    assert objects(ex, "produces", "Polyot") == {key_of(ex, "D-10")}, describe(ex)


@pytest.mark.parametrize("text", [
    "The Kama Optics Works denied that it supplies periscopes to the Ural Carriage Plant.",
    "The Kama Optics Works denies supplying periscopes to the Ural Carriage Plant.",
    "The Kama Optics Works rejected reports that it sells periscopes to the Ural Carriage Plant.",
    "An earlier version of this article incorrectly said that the Kama Optics Works supplies periscopes to the "
    "Ural Carriage Plant.",
    "It is not true that the Kama Optics Works supplies periscopes to the Ural Carriage Plant, the ministry said.",
])
def test_denied_or_corrected_statements_are_no_facts(run, text):
    ex = run(text)
    assert not claims(ex, "supplies"), describe(ex)


def test_an_unnamed_ministry_is_not_a_company_named_in_the_same_sentence(run):
    ex = run("The Kama Optics Works, which makes periscopes, supplies them to the Ural Carriage Plant, the ministry "
             "said.")
    assert all(not c.attributed_to for c in ex.claims), describe(ex)


@pytest.mark.parametrize("text,modality", [
    ("The Kama Optics Works appears to supply periscopes to the Ural Carriage Plant.", "possible"),
    ("It is possible that the Kama Optics Works supplies periscopes to the Ural Carriage Plant.", "possible"),
    ("The Kama Optics Works has agreed to supply periscopes to the Ural Carriage Plant.", "planned"),
    ("The Ural Carriage Plant announced a tender to buy periscopes from the Kama Optics Works.", "planned"),
])
def test_more_words_of_modality(run, text, modality):
    ex = run(text)
    got = claims(ex, "supplies", "Kama Optics Works")
    assert got and got[0].modality.value == modality, describe(ex)


def test_a_report_by_a_group_named_with_an_adjective_leads_what_it_found(run):
    ex = run("A new report by Kestrel Analytics maps the trade. It found that the Kama Optics Works supplies "
             "periscopes to the Ural Carriage Plant.")
    assert _sources(ex, "supplies") == [[key_of(ex, "Kestrel Analytics")]], describe(ex)


def test_she_says_after_a_person_named_without_a_statement(run):
    ex = run("Anna Lind, an analyst at Kestrel Analytics, has studied the plant for years. She says the Kama Optics "
             "Works supplies periscopes to the Ural Carriage Plant.")
    assert _sources(ex, "supplies") == [[key_of(ex, "Anna Lind")]], describe(ex)


def test_a_quotation_goes_on_about_the_same_enterprise(run):
    ex = run('"The Kama Optics Works makes periscopes," said Anna Lind. "It also makes laser rangefinders."')
    assert entity(ex, "The Kama Optics Works") is None or entity(ex, "The Kama Optics Works").name == \
        "Kama Optics Works", describe(ex)
    made = sorted(c.object_text for c in claims(ex, "produces", "Kama Optics Works"))
    assert made == ["laser rangefinders", "periscopes"], describe(ex)
    assert _sources(ex, "produces") == [[key_of(ex, "Anna Lind")]] * 2, describe(ex)


@pytest.mark.parametrize("text", [
    "The Kama Optics Works says it can make up to 500 periscopes a month.",
    "The Kama Optics Works opened a new line in Kazan last year. The company says the line can make up to 500 "
    "periscopes a month.",
])
def test_what_a_party_says_it_can_make_is_its_claim(run, text):
    ex = run(text)
    got = claims(ex, "capacity")
    assert got and got[0].value == 500 and got[0].modality.value == "claimed", describe(ex)


@pytest.mark.parametrize("speaker", [
    "An official at the Kama Optics Works",
    "The Kama Optics Works' press service",
])
def test_the_plant_in_what_someone_at_a_plant_says_is_that_plant(run, speaker):
    ex = run(f"{speaker} said the plant supplies periscopes to the Ural Carriage Plant.")
    got = claims(ex, "supplies", "Kama Optics Works")
    assert got and got[0].object == key_of(ex, "Ural Carriage Plant"), describe(ex)
    assert got[0].attributed_to == [key_of(ex, "Kama Optics Works")] and got[0].modality.value == "claimed", \
        describe(ex)


def test_the_plant_in_what_an_outside_analyst_says_is_not_the_analysts_group(run):
    ex = run("An analyst at Kestrel Analytics said the plant supplies periscopes to the Ural Carriage Plant.")
    assert not claims(ex, "supplies", "Kestrel Analytics"), describe(ex)


@pytest.mark.parametrize("text", [
    "The Kama Optics Works won a contract to supply periscopes to the Ural Carriage Plant.",
    "The Kama Optics Works signed a deal to supply periscopes to the Ural Carriage Plant.",
])
def test_a_contract_to_supply_is_a_plan(run, text):
    ex = run(text)
    got = claims(ex, "supplies", "Kama Optics Works")
    assert got and got[0].modality.value == "planned", describe(ex)


def test_the_plant_after_an_obituary_opening_is_the_one_plant_named(run):
    ex = run("Viktor Petrov, who ran the Kama Optics Works for 20 years, died on 3 March. Under his leadership the "
             "plant began making periscopes for tanks.")
    assert [c.object_text for c in claims(ex, "produces", "Kama Optics Works")] == ["periscopes"], describe(ex)


def test_the_factory_long_after_is_not_a_centre_that_is_no_plant(run):
    ex = run("Viktor Petrov, who ran the Multipurpose Drone Technology Centre for 20 years, died on 3 March. Under "
             "his leadership the factory began making periscopes for tanks.")
    assert not claims(ex, "produces", "Multipurpose Drone Technology Centre"), describe(ex)


def test_a_company_speaking_then_described_in_a_relative_clause_is_the_figures_subject(run):
    ex = run("The Kama Optics Works makes periscopes; the Swiss firm Brenntag Optik once sold it lenses. Sales fell "
             "18 per cent in 2025, the Kama Optics Works said. The company, which employs about 3,600 people in "
             "Kazan, reported a net loss.")
    workforce = [c for c in claims(ex, "statistic") if c.value == 3600]
    assert workforce and workforce[0].subject == key_of(ex, "Kama Optics Works"), describe(ex)


def test_a_plant_speaking_through_its_report_is_the_plant_it_speaks_of(run):
    ex = run("According to the Kama Optics Works' annual report, the plant supplies periscopes to the Ural Carriage "
             "Plant.")
    got = claims(ex, "supplies", "Kama Optics Works")
    assert got and got[0].object == key_of(ex, "Ural Carriage Plant"), describe(ex)
    assert got[0].attributed_to == [key_of(ex, "Kama Optics Works")], describe(ex)


def test_a_document_handed_out_by_a_company_is_its_statement(run):
    ex = run("A brochure handed out by the Kama Optics Works says its periscopes fit the T-90M.")
    # (the maker and its periscopes both go into the T-90M; both claims are the company's own)
    got = _sources(ex, "used_in")
    assert got and all(s == [key_of(ex, "Kama Optics Works")] for s in got), describe(ex)


def test_records_from_a_portal_do_not_make_the_next_clauses_subject_a_source(run):
    ex = run("Records from the Zakupki procurement portal show the Ural Carriage Plant bought periscopes from the "
             "Kama Optics Works.")
    assert all(key_of(ex, "Ural Carriage Plant") not in c.attributed_to for c in ex.claims), describe(ex)


def test_the_plant_word_of_a_name_is_no_role_noun(run):
    ex = run("According to Kestrel Analytics, the company supplies periscopes to the Ural Carriage Plant.")
    assert not claims(ex, "part_of"), describe(ex)


def test_a_report_released_by_a_group_is_still_its_source(run):
    ex = run("According to a report released in March by Kestrel Analytics, the Kama Optics Works supplies "
             "periscopes to the Ural Carriage Plant.")
    assert _sources(ex, "supplies") == [[key_of(ex, "Kestrel Analytics")]], describe(ex)


def test_rejecting_goods_is_no_denial_of_their_supply(run):
    ex = run("The army rejected the trucks that KAMAZ supplied to the Defence Ministry in 2024.")
    assert objects(ex, "supplies", "KAMAZ") == {key_of(ex, "Defence Ministry")}, describe(ex)


def test_a_tender_won_earlier_does_not_make_a_supply_planned(run):
    ex = run("The Kama Optics Works won a tender in 2025 and supplies periscopes to the Ural Carriage Plant.")
    got = claims(ex, "supplies", "Kama Optics Works")
    assert got and got[0].modality.value == "reported", describe(ex)


def test_a_headline_under_a_section_label_states_no_fact(run):
    ex = run("PORT DESK | Trade\nThree cargo boats and a single harbour: notes on the Azov coast trade\n\n"
             "The Kama Optics Works supplies periscopes to the Ural Carriage Plant.")
    assert not [c for c in ex.claims if "Three cargo boats" in c.evidence], describe(ex)


def test_a_fact_checks_claim_line_states_no_fact(run):
    ex = run('Claim: "The Kama Optics Works supplies periscopes to the Ural Carriage Plant"\n\nWe could not confirm '
             "it.")
    assert not claims(ex, "supplies"), describe(ex)


def test_a_name_in_apposition_to_a_job_is_a_person_who_speaks(run):
    ex = run("A sales manager, Dzmitry Asipenka, said the Kama Optics Works delivered 12 periscopes to the Ural "
             "Carriage Plant last year.")
    assert entity(ex, "Dzmitry Asipenka").type.value == "person", describe(ex)
    assert _sources(ex, "supplies") == [[key_of(ex, "Dzmitry Asipenka")]], describe(ex)


def test_he_said_is_the_person_just_named_not_one_quoted_earlier(run):
    ex = run("The Kama Optics Works showed periscopes. A spokeswoman, Irina Kulagina, said it makes sights too.\n\n"
             "The Volna works, whose founder, Viktar Lapko, spoke to us, showed drones. He told us a new workshop in "
             "Lida should start work in October.")
    got = [c for c in ex.claims if "Lida" in c.evidence]
    assert got and all(c.attributed_to == [key_of(ex, "Viktar Lapko")] for c in got), describe(ex)


def test_the_outlets_own_correspondent_is_no_source(run):
    ex = run("Our correspondent Lukas Brenner walked the stands at the fair. He found that the Kama Optics Works "
             "supplies periscopes to the Ural Carriage Plant.")
    assert all(key_of(ex, "Lukas Brenner") not in c.attributed_to for c in ex.claims), describe(ex)


# --- an enterprise speaking of itself ends what was carried over ---------------------------------------

def test_a_brochure_with_no_owner_written_is_the_enterprise_in_view(run):
    ex = run("The Vega Radio Plant showed its mast radar in hall 4. A saleswoman, Olga Brel, said demand had "
             "doubled. The brochure says the Vega Radio Plant employs 900 people.")
    got = [c for c in claims(ex, "statistic") if c.value == 900]
    assert got and got[0].attributed_to == [key_of(ex, "Vega Radio Plant")], describe(ex)


def test_according_to_the_plant_is_not_the_analyst_quoted_before(run):
    ex = run("An analyst, Pavel Hrod, said the Vega Radio Plant ships radars to Russia. The Vega Radio Plant employs "
             "900 people, according to the plant.")
    got = [c for c in claims(ex, "statistic") if c.value == 900]
    assert got and key_of(ex, "Pavel Hrod") not in got[0].attributed_to, describe(ex)


def test_the_company_that_said_goes_on_saying(run):
    ex = run("The Orion Machine Works makes drones. In 2023 the Kama Machine Works said it would build a drone plant "
             "in Izhevsk. The plant is due to open in 2026, the company said.")
    got = [c for c in claims(ex, "milestone") if str(c.date).startswith("2026")]
    assert got and got[0].attributed_to == [key_of(ex, "Kama Machine Works")], describe(ex)


# --- milestones of a hall or a line, and of production --------------------------------------------------

def test_the_hall_named_before_is_what_opened(run):
    ex = run("The Lida Radar Works built a new assembly hall. The new assembly hall opened in March 2025.")
    got = claims(ex, "milestone")
    assert got and entity(ex, "new assembly hall") is not None and \
        got[-1].subject == entity(ex, "new assembly hall").key, describe(ex)


@pytest.mark.parametrize("text", [
    "A new paint hall at the Lida Radar Works is to be commissioned in 2027.",
    "A new paint hall at the Lida Radar Works should be commissioned in 2027.",
])
def test_a_hall_that_is_to_be_commissioned_is_planned(run, text):
    ex = run(text)
    got = [c for c in claims(ex, "milestone") if str(c.date).startswith("2027")]
    assert got and got[0].modality.value == "planned", describe(ex)


def test_work_on_a_hall_at_a_plant_began(run):
    ex = run("Work on a new paint hall at the Lida Radar Works began in March 2025.")
    got = [c for c in claims(ex, "milestone") if str(c.date).startswith("2025-03")]
    assert got and got[0].subject == entity(ex, "new paint hall").key, describe(ex)
    assert got[0].event.value == "construction_started", describe(ex)


@pytest.mark.parametrize(("text", "event", "year"), [
    ("Production at the Lida Radar Works stopped in 2022.", "suspended", "2022"),
    ("Production at the Lida Radar Works resumed in 2024.", "revived", "2024"),
])
def test_production_at_a_plant_stopped_or_resumed(run, text, event, year):
    ex = run(text)
    got = claims(ex, "milestone", "Lida Radar Works")
    assert got and got[0].event.value == event and str(got[0].date).startswith(year), describe(ex)


def test_a_hall_named_before_has_its_own_rate(run):
    ex = run("The Lida Radar Works built a new assembly hall. The hall can assemble 40 radars a month.")
    got = [c for c in claims(ex, "capacity") if c.value == 40]
    assert got and got[0].subject == entity(ex, "new assembly hall").key, describe(ex)


@pytest.mark.parametrize("text", [
    "Oleg Brel tells us that the Lida Radar Works supplies radars to Russia.",
    "Oleg Brel, a former engineer at the plant, says the Lida Radar Works supplies radars to Russia.",
    "Oleg Brel told residents that the Lida Radar Works supplies radars to Russia.",
])
def test_a_speaker_the_model_does_not_know_is_still_the_source(run, text):
    ex = run(text)
    got = claims(ex, "supplies", "Lida Radar Works")
    assert got and got[0].attributed_to == [key_of(ex, "Oleg Brel")], describe(ex)
    assert entity(ex, "Oleg Brel").type.value == "person", describe(ex)


def test_an_unknown_company_that_says_is_not_made_a_person(run):
    ex = run("Baltic Industrial Monitor says the Lida Radar Works supplies radars to Russia.")
    e = entity(ex, "Baltic Industrial Monitor")
    assert e is None or e.type.value != "person", describe(ex)


def test_between_two_number_words_is_a_range(run):
    ex = run("A satellite analyst counted between six and nine Su-25 jets on the apron of the Kama Aircraft Works.")
    got = [c for c in claims(ex, "statistic") if isinstance(c.value, list)]
    assert got and got[0].value == [6, 9], describe(ex)


def test_whoever_counted_is_the_source_of_the_count(run):
    ex = run("The Baltic Monitor counted 40 wagons of radars that the Lida Radar Works sent to Russia.")
    got = claims(ex, "supplies", "Lida Radar Works")
    assert got and got[0].attributed_to == [key_of(ex, "Baltic Monitor")], describe(ex)


def test_output_that_stopped_growing_is_no_suspension(run):
    ex = run("Output at the Kestrel Motor Works stopped growing in 2024.")
    assert not claims(ex, "milestone"), describe(ex)


def test_a_name_with_an_article_that_says_is_no_person(run):
    ex = run("The Amber Lantern says that the Kestrel Motor Works makes trucks.")
    e = entity(ex, "The Amber Lantern") or entity(ex, "Amber Lantern")
    assert e is None or e.type.value != "person", describe(ex)


def test_where_a_firm_is_and_whose_it_is_are_not_carried_over(run):
    ex = run("The Lithuanian State Security Department reported on Tuesday that the Orion Electronics plant makes "
             "fuzes.\n\n"
             "The plant, a unit of the Tekhmash holding in Bryansk, also builds mortar rounds.")
    intel = key_of(ex, "Lithuanian State Security Department")
    assert [c.attributed_to for c in claims(ex, "produces", "Orion Electronics plant")] == [[intel], [intel]], \
        describe(ex)
    background = claims(ex, "part_of") + claims(ex, "located_in")
    assert background and all(c.attributed_to == [] for c in background), describe(ex)


def test_where_a_firm_is_keeps_the_source_of_its_own_sentence(run):
    ex = run("The Orion Electronics plant, a unit of the Tekhmash holding, is in Bryansk, the Lithuanian State "
             "Security Department reported.")
    intel = key_of(ex, "Lithuanian State Security Department")
    background = claims(ex, "part_of") + claims(ex, "located_in")
    assert background and all(c.attributed_to == [intel] for c in background), describe(ex)


def test_the_place_of_a_sources_own_employer_is_not_its_finding(run):
    ex = run('"Steel is not the bottleneck," said Marta Kivi, an analyst at the Baltic Arms Research Group in Tartu.')
    cs = claims(ex, "located_in", "Baltic Arms Research Group")
    assert cs and all(c.attributed_to == [] for c in cs), describe(ex)


def test_a_timelines_line_date_dates_its_events(run):
    ex = run("Volna Optics makes sights in Orsha.\n\n2022: Production of civilian lenses at Volna Optics is "
             "suspended.\n\nJune 2023 - Volna Optics opens a second assembly line.")
    dates = {(c.event.value if c.event else None, c.date) for c in claims(ex, "milestone")}
    assert ("suspended", "2022") in dates, describe(ex)
    assert ("operations_started", "2023-06") in dates, describe(ex)


def test_the_company_is_the_subject_of_the_sentence_before_not_a_name_inside_it(run):
    ex = run("Volna Optics makes sights in Orsha.\n\nVolna Optics began deliveries of sights to the Tarsk "
             "tank plant.\n\nIn 2024 the company restarted its mothballed glass workshop.")
    assert key_of(ex, "Volna Optics") in {c.object for c in claims(ex, "part_of")}, describe(ex)


@pytest.mark.parametrize("text", [
    'In one message, a Volna manager, Pavel Ivanou, wrote: "We shipped 40 thermal sights to the Tarsk plant last '
    'week."',
    "Pavel Ivanou, a Volna manager, replied that the company had shipped 40 thermal sights to the Tarsk plant.",
    "Pavel Ivanou, a Volna manager, admitted that the company had shipped 40 thermal sights to the Tarsk plant.",
])
def test_a_writer_or_replier_named_in_apposition_is_the_source(run, text):
    ex = run("Volna Optics makes sights in Minsk.\n\n" + text)
    got = [c for c in claims(ex, "delivered") if c.value == 40]
    assert got and got[0].attributed_to == [key_of(ex, "Pavel Ivanou")], describe(ex)


def test_one_who_did_not_reply_is_nobodys_source(run):
    ex = run("Volna Optics did not reply to emailed questions. The Tarsk Works ships sights to Russia.")
    assert all(not c.attributed_to for c in claims(ex, "supplies")), describe(ex)


def test_mentioning_a_plant_makes_no_source(run):
    ex = run("The mayor, Pavel Orlov, mentioned the Kvarts plant, which supplies sights to Volna Optics.")
    assert all(not c.attributed_to for c in claims(ex, "supplies")), describe(ex)


@pytest.mark.parametrize(("text", "event"), [
    ("Volna Optics resumed production in 2024.", "revived"),
    ("Volna Optics restarted its lens workshop in 2024.", "revived"),
    ("Volna Optics stopped making civilian lenses in 2024.", "suspended"),
    ("Volna Optics expects its new line to start working in 2024.", "scheduled_launch"),
])
def test_milestones_resumed_stopped_and_starting_work(run, text, event):
    ex = run("Volna Optics builds sights in Orsha. " + text)
    assert (event, "2024") in {(c.event.value if c.event else None, c.date) for c in claims(ex, "milestone")}, \
        describe(ex)


@pytest.mark.parametrize("first", ["Vostok-Resurs is registered in Minsk and resells cast blanks to Tula.",
                                   "Vostok-Resurs sells cast blanks to the Tula Cartridge Works."])
def test_goods_fired_by_two_weapons_are_used_in_both_and_no_firm_named_before_is(run, first):
    ex = run(first + "\n\nThe shells are fired by D-30 howitzers and by the BM-21 Grad.")
    used = {(c.subject, c.object) for c in claims(ex, "used_in")}
    shells = key_of(ex, "shells")
    assert {(shells, key_of(ex, "D-30")), (shells, key_of(ex, "BM-21 Grad"))} <= used, describe(ex)
    assert not claims(ex, "used_in", "Vostok-Resurs"), describe(ex)


@pytest.mark.parametrize("text", [
    "The Kazan Powder Works makes pyroxylin and uses it to fill the KAB-500S bomb, the report says.",
    "The Kazan Powder Works buys TNT from Perm and uses the TNT to fill KAB-500S bombs.",
])
def test_goods_used_to_fill_a_weapon_go_into_it_and_the_user_does_not_make_the_weapon(run, text):
    """"uses it to fill the KAB-500S": the goods (the pronoun stands for those named before it) go into the bomb,
    and so does the works that fills it; filling the bomb is no claim that the works makes it."""
    ex = run(text)
    kab, works = key_of(ex, "KAB-500S"), key_of(ex, "Kazan Powder Works")
    used = {(c.subject, c.object) for c in claims(ex, "used_in")}
    goods = key_of(ex, "TNT" if "TNT" in text else "pyroxylin")
    assert {(goods, kab), (works, kab)} <= used, describe(ex)
    assert kab not in objects(ex, "produces", "Kazan Powder Works"), describe(ex)


@pytest.mark.parametrize("aside", ["investigators think", "we believe"])
def test_the_same_preposition_after_an_aside_gives_the_goods_to_the_second_weapon(run, aside):
    """"motors for the Kh-38 and, investigators think, for the Kornet-D": the aside between commas does not cut
    the second weapon off the goods (nor give it to the firm that supplies the maker)."""
    ex = run(f"Polikhim delivers resin to the Biysk Motor Works, which casts rocket motors for the Kh-38 missile "
             f"and, {aside}, for the Kornet-D guided missile too.")
    used = {(c.subject, c.object) for c in claims(ex, "used_in")}
    motors, kornet = key_of(ex, "rocket motors"), key_of(ex, "Kornet-D")
    assert (motors, kornet) in used, describe(ex)
    assert (key_of(ex, "Polikhim"), kornet) not in used, describe(ex)


def test_a_roundup_item_names_its_own_source_and_carries_none_over(run):
    ex = run("Briefs\nTHE WIRE\n2026-03-14\n\nThe Kyiv-based Drone Watch estimates that the Perm plant made 40 "
             "airframes.\n\nGEORGE TOWN, March 12 -- Malaysia's Ministry of Trade fined the Penang distributor Straits "
             "Motion Sdn Bhd 2.4 million ringgit. According to the ministry, the company shipped 1,150 actuators to "
             "a freight agent in Novosibirsk.")
    assert entity(ex, "Kyiv") is not None and entity(ex, "Kyiv").type.value == "place", describe(ex)
    ministry = key_of(ex, "Ministry of Trade")
    shipped = [c for c in ex.claims if c.predicate.value in ("supplies", "delivered")]
    assert shipped and all(c.attributed_to == [ministry] for c in shipped), describe(ex)
    fined = [c for c in ex.claims if c.predicate.value == "statistic" and c.value == 2400000]
    assert all(key_of(ex, "Drone Watch") not in c.attributed_to for c in fined), describe(ex)


def test_who_is_fined_for_exporting_is_the_exporter(run):
    ex = run("The volunteer group Rail Lens follows freight. Malaysia's ministry has fined the distributor Straits "
             "Motion Components Sdn Bhd 2.4 million ringgit for exporting servo actuators to Russia.")
    assert objects(ex, "supplies", "Straits Motion Components Sdn Bhd") == {key_of(ex, "Russia")}, describe(ex)
    assert not claims(ex, "supplies", "Rail Lens"), describe(ex)


def test_a_nationality_before_registered_is_the_country(run):
    ex = run("The Lithuanian-registered volunteer group Rail Lens follows freight on Belarusian railways.")
    assert entity(ex, "Lithuanian") is None, describe(ex)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Rail Lens says the Lida Gear Works ships gears to Russia. KAMAZ said the company would build 300 trucks a "
     "month.", "KAMAZ"),
    ("Rail Lens says the Lida Gear Works ships gears to Russia. The Minsk Automobile Plant's press office said the "
     "holding builds 300 trucks a month.", "Minsk Automobile Plant"),
])
def test_an_enterprise_speaking_of_the_company_speaks_of_itself(run, text, speaker):
    ex = run(text)
    got = claims(ex, "capacity")
    assert got and got[0].subject == key_of(ex, speaker), describe(ex)


def test_a_monitor_speaking_of_the_company_speaks_of_another(run):
    ex = run("The Lida Gear Works makes gears for trucks. Rail Watch Group said the company ships 300 gears a month.")
    assert not claims(ex, "capacity", "Rail Watch Group") and not claims(ex, "delivered", "Rail Watch Group"), \
        describe(ex)


@pytest.mark.parametrize("text", ["Volna Optics says its Orsha plant makes 400 sights a month.",
                                  "Volna Optics' Orsha plant can make 400 sights a month."])
def test_a_works_named_by_its_town_and_owner_is_the_owners(run, text):
    ex = run(text)
    cap = claims(ex, "capacity")
    assert cap and cap[0].subject == key_of(ex, "Volna Optics"), describe(ex)
    assert not claims(ex, "produces", "Orsha"), describe(ex)


def test_according_to_its_own_website_is_the_companys_claim(run):
    ex = run("Optronic-Trade sells night-vision goggles to the Tula Arms Plant, according to its own website.")
    got = claims(ex, "supplies", "Optronic-Trade")
    assert got and got[0].attributed_to == [key_of(ex, "Optronic-Trade")], describe(ex)
    assert got[0].modality.value == "claimed", describe(ex)


def test_data_summarised_by_a_lab_are_its_not_the_countrys(run):
    ex = run("The Odesa Wreckage Lab studies downed drones. Kazakh export figures, as summarised by the lab, say "
             "that Steppe Motors sent some 650 engines to Russia last year.")
    lab = key_of(ex, "Odesa Wreckage Lab")
    got = [c for c in ex.claims if c.predicate.value in ("supplies", "delivered")]
    assert got and all(c.attributed_to == [lab] for c in got), describe(ex)


def test_a_firm_showing_goods_at_a_fair_is_no_source_of_what_follows(run):
    ex = run("Volna Optics showed a thermal sight at the fair. The Tarsk Carriage Works builds rail wagons.")
    made = claims(ex, "produces", "Tarsk Carriage Works")
    assert made and not made[0].attributed_to, describe(ex)


@pytest.mark.parametrize("text", [
    "In 2024, Kazakhstan ordered 500 trucks from Volat Motors, the Belarusian manufacturer said.",
    "In 2024, Kazakhstan ordered 500 trucks from Volat Motors, the manufacturer said.",
])
def test_the_manufacturer_said_is_the_firm_just_named_speaking_for_itself(run, text):
    ex = run(text)
    got = claims(ex, "supplies", "Volat Motors")
    assert got and all(c.attributed_to == [key_of(ex, "Volat Motors")] and c.modality.value == "claimed"
                       for c in got), describe(ex)


def test_a_named_group_whose_verb_of_saying_the_parser_hung_on_it_is_the_source(run):
    ex = run("Kazakhstan's trade ministry said the trucks were exported. Baltic Ledger Analytics, a think tank that "
             "follows the arms trade, estimated in 2025 that Tarsk Radio builds roughly a fifth of all field radios "
             "made in Kazakhstan.")
    stats = claims(ex, "statistic", "Tarsk Radio")
    assert stats and all(c.attributed_to == [key_of(ex, "Baltic Ledger Analytics")] for c in stats), describe(ex)


@pytest.mark.parametrize(("text", "date"), [
    ("The Volna Optics Plant opened a new assembly workshop in September.", "2025-09"),
    ("The Volna Optics Plant will open a new assembly workshop in March.", "2027-03"),
    ("The Volna Optics Plant will open a new assembly workshop in September.", "2026-09"),
    ("The Volna Optics Plant opened a new assembly workshop in March.", "2026-03"),
])
def test_a_month_without_a_year_is_read_by_its_verbs_tense(run, text, date):
    ex = run(text, published="2026-05-01")
    assert [c.date for c in claims(ex, "milestone")] == [date], describe(ex)


@pytest.mark.parametrize(("text", "date"), [
    ("The Volna Optics Plant will open a second grinding shop in the spring.", "2027"),
    ("The Volna Optics Plant opened a second grinding shop in the autumn.", "2025"),
    ("The Volna Optics Plant will open a second grinding shop in the autumn.", "2026"),
])
def test_a_season_without_a_year_is_read_by_its_verbs_tense(run, text, date):
    ex = run(text, published="2026-07-15")
    assert [c.date for c in claims(ex, "milestone")] == [date], describe(ex)


def test_a_second_shop_is_a_site_of_its_own(run):
    ex = run("The Volna Optics Plant makes coils. A second winding shop will open in Barysau next year.")
    shop = key_of(ex, "second winding shop")
    assert key_of(ex, "Volna Optics Plant") in objects(ex, "part_of", "second winding shop"), describe(ex)
    assert any(c.subject == shop for c in claims(ex, "milestone")), describe(ex)


def test_according_to_the_group_is_the_group_introduced_with_that_noun_paragraphs_before(run):
    ex = run("The Lida Tractor Works builds chassis, according to files obtained by the monitoring group Kestrel Watch."
             "\n\nThe files list 120 chassis.\n\n\"Without them, Kurgan would struggle,\" said Pavel Sluck, an analyst."
             "\n\nAccording to the group, the Lida Tractor Works also buys steel from the Ural Steel Mill.")
    got = claims(ex, "supplies", "Ural Steel Mill")
    assert got and all(c.attributed_to == [key_of(ex, "Kestrel Watch")] for c in got), describe(ex)


def test_building_goods_is_no_milestone_of_the_builder(run):
    ex = run("The Lida Tractor Works is scheduled to build 200 chassis this year.")
    assert not claims(ex, "milestone"), describe(ex)
    ex = run("The Lida Tractor Works will build a new assembly hall this year.")
    assert claims(ex, "milestone"), describe(ex)


def test_the_centre_found_is_the_centre_named_paragraphs_before_not_the_last_speaker(run):
    ex = run("The Orsha Works sells chips to Russia, a report by the Vilnius-based Centre for Arms Monitoring says.\n\n"
             "Ivan Sokal, a spokesman for the Orsha Works, said in a statement that it sells only to civilians.\n\n"
             "The Volna Optics Works makes sights.\n\n"
             "The centre also found that the Lida Motor Works supplies engines to the Kama Machine Plant.")
    got = claims(ex, "supplies", "Lida Motor Works")
    assert got and all(c.attributed_to == [key_of(ex, "Centre for Arms Monitoring")] for c in got), describe(ex)


def test_the_body_quoted_is_not_the_maker_an_unnamed_enterprise_it_struck_is(run):
    ex = run("Ukraine's General Staff said its drones had hit an enterprise making batteries for Kh-101 missiles.")
    assert not claims(ex, "produces", "General Staff") and not claims(ex, "used_in", "General Staff"), describe(ex)


@pytest.mark.parametrize("text", [
    "The Kestrel Dynamics plant is thought to have supplied fuzes to the Kama Machine Plant.",
    "The Kestrel Dynamics plant is rumoured to supply fuzes to the Kama Machine Plant.",
])
def test_thought_or_rumoured_is_possible(run, text):
    ex = run(text)
    got = claims(ex, "supplies")
    assert got and all(c.modality.value == "possible" for c in got), describe(ex)


def test_a_long_source_name_after_a_described_document_is_the_source(run):
    ex = run("The Veltron plant makes 2,700 drones a month, according to an analysis of satellite imagery by the "
             "Institute for Science and International Security.")
    src = key_of(ex, "Institute for Science and International Security")
    cs = claims(ex, "capacity", "Veltron")
    assert cs and all(c.attributed_to == [src] for c in cs), describe(ex)


def test_the_think_tank_is_the_institute_named_before_not_the_last_outlet(run):
    ex = run("The Veltron plant makes 2,700 drones a month, the Institute for Strategic Studies estimates.\n\n"
             "Its workers come from abroad, the Associated Press reported last year.\n\n"
             "Construction of a second production building at the Veltron plant started in March, the think tank "
             "said.")
    src = key_of(ex, "Institute for Strategic Studies")
    cs = [c for c in claims(ex, "milestone") if "second production building" in c.evidence]
    assert cs and all(c.attributed_to == [src] for c in cs), describe(ex)
    ap = key_of(ex, "Associated Press")
    assert not [c for c in claims(ex, "part_of") if c.object == ap], describe(ex)


def test_a_plant_under_construction_and_expected_to_begin_operating(run):
    ex = run("A new explosives plant near Rechitsa is under construction and is expected to begin operating in 2027.")
    ms = claims(ex, "milestone")
    assert any(c.event is not None and c.event.value == "construction_started" for c in ms), describe(ex)
    assert any(c.date == "2027" and c.modality.value == "planned" for c in ms), describe(ex)


def test_the_company_a_news_agency_reports_on_is_not_the_agency(run):
    ex = run("The Veltron Tractor Works is believed to make drone parts. Reuters reported in May that the company had "
             "bought carbon-fibre moulding equipment from a Chinese supplier.")
    assert objects(ex, "supplies", "China") == {key_of(ex, "Veltron Tractor Works")}, describe(ex)


def test_a_name_owning_the_subject_after_according_to_a_report_is_no_source(run):
    """"According to the report, the X plant's engines power the Orlan-10": the report is the (unnamed) source; X
    owns the engines, which go into the drone."""
    ex = run("According to the report, the Veltron plant's engines power the Orlan-10 reconnaissance drone.")
    assert all(c.attributed_to == [] for c in ex.claims), describe(ex)
    assert key_of(ex, "Orlan-10") in objects(ex, "used_in", "Veltron"), describe(ex)


def test_goods_a_weapon_carries_made_by_a_plant_go_into_it(run):
    """Guards the reading of "W carry goods made by X" (the weapon the subject, the goods its object)."""
    ex = run("The Geran-2 drones carry engines made by the Veltron plant.")
    assert key_of(ex, "Geran-2") in objects(ex, "used_in", "Veltron"), describe(ex)


def test_a_weapon_the_supplied_goods_are_used_in_is_no_recipient(run):
    ex = run("The Kestrel Instrument Works supplies gyroscopes used in the Kalibr cruise missile.")
    kalibr = key_of(ex, "Kalibr")
    assert not [c for c in claims(ex, "supplies") if c.object == kalibr or c.object_text == "Kalibr"], describe(ex)
    assert kalibr in objects(ex, "used_in", "Kestrel Instrument Works"), describe(ex)


def test_a_weapon_in_the_makers_phrase_is_not_made_by_the_firm_named_before(run):
    ex = run("The Kestrel plant makes gyroscopes.\n\n"
             "Engines produced by the Orsk Motor Works power Russia's Lancet loitering munitions, the report said.")
    lancet = key_of(ex, "Lancet")
    assert not [c for c in claims(ex, "produces") if c.object == lancet], describe(ex)


def test_components_from_a_plant_found_in_drone_wreckage_go_into_the_drone(run):
    ex = run("Components from the Pinsk Radio Plant have been found in the wreckage of Orlan-10 drones shot down "
             "near Kupiansk.")
    assert key_of(ex, "Orlan-10") in objects(ex, "used_in", "Pinsk Radio Plant"), describe(ex)


def test_chips_made_by_a_firm_found_inside_a_missile(run):
    ex = run("Investigators have found microchips made by the Taiwanese firm Lintera Semiconductor inside a Kh-59 "
             "missile.")
    kh = key_of(ex, "Kh-59")
    assert kh in objects(ex, "used_in", "Lintera Semiconductor"), describe(ex)
    assert not [c for c in claims(ex, "produces") if c.object == kh], describe(ex)


def test_sights_from_a_plant_fitted_to_a_tank_are_that_plants_not_the_last_makers(run):
    ex = run("The Murom Fuze Works makes fuzes for artillery shells.\n\n"
             "Optical sights from the Vostok Optics plant are fitted to T-90M tanks, according to the ministry.")
    t90 = key_of(ex, "T-90M")
    assert t90 in objects(ex, "used_in", "Vostok Optics"), describe(ex)
    assert t90 not in objects(ex, "used_in", "Murom Fuze Works"), describe(ex)


def test_goods_that_end_up_in_a_missile(run):
    ex = run("The Kestrel plant makes gyroscopes. Its gyroscopes end up in Kh-101 cruise missiles.")
    assert key_of(ex, "Kh-101") in objects(ex, "used_in", "gyroscopes"), describe(ex)


def test_a_drone_built_around_a_camera_from_a_supplier(run):
    ex = run("The Kestrel plant makes gyroscopes.\n\n"
             "The Lancet drone is built around a camera supplied by Hikvision, the researchers wrote.")
    assert key_of(ex, "Lancet") in objects(ex, "used_in", "Hikvision"), describe(ex)
    assert not [c for c in claims(ex, "produces", "Kestrel") if c.object_text == "camera"], describe(ex)


def test_the_outlet_officers_told_leaves_the_shells_use_to_no_earlier_supplier(run):
    ex = run("The Kestrel plant supplies thermal cameras to Russian drone makers.\n\n"
             "Artillery shells from North Korea are being fired by Russian D-30 howitzers near Pokrovsk, Ukrainian "
             "officers told the BBC.")
    assert not claims(ex, "used_in", "Kestrel"), describe(ex)


def test_the_drones_refer_back_to_the_model_named_with_that_noun(run):
    ex = run("The Kupol plant assembled about 2,000 Garpiya drones in 2025.\n\n"
             "Engines for the drones come from a Chinese firm, Xiamen Skyline Power, the agency said. The drones "
             "also use navigation modules made by the Russian firm Sigma-Nav.")
    garpiya = key_of(ex, "Garpiya")
    assert garpiya in objects(ex, "used_in", "Xiamen Skyline Power"), describe(ex)
    assert garpiya in objects(ex, "used_in", "Sigma-Nav"), describe(ex)


def test_according_to_our_research_is_the_publishers_finding(extractor):
    text = "The kits are assembled at the Bazalt plant in Moscow, according to our research."
    ex = extractor.extract(Document(text=text, published="2026-05-01", outlet="Centre for Strategic Analysis"))
    outlet = key_of(ex, "Centre for Strategic Analysis")
    made = claims(ex, "produces", "Bazalt")
    assert made and all(c.attributed_to == [outlet] for c in made), describe(ex)


def test_the_new_site_refers_back_to_the_new_site_described(run):
    ex = run("Bazalt may have moved part of the work to a new site in Chuvashia. Beijing Navtech sold receivers to a "
             "Moscow distributor in 2024.\n\n"
             "Output could rise by mid-2027 if the new site opens.")
    ms = [c for c in claims(ex, "milestone") if "new site opens" in c.evidence]
    assert ms and all(c.subject == key_of(ex, "new site in Chuvashia") for c in ms), describe(ex)


def test_a_plant_named_with_goods_words_between_name_and_cue(run):
    ex = run("The Gomselmash agricultural machinery plant has started assembling armoured cabs for Russian military "
             "trucks, two former employees said.\n\n"
             "The Ural Automotive Plant makes the Ural-4320 and Ural Typhoon trucks. Gomselmash produced around 600 "
             "cabs in the first half of 2026. The plant is expected to deliver 1,500 cabs by the end of the year.")
    assert claims(ex, "produces", "Gomselmash"), describe(ex)
    planned = [c for c in claims(ex, "delivered") if c.value == 1500]
    assert planned and all(c.subject == key_of(ex, "Gomselmash") for c in planned), describe(ex)


def test_the_short_name_and_cue_is_the_plant_not_the_model_with_that_word(run):
    ex = run("\"The orders come from the Ural Automotive Plant,\" he said. The Ural plant, based in Miass, makes the "
             "Ural-4320 and Ural Typhoon trucks.")
    plant = key_of(ex, "Ural Automotive Plant")
    assert key_of(ex, "Ural plant") == plant, describe(ex)
    assert key_of(ex, "Miass") in objects(ex, "located_in", "Ural Automotive Plant"), describe(ex)


@pytest.mark.parametrize("text, model", [
    ("Each launcher sits on an eight-wheeled MZKT-6001 truck built by MZKT.", "MZKT-6001"),
    ("The rockets themselves carry PTM-4 mines, which the Novosibirsk plant makes.", "PTM-4"),
])
def test_a_model_the_subject_sits_on_or_carries_is_no_weapon_goods_go_into(run, text, model):
    ex = run(text)
    assert not [c for c in claims(ex, "used_in") if c.object == key_of(ex, model)], describe(ex)


def test_a_weapon_that_relies_on_goods_from_a_firm(run):
    ex = run("The Kh-59 depends on a navigation module from Sigma-Nav, a company based in Kazan.")
    assert key_of(ex, "Kh-59") in objects(ex, "used_in", "Sigma-Nav"), describe(ex)


def test_goods_pulled_from_a_weapons_wreckage_went_into_it(run):
    ex = run("Investigators recovered signal processors from the wreckage of a Kh-101 missile.")
    assert key_of(ex, "Kh-101") in objects(ex, "used_in", "signal processors"), describe(ex)


@pytest.mark.parametrize(("text", "goods", "weapon"), [
    ("Lithium cells were discovered in the tail section of a Geran-3 that fell near Sumy.", "Lithium cells",
     "Geran-3"),
    ("Analysts found Swiss-made encoders inside the turret of a captured T-80BVM tank.", "encoders", "T-80BVM"),
])
def test_goods_found_in_a_part_of_a_weapon_went_into_it(run, text, goods, weapon):
    ex = run(text)
    assert key_of(ex, weapon) in objects(ex, "used_in", goods), describe(ex)


@pytest.mark.parametrize("text", [
    "The Kurgan Axle Works assembles the chassis of the Pantsir-SM launcher.",
    "The Kurgan Axle Works builds the gun barrels of the Pantsir-SM launcher.",
])
def test_goods_of_a_weapon_its_maker_makes_go_into_the_weapon_which_it_does_not_make(run, text):
    ex = run(text)
    weapon = key_of(ex, "Pantsir-SM")
    assert weapon in objects(ex, "used_in", "Kurgan Axle Works"), describe(ex)
    assert weapon not in objects(ex, "produces", "Kurgan Axle Works"), describe(ex)


def test_goods_for_a_weapon_go_in_with_the_firm_the_sentence_is_about_not_its_supplier(run):
    ex = run("Kazan Optical Assembly, a Tatarstan company, buys germanium lenses from Baltic Optics. According to "
             "customs notes, the Kazan firm turns the lenses into thermal sights for the Orion-3 drone.")
    assert key_of(ex, "Orion-3") in objects(ex, "used_in", "Kazan Optical Assembly"), describe(ex)


def test_goods_of_a_weapon_that_something_else_acts_on_are_no_supply_chain(run):
    ex = run("Motors from Shenzhen Volt spin the propellers of the Orion-9 drone.")
    assert not [c for c in claims(ex, "used_in") if ex.entities and c.subject == key_of(ex, "propellers")], describe(ex)


@pytest.mark.parametrize("text, goods, maker, weapon", [
    ("Volna Instruments makes gyroscopes for the Kh-59 missile.", "gyroscopes", "Volna Instruments", "Kh-59"),
    # (after a header the small model tags the first word a proper noun)
    ("Forges on the Volga\nThe Steel Herald\n2026-05-01\n\nBarrels for the Msta-S are forged at the Titan plant.",
     "Barrels", "Titan", "Msta-S"),
    # ("for" hung on the verb of supplying)
    ("The Kama Gear Works supplies gearboxes for the T-90M tank.", "gearboxes", "Kama Gear Works", "T-90M"),
])
def test_goods_made_for_a_weapon_go_into_it_with_their_maker(run, text, goods, maker, weapon):
    ex = run(text)
    assert key_of(ex, weapon) in objects(ex, "used_in", goods), describe(ex)
    assert key_of(ex, weapon) in objects(ex, "used_in", maker), describe(ex)


def test_goods_made_by_a_company_whose_name_ends_the_sentence_in_co(run):
    ex = run("The cables are made by Harbin Silverway Wire Co. Silverway did not reply to questions.")
    assert [c.object_text for c in claims(ex, "produces", "Harbin Silverway Wire Co.")] == ["cables"], describe(ex)


def test_an_engine_model_that_powers_a_drone_goes_into_it_with_its_maker_and_not_the_other_way(run):
    ex = run("Investigators found the Kavir-5, a small turbojet developed by Iran's Pars Turbine Works. The Kavir-5 "
             "also powers the Shahed-191 drone.")
    engine, drone = key_of(ex, "Kavir-5"), key_of(ex, "Shahed-191")
    assert entity(ex, "Kavir-5").type.value == "product", describe(ex)
    assert engine in objects(ex, "produces", "Pars Turbine Works"), describe(ex)
    assert drone in objects(ex, "used_in", "Kavir-5"), describe(ex)
    assert drone in objects(ex, "used_in", "Pars Turbine Works"), describe(ex)
    assert not objects(ex, "used_in", "Shahed-191"), describe(ex)


@pytest.mark.parametrize("text", [
    "The Ishim Machine Plant makes gun barrels and breech blocks for the Msta-S howitzer.",
    "Its gun barrels and breech blocks for the Msta-S come from the Ishim Machine Plant.",
])
def test_goods_joined_by_and_go_into_the_weapon_together(run, text):
    ex = run(text)
    used = {c.subject for c in claims(ex, "used_in") if c.object == key_of(ex, "Msta-S")}
    assert {key_of(ex, "gun barrels"), key_of(ex, "breech blocks")} <= used, describe(ex)


@pytest.mark.parametrize("text", [
    "Volga Works builds the T-90M and the BMP-3. The imported bearings go into both vehicles, the director said.",
    "Uralvagon builds the T-90M and the BMP-3. Kazan Optics supplies sights for both models.",
    "Uralvagon builds the T-90M and the BMP-3. Its sights are fitted in both, officials said.",
    "Reports named the T-90M and the BMP-3. The sights are fitted in both, officials said, citing a BMP-3 seized "
    "in May.",
])
def test_goods_for_both_vehicles_go_into_the_two_models_just_named(run, text):
    ex = run(text)
    goods = "bearings" if "bearings" in text else "sights"
    assert objects(ex, "used_in", goods) == {key_of(ex, "T-90M"), key_of(ex, "BMP-3")}, describe(ex)


def test_the_noun_an_apposition_gave_a_company_refers_back_to_it(run):
    ex = run("Last year Kestrel Trading, a broker in Dubai, bought lenses from Harwell Optics. "
             "The broker said it shipped 400 lenses to Russia in March. The broker also resold gearboxes to a "
             "plant in Tula.")
    kestrel = key_of(ex, "Kestrel Trading")
    told = [c for c in ex.claims if c.predicate.value == "supplies" and c.object == key_of(ex, "Russia")]
    assert told and told[0].subject == kestrel and told[0].attributed_to == [kestrel], describe(ex)
    assert any(c.subject == kestrel and c.object == key_of(ex, "Tula") for c in ex.claims), describe(ex)


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Investigators said the Volna Radio Works builds radio modules. The radio modules are installed in the Orion-7 "
     "heavy drone and in the Sova reconnaissance drone.", "Orion-7", "Sova"),
    ("Investigators said the Volna Radio Works builds radio modules. The radio modules are fitted into the S-70 "
     "Okhotnik heavy attack drone, and into the Altius reconnaissance drone.", "S-70", "Altius"),
])
def test_goods_installed_in_two_weapons_each_with_its_own_preposition_go_into_both(run, text, first, second):
    ex = run(text)
    weapons = {key_of(ex, first), key_of(ex, second)}
    assert entity(ex, second) is not None and entity(ex, second).type.value == "weapon_system", describe(ex)
    assert objects(ex, "used_in", "radio modules") == weapons, describe(ex)
    assert objects(ex, "used_in", "Volna Radio Works") == weapons, describe(ex)


def test_the_maker_a_passive_names_is_what_it_refers_to_next(run):
    ex = run("The boards are made by Kaveri Wireless, a firm in Chennai. In March it shipped 3,800 boards to Ege Mavi "
             "Trading.")
    assert objects(ex, "supplies", "Kaveri Wireless") >= {key_of(ex, "Ege Mavi Trading")}, describe(ex)


def test_records_examined_by_a_group_are_its_finding_not_the_country_s(run):
    ex = run("Georgian export records examined by Kestrel Analytics show that Rustavi Metal Trade sent 90 tonnes of "
             "bronze bar to the Kama Optics Works.")
    assert _sources(ex, "supplies") == [[key_of(ex, "Kestrel Analytics")]], describe(ex)


def test_the_plant_that_speaks_after_its_new_line_is_the_company(run):
    ex = run("Luninets Pump Works said on Monday that it had opened a new pump assembly line. The plant, which employs "
             "about 700 people, also said that pump sales to Russia account for a third of its revenue.")
    told = [c for c in claims(ex, "statistic") if c.value == 33.3 or c.value == 700]
    assert told and all(c.attributed_to == [key_of(ex, "Luninets Pump Works")] for c in told), describe(ex)


def test_a_company_s_account_of_its_own_new_line_is_its_claim(run):
    ex = run("Luninets Pump Works said on Monday that it had opened a new pump assembly line in October.")
    line = claims(ex, "milestone")
    assert line and all(c.modality.value == "claimed" for c in line), describe(ex)


def test_a_firm_after_according_to_a_job_and_a_comma_is_the_subject_not_the_source(run):
    ex = run("Economy minister Liesbeth Aarts answered the questions on Tuesday. According to the minister, Brabant "
             "RF Systems, which builds radar boards at its Tilburg workshop, sold 700 boards to Gyumri Signal Trade, a "
             "distributor in Armenia.")
    firm, trader = key_of(ex, "Brabant RF Systems"), key_of(ex, "Gyumri Signal Trade")
    assert [c for c in claims(ex, "supplies") if c.subject == firm and c.object == trader], describe(ex)
    assert all(firm not in c.attributed_to for c in ex.claims), describe(ex)
    assert _sources(ex, "supplies") == [[key_of(ex, "Liesbeth Aarts")]], describe(ex)


@pytest.mark.parametrize("text", [
    "Narach Optics (NOC), a private company founded in 2022 in the lakeside town of Myadzel, grinds lenses for "
    "thermal sights.",
    "Narach Optics, a small firm set up in March 2021 in the Belarusian town of Myadzel, grinds lenses.",
])
def test_a_firm_founded_in_a_town_is_there(run, text):
    ex = run(text)
    assert key_of(ex, "Myadzel") in objects(ex, "located_in", "Narach Optics"), describe(ex)


@pytest.mark.parametrize("opening", ["Take the Yelabuga Cable Plant (YeKZ), in the Russian town of Yelabuga.",
                                     "Consider the Yelabuga Cable Plant, in the town of Yelabuga."])
def test_an_enterprise_a_column_puts_forward_is_what_follows_is_about(run, opening):
    ex = run(opening + " Its annual report says military buyers took 40 percent of its sales last year.")
    assert [c for c in claims(ex, "statistic", "Yelabuga Cable Plant") if c.value == 40], describe(ex)


def test_a_column_writer_estimating_in_the_first_person_is_the_source():
    from supplytrace.extract import get_extractor
    from supplytrace.sources.common import make_document

    text = ("Batteries slip through the sanctions net\nHarbour Review - Comment\n5 May, 2026 | Ingrid Vold\n\n"
            "The Kama Battery Works supplies packs to the Russian army. I estimate that the plant makes about "
            "90,000 packs a year.\n\n\"I estimate nothing,\" its director said.\n\n"
            "Ingrid Vold is a senior fellow at the Bergen Institute for Trade Security.\n")
    ex = get_extractor().extract(make_document(text, source="column.txt"))
    writer = next(e.key for e in ex.entities if e.name == "Ingrid Vold")
    rate = [c for c in ex.claims if c.predicate.value == "capacity"]
    assert rate and all(c.attributed_to == [writer] for c in rate), describe(ex)


@pytest.mark.parametrize("again", ["The same report says", "The report says"])
def test_an_enterprise_s_own_report_named_again_is_still_its_own_account(run, again):
    ex = run("Take the Kotelnich Battery Plant, in the Russian town of Kotelnich. Its annual report for 2025 describes "
             f"the plant as Russia's biggest maker of traction batteries. {again} army buyers took 47 percent of its "
             "sales in 2025.")
    share = [c for c in claims(ex, "statistic", "Kotelnich Battery Plant") if c.value == 47]
    plant = key_of(ex, "Kotelnich Battery Plant")
    assert share and all(c.attributed_to == [plant] and c.modality.value == "claimed" for c in share), describe(ex)


@pytest.mark.parametrize("text", [
    "The Lida Tyre Plant started a third assembly line in February.",
    "The Lida Tyre Plant, also written Lyda, started a third assembly line in February, the plant said.",
])
def test_a_plant_that_started_a_new_line_put_it_to_work(run, text):
    ex = run(text)
    started = [c for c in claims(ex, "milestone") if c.event == "operations_started"]
    assert started and started[0].date == "2025-02", describe(ex)


def test_starting_construction_of_a_line_is_no_start_of_work(run):
    ex = run("The Lida Tyre Plant started construction of a third assembly line in February.")
    assert [c.event for c in claims(ex, "milestone")] == ["construction_started"], describe(ex)


def test_goods_made_for_a_part_go_into_the_weapon_the_part_goes_into(run):
    """The chain is told over two sentences: discs are made for engines, and the engines power a missile."""
    ex = run("Lida Precision Works machines compressor discs for small turbojet engines. The engines power the "
             "Kh-59MK2 cruise missile, prosecutors said.")
    assert key_of(ex, "Kh-59MK2") in objects(ex, "used_in", "Lida Precision Works"), describe(ex)
    ex = run("Lida Precision Works grinds high-speed bearings for small turbojet engines. The engines power the "
             "Kh-59MK2 cruise missile, prosecutors said.")
    w = key_of(ex, "Kh-59MK2")
    assert any(c.object == w for c in claims(ex, "used_in", "high-speed bearings")), describe(ex)


def test_goods_fitted_to_a_weapons_munitions_go_into_the_weapon(run):
    ex = run("Morshansk Fuze Works (MFW) turns out impact fuzes. MFW's fuzes are fitted to the 120 mm bombs fired by "
             "the 2B11 Sani mortar, the monitoring group said.")
    w = key_of(ex, "2B11 Sani")
    assert w in objects(ex, "used_in", "Morshansk Fuze Works"), describe(ex)
    assert any(c.object == w and ex_entity_name(ex, c.subject).endswith("fuzes")
               for c in claims(ex, "used_in")), describe(ex)


def test_goods_for_a_part_with_no_weapon_after_them_go_into_none(run):
    ex = run("Lida Precision Works machines compressor discs for small turbojet engines. The engines are tested in "
             "a hall outside Minsk.")
    assert not claims(ex, "used_in"), describe(ex)


def ex_entity_name(ex, key: str) -> str:
    return next(e.name for e in ex.entities if e.key == key)


def test_two_kinds_of_goods_each_for_its_own_weapons(run):
    """"builds fuzes for the X and the warheads of the Y and Z drones": each kind of goods goes into its own
    weapons, and the maker into all three; no weapon is taken for goods the maker produces."""
    ex = run("Tambov Detonics builds radio fuzes for the Lastochka glide bomb and the warheads of the Kub and Skat "
             "drones.")
    fuzes, heads = entity(ex, "radio fuzes"), entity(ex, "warheads")
    assert fuzes is not None and heads is not None, describe(ex)
    lastochka, kub, skat = key_of(ex, "Lastochka"), key_of(ex, "Kub"), key_of(ex, "Skat")
    assert {c.object for c in ex.claims if c.predicate.value == "used_in" and c.subject == fuzes.key} == \
        {lastochka}, describe(ex)
    assert {kub, skat} <= {c.object for c in ex.claims if c.predicate.value == "used_in" and
                           c.subject == heads.key}, describe(ex)
    assert {lastochka, kub, skat} <= objects(ex, "used_in", "Tambov Detonics"), describe(ex)
    assert not {kub, skat} & objects(ex, "produces", "Tambov Detonics"), describe(ex)


def test_goods_for_a_weapons_part_go_into_the_weapon(run):
    """"radiators for the BMP-2's engine": the radiators, not the engine the text only names as their purpose,
    are what the maker's goods bring to the vehicle."""
    ex = run("Pinsk Heat Exchanger Works now ships oil coolers for the BMP-2's engine to a repair plant in Rubtsovsk.")
    bmp = key_of(ex, "BMP-2")
    assert any(c.object == bmp for c in claims(ex, "used_in", "oil coolers")), describe(ex)


def test_goods_read_as_a_clause_of_the_making_verb_are_still_made(run):
    """The small model reads "modules" as a clause of "makes" here, not as its object."""
    ex = run("The FCDO said the Vitebsk Electro-Optical Works (VEOW), a state-owned enterprise, makes collimator "
             "optical modules.")
    made = claims(ex, "produces", "Vitebsk Electro-Optical Works")
    assert any("optical modules" in (c.object_text or "") for c in made), describe(ex)


def test_weapons_named_after_a_comma_beside_their_kind_take_the_goods_not_the_maker(run):
    """"inserts for the motors of a pair of missiles, the W1 and the W2": both missiles take the inserts and
    their maker; the maker does not produce the missiles."""
    ex = run("Rechytsa Carbon Works has been machining graphite throat inserts for the rocket motors of two "
             "Russian guided missiles, the 9M131 Metis, which NATO calls the AT-13 Saxhorn, and the older 9M115 Metis.")
    made = objects(ex, "produces", "Rechytsa Carbon Works")
    used = objects(ex, "used_in", "Rechytsa Carbon Works")
    w1 = key_of(ex, "9M131 Metis")
    assert w1 in used and w1 not in made, describe(ex)
    assert any(c.object == w1 and "throat inserts" in ex_entity_name(ex, c.subject) for c in claims(ex, "used_in")), \
        describe(ex)
