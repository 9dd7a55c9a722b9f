"""`dataclass` for the classes every run creates, with their methods compiled ahead of time.

On Python 3.10–3.12 `dataclasses.dataclass` writes each generated method (`__init__`, `__repr__`,
`__eq__`, `__hash__`, `__setattr__`…) as source text and compiles it with its own `exec`: about
0.4 ms a class, 15 ms of a 90 ms hook run for the ~40 classes on the start-up path. Here the
methods of those classes are plain functions in `_dataclass_methods.py`, generated from the
classes by `scripts/generate_dataclass_methods.py` and byte-compiled with the package like any
module. Decorating a class then costs one `dataclasses.dataclass(init=False, repr=False,
eq=False)` pass (fields, `__dataclass_fields__`, `__match_args__`: no `exec`) and attaching the
precompiled methods, so the class is a real dataclass to `dataclasses.fields`, `replace`,
`asdict` and `is_dataclass`.

Correctness never depends on the generated module being current: each class's *shape* (its own
annotations, how each default is given, the decorator's options, the methods it writes itself) is
compared with the shape the methods were generated for, and a class whose shape differs, or that
was never generated, or that uses an option not handled here, is made by `dataclasses.dataclass`
as usual. `tests/test_fastclass.py` fails, naming the command that regenerates the module, when
the committed module is not what the generator writes now.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

# The decorator options handled here; a class that asks for anything else is an ordinary dataclass.
_DEFAULTS = {"init": True, "repr": True, "eq": True, "order": False, "unsafe_hash": False,
             "frozen": False, "match_args": True, "kw_only": False, "slots": False}
_HANDLED = {"order", "frozen"}
# Methods a dataclass writes unless the class defines them itself; part of a class's shape.
_OWN_METHODS = ("__post_init__", "__init__", "__repr__", "__eq__", "__hash__", "__setattr__",
                "__delattr__", "__lt__", "__le__", "__gt__", "__ge__")

_builders: dict[str, tuple[tuple, Callable[..., dict[str, Any]], str | None]] | None = None
# Set by the generator: every class decorated here, in definition order, with its shape.
registry: list[tuple[type, tuple]] | None = None


def dataclass(cls: type | None = None, /, **options: Any) -> Any:
    """`dataclasses.dataclass(cls, **options)`, with precompiled methods where they are current."""
    if cls is None:
        return lambda c: _make(c, options)
    return _make(cls, options)


def shape(cls: type, options: dict[str, Any]) -> tuple | None:
    """What the generated methods depend on, read from the undecorated class; None: not handled."""
    if set(options) - _HANDLED or any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]):
        return None
    own = cls.__dict__
    fields = []
    for name, annotation in own.get("__annotations__", {}).items():
        default = own.get(name, dataclasses.MISSING)
        if isinstance(default, dataclasses.Field):
            how: tuple = ("field", default.default is not dataclasses.MISSING,
                          default.default_factory is not dataclasses.MISSING, default.init, default.repr,
                          default.hash, default.compare,
                          None if default.kw_only is dataclasses.MISSING else default.kw_only)
        else:
            how = ("required",) if default is dataclasses.MISSING else ("default",)
        fields.append((name, annotation if isinstance(annotation, str) else repr(annotation), how))
    flags = tuple(sorted((key, bool(value)) for key, value in options.items()))
    return (tuple(fields), flags, tuple(name for name in _OWN_METHODS if name in own), own.get("__doc__") is None)


def _make(cls: type, options: dict[str, Any]) -> type:
    found = shape(cls, options)
    if registry is not None:  # generating: the ordinary dataclass, noted for the generator
        made = dataclasses.dataclass(cls, **options)
        if found is not None:
            registry.append((made, found))
        return made
    entry = _lookup(f"{cls.__module__}.{cls.__qualname__}") if found is not None else None
    if entry is None or entry[0] != found:
        return dataclasses.dataclass(cls, **options)
    return attach(cls, options, entry[1], entry[2])


def attach(cls: type, options: dict[str, Any], build: Callable[..., dict[str, Any]], doc: str | None) -> type:
    """Make `cls` a dataclass whose methods come from `build(cls, fields)` rather than `exec`."""
    if doc is not None:  # what dataclasses would write, computed by the generator (it costs inspect.signature)
        cls.__doc__ = doc
    made = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    params = made.__dataclass_params__  # the options the class really has, for subclasses and tools
    for key, value in {**_DEFAULTS, **options}.items():
        if hasattr(params, key):
            setattr(params, key, value)
    for name, method in build(made, made.__dataclass_fields__).items():
        if method is not None:
            method.__qualname__ = f"{made.__qualname__}.{name}"
        setattr(made, name, method)
    return made


def _lookup(name: str) -> tuple | None:
    global _builders
    if _builders is None:
        try:
            from modelicense._dataclass_methods import BUILDERS
        except ImportError:  # a checkout where it was never generated: ordinary dataclasses
            BUILDERS = {}
        _builders = BUILDERS
    return _builders.get(name)
