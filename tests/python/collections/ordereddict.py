# OrderedDict: insertion order, move_to_end to either end, popitem from either end (an LRU cache's
# moves), equality that is order-sensitive between OrderedDicts but not with a dict, and the repr
# CPython 3.11 prints.
from collections import OrderedDict

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.items()))
od.move_to_end("b")
print(list(od))
od.move_to_end("c", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
x = OrderedDict(a=1, b=2)
y = OrderedDict(b=2, a=1)
print(x == y, x == dict(y), dict(x) == dict(y), OrderedDict(), list(reversed(x)))
cache = OrderedDict()
for key in ["a", "b", "c", "a", "d", "b", "e"]:
    if key in cache:
        cache.move_to_end(key)
    cache[key] = True
    if len(cache) > 3:
        cache.popitem(last=False)
    print(key, list(cache))
print(OrderedDict.fromkeys("xyz", 0), isinstance(od, dict))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError:", e)
