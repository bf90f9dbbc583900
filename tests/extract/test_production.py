"""Production written without a plain verb of making (extract/production.py). Sentences and enterprises are
invented."""

from __future__ import annotations

import pytest
from extract_helpers import claims, describe, entity, key_of


def _made(ex, maker):
    return sorted(c.object_text or c.object for c in claims(ex, "produces", maker))


def test_work_on_goods_is_production_naming_the_work(run):
    ex = run("The Gomel Aviation Repair Plant overhauls Ka-226 utility helicopters and Mi-35 gunships.")
    assert _made(ex, "Gomel Aviation Repair Plant") == ["overhauls of Ka-226 utility helicopters",
                                                        "overhauls of Mi-35 gunships"], describe(ex)


def test_conjoined_kinds_of_work_are_named_together(run):
    ex = run("The Barysaw Armour Plant, which repairs and rebuilds armoured recovery vehicles, is hiring.")
    assert _made(ex, "Barysaw Armour Plant") == ["repairs and rebuilding of armoured recovery vehicles"], \
        describe(ex)


def test_specialising_in_goods(run):
    ex = run("The Kama Optics Works specialises in periscopes and laser rangefinders.")
    assert _made(ex, "Kama Optics Works") == ["laser rangefinders", "periscopes"], describe(ex)


def test_a_main_product_and_a_product_range(run):
    ex = run("The Kama Optics Works' main product is periscopes. Its product range also includes laser "
             "rangefinders.")
    assert _made(ex, "Kama Optics Works") == ["laser rangefinders", "periscopes"], describe(ex)


def test_workers_assembling_goods_at_a_site(run):
    ex = run("At the Kama Optics Works, workers assemble periscopes in two shifts.")
    assert _made(ex, "Kama Optics Works") == ["periscopes"], describe(ex)


def test_goods_coming_off_the_line_at_a_site(run):
    ex = run("The first periscopes came off the line at the Kama Optics Works in March.")
    assert _made(ex, "Kama Optics Works") == ["periscopes"], describe(ex)


def test_a_plant_that_focuses_on_a_market_makes_nothing_by_that(run):
    ex = run("The Kama Optics Works will focus on export markets next year.")
    assert not claims(ex, "produces"), describe(ex)


def test_repairing_a_relationship_is_not_production(run):
    ex = run("The Kama Optics Works hopes to repair its ties with the Tula Arms Plant.")
    assert key_of(ex, "Kama Optics Works") not in {c.subject for c in claims(ex, "produces")}, describe(ex)


def test_an_enterprise_showing_its_own_goods_makes_them(run):
    ex = run("At the fair, the Kama Optics Works displayed its new periscope. It also unveiled the Orlan-30 drone.")
    made = {c.object_text or c.object for c in claims(ex, "produces", "Kama Optics Works")}
    assert made == {"periscope", key_of(ex, "Orlan-30")}, describe(ex)


def test_a_stand_or_brochure_shows_its_enterprises_goods(run):
    ex = run("The Kama Optics Works' booth featured the Orlan-30 drone. A brochure from the Kama Optics Works listed "
             "periscopes for armoured vehicles.")
    made = {c.object_text or c.object for c in claims(ex, "produces", "Kama Optics Works")}
    assert made == {"periscopes", key_of(ex, "Orlan-30")}, describe(ex)


def test_showing_someone_elses_goods_or_captured_ones_makes_nothing(run):
    ex = run("The Kama Optics Works showed Rostec's new drone. The Defence Ministry displayed a captured Bayraktar "
             "drone.")
    assert not claims(ex, "produces"), describe(ex)


def test_work_on_things_that_are_no_goods_is_no_production(run):
    ex = run("The Kama Works upgraded its website and repaired the roads around its site. It also overhauls its "
             "finances every year.")
    assert not claims(ex, "produces"), describe(ex)


def _made_by(ex, maker: str) -> set[str | None]:
    return {c.object_text for c in claims(ex, "produces", maker)}


def test_a_named_plant_which_makes_goods_the_vocabulary_lacks(run):
    ex = run("Billets also go to the Svisloch Hardware plant, which makes nails and rivets.")
    assert {"nails", "rivets"} <= _made_by(ex, "Svisloch Hardware"), describe(ex)


def test_a_plant_in_a_town_which_makes_goods(run):
    ex = run("The billets travel to Sormovo Plants in Perm, which makes artillery systems.")
    assert "artillery systems" in _made_by(ex, "Sormovo Plants"), describe(ex)
    assert not claims(ex, "produces", "Perm"), describe(ex)


def test_goods_a_firm_makes_keep_the_whole_hyphenated_word(run):
    """"makes fibre-optic spools": the product is named with the whole word before the noun, not with what
    follows its hyphen."""
    ex = run("Lida Glassworks makes fibre-optic spools for drone operators.")
    assert entity(ex, "fibre-optic spools") is not None and entity(ex, "optic spools") is None, describe(ex)


def test_companies_in_general_which_made_goods_make_nothing_here(run):
    ex = run("The Orsha Drone Factory opened in May. Companies that once produced civilian goods now make parts.")
    assert "civilian goods" not in _made_by(ex, "Orsha Drone Factory"), describe(ex)


def test_what_goes_into_the_forge_is_material_what_comes_out_is_made_by(run):
    ex = run("The Neman Forge Works presses steel billets into shell bodies.")
    made = _made_by(ex, "Neman Forge Works")
    assert "shell bodies" in made and "steel billets" not in made, describe(ex)


def test_what_goods_are_filled_with_is_not_made(run):
    ex = run("The Rechytsa Casting Plant makes shell bodies. It ships the bodies to the Tomsk Cartridge Plant, where "
             "they are filled with explosives.")
    assert "explosives" not in _made_by(ex, "Rechytsa Casting Plant") | _made_by(ex, "Tomsk Cartridge Plant"), \
        describe(ex)


def test_the_company_an_enterprise_speaks_of_is_itself(run):
    ex = run("Officials at the Lomov Instrument Works declined to comment. The company makes diesel engines, the "
             "Neman Motor Works said in a statement.")
    assert "diesel engines" in _made_by(ex, "Neman Motor Works"), describe(ex)
    assert "diesel engines" not in _made_by(ex, "Lomov Instrument Works"), describe(ex)


@pytest.mark.parametrize(("text", "goods"), [
    ("The Korvin Works builds gun barrels, large-calibre tubes and radar masts.", "radar masts"),
    ("The Korvin Works makes tank tracks, road wheels and idler sprockets.", "idler sprockets"),
    ("The Korvin Works sells cables and oscilloscopes to Russian buyers.", "oscilloscopes"),
])
def test_goods_listed_with_known_goods_are_goods_too(run, text, goods):
    ex = run(text)
    assert goods in {c.object_text for c in claims(ex, "produces", "Korvin Works")} | \
        {c.object_text for c in claims(ex, "supplies", "Korvin Works")}, describe(ex)


def test_an_abstract_noun_listed_with_goods_is_not_goods(run):
    ex = run("Minsk supports Moscow with weapons components, vehicle platforms and a large expansion of shell output.")
    assert not [e for e in ex.entities if "expansion" in e.name], describe(ex)


@pytest.mark.parametrize(("text", "maker", "goods"), [
    ("Volna Optics assembles sights in Orsha.", "Volna Optics", "sights"),
    ("Kama Forge repairs engines for helicopters.", "Kama Forge", "engines"),
    ("Kama Forge grinds bearings for tanks.", "Kama Forge", "bearings"),
    ("Kama Forge turns out casings for rockets.", "Kama Forge", "casings"),
    ("Kama Forge solders circuit boards for radios.", "Kama Forge", "circuit boards"),
])
def test_a_bare_name_doing_industrial_work_on_goods_makes_them(run, text, maker, goods):
    ex = run("Officials at the Lomov Instrument Works would not comment on Tuesday. " + text)
    assert entity(ex, maker) is not None and entity(ex, maker).type.value == "organization", describe(ex)
    assert any(goods in (c.object_text or "") for c in claims(ex, "produces", maker)), describe(ex)


def test_a_making_verb_taken_for_the_subject_of_the_goods_still_makes_them(run):
    ex = run("Officials at the Lomov Instrument Works would not comment on Tuesday. Volna Optics manufactures sights "
             "for tanks.")
    assert "sights" in {c.object_text for c in claims(ex, "produces", "Volna Optics")}, describe(ex)


def test_services_listed_with_goods_are_no_goods(run):
    ex = run("Kvarts supplies drones and training to the army, along with spare parts and advice.")
    assert not [e for e in ex.entities if e.name in ("training", "advice")], describe(ex)


def test_output_of_goods_at_a_works_is_its_production(run):
    ex = run("Officials at the Lomov Instrument Works would not comment on Tuesday. Output of thermal sights at Volna "
             "Optics doubled last year.")
    assert {c.subject for c in claims(ex, "produces")} == {key_of(ex, "Volna Optics")}, describe(ex)


def test_goods_an_enterprise_is_named_as_having_are_its_make(run):
    ex = run("Volna Optics builds optics in Orsha. Volna Optics's thermal sights are fitted to tanks.")
    assert "thermal sights" in {c.object_text for c in claims(ex, "produces", "Volna Optics")}, describe(ex)
    ex = run("Volna Optics builds optics in Orsha. Volna Optics's Vitebsk unit makes lenses.")
    assert "Vitebsk unit" not in {c.object_text for c in claims(ex, "produces")}, describe(ex)


@pytest.mark.parametrize("name", ["Dvina Motor Works", "Volna Optics"])
def test_a_making_verb_misread_before_a_past_form_of_the_goods(run, name):
    # the small model reads "builds" as the subject of "tracked", or "tracked chassis" as a clause
    ex = run(name + " builds tracked chassis as well as railway cranes.")
    assert any("chassis" in (t or "") for t in _made_by(ex, name)), describe(ex)
    assert all(not c.attributed_to for c in ex.claims), describe(ex)


def test_a_model_described_as_goods_built_by_a_maker(run):
    ex = run("The Orion-2 is a reconnaissance drone made by Kronstadt Group in Dubna.")
    got = claims(ex, "produces", "Kronstadt Group")
    assert key_of(ex, "Orion-2") in {c.object for c in got}, describe(ex)


@pytest.mark.parametrize("text", [
    "The Tor launchers are assembled in Belarus. The missiles for those launchers are made by the Kama Machine Works.",
    "The missiles for the Tor are made by the Kama Machine Works, a Russian firm.",
])
def test_goods_for_a_named_weapon_made_by_a_firm_are_its_goods(run, text):
    ex = run(text)
    assert any(t and t.startswith("missiles") for t in _made_by(ex, "Kama Machine Works")), describe(ex)


@pytest.mark.parametrize(("text", "maker"), [
    ("The Veltron plant makes targeting pods for Su-34 bombers.", "Veltron"),
    ("The Kazan Optical-Mechanical Plant, a maker of targeting pods for Su-34 bombers, buys modules from China.",
     "Kazan Optical-Mechanical Plant"),
])
def test_goods_whose_first_word_reads_as_a_verb_are_made(run, text, maker):
    """The tagger reads "targeting pods" as "targeting" taking "pods" as its object; they are still the goods."""
    ex = run(text)
    assert any((c.object_text or "") == "targeting pods" for c in claims(ex, "produces", maker)), describe(ex)


def test_a_word_of_the_goods_names_is_no_plan(run):
    """"targeting pods for Su-34 bombers": "targeting" is part of what is made, not a target being planned."""
    ex = run("The Veltron plant makes targeting pods for Su-34 bombers.")
    cs = claims(ex, "used_in", "Veltron") + claims(ex, "produces", "Veltron")
    assert cs and all(c.modality.value == "reported" for c in cs), describe(ex)


def test_goods_a_works_is_believed_to_have_started_making_are_its_possible_products(run):
    ex = run("The Veltron Tractor Works is believed to have started producing components for Russian attack drones.")
    got = claims(ex, "produces", "Veltron Tractor Works")
    assert got and got[0].modality.value == "possible", describe(ex)


def test_goods_that_turned_up_in_a_weapon_do_not_make_their_maker_its_producer(run):
    """"turn" makes goods only with "out": chips that "turned up in" missiles went into them."""
    ex = run("Chips from the Veltron factory have turned up in Kh-101 missiles recovered in Ukraine.")
    assert not claims(ex, "produces"), describe(ex)
    assert key_of(ex, "Kh-101") in {c.object for c in claims(ex, "used_in")}, describe(ex)
    ex = run("The Veltron plant turns out Kh-101 missiles.")
    assert key_of(ex, "Kh-101") in {c.object for c in claims(ex, "produces", "Veltron")}, describe(ex)
    ex = run("The Veltron plant turns out 200 Kh-101 missiles a year.")  # (a rate: its capacity says so)
    assert [c.object_text for c in claims(ex, "capacity", "Veltron")] == ["Kh-101 missiles"], describe(ex)


def test_goods_made_by_two_coordinated_makers_are_made_by_both(run):
    ex = run("The lathes were made by Taiwan's Victor Taichung and by the Italian firm Biglia, according to the "
             "records.")
    assert claims(ex, "produces", "Victor Taichung") and claims(ex, "produces", "Biglia"), describe(ex)


def test_goods_the_parser_took_for_a_clauses_subject_after_a_making_verb(run):
    ex = run("Oghab Engine Industries makes the piston engines that power Shahed-136 drones.")
    assert [c for c in claims(ex, "produces", "Oghab Engine Industries") if c.object_text == "piston engines"], \
        describe(ex)


def test_goods_referred_back_by_their_bare_noun_take_their_fuller_name(run):
    ex = run("Kestrel Motors designed the small turbojet engine used in the drone. Orbis Works in Perm produces the "
             "engine under licence.")
    assert "turbojet engine" in {c.object_text for c in claims(ex, "produces", "Orbis Works")}, describe(ex)


def test_a_bare_noun_not_referring_back_keeps_its_name(run):
    ex = run("Kestrel Motors designed a small turbojet engine. Orbis Works in Perm produces engines for trucks.")
    assert "turbojet engine" not in {c.object_text for c in claims(ex, "produces", "Orbis Works")}, describe(ex)


@pytest.mark.parametrize(("text", "detail"), [
    ("A trader in Narva shipped some 640 microwave power transistors to Pskov last year. According to the "
     "indictment, the transistors were made by Tallgrass Semiconductor.", "microwave power transistors"),
    ("Customs declarations list 2,300 drums of Korean coaxial cable sent to Tver. The drums are made by "
     "Daesan Wire Co., a maker in Ulsan.", "drums of Korean coaxial cable"),
])
def test_goods_counted_with_their_kind_describe_the_bare_noun_made_later(run, text, detail):
    ex = run(text)
    made = claims(ex, "produces", text.split(" by ")[1].split(",")[0].rstrip("."))
    assert [c for c in made if detail in (c.object_text, c.object_detail)], describe(ex)


def test_a_bare_noun_after_goods_counted_with_another_head_keeps_its_name(run):
    ex = run("A trader in Narva shipped some 640 microwave power transistors to Pskov. The capacitors were made by "
             "Tallgrass Semiconductor.")
    assert [c.object_text for c in claims(ex, "produces", "Tallgrass Semiconductor")] == ["capacitors"], describe(ex)


@pytest.mark.parametrize("text", [
    "The bearings come from Liaoning Gear Works in Shenyang.",
    "Volga Tractors fits its vehicles with gearboxes from Liaoning Gear Works.",
])
def test_named_goods_a_company_sends_are_its_own_make(run, text):
    ex = run(text)
    made = [c.object_text for c in claims(ex, "produces", "Liaoning Gear Works")]
    assert made and any(t in made[0] for t in ("bearings", "gearboxes")), describe(ex)


@pytest.mark.parametrize("text", [
    "The capacitors come from Orel Components, a distributor in Moscow.",
    "The bearings come from Irtysh Metal Trade.",
])
def test_goods_from_a_company_that_only_trades_are_not_its_make(run, text):
    ex = run(text)
    assert not claims(ex, "produces"), describe(ex)


@pytest.mark.parametrize(("text", "goods"), [
    ("The Kaluga Wood Plant now cuts and laminates wing spars from birch plywood.", "wing spars"),
    ("The Orsha Machine Plant now forges torsion bars for tracked vehicles.", "torsion bars"),
])
def test_goods_a_verb_of_manufacturing_work_turns_out_are_produced(run, text, goods):
    ex = run(text)
    assert any(goods in (c.object_text or "") for c in claims(ex, "produces")), describe(ex)


def test_goods_referred_back_with_a_general_word_are_the_goods_named_before(run):
    ex = run("Customs records list 400 thermal imaging sights sent to Minsk in 2025. The devices were made by "
             "Kazan Optics, a firm in Tatarstan.")
    made = {c.object_text for c in claims(ex, "produces", "Kazan Optics")}
    assert made == {"thermal imaging sights"}, describe(ex)


@pytest.mark.parametrize("text", [
    "Lida Wire Works turns out coaxial cable for Russian radios.",
    "The Lida Wire Works has spent much of the year turning out coaxial cable for Russian radios.",
])
def test_turning_out_goods_is_making_them(run, text):
    ex = run(text)
    made = [c.object_text or "" for c in claims(ex, "produces", "Lida Wire Works")]
    assert any("coaxial cable" in m for m in made), describe(ex)


def test_turning_to_someone_makes_nothing(run):
    ex = run("Lida Wire Works turned to Chinese suppliers for copper.")
    assert not claims(ex, "produces", "Lida Wire Works"), describe(ex)


@pytest.mark.parametrize(("text", "maker", "goods"), [
    ("Eleven horizontal boring mills were sold to a buyer in Dubai last year. The machines were built by Brno Tool "
     "Works.", "Brno Tool Works", "horizontal boring mills"),
    ("Port records show 2,100 tonnes of nitrocellulose shipped to Perm in 2025. Most of the material was made by "
     "Tambov Powder Works.", "Tambov Powder Works", "nitrocellulose"),
])
def test_goods_named_only_in_a_figure_and_referred_back_to_are_what_was_made(run, text, maker, goods):
    ex = run(text)
    made = {c.object_text for c in claims(ex, "produces", maker)}
    assert goods in made, describe(ex)


def test_goods_after_a_verb_of_making_read_as_a_noun_are_goods_though_no_vocabulary_lists_them(run):
    """"X machines compressor discs": the small model reads the verb as a noun before the goods; the plural noun
    it makes is goods all the same."""
    ex = run("Baranavichy Turbine Parts machines compressor discs for Russian engine builders.")
    made = claims(ex, "produces", "Baranavichy Turbine Parts")
    assert any("compressor discs" in (c.object_text or "") for c in made), describe(ex)
