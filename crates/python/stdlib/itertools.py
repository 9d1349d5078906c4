"""The playground's itertools: CPython's iterator building blocks, written in Python.

Each tool checks its arguments when it is called, as CPython's do (so `islice(xs, -1)` fails at
the call, not at the first `next()`), then returns a generator. The generators follow the C code's
order of consumption (how many items `islice`, `takewhile` or `groupby` take from the input), which
a program can see when it shares the input iterator. One difference: the objects are generators,
so their type and repr are `generator`, not `itertools.count` or `count(5)`.
"""

_MARK = object()


def _index(value):
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return value


def count(start=0, step=1):
    if not isinstance(start, (int, float)) or not isinstance(step, (int, float)):
        raise TypeError("a number is required")
    return _count(start, step)


def _count(n, step):
    while True:
        yield n
        n += step


def cycle(iterable):
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def repeat(object, times=None):
    if times is None:
        return _repeat_forever(object)
    return _repeat(object, _index(times))


def _repeat_forever(obj):
    while True:
        yield obj


def _repeat(obj, times):
    for _ in range(times):
        yield obj


def accumulate(iterable, func=None, *, initial=None):
    return _accumulate(iter(iterable), func, initial)


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def chain(*iterables):
    return _chain(iter(iterables))


def _chain(sources):
    for it in sources:
        yield from it


def _from_iterable(iterable):
    return _chain(iter(iterable))


chain.from_iterable = _from_iterable


def compress(data, selectors):
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


def takewhile(predicate, iterable):
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if not predicate(x):
            return
        yield x


def filterfalse(function, iterable):
    return _filterfalse(function, iter(iterable))


def _filterfalse(function, it):
    for x in it:
        if not (bool(x) if function is None else function(x)):
            yield x


class _GroupBy:
    """What a groupby and its groups share: the input, the value read ahead and its key, and
    which group is current (an older group yields nothing more, as in CPython)."""

    def __init__(self, it, keyfunc):
        self.it = it
        self.keyfunc = keyfunc
        self.tgtkey = _MARK
        self.currkey = _MARK
        self.currvalue = _MARK
        self.current = None

    def step(self):
        try:
            value = next(self.it)
        except StopIteration:
            return False
        self.currkey = value if self.keyfunc is None else self.keyfunc(value)
        self.currvalue = value
        return True


def groupby(iterable, key=None):
    return _groupby(_GroupBy(iter(iterable), key))


def _groupby(st):
    while True:
        st.current = None
        # Skip the rest of the current group (CPython's groupby_next).
        while True:
            if st.currkey is _MARK:
                pass
            elif st.tgtkey is _MARK:
                break
            elif not (st.tgtkey is st.currkey or st.tgtkey == st.currkey):
                break
            if not st.step():
                return
        st.tgtkey = st.currkey
        token = object()
        st.current = token
        yield st.currkey, _grouper(st, token, st.tgtkey)


def _grouper(st, token, tgtkey):
    while st.current is token:
        if st.currvalue is _MARK and not st.step():
            return
        if not (tgtkey is st.currkey or tgtkey == st.currkey):
            return
        value = st.currvalue
        st.currvalue = _MARK
        st.currkey = _MARK
        yield value


def _islice_index(value):
    return value is None or (isinstance(value, int) and value >= 0)


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = None, args[0], None
        if not _islice_index(stop):
            raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    elif len(args) in (2, 3):
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else None
        if not _islice_index(start) or not _islice_index(stop):
            raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if step is not None and not (isinstance(step, int) and step > 0):
            raise ValueError("Step for islice() must be a positive integer or None.")
    elif not args:
        raise TypeError("islice expected at least 2 arguments, got 1")
    else:
        raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
    return _islice(iter(iterable), start or 0, stop, step or 1)


def _islice(it, nxt, stop, step):
    # CPython's islice_next: skip up to the next index, stop at `stop` without reading past it.
    cnt = 0
    while True:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


def starmap(function, iterable):
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


def tee(iterable, n=2):
    n = _index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    # A shared linked list of the values read so far: each link is [value, next link]; a
    # link nobody points at any more is freed, so the fastest and slowest copies bound the memory.
    head = [None, None]
    return tuple([_tee(it, head) for _ in range(n)])


def _tee(it, link):
    while True:
        if link[1] is None:
            try:
                value = next(it)
            except StopIteration:
                return
            if link[1] is None:
                link[1] = [value, None]
        link = link[1]
        yield link[0]


def zip_longest(*iterables, fillvalue=None):
    return _zip_longest([iter(x) for x in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            if it is None:
                values.append(fillvalue)
                continue
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


def pairwise(iterable):
    return _pairwise(iter(iterable))


def _pairwise(it):
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b


def product(*iterables, repeat=1):
    repeat = _index(repeat)
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    for prod in result:
        yield prod


def _r_arg(r):
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


def permutations(iterable, r=None):
    pool = tuple(iterable)
    r = len(pool) if r is None else _r_arg(r)
    return _permutations(pool, r)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[i] for i in indices[:r]])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    return _combinations(pool, _r_arg(r))


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[i] for i in indices])


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    return _combinations_with_replacement(pool, _r_arg(r))


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple([pool[i] for i in indices])
