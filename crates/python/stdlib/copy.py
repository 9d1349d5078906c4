"""The playground's copy: copy() and deepcopy() (a memo for shared and cyclic parts), __copy__/__deepcopy__."""


class Error(Exception):
    pass


error = Error
_atomic = (type(None), int, float, bool, str, bytes, type, range, type(len), type(Ellipsis),
           type(NotImplemented), type(lambda: 0), property)


def _builtin(cls):
    return cls.__module__ == 'builtins'


def _new(x):
    cls = type(x)
    if hasattr(x, '__getnewargs__'):
        return cls.__new__(cls, *x.__getnewargs__())
    return cls.__new__(cls)


def _refuse(x):
    cls = type(x)
    name = cls.__qualname__ if _builtin(cls) else f'{cls.__module__}.{cls.__qualname__}'
    # The playground's native locks report the module builtins; CPython's are _thread's.
    name = {'lock': '_thread.lock', 'RLock': '_thread.RLock'}.get(name, name)
    raise TypeError(f"cannot pickle '{name}' object")


def copy(x):
    cls = type(x)
    if cls in _atomic or cls in (tuple, frozenset):
        return x
    if cls in (list, dict, set):
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if _builtin(cls) or cls.__module__ in ('_thread', '_collections'):
        _refuse(x)
    y = _new(x)
    if isinstance(x, (list, dict, set)) and not isinstance(y, tuple):
        y.update(x) if isinstance(x, (dict, set)) else y.extend(x)
    for k, v in vars(x).items():
        object.__setattr__(y, k, v)
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # A cycle through the tuple may have copied it already.
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(x, y)) else tuple(y)
    elif cls in (set, frozenset):
        y = cls(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        elif _builtin(cls) or cls.__module__ in ('_thread', '_collections'):
            _refuse(x)
        else:
            y = _deep_instance(x, memo)
    if y is not x:
        memo[d] = y
        memo.setdefault(id(memo), []).append(x)
    return y


def _deep_instance(x, memo):
    cls = type(x)
    if hasattr(x, '__getnewargs__'):
        y = cls.__new__(cls, *deepcopy(x.__getnewargs__(), memo))
    else:
        y = cls.__new__(cls)
    memo[id(x)] = y
    if isinstance(x, dict):
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif isinstance(x, (list, set)):
        for a in x:
            (y.add if isinstance(x, set) else y.append)(deepcopy(a, memo))
    for k, v in vars(x).items():
        object.__setattr__(y, k, deepcopy(v, memo))
    return y
