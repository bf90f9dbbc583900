"""Goods as the sentence words them: modifiers, models and purposes kept beside the product name.

The product name (`object_text`) is what cross-article analyses group by; the detail (`object_detail`,
written to gold files as `object_text`) is what an analyst would copy down. Sentences are our own,
with invented enterprises.
"""

from __future__ import annotations

import pytest
from extract_helpers import claims, describe, entity

from supplytrace.model import Claim, Extraction, Predicate


def _details(ex, predicate, subject):
    return {c.object_detail for c in claims(ex, predicate, subject)}


def test_purpose_after_for_is_kept_with_the_goods(run):
    ex = run("The Orsha Gear Works builds gearboxes for the BMP-3 infantry fighting vehicle.")
    got = claims(ex, "produces", "Orsha Gear Works")
    assert any(c.object_text == "gearboxes" and c.object_detail == "gearboxes for the BMP-3 infantry fighting vehicle"
               for c in got), describe(ex)


def test_two_coordinated_purposes_give_two_claims(run):
    ex = run("The Vitebsk Axle Plant makes chassis for the Tor-M2 air defence system and for several "
             "self-propelled howitzers.")
    details = _details(ex, "produces", "Vitebsk Axle Plant")
    assert "chassis for the Tor-M2 air defence system" in details, describe(ex)
    assert "chassis for several self-propelled howitzers" in details, describe(ex)


def test_quantity_and_newness_words_are_not_part_of_the_goods(run):
    ex = run("The Lida Optics Plant built as many thermal sights as in 2023, and new periscopes.")
    details = _details(ex, "produces", "Lida Optics Plant")
    assert not any(d and ("many" in d or "new" in d.split()) for d in details), describe(ex)


def test_who_uses_the_goods_is_not_what_they_are(run):
    ex = run("The Brest Radio Plant makes fire control units used by Russian artillery crews.")
    got = claims(ex, "produces", "Brest Radio Plant")
    assert got and all("artillery" not in (c.object_detail or "") for c in got), describe(ex)


def test_model_before_a_component_noun_is_a_product(run):
    ex = run("The Perm Motor Works makes PD-14 engines. Airliners now fly on the PD-14 family.")
    model = entity(ex, "PD-14")
    assert model is not None and model.type.value == "product", describe(ex)
    assert entity(ex, "engines") is None, describe(ex)  # the noun is the model's, not a product of its own
    assert "PD-14 engines" in _details(ex, "produces", "Perm Motor Works"), describe(ex)


def test_model_before_a_weapon_noun_stays_a_weapon(run):
    ex = run("The Izhevsk plant assembles Tor-M2 launchers. The next sentence starts with Engines.")
    assert entity(ex, "Tor-M2").type.value == "weapon_system", describe(ex)


def test_gold_output_describes_the_goods_and_reads_back():
    ex = Extraction(document_id="d", claims=[
        Claim(subject="a", predicate=Predicate.PRODUCES, object_text="chassis",
              object_detail="chassis for the Tor-M2"),
        Claim(subject="a", predicate=Predicate.PRODUCES, object_text="sights"),
    ])
    gold = ex.to_gold("d.txt", None)
    first, second = gold["claims"]
    assert first["object_text"] == "chassis for the Tor-M2" and first["object_name"] == "chassis"
    assert second["object_text"] == "sights" and "object_name" not in second and "object_detail" not in second
    back = Extraction.from_gold(gold)
    assert [(c.object_text, c.object_detail) for c in back.claims] == [("chassis", "chassis for the Tor-M2"),
                                                                       ("sights", None)]


def test_component_noun_before_a_model_makes_it_a_product(run):
    ex = run("The Minsk plant fits engines YaMZ-850 to its heavy trucks.")
    model = entity(ex, "YaMZ-850")
    assert model is not None and model.type.value == "product", describe(ex)


def test_model_at_the_end_of_a_sentence_is_not_typed_by_the_next_one(run):
    ex = run("Russia fires the Iskander-M. Engines are scarce.")
    assert entity(ex, "Iskander-M").type.value == "weapon_system", describe(ex)


def test_component_model_is_used_in_the_weapon_it_powers(run):
    ex = run("The AL-41 turbine that powers the Su-57 fighter is built in Ufa.")
    got = claims(ex, "used_in", "AL-41")
    assert got and got[0].object == entity(ex, "Su-57").key, describe(ex)


def test_component_model_for_a_weapon_is_used_in_it(run):
    ex = run("The Rybinsk Motor Works builds AL-31 engines for the Su-30SM fighter.")
    got = claims(ex, "used_in", "AL-31")
    assert got and got[0].object == entity(ex, "Su-30SM").key, describe(ex)


# --- goods the sentence is about go into the weapon (not only named models) ---------------------------

@pytest.mark.parametrize("text", [
    "The Zorya-K sight became standard on the upgraded T-72B3 tank in 2019.",
    "Later the Zorya-K sight was fitted to the T-72B3 as well.",
    "Every T-72B3 is fitted with the Zorya-K sight.",
    "The T-72B3 carries the Zorya-K sight.",
])
def test_goods_fitted_to_a_weapon_are_used_in_it(run, text):
    ex = run(text)
    got = claims(ex, "used_in", "Zorya-K")
    assert got and got[0].object == entity(ex, "T-72B3").key, describe(ex)


def test_goods_a_weapon_has_are_used_in_it(run):
    ex = run("The BMP-3's gearboxes have come from the Orsha Transmission Works for decades.")
    got = claims(ex, "used_in", "gearboxes")
    assert got and got[0].object == entity(ex, "BMP-3").key, describe(ex)


def test_plain_goods_a_weapon_rides_on_are_used_in_it(run):
    ex = run("The Tornado-S launchers ride on an eight-wheel chassis built in Minsk.")
    got = [c for c in claims(ex, "used_in") if c.object == entity(ex, "Tornado-S").key]
    assert any("chassis" in entity_name(ex, c.subject) for c in got), describe(ex)


def entity_name(ex, key: str) -> str:
    return next((e.name for e in ex.entities if e.key == key), "")


@pytest.mark.parametrize("text, goods", [
    ("The Gomel works builds radar and communications equipment.", "radar and communications equipment"),
    ("Donskoy Filtr makes fuel and oil filters for trucks.", "fuel and oil filters"),
    ("The Volga yard builds diesel and gas engines.", "diesel and gas engines"),
])
def test_coordinated_modifiers_of_one_noun_are_one_kind_of_goods(run, text, goods):
    ex = run(text)
    assert [c.object_text for c in claims(ex, "produces")] == [goods], describe(ex)
