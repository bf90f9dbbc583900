"""Quantities with unit, rate and hedge."""

from __future__ import annotations

import pytest
from extract_helpers import describe

from supplytrace.extract.pipeline import load_nlp
from supplytrace.extract.quantities import find_quantities


@pytest.fixture(scope="module")
def quantities():
    nlp = load_nlp()

    def _q(text: str):
        return find_quantities(nlp(text), text, [])

    return _q


def test_rate_with_upper_bound(quantities):
    (q,) = quantities("The site can build up to 20,000 drones per year.")
    assert (q.value, q.unit, q.period, q.hedge) == (20000, "drones", "year", "up to")


def test_money_with_scale_and_hedge(quantities):
    (q,) = quantities("The contract was worth over $40 million.")
    assert (q.value, q.unit, q.hedge) == (40_000_000, "USD", "over")


def test_percent(quantities):
    (q,) = quantities("More than 60% of the parts are imported.")
    assert (q.value, q.unit, q.hedge) == (60, "percent", "more than")


def test_percent_word(quantities):
    (q,) = quantities("nearly 40 percent of the output goes abroad")
    assert (q.value, q.unit) == (40, "percent")


def test_range_of_months(quantities):
    (q,) = quantities("Repairs take 12 to 18 months.")
    assert (q.value, q.unit) == ([12, 18], "months")


def test_counted_noun_and_monthly_rate(quantities):
    (q,) = quantities("The plant makes 300 tanks a month.")
    assert (q.value, q.unit, q.period) == (300, "tanks", "month")


def test_scale_word_million(quantities):
    (q,) = quantities("They shipped 1.2 million shells to the front.")
    assert (q.value, q.unit) == (1_200_000, "shells")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Sales reached CNY 486 million last year.", 486_000_000, "CNY"),
    ("The loan of EUR 40m was repaid.", 40_000_000, "EUR"),
    ("The contract is worth RUB 2.5 billion.", 2_500_000_000, "RUB"),
])
def test_currency_code_before_the_number(quantities, text, value, unit):
    (q,) = quantities(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The batteries cost 182,000 Belarusian roubles.", 182_000, "BYN"),
    ("The order came to 96,000 US dollars.", 96_000, "USD"),
    ("The lathes were sold for 3 million roubles.", 3_000_000, "RUB"),
    ("The broker was paid 2 million Hong Kong dollars.", 2_000_000, "HKD"),
])
def test_currency_word_after_the_number_with_its_country(quantities, text, value, unit):
    (q,) = quantities(text)
    assert (q.value, q.unit) == (value, unit)


def test_lower_case_word_shaped_like_a_currency_code_is_not_one(quantities):
    qs = quantities("The crews try 5 times before they give up.")
    assert all(q.unit not in ("TRY",) for q in qs)


def test_clock_times_and_ratios_are_not_quantities(quantities):
    qs = quantities("A video posted at about 02:40 showed the fire; the ratio was 3:1, and 500 drones were made.")
    assert [q.value for q in qs] == [500]


def test_euro_billion(quantities):
    (q,) = quantities("Exports reached €5 billion.")
    assert (q.value, q.unit) == (5_000_000_000, "EUR")


def test_nationality_dropped_from_the_unit(quantities):
    (q,) = quantities("some 150 Belarusian enterprises take part")
    assert (q.value, q.unit, q.hedge) == (150, "enterprises", "some")


def test_years_calibres_and_designators_are_not_quantities(quantities):
    assert quantities("In 2024 the Su-25 fired 122 mm rockets.") == []


def test_tons(quantities):
    (q,) = quantities("The port handled 130,000 tons of explosives.")
    assert (q.value, q.unit) == (130_000, "tons")


def test_number_words_with_scale(quantities):
    qs = quantities("It delivered two thousand rockets.")
    assert [(q.value, q.unit) for q in qs] == [(2000, "rockets")]


def test_number_word_with_scale_and_hedge(quantities):
    (q,) = quantities("The army received nearly three million shells.")
    assert (q.value, q.unit, q.hedge) == (3_000_000, "shells", "nearly")


def test_lone_number_words_are_not_quantities(quantities):
    assert quantities("One of the plants makes two kinds of fuzes.") == []


def test_rate_belongs_to_the_figure_right_before_it(run):
    ex = run("The ministry ordered 39 airlifters from the Volga Aircraft Works in 2012, and was later promised a "
             "rate of 18 a year.")
    caps = {c.value: c.period for c in ex.claims if c.value in (39, 18)}
    assert caps.get(39) is None, describe(ex)


def test_annual_report_is_no_rate(run):
    ex = run("The Volga Aircraft Works delivered six airlifters in 2024, according to its annual report.")
    got = [c for c in ex.claims if c.value == 6]
    assert got and got[0].period is None, describe(ex)


def test_designator_digits_do_not_cut_off_a_rate(run):
    ex = run("The Istra Drone Centre builds up to 100 Orlan-10 airframes a month.")
    got = [c for c in ex.claims if c.value == 100]
    assert got and got[0].period == "month", describe(ex)


@pytest.mark.parametrize("text", ["The plant repairs two or three tanks a month.",
                                  "The plant repairs 2 or 3 tanks a month."])
def test_either_or_figures_are_a_range(text):
    from supplytrace.extract.pipeline import load_nlp
    from supplytrace.extract.relations import merge_ranges

    qs = merge_ranges(find_quantities(load_nlp()(text), text, []), text)
    assert [(q.value, q.unit, q.period) for q in qs] == [([2.0, 3.0], "tanks", "month")]


def test_a_rise_in_percent_to_an_amount_of_money_is_two_figures(quantities):
    from supplytrace.extract.relations import merge_ranges

    text = "Sales climbed 31 percent to 640 million rupees in the year to March."
    qs = merge_ranges(quantities(text), text)
    assert [(q.value, q.unit) for q in qs] == [(31.0, "percent"), (640000000.0, "INR")]


def test_counted_word_the_tagger_took_for_a_verb_and_a_hyphenated_adjective(quantities):
    qs = quantities("The group can now turn out 20,000 large-calibre rounds a month.")
    assert [(q.value, q.unit, q.period) for q in qs] == [(20000.0, "large-calibre rounds", "month")]



@pytest.mark.parametrize("text, value, unit, hedge", [
    ("The works would more than double its output of 2021.", 2.0, "times", "more than"),
    ("Deliveries were twice as many as in 2024.", 2.0, "times", None),
    ("Lens output rose roughly threefold since 2022.", 3.0, "times", "roughly"),
    ("We forge roughly three times as many barrels as before.", 3.0, "times", "roughly"),
    ("Output roughly tripled between 2022 and 2025.", 3.0, "times", "roughly"),
    ("Roughly one in five jobs at the plant is vacant.", 20.0, "percent", "roughly"),
    ("The broker charged roughly four times what local buyers paid.", 4.0, "times", "roughly"),
    ("Shipments to Serbia have risen about elevenfold since 2023.", 11.0, "times", "about"),
    ("The mill's sales abroad have grown six times since 2021.", 6.0, "times", None),
])
def test_multiples_and_one_in_n(quantities, text, value, unit, hedge):
    got = [q for q in quantities(text) if q.unit == unit]
    assert got and got[0].value == value and got[0].hedge == hedge, [(q.text, q.value, q.unit) for q in got]


@pytest.mark.parametrize("text", ["Workers do double shifts at the plant.", "Drones struck the plant twice in May.",
                                  "Inspectors have visited the mill six times since 2021."])
def test_double_as_an_adjective_or_twice_as_how_often_is_no_figure(quantities, text):
    assert not [q for q in quantities(text) if q.unit == "times"]


def test_a_share_after_by_or_to_with_perhaps(quantities):
    got = [(q.value, q.unit, q.hedge) for q in quantities("The military share fell from half to perhaps a third "
                                                          "today, and output will rise by a quarter.")]
    assert (33.3, "percent", "perhaps") in got and (25.0, "percent", None) in got, got


def test_a_multiple_compared_with_a_year_before_is_no_rate(quantities):
    got = [q for q in quantities("The shipyard launched twice as many hulls as a year earlier.") if q.unit == "times"]
    assert got and got[0].period is None


@pytest.mark.parametrize("text", [
    "The Kama Works' new periscope stood outside hall 3 at the fair.",
    "The Kama Works asked for sealed lead-acid batteries of a 12-volt type.",
    "The Kama Works' late director is survived by two daughters and four grandchildren.",
])
def test_labels_kinds_and_families_are_no_statistics(run, text):
    ex = run(text)
    assert not [c for c in ex.claims if c.predicate.value == "statistic"], ex.claims


@pytest.mark.parametrize(("text", "value"), [
    ("The yard repairs perhaps ten to twelve helicopters a year.", [10, 12]),
    ("A full overhaul takes two to three years.", [2, 3]),
])
def test_a_range_in_number_words(quantities, text, value):
    (q,) = quantities(text)
    assert q.value == value


def test_pounds_of_goods_are_a_weight_not_money(quantities):
    (q,) = quantities("The plant shipped 2,000 pounds of explosives.")
    assert q.unit != "GBP"


def test_from_two_to_three_is_a_change_not_a_range(quantities):
    qs = quantities("The plant raised output from two to three shifts a day.")
    assert all(not isinstance(q.value, list) for q in qs)


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("The lot sold for S$1.3 million.", 1_300_000, "SGD"),
    ("The broker kept HK$800,000.", 800_000, "HKD"),
    ("The firm paid US$3 million.", 3_000_000, "USD"),
])
def test_a_dollar_sign_with_its_countrys_letters(quantities, text, value, unit):
    (q,) = quantities(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text", [
    "The broker sells the motors on at roughly 1.6 times the price he paid.",
    "Shipments reached about 2.5 times their pre-war volume last year.",
])
def test_a_multiple_of_something_named_after_it_is_in_times(quantities, text):
    got = [q for q in quantities(text) if q.value in (1.6, 2.5)]
    assert got and got[0].unit == "times", got
