"""Resumable versions of builtins that consume iterables.

In --simulate a builtin such as list() or sum() hands a generator or a user iterator to these
Python functions, because the generator's code may block (a future's result(), a queue's get())
and only Python frames can be suspended and resumed by the scheduler. They are also what
start_new_thread uses to pass keyword arguments.
"""


def list(it):
    return [x for x in it]


def tuple(it):
    return (*[x for x in it],)


def set(it):
    return {x for x in it}


def dict(it):
    d = {}
    if hasattr(it, "keys"):
        for k in it.keys():
            d[k] = it[k]
        return d
    for k, v in it:
        d[k] = v
    return d


def sum(it, start):
    total = start
    for x in it:
        total = total + x
    return total


def sorted(it, key, reverse):
    items = [x for x in it]
    items.sort(key=key, reverse=reverse)
    return items


def minmax(it, key, is_max, default):
    best = None
    best_key = None
    first = True
    for x in it:
        k = x if key is None else key(x)
        if first or (best_key < k if is_max else k < best_key):
            best, best_key, first = x, k, False
    if first:
        if default is not _NULL:
            return default
        raise ValueError(("max" if is_max else "min") + "() arg is an empty sequence")
    return best


_NULL = object()


def any(it):
    for x in it:
        if x:
            return True
    return False


def all(it):
    for x in it:
        if not x:
            return False
    return True


def join(sep, it):
    return sep.join([x for x in it])


def enumerate(it, n):
    for x in it:
        yield n, x
        n += 1


def map(f, *its):
    its = [iter(i) for i in its]
    while True:
        args = []
        for i in its:
            try:
                args.append(next(i))
            except StopIteration:
                return
        yield f(*args)


def filter(f, it):
    for x in it:
        if (x if f is None else f(x)):
            yield x


def zip(strict, *its):
    its = [iter(i) for i in its]
    if not its:
        return
    while True:
        items = []
        for n, i in enumerate(its, 0):
            try:
                items.append(next(i))
            except StopIteration:
                if strict and n > 0:
                    raise ValueError("zip() argument %d is shorter than argument 1" % (n + 1))
                return
        yield (*items,)


def iter_sentinel(f, sentinel):
    def gen():
        while True:
            v = f()
            if v == sentinel:
                return
            yield v
    return gen()


def call_kw(f, *args):
    kwargs = args[-1]
    return f(*args[:-1], **kwargs)
