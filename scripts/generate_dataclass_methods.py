#!/usr/bin/env python
"""Generate src/modelicense/_dataclass_methods.py: the methods of every `modelicense.fastclass` dataclass.

Imports every module of the package with `fastclass.registry` set (so each decorated class is made
by `dataclasses.dataclass` and noted with its shape), then writes, for each class, a builder that
returns its `__init__`, `__repr__`, `__eq__`, `__hash__`, frozen `__setattr__`/`__delattr__` and
ordering methods as ordinary functions, with the semantics `dataclasses` gives them. The module
is byte-compiled with the package, so a run attaches functions instead of `exec`-ing source.

Run: python scripts/generate_dataclass_methods.py   (then commit the module)
     python scripts/generate_dataclass_methods.py --stdout   (print it; the staleness test compares)
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import pkgutil
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "modelicense" / "_dataclass_methods.py"
COMMAND = "python scripts/generate_dataclass_methods.py"

HEADER = f'''"""Precompiled dataclass methods for `modelicense.fastclass`. GENERATED: do not edit.

Regenerate after changing a class decorated with `modelicense.fastclass.dataclass`:
    {COMMAND}
A class whose shape no longer matches its entry here is made by `dataclasses.dataclass` as usual
(correct, only slower), and tests/test_fastclass.py fails until the module is regenerated.
"""

# ruff: noqa
from dataclasses import FrozenInstanceError

_HAS_FACTORY = object()  # an `__init__` argument left out: the field's default_factory supplies it
_set = object.__setattr__
'''


def collect() -> list[tuple[type, tuple]]:
    sys.path.insert(0, str(ROOT / "src"))
    from modelicense import fastclass

    fastclass.registry = []
    import modelicense

    for module in pkgutil.walk_packages(modelicense.__path__, "modelicense."):
        if module.name not in ("modelicense._dataclass_methods", "modelicense.__main__"):
            importlib.import_module(module.name)
    return sorted(fastclass.registry, key=lambda entry: f"{entry[0].__module__}.{entry[0].__qualname__}")


def builder(cls: type, shape: tuple) -> tuple[str, str]:
    """The source of one class's builder function, and its name."""
    _, flags, own, _ = shape
    options = dict(flags)
    frozen, order = options.get("frozen", False), options.get("order", False)
    fields = dataclasses.fields(cls)
    if any(f.name in ("self", "_set", "_fields", "_HAS_FACTORY") or f.name.startswith(("_d_", "_f_")) for f in fields):
        raise SystemExit(f"{cls.__qualname__}: a field name collides with the generated code's own names; "
                         "use dataclasses.dataclass for this class")
    function = "_" + re.sub(r"\W", "_", f"{cls.__module__}.{cls.__qualname__}")
    lines = [f"def {function}(cls, F):"]
    for f in fields:
        if f.default is not dataclasses.MISSING:
            lines.append(f"    _d_{f.name} = F[{f.name!r}].default")
        if f.default_factory is not dataclasses.MISSING:
            lines.append(f"    _f_{f.name} = F[{f.name!r}].default_factory")
    methods: dict[str, str | None] = {}

    if "__init__" not in own:
        positional = [f for f in fields if f.init and not f.kw_only]
        keyword = [f for f in fields if f.init and f.kw_only]

        def parameter(f: dataclasses.Field) -> str:
            if f.default is not dataclasses.MISSING:
                return f"{f.name}=_d_{f.name}"
            if f.default_factory is not dataclasses.MISSING:
                return f"{f.name}=_HAS_FACTORY"
            return f.name

        parameters = ["self", *map(parameter, positional)] + (["*", *map(parameter, keyword)] if keyword else [])
        body = []
        for f in fields:
            if f.init:
                value = (f"_f_{f.name}() if {f.name} is _HAS_FACTORY else {f.name}"
                         if f.default_factory is not dataclasses.MISSING else f.name)
            elif f.default_factory is not dataclasses.MISSING:
                value = f"_f_{f.name}()"
            elif f.default is not dataclasses.MISSING:
                value = f"_d_{f.name}"
            else:
                continue
            body.append(f"_set(self, {f.name!r}, {value})" if frozen else f"self.{f.name} = {value}")
        if "__post_init__" in own:
            body.append("self.__post_init__()")
        methods["__init__"] = f"def __init__({', '.join(parameters)}):\n" + _block(body or ["pass"])

    if "__repr__" not in own:
        shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields if f.repr)
        methods["__repr__"] = ("def __repr__(self):\n"
                               f"        return f\"{{self.__class__.__qualname__}}({shown})\"")

    compared = [f.name for f in fields if f.compare]
    mine, theirs = _tuple("self", compared), _tuple("other", compared)
    if "__eq__" not in own:
        methods["__eq__"] = _comparison("__eq__", "==", mine, theirs)
    if order:
        for name, operator in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if name in own:
                raise SystemExit(f"{cls.__qualname__} defines {name} with order=True (dataclasses refuses it too)")
            methods[name] = _comparison(name, operator, mine, theirs)

    explicit_hash = "__hash__" in own and not (cls.__dict__.get("__hash__") is None and "__eq__" in own)
    if not explicit_hash:
        if frozen:
            hashed = _tuple("self", [f.name for f in fields if (f.compare if f.hash is None else f.hash)])
            methods["__hash__"] = f"def __hash__(self):\n        return hash({hashed})"
        else:
            methods["__hash__"] = None

    if frozen:
        for name in ("__setattr__", "__delattr__"):
            if name in own:
                raise SystemExit(f"{cls.__qualname__} defines {name} while frozen (dataclasses refuses it too)")
        names = "(" + "".join(f"{f.name!r}, " for f in fields) + ")"
        lines.append(f"    _fields = frozenset({names})")
        methods["__setattr__"] = ("def __setattr__(self, name, value):\n"
                                  "        if type(self) is cls or name in _fields:\n"
                                  "            raise FrozenInstanceError(f\"cannot assign to field {name!r}\")\n"
                                  "        super(cls, self).__setattr__(name, value)")
        methods["__delattr__"] = ("def __delattr__(self, name):\n"
                                  "        if type(self) is cls or name in _fields:\n"
                                  "            raise FrozenInstanceError(f\"cannot delete field {name!r}\")\n"
                                  "        super(cls, self).__delattr__(name)")

    for source in methods.values():
        if source is not None:
            lines.append("    " + source)
    returned = ", ".join(f"{name!r}: {name if source is not None else 'None'}" for name, source in methods.items())
    lines.append(f"    return {{{returned}}}")
    return function, "\n".join(lines) + "\n"


def _block(body: list[str]) -> str:
    return "\n".join("        " + line for line in body)


def _tuple(owner: str, names: list[str]) -> str:
    return "(" + "".join(f"{owner}.{name}, " for name in names) + ")"


def _comparison(name: str, operator: str, mine: str, theirs: str) -> str:
    return (f"def {name}(self, other):\n"
            "        if other.__class__ is self.__class__:\n"
            f"            return {mine} {operator} {theirs}\n"
            "        return NotImplemented")


def render() -> str:
    parts = [HEADER]
    entries = []
    for cls, shape in collect():
        function, source = builder(cls, shape)
        parts.append("\n" + source)
        doc = cls.__doc__ if shape[3] else None  # the class had none: dataclasses wrote this one
        entries.append(f"    {cls.__module__ + '.' + cls.__qualname__!r}: (\n        {shape!r},\n"
                       f"        {function},\n        {doc!r},\n    ),")
    parts.append("\nBUILDERS = {\n" + "\n".join(entries) + "\n}\n")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stdout", action="store_true", help="print the module instead of writing it")
    args = parser.parse_args()
    text = render()
    if args.stdout:
        sys.stdout.write(text)
    else:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
