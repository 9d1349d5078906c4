# Dicts: insertion order, get/setdefault/pop/update, iteration over keys, values and items, merging,
# comprehension, and counting.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.setdefault("d", 4), d.setdefault("a", 100))
print(d.pop("b"), d.pop("missing", "none"), "b" in d, len(d))
d.update({"a": 10, "e": 5})
d.update(f=6)
print(d)
print({**d, "a": 0}, d | {"g": 7})
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get))
print({k: v for k, v in sorted(counts.items()) if v > 1})
print(dict(zip("abc", range(3))), dict(a=1, b=2), dict([("x", 1)]))
print(sorted(d.keys(), reverse=True), sum(d.values()))
del d["a"]
print(d.popitem(), d, {} == dict())
nested = {"user": {"name": "ada", "langs": ["py"]}}
print(nested["user"]["langs"][0])
