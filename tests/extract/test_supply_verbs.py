"""Supplies read from the verb (extract/supply_verbs.py): goods our product vocabulary lacks, arrival and
receiving verbs, passives with an agent, interview "us". Sentences and enterprises are invented."""

from __future__ import annotations

import pytest
from extract_helpers import claims, describe, key_of, objects


def _supplies(ex, supplier):
    return claims(ex, "supplies", supplier)


def test_goods_coming_from_a_supplier_go_to_the_enterprise_in_question(run):
    ex = run("The Kurgan Wheel Plant assembles armoured trucks. Its axle forgings come from the Chusovoy Steel Works.")
    got = _supplies(ex, "Chusovoy Steel Works")
    assert got and got[0].object == key_of(ex, "Kurgan Wheel Plant"), describe(ex)
    assert got[0].object_text == "axle forgings", describe(ex)


def test_passive_with_an_agent_names_the_supplier(run):
    ex = run("The Tula Cartridge Plant produces rifle rounds. Brass strip is sent to the plant by the Kolchugino "
             "Metal Works.")
    got = _supplies(ex, "Kolchugino Metal Works")
    assert got and got[0].object == key_of(ex, "Tula Cartridge Plant"), describe(ex)


def test_buying_from_a_country_means_the_country_supplies_the_buyer(run):
    ex = run("The Izhevsk Mechanical Plant buys machine tools from China.")
    got = _supplies(ex, "China")
    assert got and got[0].object == key_of(ex, "Izhevsk Mechanical Plant"), describe(ex)


def test_shipment_measured_in_tonnes_names_what_was_shipped(run):
    ex = run("Orion Fibre LLC shipped 300 tonnes of optical fibre to Russia in 2025.")
    got = _supplies(ex, "Orion Fibre LLC")
    assert got and got[0].object == key_of(ex, "Russia") and got[0].object_text == "optical fibre", describe(ex)


def test_figures_and_people_are_not_goods(run):
    ex = run("The Saratov Radio Plant gave a higher number in its report. The Saratov Radio Plant sent "
             "specialists to Minsk.")
    assert not [c for c in _supplies(ex, "Saratov Radio Plant")
                if c.object_text and ("number" in c.object_text or "specialists" in c.object_text)], describe(ex)


def test_negated_supply_is_not_a_claim(run):
    ex = run("The Kazan Optics Works did not send any lenses to Russia.")
    assert not _supplies(ex, "Kazan Optics Works"), describe(ex)


@pytest.mark.parametrize("denial", ["had sold nothing to Russia since 2022", "shipped no lenses to Russia last year",
                                    "has supplied none of its lenses to Russia"])
def test_supply_of_nothing_is_not_a_claim(run, denial):
    ex = run(f"The Kazan Optics Works makes camera lenses. A spokesman said the Kazan Optics Works {denial}.")
    assert not _supplies(ex, "Kazan Optics Works"), describe(ex)


def test_supplier_must_be_named_or_referred_to(run):
    ex = run("The Orsk Tractor Plant makes engines. Gearboxes were shipped.")
    assert not [c for c in claims(ex, "supplies") if c.object_text == "Gearboxes"], describe(ex)


def test_evidence_coming_from_a_group_is_a_source_not_a_supply(run):
    ex = run("The Tula Cartridge Plant produces rifle rounds for the army, and the evidence comes from the Conflict "
             "Armament Watch group.")
    assert not claims(ex, "supplies"), describe(ex)
    assert any(key_of(ex, "Conflict Armament Watch") in c.attributed_to for c in claims(ex, "produces")), describe(ex)


def test_goods_sent_on_without_an_agent_come_from_their_maker(run):
    ex = run("The Kovrov Fuze Plant makes fuzes. The finished fuzes are sent to the Samara Filling Plant.")
    assert objects(ex, "supplies", "Kovrov Fuze Plant") == {key_of(ex, "Samara Filling Plant")}, describe(ex)


def test_goods_for_an_enterprise_bought_in_two_countries(run):
    ex = run("The Kamyshin Cord Mill weaves parachute fabric. Nylon yarn for the mill is bought in China and Belarus.")
    mill = key_of(ex, "Kamyshin Cord Mill")
    assert objects(ex, "supplies", "China") == {mill}, describe(ex)
    assert objects(ex, "supplies", "Belarus") == {mill}, describe(ex)


def test_passive_supply_without_agent_and_no_maker_said_names_no_supplier(run):
    ex = run("The finished parts are sent to the Samara Filling Plant.")
    assert not claims(ex, "supplies"), describe(ex)


def test_biggest_customer_is_supplied_by_the_buyer_noun_s_owner(run):
    ex = run("Ferrit makes capacitors. Ferrit's biggest customer is now the radio maker Polet Concern.")
    assert objects(ex, "supplies", "Ferrit") == {key_of(ex, "Polet Concern")}, describe(ex)


def test_main_buyer_of_those_goods_is_supplied_by_the_enterprise_in_view(run):
    ex = run("Samarqand Trade Line sold CNC parts to Russia. The main buyer of those goods was the Omsk Tank Plant.")
    assert key_of(ex, "Omsk Tank Plant") in objects(ex, "supplies", "Samarqand Trade Line"), describe(ex)


def test_no_customer_said_means_no_supply(run):
    ex = run("Ferrit makes capacitors. Its customer base is not disclosed.")
    assert not claims(ex, "supplies"), describe(ex)


def test_goods_referred_back_by_them_are_what_was_resold(run):
    ex = run("Harwick Sensor Trading Inc. is a distributor in Ohio. Harwick bought gearboxes and thermal imagers "
             "from European makers and resold them to Taldy Optika LLP.")
    got = _supplies(ex, "Harwick Sensor Trading Inc.")
    assert {c.object for c in got} == {key_of(ex, "Taldy Optika LLP")}, describe(ex)
    assert {c.object_text for c in got} == {"gearboxes", "thermal imagers"}, describe(ex)


def test_most_of_them_refers_back_to_the_goods_just_listed(run):
    ex = run("Over two years Kestrel Line LLC imported spindle motors and servo drives from Italy "
             "and re-exported most of them to Russia.")
    got = _supplies(ex, "Kestrel Line LLC")
    assert {c.object_text for c in got} >= {"spindle motors", "servo drives"}, describe(ex)
    assert all(c.object == key_of(ex, "Russia") for c in got), describe(ex)


def test_a_pronoun_subject_is_not_the_recipient_its_own_clause_names(run):
    ex = run("Oskar Tekhsnab LLC is a trading firm in Kazan. People who know the firm said that it resells the "
             "parts to the Votkinsk Instrument Plant, a state enterprise that makes gyroscopes for cruise missiles.")
    got = _supplies(ex, "Oskar Tekhsnab LLC")
    assert any(c.object == key_of(ex, "Votkinsk Instrument Plant") for c in got), describe(ex)
    assert not _supplies(ex, "Votkinsk Instrument Plant"), describe(ex)


def test_the_company_a_director_speaks_of_is_the_director_s_employer(run):
    ex = run("Parts reach Kizel by ferry. Oskar Tekhsnab LLC's director said the company sold \"ordinary pump "
             "spares\".")
    got = _supplies(ex, "Oskar Tekhsnab LLC")
    assert got and got[0].object_text == "ordinary pump spares", describe(ex)


def test_goods_passed_on_to_a_named_recipient_are_supplied(run):
    ex = run("Rotor Parts LLC bought gearboxes and thermal imagers in Turkey. Investigators found that Rotor "
             "Parts LLC passed the goods to the Kupol Design Centre in Izhevsk.")
    got = _supplies(ex, "Rotor Parts LLC")
    assert {c.object for c in got} == {key_of(ex, "Kupol Design Centre")}, describe(ex)
    assert [c.object_text for c in got] == ["the goods (gearboxes, thermal imagers)"], describe(ex)


def test_passing_a_law_supplies_nothing(run):
    ex = run("The Duma passed the amendment to the Federation Council in May.")
    assert not claims(ex, "supplies"), describe(ex)


def test_a_workshop_s_goods_are_supplied_by_its_company(run):
    ex = run("The Tver Fuze Plant has reopened its workshop No. 7, where fuzes are assembled. The finished fuzes are "
             "sent to the Chapaevsk Filling Plant.")
    got = [c for c in claims(ex, "supplies") if c.object == key_of(ex, "Chapaevsk Filling Plant")]
    assert got and got[0].subject == key_of(ex, "Tver Fuze Plant"), describe(ex)


def test_a_person_is_never_a_supplier(run):
    ex = run("As the director of the plant Ivan Sergeevich Orlov told our correspondent, the restored workshop is "
             "now turning out as many as 60 thousand fuzes a month.")
    people = {e.key for e in ex.entities if e.type.value == "person"}
    assert not [c for c in claims(ex, "supplies") if c.subject in people], describe(ex)


def test_a_capital_sending_goods_stands_for_its_country(run):
    ex = run("Iran has armed Russia since 2022. Officials said Tehran had sent more than 400 drones to Moscow.")
    got = claims(ex, "delivered", "Iran")
    assert got and got[0].object == key_of(ex, "Russia"), describe(ex)
    assert not claims(ex, "delivered", "Tehran"), describe(ex)


def test_a_capital_is_kept_when_its_country_is_not_named(run):
    ex = run("Officials said Tehran had sent more than 400 drones to the front.")
    assert claims(ex, "delivered", "Tehran"), describe(ex)


def test_a_share_of_a_country_s_imports_is_a_supply_to_it(run):
    ex = run("In 2024 Turkey accounted for about 40% of Kazakhstan's imports of ball bearings and roughly 15% of "
             "its imports of hydraulic valves.")
    got = claims(ex, "supplies", "Turkey")
    assert {c.object_text for c in got} == {"ball bearings", "hydraulic valves"}, describe(ex)
    assert all(c.object == key_of(ex, "Kazakhstan") for c in got), describe(ex)


# ---- customers named in other ways, goods that go to someone, equipping, words the parser hangs on the goods

MAKER = "Officials at the Kama Optics Works and at the Ural Carriage Plant declined to comment on Monday. "


def test_customer_named_as_the_subject_of_being_one(run):
    ex = run(MAKER + "The Ural Carriage Plant is the main customer of the Kama Optics Works.")
    assert objects(ex, "supplies", "Kama Optics Works") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


def test_customer_after_among_the_clients_of(run):
    ex = run(MAKER + "Among the clients of the Kama Optics Works is the Ural Carriage Plant.")
    assert objects(ex, "supplies", "Kama Optics Works") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


def test_counting_someone_among_its_customers(run):
    ex = run(MAKER + "The Kama Optics Works counts the Ural Carriage Plant among its customers.")
    assert objects(ex, "supplies", "Kama Optics Works") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


def test_customer_in_apposition(run):
    ex = run(MAKER + "The Ural Carriage Plant, a longtime client of the Kama Optics Works, said nothing.")
    assert objects(ex, "supplies", "Kama Optics Works") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


def test_buyers_of_goods_name_no_supplier(run):
    ex = run(MAKER + "Buyers of Belarusian periscopes include the Ural Carriage Plant.")
    assert not claims(ex, "supplies"), describe(ex)


def test_goods_that_go_to_a_recipient_come_from_their_owner(run):
    ex = run(MAKER + "The Kama Optics Works' periscopes go to the Ural Carriage Plant.")
    got = claims(ex, "supplies", "Kama Optics Works")
    assert got and got[0].object == key_of(ex, "Ural Carriage Plant"), describe(ex)
    assert got[0].object_text == "periscopes", describe(ex)


def test_a_share_of_its_output_goes_to_a_recipient(run):
    ex = run("The Kama Optics Works makes periscopes. About 60% of its output goes to the Ural Carriage Plant.")
    assert objects(ex, "supplies", "Kama Optics Works") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


def test_money_contracts_and_export_shares_that_go_somewhere_are_not_supplies(run):
    ex = run(MAKER + "The money went to the Ural Carriage Plant. The contract went to the Ural Carriage Plant. "
                     "Around half of the Kama Optics Works' exports go to the Ural Carriage Plant.")
    assert not claims(ex, "supplies"), describe(ex)


def test_equipping_a_company_with_goods_supplies_it(run):
    ex = run(MAKER + "The Kama Optics Works equips the Ural Carriage Plant with periscopes.")
    got = claims(ex, "supplies", "Kama Optics Works")
    assert got and got[0].object == key_of(ex, "Ural Carriage Plant"), describe(ex)
    assert got[0].object_text == "periscopes", describe(ex)


def test_routed_goods_with_the_recipient_hung_on_the_goods(run):
    ex = run(MAKER + "The Kama Optics Works routed periscopes to the Ural Carriage Plant through a Kazakh firm.")
    assert objects(ex, "supplies", "Kama Optics Works") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


def test_a_country_the_model_leaves_untagged_supplies(run):
    ex = run("Belarus exported periscopes worth $20 million to Russia in 2024.")
    assert objects(ex, "supplies", "Belarus") == {key_of(ex, "Russia")}, describe(ex)


def test_people_or_a_prize_that_go_to_a_plant_are_no_goods(run):
    ex = run(MAKER + "Journalists went to the Ural Carriage Plant last week. The top prize went to the Ural Carriage "
                     "Plant.")
    assert not claims(ex, "supplies"), describe(ex)


def test_a_supply_verb_read_as_a_noun_after_a_list_of_names(run):
    # the small model reads "supply" as a noun modifying "engines" after two names joined by "and"
    ex = run("The Neman Motor Works and the Lida Gear Plant supply engines to the Ural Carriage Plant.")
    ural = key_of(ex, "Ural Carriage Plant")
    for maker in ("Neman Motor Works", "Lida Gear Plant"):
        got = claims(ex, "supplies", maker)
        assert got and got[0].object == ural and got[0].object_text == "engines", describe(ex)


def test_two_sellers_misread_still_sell_to_the_buyer(run):
    ex = run("Volga Instruments and Tarsk Optics sell thermal sights to the Ural Carriage Plant.")
    assert objects(ex, "supplies", "Tarsk Optics") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


@pytest.mark.parametrize("text", [
    "Tarsk Optics is a key supplier to the Ural Carriage Plant.",
    "The Ural Carriage Plant's main supplier of sights is Tarsk Optics.",
    "Tarsk Optics, a longtime supplier of the Ural Carriage Plant, did not reply.",
    "The Ural Carriage Plant counts Tarsk Optics among its suppliers.",
])
def test_a_supplier_noun_names_who_supplies_whom(run, text):
    ex = run(text)
    assert objects(ex, "supplies", "Tarsk Optics") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


def test_a_supplier_of_goods_with_no_buyer_named_supplies_the_goods(run):
    ex = run("Tarsk Optics is a supplier of thermal sights.")
    got = claims(ex, "supplies", "Tarsk Optics")
    assert got and got[0].object is None and got[0].object_text == "thermal sights", describe(ex)


@pytest.mark.parametrize("text", [
    "The sights were supplied to the Ural Carriage Plant by Tarsk Optics.",
    "The Ural Carriage Plant is supplied by Tarsk Optics.",
    "Shipments from Tarsk Optics to the Ural Carriage Plant doubled in 2025.",
    "The Ural Carriage Plant relies on Tarsk Optics for thermal sights.",
    "The Ural Carriage Plant depends on sights from Tarsk Optics.",
])
def test_more_ways_of_saying_who_supplies_whom(run, text):
    ex = run(text)
    assert objects(ex, "supplies", "Tarsk Optics") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


def test_data_of_a_source_showing_shipments_is_no_supplier(run):
    ex = run("Open Ledger Analytics' data show shipments to the Ural Carriage Plant continuing until December.")
    assert not claims(ex, "supplies", "Open Ledger Analytics"), describe(ex)


def test_relying_on_kits_for_decades_names_no_goods_decades(run):
    ex = run("For decades the Orsha Aircraft Repair Plant relied on kits from Motor Sich in Zaporizhzhia.")
    got = claims(ex, "supplies", "Motor Sich")
    assert got and got[0].object == key_of(ex, "Orsha Aircraft Repair Plant"), describe(ex)
    assert got[0].object_text != "decades", describe(ex)


@pytest.mark.parametrize("text", [
    "Tarsk Optics supplies the Ural Carriage Plant.",
    "The Ural Carriage Plant uses thermal sights supplied by Tarsk Optics.",
    "Tarsk Optics counts the Ural Carriage Plant as a client.",
    "The Ural Carriage Plant is a major buyer of Tarsk Optics sights.",
    "Tarsk Optics has fulfilled orders for the Ural Carriage Plant since 2023.",
    "Tarsk Optics carries out orders from the Ural Carriage Plant.",
])
def test_still_more_ways_of_saying_who_supplies_whom(run, text):
    ex = run(text)
    assert objects(ex, "supplies", "Tarsk Optics") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


def test_supplying_two_plants_supplies_each(run):
    ex = run("Tarsk Optics supplies the Ural Carriage Plant and the Kurgan Machine Plant.")
    assert objects(ex, "supplies", "Tarsk Optics") == {key_of(ex, "Ural Carriage Plant"),
                                                         key_of(ex, "Kurgan Machine Plant")}, describe(ex)


def test_fulfilling_russian_defence_orders_supplies_russia(run):
    ex = run("The Orsha Instrument Plant has fulfilled Russian defence orders since 2022.")
    assert key_of(ex, "Russia") in objects(ex, "supplies", "Orsha Instrument Plant"), describe(ex)


@pytest.mark.parametrize(("text", "recipient"), [
    ("Tarsk Optics signed an agreement with the Ural Carriage Plant to supply thermal sights.", "Ural Carriage Plant"),
    ("Tarsk Optics' thermal sights are supplied to the Ural Carriage Plant.", "Ural Carriage Plant"),
    ("Exports of thermal sights by Tarsk Optics to Russia doubled in 2025.", "Russia"),
])
def test_the_supplier_written_on_a_deal_an_owner_or_an_agent(run, text, recipient):
    ex = run("Officials at the Lomov Instrument Works declined to comment. " + text)
    assert objects(ex, "supplies", "Tarsk Optics") == {key_of(ex, recipient)}, describe(ex)
    assert not claims(ex, "supplies", "Lomov Instrument Works"), describe(ex)


@pytest.mark.parametrize("text", [
    "The Ural Carriage Plant fits its tanks with thermal sights from Tarsk Optics.",
    "The Ural Carriage Plant took 300 thermal sights from Tarsk Optics last year.",
    "The Ural Carriage Plant uses thermal sights from Tarsk Optics.",
])
def test_goods_from_a_company_that_a_user_fits_or_takes(run, text):
    ex = run(text)
    assert objects(ex, "supplies", "Tarsk Optics") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


def test_goods_from_a_town_are_no_company_supply(run):
    ex = run("The Ural Carriage Plant uses thermal sights from Minsk.")
    assert not claims(ex, "supplies", "Minsk"), describe(ex)


def test_goods_bought_by_a_buyer_from_a_seller(run):
    ex = run("The thermal sights were bought by the Ural Carriage Plant from Tarsk Optics.")
    assert objects(ex, "supplies", "Tarsk Optics") == {key_of(ex, "Ural Carriage Plant")}, describe(ex)


# --- sentences that only look like supplies (from a review of this session's rules) --------------------

@pytest.mark.parametrize("text", [
    "Kestrel Motors and Nord Tools supply chains to Kazakhstan were disrupted in May.",
    "Kestrel Motors relies on the Defence Ministry for funding.",
    "Kestrel Motors relies on Harbour Bank.",
    "Kestrel Logistics carried orders from the Defence Ministry to the front.",
    "Inspections of shipments to Russia by Finnish customs doubled last year.",
    "Sales of trucks to Kazakhstan by Kestrel Motors were banned in 2024.",
    "Kestrel Motors took advice from Nord Consulting.",
    "Kestrel Motors uses images from Nord Imaging.",
])
def test_no_supply_where_nothing_is_supplied(run, text):
    ex = run(text)
    assert not claims(ex, "supplies"), describe(ex)


def test_a_ministry_that_signs_a_deal_buys(run):
    ex = run("The Defence Ministry signed an agreement with Kestrel Motors to supply 200 trucks.")
    assert objects(ex, "supplies", "Kestrel Motors") == {key_of(ex, "Defence Ministry")}, describe(ex)
    assert not claims(ex, "supplies", "Defence Ministry"), describe(ex)


@pytest.mark.parametrize("text", [
    "The tender to supply sights to the Tarsk Carriage Works was won by Volna Optics.",
    "The contract to supply sights to the Tarsk Carriage Works went to Volna Optics.",
    "Volna Optics signed a contract with the Tarsk Carriage Works in 2024 to deliver sights.",
])
def test_the_party_a_supply_deal_went_to_supplies(run, text):
    ex = run("Officials at the Lomov Instrument Works would not comment. " + text)
    got = {(c.subject, c.object) for c in claims(ex, "supplies")}
    assert (key_of(ex, "Volna Optics"), key_of(ex, "Tarsk Carriage Works")) in got, describe(ex)
    assert not claims(ex, "supplies", "Lomov Instrument Works"), describe(ex)


def test_a_third_person_supply_verb_read_as_a_noun_still_supplies(run):
    ex = run("Officials at the Lomov Instrument Works would not comment. Volna Optics exports sights to Russia.")
    assert key_of(ex, "Russia") in {c.object for c in claims(ex, "supplies", "Volna Optics")}, describe(ex)


@pytest.mark.parametrize("text", [
    "The Tarsk Carriage Works purchases sights from Volna Optics.",
    "The Tarsk Carriage Works orders sights from Volna Optics.",
    "Sights from Volna Optics go to the Tarsk Carriage Works.",
])
def test_goods_bought_or_going_from_a_named_supplier(run, text):
    ex = run("Officials at the Lomov Instrument Works would not comment. " + text)
    got = {(c.subject, c.object) for c in claims(ex, "supplies")}
    assert got == {(key_of(ex, "Volna Optics"), key_of(ex, "Tarsk Carriage Works"))}, describe(ex)


def test_a_supply_verb_taken_for_the_subject_of_the_goods_still_supplies(run):
    ex = run("Officials at the Lomov Instrument Works would not comment. Volna Optics ships sights to the Tarsk "
             "Carriage Works by rail.")
    assert key_of(ex, "Tarsk Carriage Works") in objects(ex, "supplies", "Volna Optics"), describe(ex)


@pytest.mark.parametrize("text", ["Volna Optics exports rose by a fifth in 2025.",
                                  "Volna Optics shares fell sharply in 2025."])
def test_a_company_noun_phrase_with_a_verb_of_its_own_supplies_nothing(run, text):
    ex = run("Officials at the Lomov Instrument Works would not comment. " + text)
    assert not claims(ex, "supplies"), describe(ex)


def test_a_relative_clause_on_a_described_company_keeps_the_company_not_its_town(run):
    ex = run("Sever Trade House LLC is a Moscow-based distributor that buys pumps in Belarus and resells them to "
             "Russian tank plants, including Uraltransmash.")
    assert objects(ex, "supplies", "Sever Trade House LLC") == {key_of(ex, "Uraltransmash")}, describe(ex)
    assert not claims(ex, "supplies", "Moscow") and not claims(ex, "supplies", "Russia"), describe(ex)


def test_recipient_after_the_means_of_transport(run):
    ex = run("The Homiel Casting Plant makes shell bodies. The plant ships the bodies by rail to the Novosibirsk "
             "Cartridge Plant.")
    assert objects(ex, "supplies", "Homiel Casting Plant") == {key_of(ex, "Novosibirsk Cartridge Plant")}, describe(ex)


@pytest.mark.parametrize("text", [
    "Volna Optics imported bearings from Hengli Bearing Co., Ltd. in 2023.",
    "Volna Optics imported bearings worth 2.7 million euros last year from Hengli Bearing Co., Ltd. in Ningbo.",
])
def test_imported_read_as_a_modifier_of_the_goods_still_names_the_supplier(run, text):
    # the small model reads "imported" as a modifier of "bearings" that keeps "Volna Optics" as its subject
    ex = run(text)
    assert objects(ex, "supplies", "Hengli Bearing Co., Ltd.") == {key_of(ex, "Volna Optics")}, describe(ex)


@pytest.mark.parametrize("second", [
    "The chassis are shipped by rail to the Kurgan Machine Plant in Kurgan.",
    "They are shipped by rail to the Kurgan Machine Plant.",
    "The chassis are sent by sea to the Kurgan Machine Plant.",
])
def test_goods_shipped_by_rail_go_from_their_maker_to_the_recipient(run, second):
    ex = run("The Lida Tractor Works makes chassis. " + second)
    assert key_of(ex, "Kurgan Machine Plant") in objects(ex, "supplies", "Lida Tractor Works"), describe(ex)


def test_most_of_a_plants_output_sold_to_a_buyer_is_supplied_by_the_plant(run):
    ex = run("The Lida Optics Works makes sights. Most of the plant's output is sold to the Kama Machine Plant.")
    assert key_of(ex, "Kama Machine Plant") in objects(ex, "supplies", "Lida Optics Works"), describe(ex)


@pytest.mark.parametrize(("text", "supplier", "buyer"), [
    ("Kazakhstan has become the main buyer of Belarusian optics.", "Belarus", "Kazakhstan"),
    ("The Kama Machine Plant remains the main customer of the Lida Optics Works.", "Lida Optics Works",
     "Kama Machine Plant"),
    ("The Kama Machine Plant is the main buyer of the Lida Optics Works' sights.", "Lida Optics Works",
     "Kama Machine Plant"),
])
def test_the_main_buyer_of_a_makers_or_a_nations_goods_is_supplied_by_it(run, text, supplier, buyer):
    ex = run(text)
    assert key_of(ex, buyer) in objects(ex, "supplies", supplier), describe(ex)


def test_the_place_describing_a_supplier_named_with_a_copula_is_no_recipient(run):
    """"The X plant in Belarus has become one of the main suppliers of sights for Russian tanks": Belarus says where
    the supplier is; the tanks' nationality says whom it supplies."""
    ex = run("The Veltron plant in Belarus has become one of the main suppliers of sights for Russian tanks.")
    assert objects(ex, "supplies", "Veltron") == {key_of(ex, "Russia")}, describe(ex)


@pytest.mark.parametrize("text", [
    "The Veltron factory makes sights. German-made lenses reached the Veltron factory through a trader in 2024.",
    "The Veltron factory makes sights. German lenses arrived at the Veltron factory in 2024.",
])
def test_goods_of_a_nationality_that_reach_an_enterprise_are_that_countrys_supply(run, text):
    ex = run(text)
    assert key_of(ex, "Veltron") in objects(ex, "supplies", "Germany"), describe(ex)


def test_goods_supplied_by_a_named_maker_go_to_the_enterprise_in_focus(run):
    """"Gearboxes are supplied by a Chinese manufacturer, X" in a text about the Veltron plant: to that plant."""
    ex = run("The Veltron plant makes chassis. Gearboxes are supplied by a Chinese manufacturer, Shaanxi Fast.")
    assert objects(ex, "supplies", "Shaanxi Fast") == {key_of(ex, "Veltron")}, describe(ex)


def test_goods_of_the_enterprise_sold_in_countries_are_its_supply_there(run):
    """"Its Volat trucks are still sold in Kazakhstan and Uzbekistan" after "It buys engines from X": the enterprise
    the sentence before is about sells them in each country; not X, the supplier named last."""
    ex = run("The Veltron plant makes chassis. It buys engines from Yaroslavl Motor Works. Its Volat-brand civilian "
             "trucks are still sold in Kazakhstan and Uzbekistan.")
    assert objects(ex, "supplies", "Veltron") == {key_of(ex, "Kazakhstan"), key_of(ex, "Uzbekistan")}, describe(ex)
    assert objects(ex, "supplies", "Yaroslavl Motor Works") == {key_of(ex, "Veltron")}, describe(ex)


def test_a_supply_verb_read_as_a_modifier_keeps_its_supplier_and_recipient(run):
    """The small parser reads "X shipped integrated circuits made by ... to Y" with "shipped" modifying the goods;
    X still ships them to Y, and X does not make what others made."""
    ex = run("Sino Bright Electronics Ltd shipped integrated circuits made by American and Taiwanese firms to the "
             "Moscow-based Raduga Design Bureau between 2023 and 2025.")
    got = claims(ex, "supplies", "Sino Bright Electronics Ltd")
    assert [c.object for c in got] == [key_of(ex, "Raduga Design Bureau")], describe(ex)
    assert "circuits" in (got[0].object_text or ""), describe(ex)
    assert not claims(ex, "produces", "Sino Bright Electronics Ltd"), describe(ex)


def test_where_goods_were_made_is_not_where_they_were_shipped(run):
    """"shipped 40 lathes made in Taiwan to Russian defence plants": Taiwan is where they were made; the "to"
    hung on the participle still names the recipient; the shipper does not make them."""
    ex = run("The Veltron Trading company in Almaty has shipped at least 40 computer-controlled lathes made in Taiwan "
             "to Russian defence plants since 2023.")
    taiwan, russia = key_of(ex, "Taiwan"), key_of(ex, "Russia")
    got = claims(ex, "supplies") + claims(ex, "delivered")
    assert got and all(c.object != taiwan for c in got), describe(ex)
    assert any(c.object == russia for c in got), describe(ex)
    assert not [c for c in claims(ex, "produces") if "lathes" in (c.object_text or "")], describe(ex)


def test_a_number_of_the_goods_just_supplied_that_went_elsewhere_is_a_supply_there(run):
    ex = run("The trader Tau Machinery sent most of the lathes to the Kovrov Mechanical Plant. Six went to the "
             "Degtyarev plant in the same town.")
    assert key_of(ex, "Degtyarev") in objects(ex, "supplies", "Tau Machinery"), describe(ex)


def test_an_unnamed_company_in_a_city_is_no_supply_by_the_city(run):
    ex = run("A trading company in Almaty has shipped 40 lathes to Russia.")
    assert not claims(ex, "supplies", "Almaty") and not claims(ex, "delivered", "Almaty"), describe(ex)


def test_a_supply_verb_the_tagger_reads_as_a_noun_after_a_plant_name(run):
    ex = run("The Kestrel plant supplies cameras to drone makers.")
    assert [c for c in claims(ex, "supplies", "Kestrel") if c.object_text == "cameras"], describe(ex)


def test_the_shipments_that_went_somewhere_continue_the_supply_just_told(run):
    ex = run("The Volna Optics plant delivered 1,200 thermal sights to the Russian army last year.\n\n"
             "The shipments went to the Kurgan Machine Plant, according to customs records.")
    assert key_of(ex, "Kurgan Machine Plant") in objects(ex, "supplies", "Volna Optics"), describe(ex)


@pytest.mark.parametrize("text, supplier, recipient", [
    ("Russian drone factories depend on engines shipped from China.", "China", "Russia"),
    ("Russia relies on engines imported from China.", "China", "Russia"),
    ("Engines shipped from China reached the Kupol plant.", "China", "Kupol"),
    ("The Kestrel plant in Minsk makes optical blocks.\n\nThe Vologda plant uses optical blocks shipped from Minsk.",
     "Kestrel", "Vologda"),
])
def test_goods_a_participle_says_came_from_a_party_go_to_their_user(run, text, supplier, recipient):
    ex = run(text)
    assert key_of(ex, recipient) in objects(ex, "supplies", supplier), describe(ex)


def test_a_licence_bought_from_a_firm_is_no_supply(run):
    ex = run("The Kupol plant builds the drone under a licence bought from Israel Aerospace Industries.")
    assert not claims(ex, "supplies"), describe(ex)


def test_parts_from_a_supplier_named_in_apposition_are_its_supply_not_its_countrys(run):
    ex = run("The Volat plant uses hydraulic parts from a Turkish supplier, Anka Hidrolik.")
    assert key_of(ex, "Volat") in objects(ex, "supplies", "Anka Hidrolik"), describe(ex)
    assert not claims(ex, "supplies", "Turkey"), describe(ex)


@pytest.mark.parametrize("verb, modality", [("come", "reported"), ("appear to come", "possible")])
def test_parts_for_goods_that_come_from_a_country_go_to_the_goods_maker(run, verb, modality):
    ex = run(f"The kits are assembled at the Bazalt plant in Moscow. Navigation receivers for the kits {verb} from "
             "Chinese manufacturers.")
    got = claims(ex, "supplies", "China")
    assert [c for c in got if c.object == key_of(ex, "Bazalt") and c.modality.value == modality], describe(ex)


def test_an_importer_named_after_its_town_buys_from_each_country_and_delivers_the_goods_on(run):
    ex = run("A small trading company in Vitebsk, Stanko-Trade, imported 37 CNC lathes from Taiwan and Italy in "
             "2023.\n\n"
             "At least 21 of the machines were later delivered to the Brest Electromechanical Plant.")
    trader, plant = key_of(ex, "Stanko-Trade"), key_of(ex, "Brest Electromechanical Plant")
    assert trader in objects(ex, "supplies", "Taiwan") and trader in objects(ex, "supplies", "Italy"), describe(ex)
    onward = [c for c in claims(ex, "delivered", "Stanko-Trade") if c.object == plant]
    assert onward and onward[0].value == 21, describe(ex)
    assert plant in objects(ex, "supplies", "Stanko-Trade"), describe(ex)


def test_firms_accused_of_supplying_a_maker_are_their_countrys_supply_to_it(run):
    ex = run("The EU added the Belarusian optics maker Zenitar-Opto and three Chinese firms accused of supplying it "
             "with electronic components.")
    assert key_of(ex, "Zenitar-Opto") in objects(ex, "supplies", "China"), describe(ex)
    assert not claims(ex, "supplies", "Zenitar-Opto"), describe(ex)


def test_the_firm_a_source_says_sold_goods_is_the_seller_not_the_source(run):
    ex = run("The firms named include Shenzhen Bright Lens Co., which the EU says sold germanium lenses worth "
             "$1.2 million to Zenitar-Opto last year.")
    assert key_of(ex, "Zenitar-Opto") in objects(ex, "supplies", "Shenzhen Bright Lens Co."), describe(ex)


def test_taking_delivery_from_a_plant_is_the_plants_delivery(run):
    ex = run("The Russian army took delivery of 24 Tor-M2 systems from the Kupol plant in 2025.")
    army = key_of(ex, "Russian army")
    assert army in objects(ex, "supplies", "Kupol") and army in objects(ex, "delivered", "Kupol"), describe(ex)
    assert not claims(ex, "delivered", "Russian army"), describe(ex)


def test_a_firm_described_as_listing_a_customer_supplies_it(run):
    ex = run("Nordkomp, a wholesaler that lists the Tula Arms Plant among its clients, declined to comment.")
    assert objects(ex, "supplies", "Nordkomp") == {key_of(ex, "Tula Arms Plant")}, describe(ex)


def test_a_recipient_described_then_called_by_its_name_is_that_name(run):
    ex = run("Between May and July, Konark Devices Pvt Ltd, a parts dealer in Pune, shipped sensors and relays "
             "worth $2.1 million to a Kazan importer called Volga-Detal, the filings show.")
    assert objects(ex, "supplies", "Konark Devices Pvt Ltd") == {key_of(ex, "Volga-Detal")}, describe(ex)


def test_one_supply_per_kind_of_goods_in_a_sentence():
    from supplytrace.extract.relations import drop_repeated_goods
    from supplytrace.model import Claim
    from supplytrace.vocab import Predicate

    def supply(goods: str, start: int = 0) -> Claim:
        return Claim("dprk", Predicate.SUPPLIES, object="russia", object_text=goods, evidence_start=start)

    kept = drop_repeated_goods([supply("Juche guns and about 120 of the 300 mm launchers"), supply("300 mm launchers"),
                                supply("more than 90 Juche guns"), supply("Juche guns"),
                                supply("Juche guns", start=500)])
    assert [(c.object_text, c.evidence_start) for c in kept] == [
        ("300 mm launchers", 0), ("more than 90 Juche guns", 0), ("Juche guns", 500)]
    named = [supply("artillery"), supply("rocket"), supply("artillery and rocket shells")]
    assert drop_repeated_goods(named) == named  # ("shells" is in neither of the others)


def test_goods_named_together_and_one_by_one_keep_the_wider_name(run):
    ex = run("Belarus supplies artillery and rocket shells to Russia, the ministry says.")
    goods = {c.object_text for c in claims(ex, "supplies", "Belarus")}
    assert any(g and "shells" in g for g in goods), describe(ex)


@pytest.mark.parametrize("follow, buyer", [
    ("Most of them go to the Omsk Transport Works.", "Omsk Transport Works"),
    ("Some of them end up at the Omsk Transport Works.", "Omsk Transport Works"),
    ("They were bought by Sibir-Komplekt, a Novosibirsk trader.", "Sibir-Komplekt"),
])
def test_goods_just_named_that_go_on_to_a_buyer_come_from_their_maker(run, follow, buyer):
    ex = run("The Tikhvin Optics plant grinds periscope prisms. " + follow)
    assert key_of(ex, buyer) in objects(ex, "supplies", "Tikhvin Optics plant"), describe(ex)


def test_an_agreement_that_ended_in_a_month_is_no_supply(run):
    ex = run("The Tikhvin Optics plant grinds periscope prisms. Its lease with the Omsk Transport Works ended in May.")
    assert not claims(ex, "supplies"), describe(ex)


@pytest.mark.parametrize("text, country", [
    ("Kazakhstan mines the ore. Data from the Kazakh Bureau of National Statistics show exports of tantalum "
     "powder to Russia reached $40 million in 2025.", "Kazakhstan"),
    ("Vietnam makes the boards. Vietnamese customs data show that exports of circuit boards to Russia tripled "
     "last year.", "Vietnam"),
])
def test_exports_the_countrys_own_statistics_report_are_that_countrys_supplies(run, text, country):
    ex = run(text)
    got = [c for c in claims(ex, "supplies", country) if c.object == key_of(ex, "Russia")]
    assert got and all(c.modality.value == "reported" for c in got), describe(ex)
    assert not [c for c in claims(ex, "supplies") if c.object == key_of(ex, "Russia") and
                ex.entities[[e.key for e in ex.entities].index(c.subject)].type.value != "place"], describe(ex)


def test_goods_smuggled_into_a_country_are_supplied_to_it(run):
    for text in ("Saimaa Radio Parts smuggled 700 signal amplifiers into Russia last year.",
                 "Saimaa Radio Parts shipped the amplifiers into Russia by van."):
        ex = run(text)
        assert objects(ex, "supplies", "Saimaa Radio Parts") == {key_of(ex, "Russia")}, describe(ex)


@pytest.mark.parametrize("text", [
    "Uzbekistan has become Russia's main source of cotton cellulose.",
    "Uzbekistan is now Russia's largest supplier of cotton cellulose.",
])
def test_the_possessor_of_a_supplier_noun_is_the_one_supplied(run, text):
    ex = run(text)
    assert key_of(ex, "Russia") in objects(ex, "supplies", "Uzbekistan"), describe(ex)
    assert not claims(ex, "supplies", "Russia"), describe(ex)


def test_a_country_relied_on_for_most_of_the_goods_supplies_the_clauses_subject(run):
    ex = run("Belarus casts some of its own steel at the Zhlobin mill, but it has long relied on Ukraine for most of "
             "its rolled sheet.")
    assert key_of(ex, "Belarus") in objects(ex, "supplies", "Ukraine"), describe(ex)


def test_relying_on_a_country_for_its_security_is_no_supply(run):
    ex = run("Belarus depends on Russia for its security.")
    assert not claims(ex, "supplies"), describe(ex)


@pytest.mark.parametrize(("text", "holder"), [
    ("Lumatek, an optics maker in Shenzhen, makes the sights. They were bought by Orient Link Trading, a Tashkent "
     "company. Their destination was Zvezda-Optika, an assembler in Tula.", "Orient Link Trading"),
    ("Balkan Parts imported 900 gearboxes from Lumatek last year. The buyer on the Russian side was Zvezda-Optika, "
     "a tractor plant in Kurgan.", "Balkan Parts"),
    ("Lumatek makes the amplifiers. Nordvik Handel, a trader in Kirkenes, bought 300 of them from Lumatek in 2023. "
     "They were then delivered to Zvezda-Optika, a distributor in Tula.", "Nordvik Handel"),
])
def test_goods_passed_along_a_chain_are_supplied_by_whoever_held_them_last(run, text, holder):
    ex = run(text)
    assert key_of(ex, "Zvezda-Optika") in objects(ex, "supplies", holder), describe(ex)
    assert key_of(ex, "Zvezda-Optika") not in objects(ex, "supplies", "Lumatek"), describe(ex)


def test_most_of_a_shipment_to_a_country_going_to_a_plant_comes_from_the_shipper(run):
    ex = run("Kirov Chemicals shipped 9,000 tonnes of cellulose to Russia in 2025. Most went to the Tambov Powder "
             "Plant.")
    assert key_of(ex, "Tambov Powder Plant") in objects(ex, "supplies", "Kirov Chemicals"), describe(ex)


def test_a_buyer_with_no_supply_told_before_names_no_chain_supplier(run):
    ex = run("The buyer on the Russian side was Zvezda-Optika, a tractor plant in Kurgan.")
    assert not claims(ex, "supplies"), describe(ex)


def test_goods_named_before_and_passed_on_to_a_plant_are_supplied_to_it(run):
    ex = run("Volga Radio, a Moscow importer, bought the transistors abroad. Volga Radio passed the transistors to the "
             "Oryol Radio Plant.")
    assert key_of(ex, "Oryol Radio Plant") in objects(ex, "supplies", "Volga Radio"), describe(ex)


def test_the_parts_shipped_on_come_from_the_plant_that_just_made_them(run):
    ex = run("The Soligorsk Machine Plant makes torsion bars and gearboxes. The parts are then delivered to the Ladoga "
             "Vehicle Plant.")
    assert key_of(ex, "Ladoga Vehicle Plant") in objects(ex, "supplies", "Soligorsk Machine Plant"), describe(ex)


@pytest.mark.parametrize(("text", "supplier", "buyer"), [
    ("Daman Chemicals sent 14 consignments of powder. The records name the consignee as Volga Chemical Supply, a "
     "Moscow trading company.", "Daman Chemicals", "Volga Chemical Supply"),
    ("Kestrel Trading imported gearboxes from Harbin. The papers give the buyer as the Kurgan Machine Plant.",
     "Kestrel Trading", "Kurgan Machine Plant"),
])
def test_a_buyer_named_as_someone_is_supplied_by_who_last_held_the_goods(run, text, supplier, buyer):
    ex = run(text)
    assert key_of(ex, buyer) in objects(ex, "supplies", supplier), describe(ex)


@pytest.mark.parametrize("second", [
    "Rail papers suggest these same batches were soon passed on to the Ufa Chemistry Plant.",
    "The batches were then delivered to the Ufa Chemistry Plant.",
])
def test_batches_told_of_and_handed_on_are_supplied_by_who_held_them(run, second):
    ex = run("Daman Chemicals sold 840 tonnes of powder to Volga Chemical Supply, a Moscow trader. " + second)
    assert key_of(ex, "Ufa Chemistry Plant") in objects(ex, "supplies", "Volga Chemical Supply"), describe(ex)


def test_a_law_passed_on_is_no_supply(run):
    ex = run("Kama Trading sold drones to the Kazan Machine Plant. The law was passed on to the Federation Council.")
    assert not any(c.object == key_of(ex, "Federation Council") for c in claims(ex, "supplies")), describe(ex)


@pytest.mark.parametrize("text", [
    "The gyroscopes were assembled by Orvell Instruments and sold to Pavlin Trade, a Samara dealer.",
    "The gyroscopes were assembled by Orvell Instruments in Kaunas and later exported to Pavlin Trade.",
])
def test_goods_made_by_one_firm_and_sold_on_are_that_firm_s_supply(run, text):
    ex = run(text)
    assert key_of(ex, "Pavlin Trade") in objects(ex, "supplies", "Orvell Instruments"), describe(ex)


def test_a_second_participle_with_its_own_agent_names_that_supplier(run):
    ex = run("The gyroscopes were assembled by Orvell Instruments and shipped to Pavlin Trade by Baltic Relay Freight.")
    assert key_of(ex, "Pavlin Trade") in objects(ex, "supplies", "Baltic Relay Freight"), describe(ex)
    assert key_of(ex, "Pavlin Trade") not in objects(ex, "supplies", "Orvell Instruments"), describe(ex)


def test_an_aside_on_the_goods_does_not_cut_off_their_recipient(run):
    ex = run("Pavlin Trade sent 22 consignments, weighing 9.4 tonnes, to the Saratov Gear Plant, the manifests show.")
    assert key_of(ex, "Saratov Gear Plant") in objects(ex, "supplies", "Pavlin Trade"), describe(ex)
    delivered = claims(ex, "delivered", "Pavlin Trade")
    assert {c.value for c in delivered if c.object == key_of(ex, "Saratov Gear Plant")} == {22, 9.4}, describe(ex)


def test_exports_a_countrys_own_agency_reports_are_that_countrys(run):
    ex = run("Figures from Armenia's State Revenue Committee show exports of optical lenses to Russia reaching 41 "
             "million US dollars last year.")
    assert key_of(ex, "Russia") in objects(ex, "supplies", "Armenia"), describe(ex)
    assert not claims(ex, "supplies", "State Revenue Committee"), describe(ex)


@pytest.mark.parametrize("text", [
    "The Orsha Gear Plant makes gearboxes. In March a delegation came from Russia; by May the plant was cutting "
    "tank gears.",
    "The Orsha Gear Plant makes gearboxes. Two engineers came from Kazan to set up the new line.",
])
def test_people_who_come_from_somewhere_are_no_supply(run, text):
    ex = run(text)
    assert not [c for c in claims(ex, "supplies") if c.object == key_of(ex, "Orsha Gear Plant")], describe(ex)


def test_goods_weighed_with_such_are_named_without_it(run):
    ex = run("Ruhr Alloys sold nickel alloy sheet to Kazakhstan. It shipped 30 tonnes of such sheet to a dealer in "
             "Almaty in May.")
    goods = {c.object_text for p in ("supplies", "delivered") for c in claims(ex, p, "Ruhr Alloys")}
    assert "sheet" in goods and not any(g and g.startswith("such") for g in goods), describe(ex)


@pytest.mark.parametrize("text", [
    "Field Watch estimates that PSP ships around 20,000 detonators a month to Izhevsk Drone Works (IDW).",
    "Field Watch estimates that PSP ships 20,000 detonators a month to Izhevsk Drone Works.",
])
def test_a_supply_verb_read_as_a_noun_inside_a_that_clause_still_supplies(run, text):
    """"estimates that PSP ships around 20,000 detonators a month to Y", with "ships" read as a noun: the clause
    after "that" has no verb of its own, so the words say who supplies whom, once."""
    ex = run("Pinsk Special Plant (PSP) makes detonators. " + text)
    supplies = claims(ex, "supplies", "Pinsk Special Plant")
    assert [c.object for c in supplies] == [key_of(ex, "Izhevsk Drone Works")], describe(ex)


def test_a_number_taken_from_the_goods_told_before_is_handed_on(run):
    """"passed at least 1,400 of the gyroscopes to Y": the parser makes the number the object, but what is handed
    on are the goods after "of", told before, so the firm supplies Y."""
    ex = run("Volga Trade LLC bought 2,000 gyroscopes in Shenzhen. Volga Trade then passed at least 1,400 of the "
             "gyroscopes to the Izhevsk Instrument Plant in 2025.")
    assert key_of(ex, "Izhevsk Instrument Plant") in objects(ex, "supplies", "Volga Trade LLC"), describe(ex)
