# The interpreter's fast paths must not change what a program sees: strings appended in place,
# cached method and module-attribute lookups, attribute reads and writes through a local.
import math


def concat():
    a = "x" * 70
    b = a
    b += "y"                      # a still names the old string
    print(len(a), len(b), a[-1], b[-1])
    t = str(5)
    h = hash(t)
    t += "x"                      # appended in place: its cached hash must not survive
    print({t: 1}["5x"], hash(t) == hash("5x"), h == hash("5"))
    s = "a"
    s += "é"                      # no longer ASCII
    print(len(s), s.upper(), s[1])
    parts = ["p"]
    u = parts[0]
    u += "q"                      # the list still holds the old string
    print(parts, u)
    w = "ab"
    w = w + w                     # the same string on both sides
    w = w + "!"
    print(w)
    total = ""
    for i in range(2000):
        total += str(i % 10)
    print(len(total), total[:12], total[-3:])


class A:
    def f(self):
        return "A.f"


class B(A):
    pass


class C(B):
    pass


class D(C):
    pass


class E(D):
    pass


def methods():
    b, e = B(), E()
    print([b.f() for _ in range(3)], e.f())
    A.f = lambda self: "new A.f"          # a base changes: every subclass sees it
    print(b.f(), e.f())
    B.f = lambda self: "B.f"              # the subclass now shadows it
    print(b.f(), e.f(), A().f())
    b.f = lambda: "instance f"            # an instance attribute shadows the method
    print(b.f(), B().f())
    del B.f
    print(B().f(), e.f())
    xs = []
    for i in range(3):
        xs.append(i)                      # a builtin type's method
    print(xs, "abc".upper(), {1: 2}.get(1))


def module_attrs():
    global math

    def root():
        return math.sqrt(16.0)

    print(root(), math.pi > 3)
    real = math.sqrt
    math.sqrt = lambda x: "patched"       # the module changes
    print(root())
    math.sqrt = real
    print(root())

    class Fake:
        @staticmethod
        def sqrt(x):
            return "fake"

        pi = 3

    saved = math
    math = Fake                            # the global is no longer a module
    print(root(), math.pi)
    math = saved
    print(root())


class P:
    def __init__(self):
        self.x = 1

    @property
    def doubled(self):
        return self.x * 2


class Loud:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)


def locals_attrs():
    p = P()
    p.x = 5
    print(p.x, p.doubled)
    loud = Loud()
    loud.a = 1
    print(loud.a)
    s = "text"
    print(s.upper())
    try:
        raise ValueError("v")
    except ValueError as e:
        e.args = ("changed",)
        print(e.args)

    def unbound():
        print(q.x)
        q = P()

    try:
        unbound()
    except UnboundLocalError as err:
        print(type(err).__name__, err)

    def missing(o):
        return o.nope

    try:
        missing(p)
    except AttributeError as err:
        print(type(err).__name__, err)


concat()
methods()
module_attrs()
locals_attrs()
