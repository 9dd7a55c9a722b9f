"""modelicense.fastclass: precompiled dataclass methods, current and with dataclasses' semantics."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import subprocess
import sys
from dataclasses import field

import pytest

from conftest import PROJECT
from modelicense import fastclass

SCRIPT = PROJECT / "scripts" / "generate_dataclass_methods.py"
MODULE = PROJECT / "src" / "modelicense" / "_dataclass_methods.py"
REGENERATE = "python scripts/generate_dataclass_methods.py"


def _generator():
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        return importlib.import_module("generate_dataclass_methods")
    finally:
        sys.path.pop(0)


def test_the_committed_methods_are_what_the_generator_writes_now():
    proc = subprocess.run([sys.executable, str(SCRIPT), "--stdout"], capture_output=True, text=True,
                          cwd=PROJECT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == MODULE.read_text("utf-8"), (
        f"src/modelicense/_dataclass_methods.py is stale (a fastclass dataclass changed). "
        f"Regenerate it with `{REGENERATE}` and commit it.")


def test_every_generated_class_gets_its_precompiled_methods():
    from modelicense._dataclass_methods import BUILDERS

    assert len(BUILDERS) >= 30  # the start-up path's classes (model, config, knowledge, rules…)
    slow = []
    for name in BUILDERS:
        module, _, qualname = name.rpartition(".")
        cls = getattr(importlib.import_module(module), qualname)
        if not cls.__init__.__code__.co_filename.endswith("_dataclass_methods.py"):
            slow.append(name)
    assert not slow, f"made by dataclasses.dataclass (shape changed): {slow}; run `{REGENERATE}`"


# One raw class per feature the generator handles, made twice: by dataclasses and by fastclass.
def _raw_classes() -> dict[str, tuple[type, dict]]:
    class Plain:
        """A doc."""

        name: str
        count: int = 0
        tags: tuple = ()

    class Frozen:
        path: str
        line: int | None = None
        seen: list = field(default_factory=list)
        extra: dict = field(default_factory=dict, compare=False, repr=False)
        cache: dict = field(default_factory=dict, init=False, compare=False, repr=False, hash=False)

    class Ordered:
        """Ordered."""

        rank: int
        label: str = "x"

    class Posted:
        """With __post_init__ and a method of its own."""

        value: int
        double: int = field(init=False, default=0)

        def __post_init__(self):
            object.__setattr__(self, "double", self.value * 2)

        def __repr__(self):
            return "Posted!"

    class Keyword:
        """Keyword-only field."""

        first: int
        second: int = field(default=2, kw_only=True)

    return {"Plain": (Plain, {}), "Frozen": (Frozen, {"frozen": True}), "Ordered": (Ordered, {"frozen": True, "order": True}),
            "Posted": (Posted, {"frozen": True}), "Keyword": (Keyword, {})}


def _both(name: str) -> tuple[type, type]:
    """The class made by dataclasses and by fastclass from the same source."""
    generator = _generator()
    reference_raw, options = _raw_classes()[name]
    found = fastclass.shape(reference_raw, options)
    reference = dataclasses.dataclass(reference_raw, **options)
    function, source = generator.builder(reference, found)
    namespace: dict = {}
    exec(compile(generator.HEADER + source, "<generated>", "exec"), namespace)  # the generator's own output
    fast_raw, _ = _raw_classes()[name]
    fast = fastclass.attach(fast_raw, options, namespace[function], reference.__doc__ if found[3] else None)
    assert fast.__init__.__code__.co_filename == "<generated>"
    return reference, fast


def _hash(value) -> object:
    try:
        return hash(value)
    except TypeError as error:  # unhashable: the same error either way
        return str(error)


@pytest.mark.parametrize("name", ["Plain", "Frozen", "Ordered", "Posted", "Keyword"])
def test_precompiled_methods_behave_as_dataclasses_methods(name):
    reference, fast = _both(name)
    assert [(f.name, f.default, f.default_factory, f.init, f.repr, f.compare, f.hash, f.kw_only)
            for f in dataclasses.fields(fast)] == [
        (f.name, f.default, f.default_factory, f.init, f.repr, f.compare, f.hash, f.kw_only)
        for f in dataclasses.fields(reference)]
    assert fast.__doc__.replace(fast.__qualname__, "") == reference.__doc__.replace(reference.__qualname__, "")
    assert fast.__match_args__ == reference.__match_args__
    assert (fast.__hash__ is None) == (reference.__hash__ is None)
    for attribute in ("init", "repr", "eq", "order", "unsafe_hash", "frozen"):
        assert getattr(fast.__dataclass_params__, attribute) == getattr(reference.__dataclass_params__, attribute)
    arguments = {"Plain": [("a",), ("a", 2, (1,))], "Frozen": [("p",), ("p", 3, [1], {"k": 1}), ("p", 3, (1,), {"k": 1})],
                 "Ordered": [(1,), (2, "y")], "Posted": [(4,)], "Keyword": [(1,)]}[name]
    for args in arguments:
        ours, theirs = fast(*args), reference(*args)
        assert repr(ours).replace(fast.__qualname__, "C") == repr(theirs).replace(reference.__qualname__, "C")
        assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
        assert ours == fast(*args) and ours != theirs  # equal to its own kind only, as dataclasses
        assert fast(*args).__eq__(theirs) is NotImplemented
        assert _hash(ours) == _hash(theirs)
        copy = dataclasses.replace(ours)
        assert copy == ours and copy is not ours
    if name == "Frozen":
        one, two = fast("p"), fast("p")
        assert one.seen is not two.seen  # a factory per instance
        assert fast("p", extra={"a": 1}) == fast("p", extra={"b": 2})  # compare=False
        assert hash(fast("p", (), 3)) == hash(reference("p", (), 3))
        with pytest.raises(dataclasses.FrozenInstanceError):
            one.path = "q"
        with pytest.raises(dataclasses.FrozenInstanceError):
            del one.line
    if name == "Ordered":
        assert fast(1) < fast(2) and fast(2, "a") >= fast(2, "a") and not (fast(3) <= fast(2))
        with pytest.raises(TypeError):
            fast(1) < reference(2)  # noqa: B015 - ordering across classes is refused
    if name == "Posted":
        assert fast(4).double == 8 and repr(fast(4)) == "Posted!"
    if name == "Keyword":
        assert fast(1, second=5) == fast(1, second=5) and fast(1, second=5).second == 5
        with pytest.raises(TypeError):
            fast(1, 5)
    if name == "Plain":
        mutable = fast("a")
        mutable.count = 5
        assert mutable.count == 5


def test_a_class_whose_shape_changed_is_an_ordinary_dataclass():
    from modelicense.model import Location

    class Location2:  # Location with one field more, under Location's name: its entry no longer fits
        path: str
        line: int | None = None
        column: int | None = None
        more: int = 0

    Location2.__module__, Location2.__qualname__ = Location.__module__, Location.__qualname__
    made = fastclass.dataclass(frozen=True, order=True)(Location2)
    assert not made.__init__.__code__.co_filename.endswith("_dataclass_methods.py")
    assert made("a", more=1).more == 1


def test_instances_pickle_like_dataclasses():
    from modelicense.model import Location

    location = Location("a/b.md", 3)
    assert pickle.loads(pickle.dumps(location)) == location
