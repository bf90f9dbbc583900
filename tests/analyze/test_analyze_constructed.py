"""Consolidation, origins, conflicts and timelines on small extractions written for these tests."""

from __future__ import annotations

from supplytrace.analyze import api
from supplytrace.model import Claim
from supplytrace.vocab import MilestoneEvent, Modality, Predicate

P = Predicate
PLANT = ("plant", "Borisov Optics Works", "organization", ["BOW"], "BY")
AGENCY = ("gur", "Defence Intelligence of Ukraine", "organization", ["HUR"], "UA")
TANK = ("t72", "T-72B3", "weapon_system", [], "RU")
SIGHTS = ("sights", "tank sights", "product", ["sights"], None)


def relay(build, store, outlet: str, text: str) -> str:
    """An outlet relaying the agency's statement: sights for the T-72B3, attributed to the agency."""
    return build(store, text, [PLANT, AGENCY, TANK, SIGHTS], [
        Claim("plant", P.USED_IN, object="t72", attributed_to=["gur"], evidence=text),
        Claim("plant", P.PRODUCES, object_text="tank sights", attributed_to=["gur"], evidence=text),
    ], outlet=outlet)


def test_two_outlets_relaying_one_agency_are_one_origin(store, build) -> None:
    relay(build, store, "Outlet A", "HUR says Borisov Optics Works sights go into the T-72B3.")
    relay(build, store, "Outlet B", "According to HUR, BOW makes sights for T-72B3 tanks.")
    c = [c for c in api.claims(store, predicate="used_in")][0]
    assert c.articles == 2 and c.n_origins == 1 and c.origins == ["Defence Intelligence of Ukraine"]
    assert {e.outlet for e in c.evidence} == {"Outlet A", "Outlet B"}


def test_own_reporting_by_another_outlet_is_a_second_origin(store, build) -> None:
    relay(build, store, "Outlet A", "HUR says Borisov Optics Works sights go into the T-72B3.")
    build(store, "Our reporters found BOW sights in captured T-72B3 tanks.", [PLANT, TANK], [
        Claim("plant", P.USED_IN, object="t72", evidence="BOW sights in captured T-72B3 tanks")], outlet="Outlet C")
    c = api.claims(store, predicate="used_in")[0]
    assert c.n_origins == 2 and set(c.origins) == {"Defence Intelligence of Ukraine", "Outlet C"}


def test_person_counts_as_agency_only_when_linked(store, build) -> None:
    spokesman = ("yusov", "Andriy Yusov", "person", [], "UA")
    build(store, "Andriy Yusov of HUR said BOW sights go into the T-72B3.", [PLANT, AGENCY, TANK, spokesman], [
        Claim("plant", P.USED_IN, object="t72", attributed_to=["yusov"], evidence="BOW sights go into the T-72B3"),
        Claim("yusov", P.PART_OF, object="gur", evidence="Andriy Yusov of HUR"),
    ], outlet="Outlet A")
    relay(build, store, "Outlet B", "HUR says Borisov Optics Works sights go into the T-72B3.")
    c = api.claims(store, predicate="used_in")[0]
    assert c.origins == ["Defence Intelligence of Ukraine"]


def test_unlinked_person_is_their_own_origin(store, build) -> None:
    analyst = ("smith", "Jane Smith", "person", [], None)
    build(store, "Analyst Jane Smith says BOW sights go into the T-72B3.", [PLANT, TANK, analyst], [
        Claim("plant", P.USED_IN, object="t72", attributed_to=["smith"], evidence="BOW sights go into the T-72B3"),
    ], outlet="Outlet A")
    relay(build, store, "Outlet B", "HUR says Borisov Optics Works sights go into the T-72B3.")
    c = api.claims(store, predicate="used_in")[0]
    assert set(c.origins) == {"Jane Smith", "Defence Intelligence of Ukraine"}


def test_product_variants_consolidate(store, build) -> None:
    relay(build, store, "Outlet A", "HUR: Borisov Optics Works makes tank sights.")
    build(store, "BOW produces sights.", [PLANT, SIGHTS], [
        Claim("plant", P.PRODUCES, object_text="sights", evidence="BOW produces sights")], outlet="Outlet C")
    produces = api.claims(store, predicate="produces")
    assert len(produces) == 1 and produces[0].articles == 2 and produces[0].product_name == "tank sights"


def test_goods_worded_differently_consolidate_and_keep_each_wording(store, build) -> None:
    relay(build, store, "Outlet A", "HUR: Borisov Optics Works makes tank sights.")
    build(store, "BOW produces sights for the T-72B3.", [PLANT, SIGHTS, TANK], [
        Claim("plant", P.PRODUCES, object_text="sights", object_detail="sights for the T-72B3",
              evidence="BOW produces sights for the T-72B3")], outlet="Outlet C")
    produces = api.claims(store, predicate="produces")
    assert len(produces) == 1 and produces[0].articles == 2
    assert {e.goods for e in produces[0].evidence} == {None, "sights for the T-72B3"}


def capacity(value: float, date: str | None, modality: Modality, unit: str = "shells", period: str = "year",
             text: str = "") -> Claim:
    return Claim("plant", P.CAPACITY, object_text="artillery shells", value=value, unit=unit, period=period,
                 date=date, modality=modality, evidence=text or f"{value} shells")


def test_figures_per_year_now_vs_planned_by_date_are_related(store, build) -> None:
    build(store, "The plant makes 480,000 shells a year.", [PLANT],
          [capacity(480000, "2025", Modality.REPORTED)], outlet="A")
    build(store, "The plant plans 450,000 shells a year by 2028.", [PLANT],
          [capacity(450000, "2028", Modality.PLANNED)], outlet="B")
    found = api.conflicts(store)
    assert [c.kind for c in found] == ["related"]


def test_same_scope_different_figures_contradict(store, build) -> None:
    build(store, "The plant makes 480,000 shells a year.", [PLANT],
          [capacity(480000, "2025", Modality.REPORTED)], outlet="A")
    build(store, "The plant makes 200,000 shells a year.", [PLANT],
          [capacity(200000, "2025", Modality.REPORTED)], outlet="B")
    found = api.conflicts(store)
    assert [c.kind for c in found] == ["contradiction"]
    assert "480,000" in found[0].note and "200,000" in found[0].note


def test_hedged_figures_within_precision_agree(store, build) -> None:
    build(store, "The plant makes about 480,000 shells a year.", [PLANT],
          [capacity(480000, "2025", Modality.REPORTED, text="about 480,000 shells a year")], outlet="A")
    build(store, "The plant makes 450,000 shells a year.", [PLANT],
          [capacity(450000, "2025", Modality.REPORTED)], outlet="B")
    assert api.conflicts(store) == []


def test_units_convert_before_comparing(store, build) -> None:
    months = Claim("plant", P.STATISTIC, object_text="time to build", value=[12, 18], unit="months",
                   evidence="12-18 months")
    years = Claim("plant", P.STATISTIC, object_text="time to build", value=[1, 1.5], unit="years",
                  evidence="1-1.5 years")
    build(store, "Within 12-18 months.", [PLANT], [months], outlet="A")
    build(store, "Within 1-1.5 years.", [PLANT], [years], outlet="B")
    stats = api.claims(store, predicate="statistic")
    assert len(stats) == 1 and stats[0].articles == 2


def milestone(event: MilestoneEvent, date: str | None, modality: Modality = Modality.REPORTED) -> Claim:
    return Claim("plant", P.MILESTONE, event=event, date=date, modality=modality, evidence=f"{event} {date}")


def test_milestone_dates_precision_and_difference(store, build) -> None:
    build(store, "Full capacity in March 2025; started February 2025.", [PLANT], [
        milestone(MilestoneEvent.FULL_CAPACITY, "2025-03"), milestone(MilestoneEvent.OPERATIONS_STARTED, "2025-02"),
        milestone(MilestoneEvent.SCHEDULED_LAUNCH, "2026-06", Modality.PLANNED)], outlet="A")
    build(store, "Full capacity early 2025; restarted in 2024.", [PLANT], [
        milestone(MilestoneEvent.FULL_CAPACITY, "2025"), milestone(MilestoneEvent.OPERATIONS_STARTED, "2024")],
        outlet="B")
    kinds = {c.measure: c.kind for c in api.conflicts(store)}
    assert kinds == {"milestone: full_capacity": "agree", "milestone: operations_started": "contradiction"}
    tl = api.timeline(store, "BOW")
    assert [(e.date, e.event, e.status) for e in tl] == [
        ("2024", "operations_started", "done"), ("2025-02", "operations_started", "done"),
        ("2025-03", "full_capacity", "done"), ("2026-06", "scheduled_launch", "planned")]


def test_figures_side_by_side_in_one_article_are_not_conflicts(store, build) -> None:
    build(store, "450,000 shells and 300,000 rockets a year.", [PLANT], [
        capacity(450000, "2028", Modality.PLANNED), capacity(300000, "2028", Modality.PLANNED)], outlet="A")
    assert api.conflicts(store) == []


def test_announced_plan_relayed_by_a_service_is_one_origin(store, build) -> None:
    official = ("o", "Ivan Petrov", "person", [], "RU")
    service = ("s", "State Security Service", "organization", [], "LV")
    factory = ("f", "Vitebsk drone factory", "facility", [], "BY")
    plan = dict(value=100000, unit="drones", period="year", object_text="drones", modality=Modality.PLANNED)
    build(store, "Petrov offered a factory for 100,000 drones a year.", [official, service, factory], [
        Claim("f", P.CAPACITY, attributed_to=["o"], evidence="100,000 drones a year", **plan),
        Claim("f", P.CAPACITY, attributed_to=["s"], evidence="the service confirms 100,000 a year", **plan),
    ], outlet="A")
    c = api.claims(store, predicate="capacity")[0]
    assert c.origins == ["Ivan Petrov"] and len(c.evidence) == 2


def test_api_caches_and_refreshes(store, build) -> None:
    relay(build, store, "Outlet A", "HUR says BOW sights go into the T-72B3.")
    a = api.claims(store)
    assert api.claims(store) == a
    relay(build, store, "Outlet B", "HUR again: BOW sights, T-72B3.")
    assert api.claims(store, predicate="used_in")[0].articles == 2


# -- origin labels: what a reader recognises, never a document id -----------------------------------
def own_reporting(build, store, text: str, **doc) -> str:
    return build(store, text, [PLANT, TANK], [Claim("plant", P.USED_IN, object="t72", evidence=text)], **doc)


def test_origin_without_outlet_is_the_website(store, build) -> None:
    a = own_reporting(build, store, "BOW sights were found in T-72B3 tanks.",
                      url="https://www.example-news.org/2025/05/bow-sights", title="Sights in tanks")
    own_reporting(build, store, "Captured T-72B3 tanks carry BOW sights.",
                  url="https://example-news.org/2025/06/more", title="More sights")
    c = api.claims(store, predicate="used_in")[0]
    # one website, one origin, labelled by the domain
    assert c.articles == 2 and c.origins == ["example-news.org"]
    assert {e.origin for e in c.evidence} == {"example-news.org"}
    assert all(a[:8] not in e.origin for e in c.evidence)


def test_origin_on_a_platform_is_the_channel(store, build) -> None:
    own_reporting(build, store, "BOW sights were found in T-72B3 tanks.", url="https://t.me/hajun_by/4521")
    own_reporting(build, store, "Captured T-72B3 tanks carry BOW sights.", url="https://t.me/s/belpol/88")
    c = api.claims(store, predicate="used_in")[0]
    assert sorted(c.origins) == ["t.me/belpol", "t.me/hajun_by"]


def test_origin_without_outlet_or_url_is_the_title_one_per_article(store, build) -> None:
    a = own_reporting(build, store, "BOW sights were found in T-72B3 tanks.", title="Belarusian optics at the front")
    b = own_reporting(build, store, "Captured T-72B3 tanks carry BOW sights.")
    c = api.claims(store, predicate="used_in")[0]
    assert c.n_origins == 2
    labels = {e.doc_id: e.origin for e in c.evidence}
    assert labels[a] == "“Belarusian optics at the front”"
    assert labels[b].startswith("untitled article “Captured T-72B3")
    for doc_id, label in labels.items():
        assert doc_id[:8] not in label and "outlet not named" not in label


def test_named_outlet_wins_over_website(store, build) -> None:
    own_reporting(build, store, "BOW sights were found in T-72B3 tanks.", outlet="Outlet A",
                  url="https://example-news.org/x")
    assert api.claims(store, predicate="used_in")[0].origins == ["Outlet A"]


def test_long_titles_are_shortened(store, build) -> None:
    title = "A very long headline " * 10
    own_reporting(build, store, "BOW sights were found in T-72B3 tanks.", title=title)
    label = api.claims(store, predicate="used_in")[0].origins[0]
    assert label.endswith("…”") and len(label) < 80


def test_percentages_of_different_things_are_not_a_conflict(store, build) -> None:
    BY = ("by", "Belarus", "place", [], "BY")
    trade = Claim("by", P.STATISTIC, object_text="share of trade conducted with Russia", value=40, unit="percent",
                  evidence="40% of its trade with Russia")
    firms = Claim("by", P.STATISTIC, object_text="enterprises taking part in defence orders", value=80,
                  unit="percent", evidence="80% of enterprises take part")
    build(store, "Some 40% of its trade was with Russia.", [BY], [trade], outlet="A")
    build(store, "More than 80% of enterprises take part in defence orders.", [BY], [firms], outlet="B")
    assert api.conflicts(store) == []
    same = Claim("by", P.STATISTIC, object_text="share of trade with Russia", value=60, unit="percent",
                 evidence="60% of trade with Russia")
    build(store, "About 60% of trade is with Russia.", [BY], [same], outlet="C")
    assert [c.kind for c in api.conflicts(store)] == ["contradiction"]


def test_conflict_notes_write_numbers_in_full(store, build) -> None:
    build(store, "The plant makes 1,400,000 shells a year.", [PLANT],
          [capacity(1400000, "2025", Modality.REPORTED)], outlet="A")
    build(store, "The plant makes 200,000 shells a year.", [PLANT],
          [capacity(200000, "2025", Modality.REPORTED)], outlet="B")
    note = api.conflicts(store)[0].note
    assert "1,400,000" in note and "e+06" not in note


def test_alias_explanations_name_the_article_not_its_id(store, build) -> None:
    doc = build(store, "Borisov Optics Works, or BOW, makes sights.", [PLANT], [], title="Optics for tanks")
    names = api.explain(store, api.find_entity(store, "BOW").id)
    assert names and all(doc[:12] not in (n.detail or "") for n in names)
    assert any("“Optics for tanks”" in (n.detail or "") for n in names)
