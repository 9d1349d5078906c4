"""The playground's typing: the names beginners annotate with, subscriptable, with CPython's reprs."""
import collections
from _generic import GenericAlias, UnionType, type_repr

TYPE_CHECKING = False
_NoneType = type(None)


_repr = type_repr


def _check(arg, msg):
    if arg is None:
        return _NoneType
    if not (callable(arg) or isinstance(arg, (_Form, TypeVar, GenericAlias, UnionType, _Alias, str))) or \
            isinstance(arg, _Form) and arg._name in ('Generic', 'Protocol'):
        raise TypeError(f'{msg} Got {arg!r:.100}.')
    return arg


class _Form:
    def __init__(self, name, getitem):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f'{self._name} cannot be instantiated')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')


class _Alias:
    """typing's alias: an origin, its arguments, and how it prints."""

    def __init__(self, origin, args, name=None, form=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._form = form

    def __repr__(self):
        name = self._name
        if name == 'Union' and len(self.__args__) == 2 and _NoneType in self.__args__:
            a = self.__args__[0] if self.__args__[1] is _NoneType else self.__args__[1]
            return f'typing.Optional[{_repr(a)}]'
        if name == 'Literal':
            args = ', '.join(repr(a) for a in self.__args__)
        elif name == 'Callable' and self.__args__[0] is not ...:
            args = '[' + ', '.join(_repr(a) for a in self.__args__[:-1]) + '], ' + _repr(self.__args__[-1])
        else:
            args = ', '.join(_repr(a) for a in self.__args__) if self.__args__ else '()'
        return f"{'typing.' + name if name else type_repr(self.__origin__)}[{args}]"

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        if self._name == 'Union' == other._name:
            return set(self.__args__) == set(other.__args__)
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, frozenset(self.__args__)))

    def __call__(self, *args, **kwargs):
        if self._form is not None or self._name == 'Union':
            raise TypeError(f'Cannot instantiate typing.{self._name}')
        if self._name:
            raise TypeError(f'Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        free = _free(self.__args__)
        if not free:
            raise TypeError(f'{self!r} is not a generic class')
        if len(params) != len(free):
            raise TypeError(f"Too {'many' if len(params) > len(free) else 'few'} arguments for {self!r}; "
                            f"actual {len(params)}, expected {len(free)}")
        return _subst(self, dict(zip(free, params)))

    def __mro_entries__(self, bases):
        if self._form is not None or self._name == 'Union':
            raise TypeError(f'Cannot subclass {self!r}')
        origin = self.__origin__
        if origin is Generic:
            i = bases.index(self)
            if any(isinstance(b, _Alias) and b is not self and isinstance(b.__origin__, type)
                   and issubclass(b.__origin__, Generic) for b in bases[i + 1:]):
                return ()
        return (origin,)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if self._name == 'Union':
            for a in self.__args__:
                if isinstance(a, (_Alias, GenericAlias)) and not (isinstance(a, _Alias) and a._name == 'Union'):
                    break
            else:
                return any(issubclass(cls, a) for a in self.__args__)
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


def _free(args, found=None):
    found = [] if found is None else found
    for a in args:
        if isinstance(a, TypeVar):
            if a not in found:
                found.append(a)
        elif isinstance(a, (_Alias, GenericAlias)):
            _free(a.__args__, found)
    return found


def _subst(a, subst):
    if isinstance(a, TypeVar):
        return subst.get(a, a)
    if isinstance(a, _Alias):
        return _Alias(a.__origin__, tuple(_subst(x, subst) for x in a.__args__), a._name, a._form)
    if isinstance(a, GenericAlias):
        return GenericAlias(a.__origin__, tuple(_subst(x, subst) for x in a.__args__))
    return a


class _Special:
    """`List`, `Dict`, …: a builtin or collections class that takes a fixed number of arguments."""

    def __init__(self, origin, nparams, name):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Tuple' and params == ((),):
            params = ()
        elif self._name == 'Callable':
            args, result = _callable_params(self, params)
            return _Alias(self.__origin__, args + (result,), 'Callable')
        elif not (self._name == 'Tuple' and len(params) == 2 and params[1] is ...):
            params = tuple(_NoneType if p is None else p for p in params)
            if self._nparams >= 0 and len(params) != self._nparams:
                raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} arguments for {self!r};"
                                f" actual {len(params)}, expected {self._nparams}")
        return _Alias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if self.__origin__ in (list, dict, set, frozenset, tuple, type) or self._nparams < 0 or \
                self._name in ('Callable', 'Iterable', 'Iterator', 'Generator', 'Sequence', 'Mapping',
                               'MutableMapping', 'MutableSequence', 'Collection', 'Container',
                               'Hashable', 'Sized', 'AbstractSet', 'MutableSet', 'Reversible'):
            raise TypeError(f'Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead')
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        if self.__origin__ is None:
            raise NotImplementedError(f'subclassing {self!r} needs collections.abc, which the playground lacks')
        return (self.__origin__,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        if self._name == 'Callable':
            return callable(obj)
        if self._name == 'Iterable' and type(obj).__module__ == 'builtins':
            # Not every builtin type here lists __iter__; iter() of a builtin consumes nothing.
            try:
                iter(obj)
                return True
            except TypeError:
                return False
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if self.__origin__ is not None:
            return issubclass(cls, self.__origin__)
        # collections.abc's method checks (its __subclasshook__s); the registered ABCs are not here.
        needs = _ABC_METHODS.get(self._name)
        if needs is None:
            raise NotImplementedError(f'isinstance() with {self!r} is not supported by the playground yet')
        return all(getattr(cls, n, None) is not None for n in needs)


_ABC_METHODS = {
    'Iterable': ('__iter__',), 'Iterator': ('__iter__', '__next__'), 'Sized': ('__len__',),
    'Container': ('__contains__',), 'Hashable': ('__hash__',), 'Callable': ('__call__',),
    'Collection': ('__len__', '__iter__', '__contains__'), 'Reversible': ('__reversed__', '__iter__'),
    'Generator': ('__iter__', '__next__', 'send', 'throw', 'close'),
}


def _callable_params(alias, params):
    if len(params) != 2:
        raise TypeError('Callable must be used as Callable[[arg, ...], result].')
    args, result = params
    msg = 'Callable[args, result]: args must be a list.'
    result = _check(result, 'Callable[args, result]: result must be a type.')
    if args is ...:
        return (...,), result
    return tuple(_check(a, msg) for a in args) if isinstance(args, list) else (_check(args, msg),), result


def _union(form, params):
    if params == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(params, tuple):
        params = (params,)
    args = []
    for p in params:
        p = _check(p, 'Union[arg, ...]: each arg must be a type.')
        for a in (p.__args__ if isinstance(p, UnionType) or isinstance(p, _Alias) and p._name == 'Union' else (p,)):
            if a not in args:
                args.append(a)
    if len(args) == 1:
        return args[0]
    return _Alias(Union, tuple(args), 'Union')


def _optional(form, arg):
    return Union[_check(arg, 'typing.Optional requires a single type.'), None]


def _one(form, arg):
    item = _check(arg, f'typing.{form._name} accepts only single type.')
    return _Alias(form, (item,), form._name, form)


def _literal(form, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _Alias(form, params, 'Literal', form)


def _annotated(form, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments (a type and an annotation).')
    return params[0]


def _no_params(form, params):
    raise TypeError(f'{form!r} is not subscriptable')


Any = _Form('Any', _no_params)
NoReturn = _Form('NoReturn', _no_params)
Never = _Form('Never', _no_params)
Self = _Form('Self', _no_params)
LiteralString = _Form('LiteralString', _no_params)
Union = _Form('Union', _union)
Optional = _Form('Optional', _optional)
ClassVar = _Form('ClassVar', _one)
Final = _Form('Final', _one)
Literal = _Form('Literal', _literal)
Annotated = _Form('Annotated', _annotated)

List = _Special(list, 1, 'List')
Dict = _Special(dict, 2, 'Dict')
Set = _Special(set, 1, 'Set')
FrozenSet = _Special(frozenset, 1, 'FrozenSet')
Tuple = _Special(tuple, -1, 'Tuple')
Type = _Special(type, 1, 'Type')
Deque = _Special(collections.deque, 1, 'Deque')
DefaultDict = _Special(collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _Special(collections.OrderedDict, 2, 'OrderedDict')
Counter = _Special(collections.Counter, 1, 'Counter')
ChainMap = _Special(collections.ChainMap, 2, 'ChainMap')
Callable = _Special(None, 2, 'Callable')
Iterable = _Special(None, 1, 'Iterable')
Iterator = _Special(None, 1, 'Iterator')
Generator = _Special(None, 3, 'Generator')
Sequence = _Special(None, 1, 'Sequence')
MutableSequence = _Special(None, 1, 'MutableSequence')
Mapping = _Special(None, 2, 'Mapping')
MutableMapping = _Special(None, 2, 'MutableMapping')
AbstractSet = _Special(None, 1, 'AbstractSet')
MutableSet = _Special(None, 1, 'MutableSet')
Collection = _Special(None, 1, 'Collection')
Container = _Special(None, 1, 'Container')
Reversible = _Special(None, 1, 'Reversible')
Hashable = _Special(None, 0, 'Hashable')
Sized = _Special(None, 0, 'Sized')
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        return ('+' if self.__covariant__ else '-' if self.__contravariant__ else '~') + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    """The base of user generic classes: `class Box(Generic[T])`, then `Box[int]`."""

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not params:
            raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
        if cls is Generic or cls is Protocol:
            if not all(isinstance(p, TypeVar) for p in params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type variables '
                                'or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
        else:
            n = len(_parameters(cls))
            if len(params) != n:
                raise TypeError(f"Too {'many' if len(params) > n else 'few'} arguments for {cls!r};"
                                f" actual {len(params)}, expected {n}")
        return _Alias(cls, params)


def _parameters(cls):
    found = []
    for base in cls.__dict__.get('__orig_bases__', ()):
        if isinstance(base, _Alias):
            for a in base.__args__:
                if isinstance(a, TypeVar) and a not in found:
                    found.append(a)
    return found


class Protocol(Generic):
    _is_protocol = False

    def __init_subclass__(cls):
        cls._is_protocol = Protocol in cls.__bases__

    def __new__(cls, *args, **kwargs):
        if cls._is_protocol:
            raise TypeError('Protocols cannot be instantiated')
        return object.__new__(cls)


class NamedTuple(tuple):
    """`class Point(NamedTuple): x: int; y: int = 0`: here a base class (CPython uses a metaclass)."""

    def __init_subclass__(cls):
        fields = tuple(cls.__dict__.get('__annotations__', {}))
        defaults = {}
        for name in fields:
            if name.startswith('_'):
                raise AttributeError(f'Cannot overwrite NamedTuple attribute {name}')
            if name in cls.__dict__:
                defaults[name] = cls.__dict__[name]
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {name} cannot follow default field"
                                f"{'s' if len(defaults) > 1 else ''} {', '.join(defaults)}")
        cls._fields = fields
        cls._field_defaults = defaults
        for i, name in enumerate(fields):
            setattr(cls, name, property(lambda self, i=i: self[i]))

    def __new__(cls, *args, **kwargs):
        if cls is NamedTuple:
            return collections.namedtuple(args[0], [f for f, t in (args[1] if len(args) > 1 else kwargs.items())])
        fields = cls._fields
        if len(args) > len(fields):
            low = len(fields) - len(cls._field_defaults) + 1
            takes = f'from {low} to {len(fields) + 1}' if low <= len(fields) else len(fields) + 1
            raise TypeError(f"{cls.__name__}.__new__() takes {takes} positional argument{'s' if len(fields) else ''}"
                            f' but {len(args) + 1} were given')
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in cls._field_defaults:
                values.append(cls._field_defaults[name])
            else:
                missing = [f for f in fields[len(values):] if f not in kwargs and f not in cls._field_defaults]
                raise TypeError(f"{cls.__name__}.__new__() missing {len(missing)} required positional argument"
                                f"{'s' if len(missing) > 1 else ''}: "
                                + ' and '.join(', '.join(repr(m) for m in missing).rsplit(', ', 1)))
        for name in kwargs:
            if name in fields:
                raise TypeError(f"{cls.__name__}.__new__() got multiple values for argument '{name}'")
            raise TypeError(f"{cls.__name__}.__new__() got an unexpected keyword argument '{name}'")
        return tuple.__new__(cls, values)

    def __repr__(self):
        return f"{type(self).__name__}({', '.join(f'{n}={v!r}' for n, v in zip(self._fields, self))})"

    def __setattr__(self, name, value):
        if name in self._fields:
            raise AttributeError("can't set attribute")
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def _asdict(self):
        return dict(zip(self._fields, self))

    def _replace(self, **kwargs):
        values = [kwargs.pop(n, v) for n, v in zip(self._fields, self)]
        if kwargs:
            raise ValueError(f'Got unexpected field names: {list(kwargs)!r}')
        return type(self)(*values)

    @classmethod
    def _make(cls, iterable):
        return cls(*iterable)

    def __getnewargs__(self):
        return tuple(self)


def cast(typ, val):
    return val


def _overload_dummy(*args, **kwargs):
    raise NotImplementedError(
        'You should not call an overloaded function. A series of @typing.overload-decorated functions '
        'outside a stub module should always be followed by an implementation that is not @typing.overload-decorated.')


def overload(func):
    return _overload_dummy


def no_type_check(arg):
    return arg


def final(f):
    return f


def runtime_checkable(cls):
    return cls


def get_origin(tp):
    if isinstance(tp, (_Alias, GenericAlias)):
        return tp.__origin__
    if isinstance(tp, UnionType):
        return UnionType
    return Generic if tp is Generic else None


def get_args(tp):
    if isinstance(tp, _Alias) and tp._name == 'Callable' and tp.__args__[0] is not ...:
        return (list(tp.__args__[:-1]), tp.__args__[-1])
    if isinstance(tp, (_Alias, GenericAlias, UnionType)):
        return tp.__args__
    return ()


def get_type_hints(obj):
    if not isinstance(obj, type):
        if type(obj).__name__ == 'module':
            return {k: _NoneType if v is None else v for k, v in getattr(obj, '__annotations__', {}).items()}
        raise NotImplementedError("get_type_hints() of a function is not supported by the playground yet "
                                  "(functions do not keep their annotations)")
    hints = {}
    for base in reversed(obj.__mro__):
        for k, v in base.__dict__.get('__annotations__', {}).items():
            hints[k] = _NoneType if v is None else v
    return hints
