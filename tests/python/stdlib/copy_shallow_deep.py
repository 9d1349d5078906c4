# copy: a shallow copy shares the inner lists, a deep copy does not; the memo keeps shared parts
# shared and copies cycles; tuples of immutables come back as themselves; instances copy their
# attributes (frozen dataclasses too), __copy__/__deepcopy__ are honoured, collections' types keep
# their type, and a lock or a generator cannot be copied (CPython's pickle-style TypeError).
import copy
import threading
from collections import defaultdict, deque, Counter, OrderedDict, namedtuple
from dataclasses import dataclass, field

grid = [[0, 0], [0, 0]]
shallow = copy.copy(grid)
deep = copy.deepcopy(grid)
grid[0][0] = 1
print(shallow, deep, shallow is grid, shallow[0] is grid[0], deep[0] is grid[0])
shared = [1, 2]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp, dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc, dc[0])
d = {"k": [1], "t": (1, 2), "s": {3}}
dd = copy.deepcopy(d)
print(dd, dd["k"] is d["k"], dd["t"] is d["t"], copy.copy(d) == d, copy.copy(d) is d)
t = (1, "a", None)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(([],))[0] == [], copy.copy(5), copy.deepcopy("s"))


class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)


leaf = Node(1)
root = Node(0, [leaf, leaf])
r2 = copy.deepcopy(root)
print(r2.value, r2.children[0] is r2.children[1], r2.children[0] is leaf, copy.copy(root).children is root.children)


class Tracked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        return Tracked(f"copy of {self.v}")

    def __deepcopy__(self, memo):
        return Tracked(f"deep copy of {self.v}")


print(copy.copy(Tracked("x")).v, copy.deepcopy([Tracked("y")])[0].v)


@dataclass(frozen=True)
class Frozen:
    name: str
    tags: list = field(default_factory=list)


f = Frozen("a", ["x"])
f2 = copy.deepcopy(f)
print(f2, f2 == f, f2.tags is f.tags, copy.copy(f).tags is f.tags)
dq = deque([[1], [2]], maxlen=3)
dq2 = copy.deepcopy(dq)
print(dq2, dq2.maxlen, dq2[0] is dq[0], copy.copy(dq), type(copy.copy(dq)).__name__)
dfl = defaultdict(list, {"a": [1]})
dfl2 = copy.deepcopy(dfl)
dfl2["b"].append(2)
print(dfl2, dfl2["a"] is dfl["a"], copy.copy(dfl))
P = namedtuple("P", "x y")
print(copy.copy(P(1, [2])), copy.deepcopy(P(1, [2])), copy.deepcopy(Counter("aab")), copy.copy(OrderedDict(a=1)))


class Bag(dict):
    pass


b = Bag(a=[1])
b.note = "n"
b2 = copy.deepcopy(b)
print(type(b2).__name__, b2, b2["a"] is b["a"], b2.note)


def gen():
    yield 1


for bad in (threading.Lock(), gen()):
    try:
        copy.deepcopy(bad)
    except TypeError as e:
        print("TypeError:", e)
