"""`frozen_dataclass`: `dataclass(frozen=True)` with the same behaviour, made cheaper to define.

For every class, `dataclass` writes the source of six methods and compiles each
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`):
about 4 million instructions a class, and `play` defines some twenty of them
before its first screen. Here `dataclass` still writes `__init__` (so making
an instance costs what it did) and the frozen `__setattr__` and `__delattr__`;
`__eq__`, `__hash__` and `__repr__` are shared functions that compare, hash
and show the same tuple of fields as the generated ones would, with no
compiling. With `slots=True`, unpickling calls `__init__` rather than
`dataclass`'s `__setstate__`, which looks up the fields again for every
object: that halved the time to read the campaign from the load cache.

Only what the generated methods' behaviour depends on is used: each field's
`compare`, `hash` and `repr`. Nothing else of `dataclass` is changed, except
that `__dataclass_params__` reports `eq` and `repr` as False (`dataclass`
did not write them).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, Callable, TypeVar

try:
    from typing import dataclass_transform
except ImportError:  # Python 3.10; it only tells type checkers that this makes dataclasses
    def dataclass_transform(**_: Any) -> Callable[[Any], Any]:
        return lambda decorator: decorator

T = TypeVar("T", bound=type)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen_dataclass(cls: T | None = None, /, *, slots: bool = False) -> Any:
    """Use as `@frozen_dataclass` or `@frozen_dataclass(slots=True)`, like `@dataclass(frozen=True, ...)`."""

    def wrap(cls: T) -> T:
        made = dataclass(cls, frozen=True, slots=slots, eq=False, repr=False)
        _add_methods(made, slots)
        return made

    return wrap if cls is None else wrap(cls)


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the named attributes as a tuple, as `(self.a, self.b,)` does in generated code."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()


def _add_methods(cls: type, slots: bool) -> None:
    every = fields(cls)
    compared = _values([f.name for f in every if f.compare])
    hashed = _values([f.name for f in every if (f.compare if f.hash is None else f.hash)])
    shown = [f.name for f in every if f.repr]

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    @recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"

    methods: list[Callable[..., Any]] = [__eq__, __hash__, __repr__]
    if slots:
        if any(not f.init or f.kw_only for f in every):
            raise TypeError(f"{cls.__qualname__}: pickling calls __init__ with every field in order")
        arguments = _values([f.name for f in every])

        def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
            return self.__class__, arguments(self)

        methods.append(__reduce__)
    for method in methods:
        if method.__name__ in cls.__dict__:
            raise TypeError(f"{cls.__qualname__} defines {method.__name__}, which frozen_dataclass would replace")
        method.__qualname__ = f"{cls.__qualname__}.{method.__name__}"
        setattr(cls, method.__name__, method)
