"""Whom a plain figure (a statistic) is about: the owner of what it measures, the party a price is paid to,
never the nationality of a currency."""

from __future__ import annotations

import pytest
from extract_helpers import claims, describe, key_of, objects

CONTEXT = "Officials at the Lomov Instrument Works declined to comment. "


@pytest.mark.parametrize(("text", "owner", "value"), [
    ("Roughly 40 percent of the needs of Tavria Gearworks are met by Chinese bearings.", "Tavria Gearworks", 40),
    ("Russian buyers take 60 percent of Sirin Photonics' sales.", "Sirin Photonics", 60),
    ("Imported steel covers about a quarter of Tavria Gearworks' needs.", "Tavria Gearworks", 25),
    ("Production of Falcon scopes at Sirin Photonics peaked at about 700 in 2016.", "Sirin Photonics", 700),
    ("At Tavria Gearworks, wages rose by 30 percent in 2025.", "Tavria Gearworks", 30),
])
def test_a_figure_is_about_whoever_has_what_it_measures(run, text, owner, value):
    ex = run(CONTEXT + text)
    got = [c for c in claims(ex, "statistic") if c.value == value]
    assert got and got[0].subject == key_of(ex, owner), describe(ex)


def test_a_price_is_about_the_model_priced(run):
    ex = run(CONTEXT + "The price of a single Vityaz-7 is about 600,000 dollars, the brochure says.")
    got = [c for c in claims(ex, "statistic") if c.value == 600_000]
    assert got and got[0].subject == key_of(ex, "Vityaz-7"), describe(ex)


def test_the_plants_output_is_the_plants(run):
    ex = run("Sirin Photonics builds Falcon scopes. The plant's output of Falcon scopes peaked at about 700 scopes "
             "in 2016.")
    got = [c for c in claims(ex, "statistic") if c.value == 700]
    assert got and got[0].subject == key_of(ex, "Sirin Photonics"), describe(ex)


def test_its_share_is_the_speakers_own(run):
    ex = run("Sirin Photonics said 70 percent of its orders now come from Russian defence plants.")
    got = [c for c in claims(ex, "statistic") if c.value == 70]
    assert got and got[0].subject == key_of(ex, "Sirin Photonics"), describe(ex)


@pytest.mark.parametrize("text", [
    "The winner of the tender was Kalina Trade, a Gomel wholesaler, at 182,000 Belarusian roubles.",
    "The tender was won by Kalina Trade, a Gomel wholesaler, at 182,000 Belarusian roubles.",
])
def test_a_price_goes_to_the_party_paid_not_to_the_currencys_country(run, text):
    ex = run(CONTEXT + text)
    got = [c for c in claims(ex, "statistic") if c.value == 182_000]
    assert got and got[0].subject == key_of(ex, "Kalina Trade"), describe(ex)


def test_currency_nationality_is_nobodys_figure(run):
    ex = run("The batteries were bought for 182,000 Belarusian roubles.")
    assert not [c for c in claims(ex, "statistic") if c.value == 182_000], describe(ex)


def test_a_count_of_its_own_is_not_its_subjects_measure(run):
    ex = run("Analysts say at least 99 Belarusian firms send parts to 255 Russian arms makers.")
    got = [c for c in claims(ex, "statistic") if c.value == 255]
    assert all(c.subject != key_of(ex, "Belarus") for c in got), describe(ex)


@pytest.mark.parametrize(("text", "value"), [
    ("The Korvin Machine Plant in Saransk repairs helicopters. The plant returned 18 helicopters to Russia in 2025.",
     18),
    ("The Korvin Machine Plant in Saransk rolls brass strip. It consigned 1,100 tonnes of strip to Russia in 2025.",
     1100),
    ("The Korvin Machine Plant in Saransk rolls brass strip. It dispatched 40 wagons of strip to Russia in May.", 40),
    ("The Korvin Machine Plant in Saransk builds chassis. About 90 chassis were handed over by the plant to Russia "
     "in 2025.", 90),
    ("The Korvin Machine Plant in Saransk builds chassis. In 2025, 90 chassis were sent to Russia by the Korvin "
     "Machine Plant.", 90),
])
def test_goods_returned_consigned_or_handed_over_are_delivered(run, text, value):
    ex = run(text)
    got = [c for c in claims(ex, "delivered", "Korvin Machine Plant") if c.value == value]
    assert got and got[0].object == key_of(ex, "Russia"), describe(ex)


@pytest.mark.parametrize("text", [
    "The Korvin Machine Plant in Saransk builds chassis. The plant, which returned to profit in 2025, employs 300 "
    "people.",
    "The Korvin Machine Plant in Saransk builds chassis. A court in Saransk returned a verdict against two managers "
    "of the plant.",
    "The Korvin Machine Plant in Saransk builds chassis. Twelve engineers returned to the plant from Minsk in 2025.",
])
def test_returning_in_other_senses_delivers_nothing(run, text):
    ex = run(text)
    assert not claims(ex, "delivered"), describe(ex)


@pytest.mark.parametrize("text", [
    "The Korvin Machine Plant in Orsha repairs helicopters. Its director said that from 2027 the plant will be able "
    "to return 60 rotorcraft a year.",
    "The Korvin Machine Plant in Orsha makes radar seekers. Its managers claim they can deliver 60 seekers a month.",
])
def test_a_rate_it_can_deliver_is_a_capacity(run, text):
    ex = run(text)
    assert [c for c in claims(ex, "capacity", "Korvin Machine Plant") if c.value == 60], describe(ex)
    assert not [c for c in claims(ex, "delivered") if c.value == 60], describe(ex)


def test_a_capacity_said_of_the_enterprise_in_a_told_clause_is_the_enterprises(run):
    ex = run("The Korvin Machine Plant repairs helicopters. Its director told the newspaper Orsha Courier that the "
             "enterprise is busy and will be able to return 60 aircraft a year by 2027.")
    got = [c for c in claims(ex, "capacity") if c.value == 60]
    assert got and got[0].subject == key_of(ex, "Korvin Machine Plant"), describe(ex)


def test_an_agentless_delivery_continues_the_supply_just_reported(run):
    ex = run("Ostrava Armaments has sent howitzers to Serbia, the Baltic Defence Monitor said. Military officials "
             "believe around 100 of them had been delivered by the end of 2024.")
    got = [c for c in claims(ex, "delivered") if c.value == 100]
    assert got and got[0].subject == key_of(ex, "Ostrava Armaments"), describe(ex)
    assert got[0].object == key_of(ex, "Serbia"), describe(ex)


def test_each_figure_takes_the_date_written_after_it(run):
    ex = run("Belarus accounted for 60 percent of Russia's bearing imports in 2025, up from 25 percent in 2021.")
    got = {(c.value, c.date) for c in claims(ex, "statistic")}
    assert {(60, "2025"), (25, "2021")} <= got, describe(ex)


@pytest.mark.parametrize("label", ["Chart 1", "Table 2", "Figure 3"])
def test_a_numbered_chart_or_table_is_no_figure(run, label):
    ex = run(f"{label} shows Belarusian exports of roller bearings to Russia, which the Minsk Bearing Plant makes.")
    assert not [c for c in ex.claims if c.value in (1, 2, 3)], describe(ex)


def test_a_delivery_of_other_things_does_not_continue_the_supply_before(run):
    ex = run("Kvarts shipped sights to the Tarsk Group in 2023. Around 5,000 letters were delivered to residents in "
             "the town last week.")
    assert not claims(ex, "delivered"), describe(ex)


def test_returning_what_are_no_goods_delivers_nothing(run):
    ex = run("Volna Optics returned 300 votes for the Kvarts Group in the regional election.")
    assert not claims(ex, "delivered"), describe(ex)


def test_the_dateline_does_not_date_the_first_sentence(run):
    ex = run("The Kvarts Works delivered 40 sights to the Tarsk Group.")
    got = [c for c in claims(ex, "delivered") if c.value == 40]
    assert got and got[0].date is None, describe(ex)


def test_its_in_a_figures_phrase_is_the_clause_subjects(run):
    ex = run("The Kama Optics Works makes sights. Volna Optics's sales to Russia made up 70 percent of its revenue "
             "in 2025.")
    got = [c for c in claims(ex, "statistic") if c.value == 70]
    assert got and got[0].subject == key_of(ex, "Volna Optics"), describe(ex)


def test_a_count_of_vehicles_a_plant_overhauled_is_the_plants_not_their_countrys(run):
    ex = run("According to the SBU, the Lida Repair Works has overhauled at least 40 Russian helicopters.")
    stats = claims(ex, "statistic")
    assert stats and all(c.subject == key_of(ex, "Lida Repair Works") for c in stats), describe(ex)


def test_a_count_of_what_a_nations_firms_repaired_is_that_nations(run):
    ex = run("Belarusian enterprises have repaired more than 1,000 Russian tanks since 2022, the group said.")
    stats = claims(ex, "statistic")
    assert stats and all(c.subject == key_of(ex, "Belarus") for c in stats), describe(ex)


def test_a_count_of_those_the_goods_go_to_is_not_the_suppliers(run):
    ex = run("At least 99 Belarusian firms supply parts to 255 Russian manufacturers.")
    got = [c for c in claims(ex, "statistic") if c.value == 255]
    assert got and all(c.subject == key_of(ex, "Russia") for c in got), describe(ex)


def test_a_figure_a_firms_director_gives_with_no_firm_in_it_is_the_firms(run):
    ex = run("A second enterprise, the Lida Gear Works, makes gearboxes. Its director, Ivan Sokal, told a newspaper in "
             "January that exports to Kazakhstan had doubled since 2022 and now made up 80 percent of sales.")
    stats = claims(ex, "statistic")
    assert stats and all(c.subject == key_of(ex, "Lida Gear Works") for c in stats), describe(ex)


def test_a_figure_about_the_plant_a_holdings_director_speaks_of_is_the_plants(run):
    ex = run("The Tambor Powder Works makes propellant. Grail Holding's managing director, Oleg Varen, said the plant "
             "would more than double its output by 2027.")
    stats = claims(ex, "statistic")
    assert stats and all(c.subject == key_of(ex, "Tambor Powder Works") for c in stats), describe(ex)


def test_the_value_of_the_contract_just_described_is_the_suppliers_figure(run):
    ex = run("The Lida Tractor Works builds chassis for the Kurgan Machine Plant. The contract is worth $45 million.")
    stats = claims(ex, "statistic")
    assert stats and stats[0].subject == key_of(ex, "Lida Tractor Works") and stats[0].value == 45_000_000, \
        describe(ex)


def test_a_rate_now_and_a_rate_planned_keep_their_own_date_and_modality(run):
    ex = run("The Kama Machine Plant now produces around 200 Garpiya drones a month and plans to reach 500 a month by "
             "the end of 2027.")
    caps = {c.value: c for c in claims(ex, "capacity")}
    assert caps[200].date is None and caps[200].modality.value == "reported", describe(ex)
    assert caps[500].date == "2027-12" and caps[500].modality.value == "planned", describe(ex)


def test_a_figure_counted_since_a_year_runs_from_that_year(run):
    ex = run("The Lida Truck Plant has sold more than 800 chassis to Kazakhstan since 2014.")
    got = claims(ex, "delivered")
    assert got and got[0].date_from == "2014" and got[0].date is None, describe(ex)


# --- units referred back to, and the enterprises that have them ---------------------------------------------

def test_a_new_unit_referred_back_to_with_its_adjective_has_its_own_figures(run):
    ex = run("The Veltron Instrument Works in Kazan has opened a second assembly hall. The new hall has an area of "
             "6,000 square metres.")
    got = claims(ex, "statistic", "second assembly hall")
    assert [c.value for c in got] == [6000], describe(ex)


def test_the_cost_a_party_puts_on_a_unit_is_the_units_figure(run):
    ex = run("The Veltron Instrument Works in Kazan has opened a second assembly hall. Analysts put the cost of the "
             "hall at 11.2 billion roubles.")
    got = claims(ex, "statistic", "second assembly hall")
    assert [c.value for c in got] == [11_200_000_000], describe(ex)


def test_a_holding_named_as_the_parent_stands_aside_for_the_enterprise(run):
    """"The enterprise" after "X is part of the Y holding" is X, the enterprise the text is about."""
    ex = run("The Veltron Shipyard in Kolpino launched its second minesweeper this year. The shipyard is part of the "
             "Northern Shipbuilding Holding. The enterprise is able to lay down three hulls in a year.")
    assert [c.value for c in claims(ex, "capacity", "Veltron Shipyard")] == [3], describe(ex)
    assert not claims(ex, "capacity", "Northern Shipbuilding Holding"), describe(ex)


def test_the_plant_after_its_new_shop_is_the_plant(run):
    ex = run("The Veltron Shipyard opened a new moulding shop last year. With the new shop the shipyard can build "
             "three hulls a year. The plant intends to lift that to four hulls annually by 2028.")
    values = {c.value for c in claims(ex, "capacity", "Veltron Shipyard")}
    assert 4 in values, describe(ex)
    assert not claims(ex, "capacity", "new moulding shop"), describe(ex)


def test_the_capacity_of_a_unit_is_the_units_whoever_plans_it(run):
    ex = run("The Veltron Instrument Plant restored workshop No. 12 in 2024. The workshop assembles fuzes for "
             "artillery shells. The plant intends to raise the yearly capacity of the workshop to 1 million fuzes "
             "in 2027.")
    assert [c.value for c in claims(ex, "capacity", "workshop No. 12")] == [1_000_000], describe(ex)
    assert not claims(ex, "capacity", "Veltron Instrument Plant"), describe(ex)


def test_a_figure_the_companys_director_gives_is_the_companys(run):
    """"The company's general director, X, said that output would rise by 20 percent": the company named before,
    as for "its director"."""
    ex = run("The Veltron plant makes chassis. The company's general director, Alexei Ryzhikov, said in April that "
             "output would rise by a further 20 percent in 2026.")
    got = claims(ex, "statistic", "Veltron")
    assert [c.value for c in got] == [20], describe(ex)
    assert got[0].attributed_to == [key_of(ex, "Alexei Ryzhikov")], describe(ex)


def test_a_share_of_its_output_a_person_speaks_of_is_the_enterprises(run):
    """"Lukin told reporters that more than 60 percent of its output goes to Russia": "its" is no person's."""
    ex = run("The Veltron plant makes relays. Lukin told reporters that more than 60 percent of its output now goes "
             "to Russia.")
    assert 60 in {c.value for c in claims(ex, "statistic", "Veltron")}, describe(ex)


def test_a_business_measure_with_no_owner_written_is_the_enterprises_in_focus(run):
    ex = run("The Veltron plant makes relays for radars. Revenue rose 28 percent in the first half of 2026 to 96 "
             "million Belarusian roubles.")
    assert {28, 96_000_000} <= {c.value for c in claims(ex, "statistic", "Veltron")}, describe(ex)


def test_revenue_after_a_new_unit_is_the_enterprises_not_the_units(run):
    ex = run("The Veltron plant opened a new paint shop in May. The shop cost 40 million roubles. Revenue rose 28 "
             "percent in the first half of 2026.")
    assert 28 in {c.value for c in claims(ex, "statistic", "Veltron")}, describe(ex)
    assert 28 not in {c.value for c in claims(ex, "statistic", "new paint shop")}, describe(ex)


def test_its_output_estimated_at_a_rate_is_the_capacity_of_the_maker_named_before(run):
    ex = run("Legmash now produces casings for rockets, the centre said. Its output is estimated at 30,000 casings a "
             "year.")
    got = claims(ex, "capacity", "Legmash")
    assert [c.value for c in got] == [30_000] and got[0].modality.value == "estimated", describe(ex)


def test_a_figure_of_a_plant_described_as_a_weapons_maker_is_the_plants(run):
    ex = run("The Omsktransmash plant, Russia's main producer of TOS-1A heavy flamethrower systems, has tripled its "
             "workforce since 2022 to about 6,000 people, the regional governor said on Monday.")
    assert 6000 in {c.value for c in claims(ex, "statistic", "Omsktransmash")}, describe(ex)
    assert not claims(ex, "statistic", "TOS-1A"), describe(ex)


def test_the_holding_is_the_parent_named_as_a_holding_not_the_last_subsidiary(run):
    ex = run("The Orsha Instrument Plant is a subsidiary of the state holding Belarusian Optics. Belarusian Optics "
             "also owns the Lida Lens Factory.\n\n"
             "Net profit at the holding rose by 35 percent to 48 million rubles last year.")
    stats = [c for c in claims(ex, "statistic") if "Net profit" in c.evidence]
    assert stats and all(c.subject == key_of(ex, "Belarusian Optics") for c in stats), describe(ex)


def test_production_that_could_reach_a_rate_is_a_capacity(run):
    ex = run("The Kupol plant makes Garpiya drones. Western officials believe production could reach 6,000 a year "
             "by 2027.")
    caps = claims(ex, "capacity", "Kupol")
    assert any(c.value == 6000 and c.period == "year" and c.date == "2027" for c in caps), describe(ex)


def test_a_rate_managers_want_to_reach_is_planned(run):
    ex = run("The Volat plant makes chassis. Managers told state media that they want to reach 250 a year by 2027.")
    caps = [c for c in claims(ex, "capacity") if c.value == 250]
    assert caps and all(c.modality.value == "planned" for c in caps), describe(ex)


def test_output_of_goods_with_no_owner_is_their_makers(run):
    ex = run("The kits are assembled at the Bazalt plant in Moscow. Bazalt may also have moved part of the work to a "
             "new site in Chuvashia.\n\n"
             "Output of the kits could rise to 5,000 a month by mid-2027 if the new site opens.")
    caps = [c for c in claims(ex, "capacity") if c.value == 5000]
    assert caps and all(c.subject == key_of(ex, "Bazalt") for c in caps), describe(ex)


def test_a_countrys_exports_that_rose_are_its_figure_not_the_destinations(run):
    ex = run("Kazakhstan's exports of microchips to Russia rose fivefold in 2025 to $48 million.")
    stats = claims(ex, "statistic")
    assert stats and all(c.subject == key_of(ex, "Kazakhstan") for c in stats), describe(ex)


def test_a_rate_counted_out_of_named_goods_is_of_those_goods(run):
    ex = run("The Kaluga Turbine Works builds small jet engines for cruise missiles. Officials think the Kaluga "
             "Turbine Works now turns out about 45 of these engines a month.")
    got = [c for c in claims(ex, "capacity", "Kaluga Turbine Works") if c.value == 45]
    # (the goods as named before, "jet engines", or as counted, "engines"; never "these engines")
    assert got and got[0].object_text in ("jet engines", "engines") and got[0].unit == "engines", describe(ex)
    assert got[0].period == "month", describe(ex)


@pytest.mark.parametrize("follow, value", [
    ("It hopes to raise that figure to 1,400 by 2027.", 1400),
    ("Outside analysts think 700 is closer to the truth.", 700),
])
def test_a_bare_number_after_a_rate_goes_on_with_that_rate(run, follow, value):
    ex = run(f"The Tambov Gunpowder Plant fills about 900 artillery charges a week, its director said. {follow}")
    got = [c for c in claims(ex, "capacity", "Tambov Gunpowder Plant") if c.value == value]
    assert got and got[0].object_text == "artillery charges" and got[0].period == "week", describe(ex)


def test_a_bare_number_far_from_the_rate_before_is_no_rate(run):
    ex = run("The Tambov Gunpowder Plant fills about 900 artillery charges a week. Its director has 3 deputies, "
             "and he said that 2 were fired.")
    assert not [c for c in claims(ex, "capacity") if c.value == 2], describe(ex)


def test_a_time_word_after_a_number_is_no_unit(run):
    ex = run("The Tambov Gunpowder Plant plans to fill 1,500 artillery charges a week by 2027, up from about 900 "
             "today.")
    assert not [c for c in ex.claims if c.unit == "today"], describe(ex)


def test_a_rate_today_has_no_date_of_the_plan_beside_it(run):
    ex = run("The Tambov Gunpowder Plant fills 900 artillery charges a week. It wants to fill 1,400 by the third "
             "quarter of 2027, against roughly 900 today.")
    got = {c.value: c.date for c in claims(ex, "capacity", "Tambov Gunpowder Plant")}
    assert got.get(1400) == "2027" and got.get(900) is None, describe(ex)


@pytest.mark.parametrize("text, goods, value", [
    ("Kamsky Condensers is the main Russian maker of ceramic capacitors; it says it can turn out 90 million pieces "
     "a year.", "ceramic capacitors", 90_000_000),
    ("The Oka Chemical Works produces nitrocellulose. A new line will raise its capacity to 9,000 tonnes a year.",
     "nitrocellulose", 9000),
    ("The Oka Chemical Works produces nitrocellulose.\n\nThe regional governor visited in May.\n\nThe Oka "
     "Chemical Works expects to reach 9,000 tonnes a year by 2028.", "nitrocellulose", 9000),
    ("The Weser Munitions plant makes 155 mm artillery shells. It says it can turn out 300,000 shells a year.",
     "155 mm artillery shells", 300_000),
])
def test_a_capacity_in_pieces_or_tonnes_or_one_noun_is_of_the_goods_said_to_be_made_before(run, text, goods, value):
    ex = run(text)
    got = [c for c in claims(ex, "capacity") if c.value == value]
    assert got and got[0].object_text == goods, describe(ex)


@pytest.mark.parametrize("text", [
    "The Kovrov Motor Works says it can turn out up to 400 diesel engines a month.",
    "The Kovrov Motor Works could assemble 400 diesel engines a month once its new hall opens.",
])
def test_a_capacity_sentence_gives_the_capacity_not_a_second_production_claim(run, text):
    ex = run(text)
    assert [c.value for c in claims(ex, "capacity", "Kovrov Motor Works")] == [400], describe(ex)
    assert not claims(ex, "produces"), describe(ex)


def test_an_owners_figure_written_before_its_noun_is_the_owners(run):
    """"the company's 2.9 billion yuan revenue": the amount modifies the revenue, whose owner is the company."""
    ex = run("Kestrel Power Sources makes thermal batteries for missiles. An analyst, Li Wen, said overseas sales made "
             "up 20 percent of the company's 1.4 billion yuan revenue in 2025, with the rest going to Chinese state "
             "buyers.")
    got = [c for c in claims(ex, "statistic") if c.value == 1_400_000_000]
    assert got and got[0].subject == key_of(ex, "Kestrel Power Sources"), describe(ex)


@pytest.mark.parametrize(("text", "seller"), [
    ("Buyers in Russia accounted for 38 per cent of Orbis Tezgah's revenue last year.", "Orbis Tezgah"),
    ("Russian buyers take 60 percent of Sirin Photonics' sales.", "Sirin Photonics"),
])
def test_a_buyer_taking_a_share_of_a_sellers_sales_is_supplied_by_it(run, text, seller):
    ex = run(text)
    assert key_of(ex, "Russia") in {c.object for c in claims(ex, "supplies", seller)}, describe(ex)


def test_a_figures_description_says_its_kind_whose_it_is_and_when(run):
    """"the company's revenue last year": the statistic's description names the company and the year, and calls a
    share a share, so that it reads on its own."""
    ex = run("Kestrel Power Sources makes thermal batteries. Exports made up 14 percent of the company's revenue last "
             "year, its annual report shows.")
    (st,) = [c for c in claims(ex, "statistic") if c.value == 14]
    assert st.object_text.startswith("share: ") and st.object_text.endswith(f"(Kestrel Power Sources, {st.date})"), \
        describe(ex)
    assert st.date is not None and len(st.date) == 4, describe(ex)  # (last year, from the publication date)


def test_a_figures_description_adds_no_name_or_year_its_clause_already_gives(run):
    ex = run("In 2024 Kestrel Power Sources employed about 1,200 people.")
    (st,) = claims(ex, "statistic")
    assert "(" not in st.object_text, describe(ex)


@pytest.mark.parametrize(("text", "owner"), [
    ("Krasnoye Forge makes track links. Russian army contracts made up roughly 70 percent of the plant's output in "
     "2024, a fitter said.", "Krasnoye Forge"),
    ("Northwind Devices says China accounts for under 4 percent of its sales.", "Northwind Devices"),
])
def test_a_share_of_an_enterprises_sales_or_output_is_the_enterprises_figure(run, text, owner):
    ex = run(text)
    shares = [c for c in claims(ex, "statistic") if c.unit == "percent"]
    assert shares and all(c.subject == key_of(ex, owner) for c in shares), describe(ex)


@pytest.mark.parametrize("text", [
    "Nordvik Handel did not reply to three emails.",
    "The Tula Gear Plant sent two lawyers to the hearing.",
])
def test_one_two_or_three_of_something_is_no_statistic(run, text):
    ex = run(text)
    assert not claims(ex, "statistic"), describe(ex)


def test_a_staff_of_two_is_still_a_workforce_figure(run):
    ex = run("Tula Gears, a firm with two employees, was registered in 2023.")
    assert [c.value for c in claims(ex, "statistic", "Tula Gears")] == [2], describe(ex)


@pytest.mark.parametrize(("text", "sizes"), [
    ("Lida Valve Works makes valves in Lida. It can turn out 400 valves a month, and its staff has risen from 60 in "
     "2022 to 210.", {60, 210}),
    ("Lida Valve Works makes valves in Lida. It wants to hire 40 more fitters, which would add to a workforce of "
     "900.", {900}),
])
def test_a_bare_number_that_sizes_a_staff_is_a_workforce_figure(run, text, sizes):
    """A number with no noun of its own gives a workforce when a staff is what it measures: a statistic about the
    works, not a rate of its goods."""
    ex = run(text)
    staff = {c.value: c for c in claims(ex, "statistic", "Lida Valve Works") if c.value in sizes}
    assert set(staff) == sizes and all(c.object_text.startswith("workforce") for c in staff.values()), describe(ex)
    assert not [c for c in claims(ex, "capacity") if c.value in sizes], describe(ex)


def test_a_second_verb_sharing_the_speakers_subject_gives_its_own_figure(run):
    """"Its website says it built 9,000 pumps last year and employs 640 people": the second verb shares the
    subject "it", the firm that speaks, so its workforce is its own figure too."""
    ex = run("Volna Motors (VM) makes pumps in Kineshma. On its website VM says it built 9,000 pumps last year and "
             "employs 640 people.")
    assert 640 in {c.value for c in claims(ex, "statistic", "Volna Motors")}, describe(ex)


def test_a_clause_with_its_own_subject_keeps_its_own_modality(run):
    """"It can turn out 400 valves a month, and its staff has risen to 210": the "can" of the first clause makes
    the staff's size no possibility."""
    ex = run("Lida Valve Works makes valves in Lida. It can turn out 400 valves a month, and its staff has risen "
             "from 60 in 2022 to 210.")
    size = next(c for c in claims(ex, "statistic") if c.value == 210)
    assert size.modality.value == "reported", describe(ex)


@pytest.mark.parametrize("text", [
    "Gulf Amber Trading shipped the gyroscopes to Khimki Instruments in 2024. The consignments came to 5,200 "
    "gyroscopes and were valued at $3.4 million.",
    "Orchid Link sold the transistors to Volga Radio in Moscow. The goods were worth $3.4 million, the prosecutor "
    "said.",
])
def test_the_worth_of_the_shipments_just_told_is_delivered_along_that_supply(run, text):
    ex = run(text)
    sender = "Gulf Amber Trading" if "Gulf" in text else "Orchid Link"
    recipient = key_of(ex, "Khimki Instruments" if "Gulf" in text else "Volga Radio")
    worth = [c for c in claims(ex, "delivered", sender) if c.unit == "USD"]
    assert [(c.object, c.value) for c in worth] == [(recipient, 3_400_000)], describe(ex)
    assert len(claims(ex, "supplies", sender)) == 1, describe(ex)


def test_a_price_a_piece_is_not_the_shipments_worth(run):
    ex = run("Haiyu Trading sold the oscillators to the Tomsk Radio Plant. The consignments were declared at roughly "
             "$9 a piece.")
    assert not [c for c in claims(ex, "delivered") if c.unit == "USD"], describe(ex)


@pytest.mark.parametrize("text", [
    "The Kursk Radio Plant opened a new shop in March. The shop is meant to double the plant's output of radios "
    "by 2027.",
    "The Kursk Radio Plant is building a second board line in Oryol, expected to double its board output by 2028.",
])
def test_what_a_new_shop_or_line_doubles_is_its_enterprises_output(run, text):
    ex = run(text)
    doubled = [c for c in claims(ex, "statistic") if c.value == 2.0]
    assert doubled and {c.subject for c in doubled} == {key_of(ex, "Kursk Radio Plant")}, describe(ex)


def test_a_company_doubling_its_own_output_keeps_the_figure(run):
    ex = run("Kama Works said it would double its output of fuzes by 2027.")
    doubled = [c for c in claims(ex, "statistic") if c.value == 2.0]
    assert doubled and doubled[0].subject == key_of(ex, "Kama Works"), describe(ex)


def test_a_company_of_so_many_people_is_the_staff_of_the_company_it_describes(run):
    ex = run("The boards are made by Kaveri Wireless, a firm of some 160 people based on an industrial estate near "
             "Chennai.")
    staff = [c for c in claims(ex, "statistic") if c.value == 160.0]
    assert staff and staff[0].subject == key_of(ex, "Kaveri Wireless"), describe(ex)



@pytest.mark.parametrize("verb", ["resold", "re-exported", "forwarded"])
def test_goods_resold_or_forwarded_to_a_buyer_are_an_amount_delivered(run, verb):
    ex = run(f"Kaveri Wireless shipped radio boards to Ege Mavi Trading in Izmir. Ege Mavi then {verb} some "
             "1,900 of those radio boards to the Tula Radio Plant, customs declarations show.")
    got = claims(ex, "delivered", "Ege Mavi Trading")
    assert got and got[0].object == key_of(ex, "Tula Radio Plant") and got[0].value == 1900.0, describe(ex)


@pytest.mark.parametrize(("text", "origin", "destination"), [
    ("Volga Rail Watch logged 95 goods wagons sent from Baranovichi to Bryansk this year.", "Baranovichi", "Bryansk"),
    ("The monitors counted 41 wagons of glass fibre shipped from Jiujiang to Karaganda over the summer.", "Jiujiang",
     "Karaganda"),
])
def test_goods_a_participle_sends_from_one_place_to_another_are_delivered_between_them(run, text, origin,
                                                                                       destination):
    ex = run(text)
    got = claims(ex, "delivered")
    assert got and got[0].subject == key_of(ex, origin) and got[0].object == key_of(ex, destination), describe(ex)


@pytest.mark.parametrize("verb", ["traced", "tracked", "logged"])
def test_goods_a_group_followed_from_a_maker_to_a_plant_are_delivered_and_the_group_says_so(run, verb):
    ex = run(f"Baltic Freight Watch {verb} 880 tonnes of resin from the Grodno Azot plant to the Kazan Powder Works "
             "last year.")
    got = claims(ex, "delivered")
    assert got and got[0].subject == key_of(ex, "Grodno Azot") and got[0].object == key_of(ex, "Kazan Powder Works"), \
        describe(ex)
    assert got[0].attributed_to == [key_of(ex, "Baltic Freight Watch")], describe(ex)


def test_what_a_plant_says_it_makes_stays_beside_the_capacity_it_gives_for_part_of_it(run):
    ex = run("The Kaluga Radio Plant says that it makes encrypted radio links for drones and that it can assemble "
             "900 link sets a month.")
    assert claims(ex, "produces", "Kaluga Radio Plant") and claims(ex, "capacity", "Kaluga Radio Plant"), describe(ex)


def test_a_country_s_own_figures_are_about_it_though_it_is_their_source(run):
    ex = run("Armenia's trade with Iran reached $2.1 billion last year, according to figures published by Armenia's "
             "customs service.")
    got = [c for c in claims(ex, "statistic") if c.value == 2_100_000_000]
    assert got and got[0].subject == key_of(ex, "Armenia"), describe(ex)


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Kestrel Trading charged about $410 per gyroscope, the invoices show.", 410, "price"),
    ("Kyrgyz imports of bearings from China rose 64 percent in 2025.", 64, "growth"),
    ("Latvian exports of timber to Belarus fell 30 percent last year.", 30, "fall"),
    ("The Orvell consignments were worth $1.7 million, the records show.", 1_700_000, "value"),
])
def test_a_figure_s_description_says_what_kind_of_figure_it_is(run, text, value, kind):
    ex = run(text)
    got = [c for c in ex.claims if c.value == value]
    assert got and all(c.object_text.startswith(f"{kind}: ") for c in got if c.object_text), describe(ex)


def test_a_multiple_of_what_a_country_buys_from_another_is_the_buyer_s_figure(run):
    ex = run("Uzbekistan's purchases of machine tools from the EU grew fivefold in 2024.")
    got = [c for c in claims(ex, "statistic") if c.value == 5]
    assert got and got[0].subject == key_of(ex, "Uzbekistan"), describe(ex)


def test_goods_exported_from_one_country_to_another_rising_to_an_amount_are_delivered(run):
    ex = run("Georgia's exports of copper wire to Armenia rose to 640 tonnes in the first half of this year.")
    got = claims(ex, "delivered", "Georgia")
    assert got and got[0].object == key_of(ex, "Armenia") and got[0].value == 640, describe(ex)


GEARWORKS = ("Tavria Gearworks, a gear maker in Zhlobin, opened a new heat-treatment line in May to harden blanks "
             "for tank gearboxes.\n\n")


@pytest.mark.parametrize(("text", "value"), [
    ("If convicted, the broker who arranged the shipments, Ivan Petrov, faces up to 12 years in prison.", 12),
    ("Two drivers said four more lorries were waiting at the gate in February.", 4),
])
def test_a_figure_whose_sentence_names_no_owner_is_not_pinned_on_the_firm_in_focus(run, text, value):
    ex = run(GEARWORKS + text)
    firm = {key_of(ex, "Tavria Gearworks"), key_of(ex, "new heat-treatment line")}
    assert not [c for c in claims(ex, "statistic") if c.value == value and c.subject in firm], describe(ex)


def test_a_share_of_revenue_with_no_owner_written_is_the_firm_in_focus(run):
    ex = run(GEARWORKS + "Sirin Photonics, a Kazan optics maker, buys gears from Zhlobin. According to its annual "
             "report, customers in Russia accounted for 41 percent of revenue.")
    got = [c for c in claims(ex, "statistic") if c.value == 41]
    assert got and got[0].subject == key_of(ex, "Sirin Photonics"), describe(ex)


def test_a_rate_of_goods_with_no_owner_written_is_still_the_makers_capacity(run):
    ex = run("Tavria Gearworks cuts gears in Zhlobin and employs about 900 people. About 600 gearboxes a month now "
             "leave the assembly hall, a former engineer said.")
    got = [c for c in claims(ex, "capacity") if c.value == 600]
    assert got and got[0].subject == key_of(ex, "Tavria Gearworks"), describe(ex)


@pytest.mark.parametrize(("text", "place"), [
    ("Wreckage examined by Polish engineers in 2025 showed that imported chips still make up about 60 percent of the "
     "parts in the drones they studied.", "Poland"),
    ("Analysts said that as many as 15 brokers were using the ferry for goods that could end up in Iranian drones.",
     "Iran"),
])
def test_a_nationality_in_another_clause_is_not_whose_figure_it_is(run, text, place):
    ex = run(text)
    assert not claims(ex, "statistic", place), describe(ex)


def test_a_nationality_on_what_the_figures_subject_passes_through_is_whose_figure_it_is(run):
    ex = run("The ministry said that freight passing through Georgian ports on its way to Russia had grown by about 30 "
             "percent in 2025.")
    got = [c for c in claims(ex, "statistic") if c.value == 30]
    assert got and got[0].subject == key_of(ex, "Georgia"), describe(ex)


@pytest.mark.parametrize(("text", "user"), [
    ("Iran fired about 40 Fateh-110 missiles at targets in Iraq in 2024, the ministry said.", "Iran"),
    ("Russia launched roughly 700 Lancet-3 drones between May and July, Ukrainian officials estimate.", "Russia"),
])
def test_a_count_of_a_weapon_model_a_country_used_is_the_countrys(run, text, user):
    ex = run(text)
    got = [c for c in claims(ex, "statistic") if c.value in (40, 700)]
    assert got and got[0].subject == key_of(ex, user), describe(ex)


def test_a_count_of_a_weapon_model_an_observer_made_is_not_the_observers(run):
    ex = run("The Kyiv Drone Watch group counted 14 Krasukha-4 stations at the depot in August.")
    assert not claims(ex, "statistic", "Kyiv Drone Watch"), describe(ex)


def test_a_yearly_rate_shipped_to_no_one_named_is_the_makers_capacity(run):
    ex = run("Halcyon Power Co assembles lithium cells in Zhuhai. Its brochure says the firm ships more than 25 "
             "million cells a year to buyers around the world.")
    got = [c for c in claims(ex, "capacity", "Halcyon Power Co") if c.value == 25_000_000]
    assert got and got[0].period == "year", describe(ex)
    assert not [c for c in claims(ex, "delivered") if c.value == 25_000_000], describe(ex)


def test_a_figure_in_a_clause_on_a_firms_description_is_the_firms(run):
    ex = run("The buyer was Amur Battery Trading LLC, a Khabarovsk firm registered in 2023 with a charter capital of "
             "20,000 roubles.")
    got = [c for c in claims(ex, "statistic") if c.value == 20_000]
    assert got and got[0].subject == key_of(ex, "Amur Battery Trading LLC"), describe(ex)


def test_a_firm_referred_back_counts_its_own_staff_on_its_own_website(run):
    ex = run("Zeeland Antenna Works said in a statement that it had never knowingly sold to Russian buyers. The firm "
             "employs 58 people and exports most of its output, according to its website.")
    staff = [c for c in claims(ex, "statistic", "Zeeland Antenna Works") if c.value == 58]
    assert staff, describe(ex)


def test_whoever_counted_is_not_what_the_count_is_about(run):
    ex = run("Investigators at the Kharkiv Forensic Institute examined the missile. In a report, the institute counted "
             "48 foreign components in its guidance section.")
    assert not claims(ex, "statistic", "Kharkiv Forensic Institute"), describe(ex)


@pytest.mark.parametrize(("cue", "earlier"), [("against", 17), ("up from", 17), ("compared with", 17)])
def test_a_figure_set_against_another_is_the_same_measure_of_the_same_party(run, cue, earlier):
    ex = run(f"Volzhsk Gear Works said army customers took 64 percent of its sales last year, {cue} {earlier} percent "
             "in 2020.")
    values = {c.value for c in claims(ex, "statistic", "Volzhsk Gear Works")}
    assert {64, earlier} <= values, describe(ex)


def test_goods_counted_as_delivered_go_along_the_supply_the_sentence_told(run):
    """"X buys steel strip from Y, according to data cited by Z, which counted 40 wagons of strip delivered": the
    wagons are Y's deliveries to X, not a figure about the group that counted them."""
    ex = run("The Orsha Instrument Plant makes gauges. The plant buys steel strip from Kama Metal Trade, a dealer in "
             "Perm, according to customs data cited by Rail Watch, which counted 40 wagons of strip delivered between "
             "March and September.")
    delivered = claims(ex, "delivered", "Kama Metal Trade")
    assert [(c.object, c.value) for c in delivered] == [(key_of(ex, "Orsha Instrument Plant"), 40)], describe(ex)
    assert not claims(ex, "statistic", "Rail Watch"), describe(ex)


def test_goods_the_parser_read_as_a_verb_keep_their_recipient(run):
    """"has sent 90 tonnes of the cloth and webbing to Y", with "webbing" read as a second verb that took the
    "to": Y, not the region named in its apposition, receives the goods."""
    ex = run("Baranavichy Textile Mill weaves nylon. Records show that since March the mill has sent 90 tonnes of the "
             "cloth and webbing to Kolomna Aero Works, a sewing firm in the Moscow region.")
    firm = key_of(ex, "Kolomna Aero Works")
    assert [c.object for c in claims(ex, "delivered", "Baranavichy Textile Mill")] == [firm], describe(ex)
    assert objects(ex, "supplies", "Baranavichy Textile Mill") == {firm}, describe(ex)


@pytest.mark.parametrize("text", [
    "The Kirov Motor Plant opened a press shop in 2021. At its peak about 60 percent of the press shop's output "
    "was sold in Russia.",
    "The Kirov Motor Plant opened a press shop in 2021. Wages in the press shop rose by a third in 2024.",
])
def test_an_enterprise_measure_found_on_its_shop_is_the_enterprise_s(run, text):
    """Output, sales and wages are what an enterprise is measured by: a figure of them written of one of its shops
    is the enterprise's figure."""
    ex = run(text)
    assert [c.subject for c in claims(ex, "statistic")] == [key_of(ex, "Kirov Motor Plant")], describe(ex)


def test_jobs_a_new_shop_created_stay_the_shop_s(run):
    ex = run("The Kirov Motor Plant opened a new pressing workshop in March. The new workshop has created 200 jobs, "
             "the plant said.")
    assert [c.subject for c in claims(ex, "statistic")] == [key_of(ex, "new pressing workshop")], describe(ex)


@pytest.mark.parametrize("text", [
    "This year orders from Russia rose by 30 percent, its chief engineer said.",
    "Sales to Kazakhstan fell by 15 percent in 2025, the plant said.",
])
def test_orders_or_sales_with_a_party_after_from_or_to_are_the_firm_s(run, text):
    """The country after "from" or "to" is the other side of the trade: the change in orders or sales is the
    firm's in focus."""
    ex = run("The Gomel Valve Works makes valves. " + text)
    assert [c.subject for c in claims(ex, "statistic")] == [key_of(ex, "Gomel Valve Works")], describe(ex)


@pytest.mark.parametrize(("text", "weapon", "value"), [
    ("Lida Optics makes thermal sensors. Each Skvorets drone carries 14 of its sensors, the lab found.",
     "Skvorets", 14),
    ("Kama Batteries makes lead-acid packs for the Tor-M2 system. Every vehicle takes six packs, its manager said.",
     "Tor-M2", 6),
])
def test_goods_in_each_unit_of_a_weapon_are_that_weapon_s_figure(run, text, weapon, value):
    """"Each Skvorets drone carries 14 sensors", "every vehicle takes six packs" (the vehicle named before): how
    many goods one unit holds is a figure about that weapon."""
    ex = run(text)
    assert (key_of(ex, weapon), value) in {(c.subject, c.value) for c in claims(ex, "statistic")}, describe(ex)


def test_what_each_worker_earns_is_no_weapon_s_figure(run):
    ex = run("The Kama Batteries plant makes packs for the Tor-M2 system. Each worker there earns 900 dollars a month.")
    assert not [c for c in claims(ex, "statistic") if c.subject == key_of(ex, "Tor-M2")], describe(ex)


def test_a_rate_counted_in_a_bare_goods_word_takes_the_goods_just_named_in_full(run):
    """"2,000 modules a month" right after "laser rangefinder modules" were named: the same modules, written out,
    as an analyst would record them."""
    ex = run("Laser rangefinder modules are scarce in Russia, officials in Moscow say. Lepel Optics Works turns out "
             "about 2,000 modules a month, its director said.")
    caps = [c for c in ex.claims if c.predicate.value == "capacity" and c.value == 2000]
    assert caps and (caps[0].object_text or "").lower() == "laser rangefinder modules", describe(ex)


def test_a_small_count_in_each_unit_of_a_weapon_is_a_figure(run):
    """Two or three plain things tell the story; two inserts in each missile is a figure of the missile."""
    ex = run("Mozyr Carbon Works machines nozzle inserts for the 9M133 Kornet. Each Kornet missile carries two "
             "inserts, the analysts estimate.")
    kornet = key_of(ex, "9M133 Kornet")
    assert any(c.subject == kornet and c.value == 2 for c in claims(ex, "statistic")), describe(ex)


def test_two_men_in_a_story_are_still_no_figure(run):
    ex = run("Two men from Mozyr Carbon Works met the buyers in Smolensk, the court heard.")
    assert not claims(ex, "statistic"), describe(ex)


def test_an_amount_sent_with_no_sender_in_its_phrase_is_the_supplier_s_the_sentence_names(run):
    """"re-exports of W to Russia reached $7 million": the amount is delivered by whoever the sentence says
    supplies Russia (here the country whose ministry reports it), not by a party of an earlier sentence."""
    ex = run("YEREVAN - Armenia's economy ministry said on Friday it had added 12 kinds of goods, among them "
             "capacitors, to a list of items that need a signed end-user statement before they may go to Russia, "
             "to keep them from the Russian army. The ministry said re-exports of capacitors to Russia reached "
             "$7 million in the first half of 2026.")
    sent = [c for c in claims(ex, "delivered") if c.value == 7_000_000]
    assert sent and all(c.subject == key_of(ex, "Armenia") for c in sent), describe(ex)


def test_the_nationality_of_the_sender_is_no_recipient(run):
    """"commits the Belarusian plant to deliver 5,000 inserts": "Belarusian" says where the sender is."""
    ex = run("The Rechytsa Carbon Works in Belarus machines graphite inserts. Its one buyer is the Votkinsk Motor "
             "Plant in Russia's Udmurtia. A contract signed in May 2025 commits the Belarusian plant to deliver "
             "5,000 inserts over two years.")
    sent = [c for c in claims(ex, "delivered") if c.value == 5000]
    assert sent and all(c.object != key_of(ex, "Belarus") for c in sent), describe(ex)
