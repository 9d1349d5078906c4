# operator: the operators as functions (with reduce and map), itemgetter/attrgetter/methodcaller as
# sort keys and their reprs, dotted attribute paths, and CPython's errors for the common misuse.
import operator
from functools import reduce
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.mul("ab", 2), operator.sub(5, 7), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(-7, 3), operator.pow(2, 10), operator.neg(4), operator.abs(-3))
print(operator.lt(1, 2), operator.ge(1, 2), operator.eq([1], [1]), operator.ne(1, 1), operator.not_(0))
print(operator.truth([]), operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.invert(5))
print(operator.concat([1], [2]), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.index(7))
print(reduce(operator.mul, range(1, 6)), list(map(operator.add, [1, 2], [10, 20])))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d, operator.getitem(d, "b"), operator.iadd([1], [2]), operator.iadd(1, 2))

rows = [("pear", 3, 0.5), ("fig", 1, 2.0), ("apple", 3, 0.25)]
print(sorted(rows, key=itemgetter(1, 0)), itemgetter(2)(rows[0]), itemgetter(0, 2)(rows[1]))
print(itemgetter("b")(d), itemgetter(slice(1, None))("hello"), itemgetter(1), itemgetter(1, "x"))


class P:
    def __init__(self, name, age, boss=None):
        self.name, self.age, self.boss = name, age, boss

    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"


ada = P("Ada", 36)
bob = P("Bob", 25, ada)
print([p.name for p in sorted([ada, bob], key=attrgetter("age"))], attrgetter("boss.name")(bob))
print(attrgetter("name", "age")(ada), attrgetter("name"), attrgetter("a", "b.c"))
print(methodcaller("greet", "Hi")(ada), methodcaller("greet", "Hey", punct="?")(bob))
print(list(map(methodcaller("upper"), ["a", "b"])), methodcaller("greet", "Hi", punct=".") )
for bad in (lambda: itemgetter(), lambda: attrgetter(), lambda: attrgetter(1), lambda: methodcaller(),
            lambda: methodcaller(3), lambda: itemgetter(5)([1]), lambda: operator.add(1, "a"),
            lambda: attrgetter("nope")(ada)):
    try:
        bad()
    except (TypeError, IndexError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
