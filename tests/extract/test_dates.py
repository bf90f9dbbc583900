"""Dates normalised against the publication date, with their precision."""

from __future__ import annotations

import pytest

from supplytrace.extract.dates import find_dates

PUB = "2025-06-15"


def one(text: str, published: str | None = PUB):
    ds = [d for d in find_dates(text, published)]
    assert ds, f"no date in {text!r}"
    return ds[-1]


@pytest.mark.parametrize(("text", "value"), [
    ("The line opened in March 2024.", "2024-03"),
    ("Deliveries began on 4 May 2023.", "2023-05-04"),
    ("Deliveries began on May 4, 2023.", "2023-05-04"),
    ("The order was signed on 2024-11-02.", "2024-11-02"),
    ("It should be ready by 2030.", "2030"),
    ("Work resumes in early 2025.", "2025"),
    ("Output peaked in mid-2024.", "2024"),
    ("The plant will be finished by the end of 2026.", "2026-12"),
    ("The plant will be finished by the end of the year.", "2025-12"),
])
def test_values_and_precision(text, value):
    assert one(text).value == value


def test_preposition_kept():
    assert one("It should be ready by 2030.").prep == "by"
    assert one("It opened in March 2024.").prep == "in"


def test_month_without_year_takes_the_year_in_context():
    ds = find_dates("In 2023 the workshop was idle. In October it restarted.", PUB)
    assert [d.value for d in ds] == ["2023", "2023-10"]


def test_month_without_year_defaults_to_publication_year():
    assert one("The deal was signed in December.").value == "2025-12"


def test_may_the_verb_is_not_a_date():
    assert find_dates("The factory may expand its lines.", PUB) == []


def test_year_span():
    d = one("Exports grew steadily in 2021–2023.")
    assert (d.date_from, d.date_to) == ("2021", "2023")


def test_between_months():
    d = one("between March 2022 and June 2023")
    assert (d.date_from, d.date_to) == ("2022-03", "2023-06")


@pytest.mark.parametrize(("text", "value"), [
    ("The workshop opened last year.", "2024"),
    ("The workshop will open next year.", "2026"),
    ("The workshop opened earlier this year.", "2025"),
    ("The workshop will be finished by the end of next year.", "2026-12"),
])
def test_relative_years(text, value):
    assert one(text).value == value


def test_no_publication_date_leaves_relative_dates_open():
    ds = find_dates("It will be done by the end of the year.", None)
    assert all(d.value is None for d in ds)


def test_may_the_month_after_a_preposition():
    ds = find_dates("The line opened in 2024. It reached full output in May.", PUB)
    assert [d.value for d in ds] == ["2024", "2024-05"]


def test_may_the_verb_after_a_preposition_word_is_not_a_date():
    assert find_dates("Output in turn may fall, and work on may slow.", PUB) == []


def test_without_publication_date_a_month_takes_the_last_year_written():
    text = "Production began in February 2025.\n\nA second line is set to open in August, at full output by year's end."
    ds = find_dates(text, None)
    assert [d.value for d in ds] == ["2025-02", "2025-08", "2025-12"]


def test_month_of_a_relative_year_counts_from_publication_not_context():
    ds = find_dates("Work began in April 2023. The hall opened in July of this year and shut in March last year.", PUB)
    assert [d.value for d in ds] == ["2023-04", "2025-07", "2024-03"]


def test_may_the_verb_before_a_relative_year_is_not_a_date():
    assert [d.value for d in find_dates("Output may last year have doubled.", PUB)] == ["2024"]


@pytest.mark.parametrize(("text", "value"), [
    ("Earthworks began last April.", "2025-04"),      # PUB is 2025-06-15
    ("Earthworks began last August.", "2024-08"),
    ("It should open next March.", "2026-03"),
    ("The shop was commissioned on 19 October.", "2025-10-19"),
    ("It opened October 19 after delays.", "2025-10-19"),
    ("It was meant to start this spring.", "2025"),
    ("It should reach full capacity next spring.", "2026"),
    ("It opened in spring 2024.", "2024"),
])
def test_relative_months_days_and_seasons(text, value):
    assert one(text).value == value


def test_context_year_comes_from_a_written_year_not_a_relative_one():
    ds = find_dates("Work began in August last year. The shop was commissioned on 19 October.", PUB)
    assert [d.value for d in ds] == ["2024-08", "2025-10-19"]
    ds = find_dates("Work began in 2023. In the spring it stopped.", PUB)
    assert [d.value for d in ds] == ["2023", "2023"]


def test_month_after_a_later_month_moves_into_the_next_year():
    text = "The hangar was finished in November 2025, and work on the test stand began in February."
    found = find_dates(text, "2026-04-10")
    assert [d.value for d in found] == ["2025-11", "2026-02"]
    # but not past the publication date: then it is the earlier February
    assert [d.value for d in find_dates(text, "2026-01-10")] == ["2025-11", "2025-02"]


def test_a_quarter_or_half_without_a_year_is_dated_to_the_year_in_context():
    found = find_dates("In 2025 output rose, and in the first half the plant hired 300 people. A second line "
                       "opens in the fourth quarter of 2027.", "2026-01-21")
    assert [(d.text, d.value) for d in found] == [("In 2025", "2025"), ("in the first half", "2025"),
                                                 ("in the fourth quarter of 2027", "2027")]


def test_a_season_takes_a_year_named_as_this_year_in_context():
    ds = find_dates("A hall was finished in December 2024, and work on a stand began in February this year. The "
                    "stand should start work in the autumn.", PUB)
    assert ds[-1].value == "2025"


@pytest.mark.parametrize("text,span", [
    ("It shipped 40 trucks between January and March.", ("2025-01", "2025-03")),
    ("It shipped 40 trucks between July and September.", ("2024-07", "2024-09")),  # would end after publication
    ("Exports fell in 2024. They rose again between February and April.", ("2024-02", "2024-04")),
    ("Figures for January-June 2025 were released.", ("2025-01", "2025-06")),
    ("from March to May 2025", ("2025-03", "2025-05")),
    ("In January to May exports rose.", ("2025-01", "2025-05")),
])
def test_spans_of_months(text, span):
    ds = [d for d in find_dates(text, PUB) if d.date_from]
    assert [(d.date_from, d.date_to) for d in ds] == [span]


def test_months_out_of_order_are_no_span():
    assert not [d for d in find_dates("from June to March", PUB) if d.date_from]


def test_two_months_joined_by_and_are_no_span():
    assert not [d for d in find_dates("Deliveries in January and June rose.", PUB) if d.date_from]


def test_no_date_runs_across_a_paragraph_break():
    text = "The Outlet\n2026-05-01\n\nMarch 2019: the works changed hands."
    got = {(d.text, d.value) for d in find_dates(text, "2026-05-01")}
    assert ("March 2019", "2019-03") in got and not any("\n\n" in t for t, _ in got)


@pytest.mark.parametrize(("text", "value"), [
    ("Building work began in the spring of last year.", "2024"),
    ("Deliveries resume in the autumn of next year.", "2026"),
    ("The new workshop was opened this morning.", PUB),
    ("The hall was handed over yesterday.", "2025-06-14"),
])
def test_seasons_of_relative_years_and_days_of_the_news(text, value):
    d = one(text)
    assert d.value == value, (text, d)


def test_a_day_of_the_news_needs_a_day_of_publication():
    assert not find_dates("The new workshop was opened this morning.", "2025-06")


@pytest.mark.parametrize(("text", "published", "value"), [
    ("The hall went into operation last month.", "2026-01-15", "2025-12"),
    ("The hall goes into operation next month.", "2026-12-03", "2027-01"),
    ("The hall went into operation this month.", "2026-05-20", "2026-05"),
])
def test_relative_months(text, published, value):
    ds = find_dates(text, published)
    assert [d.value for d in ds] == [value]


def test_over_the_past_month_is_no_month_of_its_own():
    assert find_dates("Output rose over the past month.", "2026-05-20") == []


@pytest.mark.parametrize(("text", "value", "prep"), [
    ("The hall should be ready by the third quarter of 2027.", "2027", "by"),
    ("Output began in the last quarter of 2024.", "2024", "in"),
    ("The second line starts in the first quarter of next year.", "2026", "in"),
    ("Deliveries resume in the second half of this year.", "2025", "in"),
])
def test_a_quarter_or_half_of_a_named_year_is_that_year(text, value, prep):
    d = one(text)
    assert (d.value, d.prep) == (value, prep), d


def test_a_deadline_year_is_no_year_for_a_month_written_after_it():
    ds = find_dates("The plant aims to triple output by 2029. Work on its new hall began in June.", "2026-10-01")
    assert [d.value for d in ds] == ["2029", "2026-06"], ds


def test_a_year_the_story_is_told_in_still_dates_a_later_month():
    ds = find_dates("The plant was founded in 2019. Work on its first hall began in June.", "2026-10-01")
    assert [d.value for d in ds] == ["2019", "2019-06"], ds


@pytest.mark.parametrize(("text", "value"), [
    ("The hall opened on Monday.", "2025-06-09"),  # PUB is a Sunday: the Monday before it
    ("The hall opened on Sunday.", "2025-06-15"),
    ("The ministry replied on Friday.", "2025-06-13"),
])
def test_a_day_of_the_week_is_the_last_such_day_by_publication(text, value):
    assert one(text).value == value


def test_a_day_of_the_week_a_plant_opens_a_shop_dates_the_milestone_and_the_future_looks_ahead():
    from supplytrace.extract import get_extractor
    from supplytrace.sources.common import make_document

    text = ("Plant opens a shop\nUral Courier\n3 December 2026\n\nThe Kurgan Radio Plant opened a new antenna assembly "
            "shop on Monday. Its second new assembly shop will open on Friday.\n")
    ex = get_extractor().extract(make_document(text, source="weekday.txt", published="2026-12-03"))
    dates = sorted(c.date for c in ex.claims if c.predicate.value == "milestone")
    assert dates == ["2026-11-30", "2026-12-04"], [(c.predicate.value, c.date) for c in ex.claims]


def test_a_day_the_court_heard_of_a_figure_does_not_date_the_figure():
    from supplytrace.extract import get_extractor
    from supplytrace.sources.common import make_document

    text = ("Trader in court\nLakeland Post\n3 December 2026\n\nProsecutors told the court on Monday that Vyborg Radio "
            "Trade shipped 640 microwave transistors to Moscow.\n")
    ex = get_extractor().extract(make_document(text, source="court.txt", published="2026-12-03"))
    assert all(c.date != "2026-11-30" for c in ex.claims), [(c.predicate.value, c.date) for c in ex.claims]
