# defaultdict: a missing key gets default_factory() stored and returned (list, int, set, a lambda),
# get() and `in` do not call the factory, a None factory raises KeyError, the repr shows the
# factory, and a non-callable factory is refused.
from collections import defaultdict

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(groups)
print(dict(groups), groups["z"], len(groups), "q" in groups, groups.get("q"), len(groups))
tally = defaultdict(int)
for ch in "hello world":
    tally[ch] += 1
print(sorted(tally.items()), tally.default_factory)
seen = defaultdict(set)
seen["a"].add(1)
seen["a"].add(1)
print(seen, defaultdict(lambda: "n/a")["x"])
plain = defaultdict()
print(plain, plain.default_factory)
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    defaultdict(42)
except TypeError as e:
    print("TypeError:", e)
d = defaultdict(list, {"x": [1]}, y=[2])
print(d, d.copy(), type(d.copy()).__name__, isinstance(d, dict))
