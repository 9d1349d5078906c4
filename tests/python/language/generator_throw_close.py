# A generator's throw() raises the exception where it is paused, so its except and finally clauses
# run (it may then yield again or return a value, carried by StopIteration); close() raises
# GeneratorExit there and expects it to end; both on a finished or unstarted generator do nothing.
def worker():
    try:
        while True:
            try:
                item = yield
                print("got", item)
            except ValueError as e:
                print("recovered from", e)
                yield "recovered"
    finally:
        print("worker cleanup")


w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad item")))
next(w)
w.send(2)
w.close()
w.close()
print("closed")


def counter():
    try:
        yield 1
        yield 2
    except KeyError:
        return "stopped early"


c = counter()
print(next(c))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("StopIteration value:", e.value)


def fragile():
    yield 1
    yield 2


f = fragile()
next(f)
try:
    f.throw(RuntimeError("boom"))
except RuntimeError as e:
    print("propagated:", e)
print(list(f))
u = fragile()
try:
    u.throw(TypeError)
except TypeError:
    print("unstarted generator raised at once")
print(list(u))
u.close()


def stubborn():
    ignored = False
    while True:
        try:
            yield
        except GeneratorExit:
            if ignored:
                raise
            ignored = True
            print("ignoring GeneratorExit")


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
