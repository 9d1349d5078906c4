# Classes derived from dict: __missing__ gives missing keys a value (the way defaultdict and
# Counter work), __setitem__ can be overridden and still store through super(), and the dict's
# methods, len, `in`, iteration, repr and == act on the dict the instance is.
class Defaults(dict):
    def __missing__(self, key):
        return f"<no {key}>"


d = Defaults(a=1)
d["b"] = 2
print(d, d["a"], d["zz"], d.get("zz"), "zz" in d, len(d), list(d), sorted(d.items()))


class Lower(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())


w = Lower()
w["Apple"] = 3
w["BANANA"] = 5
print(w, w["APPLE"], w.keys(), isinstance(w, dict), type(w).__name__)
try:
    w["cherry"]
except KeyError as e:
    print("KeyError", e)


class Registry(dict):
    def __init__(self, owner, **entries):
        super().__init__(**entries)
        self.owner = owner

    def register(self, name, value):
        self[name] = value
        return self


r = Registry("ada", x=1).register("y", 2)
print(r, r.owner, r == {"x": 1, "y": 2}, dict(r), {**r, "z": 3}, r.pop("x"), r)
r.update(q=9)
print(r, len(r), r.setdefault("y", 0), repr(r), str(r))
for k, v in r.items():
    print(k, v)
print(Registry("none"), bool(Registry("none")), dict.__len__(r))
