"""The playground's dataclasses: @dataclass, field(), fields(), asdict(), astuple(), replace(),
is_dataclass() and FrozenInstanceError, after CPython 3.11's Lib/dataclasses.py.

As in CPython, __init__ is written as source text and compiled with exec(), so its errors are
CPython's own (`Job.__init__() missing 1 required positional argument: 'n'`). Not here yet:
InitVar/KW_ONLY, slots=, weakref_slot=, make_dataclass().
"""

__all__ = [
    "dataclass", "field", "Field", "FrozenInstanceError", "MISSING", "fields", "asdict", "astuple",
    "replace", "is_dataclass",
]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return (
            f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
            f"default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},"
            f"hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},"
            f"kw_only={self.kw_only!r},_field_type=_FIELD)"
        )


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _Params:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args)

    if cls is None:
        return wrap
    return wrap(cls)


def _field_for(cls, name, annotation):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    if f.default is not MISSING and type(f.default).__hash__ is None:
        raise ValueError(
            f"mutable default {type(f.default)} for field {name} is not allowed: use default_factory"
        )
    return f


def _is_classvar(tp):
    if type(tp).__module__ != "typing":
        return False
    import typing
    return tp is typing.ClassVar or getattr(tp, "_form", None) is typing.ClassVar


def _set_new(cls, name, value):
    """Adds a method unless the class body defined its own (CPython's _set_new_attribute)."""
    if name in cls.__dict__:
        return True
    value.__qualname__ = f"{cls.__qualname__}.{value.__name__}"
    setattr(cls, name, value)
    return False


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args):
    fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    own = []
    for name, tp in cls.__dict__.get("__annotations__", {}).items():
        if _is_classvar(tp):
            # A class variable, not a field (CPython keeps it as a _FIELD_CLASSVAR that fields() hides).
            value = cls.__dict__.get(name)
            if isinstance(value, Field) and value.default_factory is not MISSING:
                raise TypeError(f"field {name} cannot have a default factory")
            continue
        own.append(_field_for(cls, name, tp))
    for f in own:
        fields[f.name] = f
        # The class attribute becomes the plain default (or goes, when there is none).
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in fields:
            raise TypeError(f"{name!r} is a field but has no type annotation")

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    setattr(cls, _FIELDS, fields)
    setattr(cls, _PARAMS, _Params(init, repr, eq, order, unsafe_hash, frozen))
    all_fields = list(fields.values())

    if order and not eq:
        raise ValueError("eq must be true if order is true")
    if init:
        _set_new(cls, "__init__", _make_init(cls, all_fields, frozen))
    if repr:
        _set_new(cls, "__repr__", _make_repr([f for f in all_fields if f.repr]))
    compared = [f for f in all_fields if f.compare]
    if eq:
        _set_new(cls, "__eq__", _make_compare("__eq__", "==", compared))
    if order:
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if _set_new(cls, name, _make_compare(name, op, compared)):
                raise TypeError(
                    f"Cannot overwrite attribute {name} in class {cls.__name__}. Consider using functools.total_ordering"
                )
    if frozen:
        for fn in _make_frozen(cls, set(fields)):
            if _set_new(cls, fn.__name__, fn):
                raise TypeError(f"Cannot overwrite attribute {fn.__name__} in class {cls.__name__}")

    # CPython's table: eq without frozen makes instances unhashable; eq and frozen (or
    # unsafe_hash) hash the compared fields; a __hash__ of the class body is kept.
    has_own_hash = "__hash__" in cls.__dict__ and not (eq and cls.__dict__["__hash__"] is None)
    if unsafe_hash:
        if has_own_hash:
            raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
        cls.__hash__ = _make_hash([f for f in all_fields if (f.compare if f.hash is None else f.hash)])
    elif eq and frozen and not has_own_hash:
        cls.__hash__ = _make_hash([f for f in all_fields if (f.compare if f.hash is None else f.hash)])
    elif eq and not frozen and not has_own_hash:
        cls.__hash__ = None

    if match_args and "__match_args__" not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in all_fields if f.init)
    return cls


def _make_init(cls, all_fields, frozen):
    globs = {"__dataclass_MISSING__": MISSING, "__dataclass_object__": object}
    params = []
    body = []
    seen_default = False
    for f in all_fields:
        if f.init:
            if f.default is not MISSING:
                globs[f"__dataclass_dflt_{f.name}__"] = f.default
                params.append(f"{f.name}=__dataclass_dflt_{f.name}__")
                seen_default = True
            elif f.default_factory is not MISSING:
                params.append(f"{f.name}=__dataclass_MISSING__")
                seen_default = True
            else:
                if seen_default:
                    raise TypeError(f"non-default argument {f.name!r} follows default argument")
                params.append(f.name)
        if f.default_factory is not MISSING:
            globs[f"__dataclass_factory_{f.name}__"] = f.default_factory
            if f.init:
                value = (
                    f"__dataclass_factory_{f.name}__() if {f.name} is __dataclass_MISSING__ else {f.name}"
                )
            else:
                value = f"__dataclass_factory_{f.name}__()"
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            globs[f"__dataclass_dflt_{f.name}__"] = f.default
            value = f"__dataclass_dflt_{f.name}__"
        else:
            continue
        if frozen:
            body.append(f"__dataclass_object__.__setattr__(self, {f.name!r}, {value})")
        else:
            body.append(f"self.{f.name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    if not body:
        body.append("pass")
    src = f"def __init__(self, {', '.join(params)}):\n" + "".join(f"    {line}\n" for line in body)
    ns = {}
    exec(src, globs, ns)
    return ns["__init__"]


def _make_repr(shown):
    def __repr__(self):
        inner = ", ".join([f"{f.name}={getattr(self, f.name)!r}" for f in shown])
        return f"{self.__class__.__qualname__}({inner})"

    return __repr__


def _make_compare(name, op, compared):
    names = [f.name for f in compared]
    src = (
        f"def {name}(self, other):\n"
        f"    if other.__class__ is self.__class__:\n"
        f"        return ({''.join(f'self.{n},' for n in names)}) {op} ({''.join(f'other.{n},' for n in names)})\n"
        f"    return NotImplemented\n"
    )
    ns = {}
    exec(src, {}, ns)
    return ns[name]


def _make_hash(hashed):
    names = [f.name for f in hashed]

    def __hash__(self):
        return hash(tuple([getattr(self, n) for n in names]))

    return __hash__


def _make_frozen(cls, names):
    """CPython's frozen __setattr__/__delattr__: any attribute of the dataclass itself, only the
    fields in a subclass that is not a dataclass."""

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def fields(class_or_instance):
    try:
        found = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(found.values())


def _is_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), _FIELDS)


def asdict(obj, *, dict_factory=dict):
    if not _is_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items()])
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items()])
    return obj


def replace(obj, /, **changes):
    if not _is_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(type(obj), _FIELDS).values():
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot be specified with replace()")
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
