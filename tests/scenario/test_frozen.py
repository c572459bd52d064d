"""frozen_dataclass behaves as dataclass(frozen=True) does: checked against the standard library, side by side."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import FrozenInstanceError, dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kremlin_sim.scenario import model
from kremlin_sim.scenario.frozen import frozen_dataclass

FIELDS = ("a", "b", "c", "d", "e")


def body(name: str) -> type:
    """One undecorated class; each field's compare, hash and repr set as dataclass allows."""
    return type(name, (), {
        "__module__": __name__, "__qualname__": name,
        "__annotations__": {each: "object" for each in FIELDS},
        "b": 0,
        "c": field(default=None, compare=False),
        "d": field(default=None, repr=False),
        "e": field(default=None, hash=False),
    })


Ours = frozen_dataclass(body("Ours"))
Theirs = dataclass(frozen=True)(body("Theirs"))
OursSlotted = frozen_dataclass(slots=True)(body("OursSlotted"))
TheirsSlotted = dataclass(frozen=True, slots=True)(body("TheirsSlotted"))
PAIRS = [(Ours, Theirs), (OursSlotted, TheirsSlotted)]

values = st.one_of(st.none(), st.integers(-3, 3), st.text(max_size=3), st.floats(allow_nan=True),
                   st.tuples(st.integers(-3, 3), st.text(max_size=2)))
arguments = st.tuples(*[values] * len(FIELDS))


def shown(obj: object) -> str:
    return repr(obj).replace(type(obj).__qualname__, "Cls")


@pytest.mark.parametrize("ours, theirs", PAIRS)
@given(first=arguments, second=arguments)
def test_equality_hashing_and_repr_are_the_standard_ones(ours, theirs, first, second):
    mine, other = ours(*first), ours(*second)
    std, std_other = theirs(*first), theirs(*second)
    assert (mine == other, mine != other) == (std == std_other, std != std_other)
    assert (mine == ours(*first)) == (std == theirs(*first))  # NaN: equal only when the same object
    assert hash(mine) == hash(std)
    assert shown(mine) == shown(std)
    assert (mine == std) is False and (std == mine) is False


@pytest.mark.parametrize("ours, theirs", PAIRS)
@given(args=arguments)
def test_pickling_copying_and_the_dataclass_functions_work_alike(ours, theirs, args):
    mine, std = ours(*args), theirs(*args)
    for again in (pickle.loads(pickle.dumps(mine)), copy.copy(mine), copy.deepcopy(mine)):
        assert type(again) is ours and shown(again) == shown(mine) == shown(std)
    assert str(dataclasses.asdict(mine)) == str(dataclasses.asdict(std))
    assert shown(dataclasses.replace(mine, b=7)) == shown(dataclasses.replace(std, b=7))


@pytest.mark.parametrize("ours, theirs", PAIRS)
def test_assignment_and_deletion_raise_as_for_a_frozen_dataclass(ours, theirs):
    for obj in (ours(1), theirs(1)):
        with pytest.raises(FrozenInstanceError, match="cannot assign to field 'a'"):
            obj.a = 2
        with pytest.raises(FrozenInstanceError, match="cannot delete field 'a'"):
            del obj.a
        assert obj.a == 1


@pytest.mark.parametrize("ours, theirs", PAIRS)
def test_an_object_inside_itself_is_shown_as_the_standard_library_shows_it(ours, theirs):
    mine, std = ours([]), theirs([])
    mine.a.append(mine)
    std.a.append(std)
    assert shown(mine) == shown(std) == "Cls(a=[...], b=0, c=None, e=None)"


@pytest.mark.parametrize("names", [(), ("a",)])
@given(value=values)
def test_one_field_or_none_is_compared_and_hashed_as_a_tuple_as_before(names, value):
    def make(decorate):
        return decorate(type("Small", (), {"__module__": __name__, "__annotations__": {n: "object" for n in names}}))

    ours, theirs = make(frozen_dataclass(slots=True)), make(dataclass(frozen=True, slots=True))
    args = (value,) * len(names)
    assert hash(ours(*args)) == hash(theirs(*args))
    assert (ours(*args) == ours(*args)) == (theirs(*args) == theirs(*args))


def test_unhashable_fields_make_an_unhashable_object_as_before():
    with pytest.raises(TypeError, match="unhashable"):
        hash(Ours([]))


def test_a_method_it_would_replace_is_refused_not_overwritten():
    class Shown:
        a: int

        def __repr__(self) -> str:
            return "mine"

    with pytest.raises(TypeError, match="__repr__"):
        frozen_dataclass(Shown)


def test_a_slotted_class_whose_fields_init_cannot_take_in_order_is_refused():
    class Keyword:
        a: int = field(kw_only=True)

    with pytest.raises(TypeError, match="pickling"):
        frozen_dataclass(slots=True)(Keyword)


def test_the_model_round_trips_through_pickle_as_the_load_cache_stores_it():
    choice = model.Choice("go", "Go", effects=(model.Effect("tension", 5, "why"),), sets=("f",),
                          next=(model.Branch("end"),))
    decision = model.Decision("d1", "1953-03", "T", "B", (choice,), advisers=(model.Adviser("A", "B"),))
    again = pickle.loads(pickle.dumps(decision, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == decision and hash(again) == hash(decision) and repr(again) == repr(decision)
    assert again.choices[0].effect_on("tension") == 5
