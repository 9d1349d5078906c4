# A class's __setattr__ runs before a data descriptor (a property) is consulted: it decides, and
# object.__setattr__ inside it is what honours the property's setter, or refuses a read-only one.
class Guarded:
    def __init__(self):
        object.__setattr__(self, "_v", 0)

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        print("setter got", value)
        object.__setattr__(self, "_v", value)

    @property
    def ro(self):
        return "read-only"

    def __setattr__(self, name, value):
        print("__setattr__", name, value)
        if name == "blocked":
            raise AttributeError(f"{name} is blocked")
        object.__setattr__(self, name, value)


g = Guarded()
g.v = 5
g.other = 1
print(g.v, g.other)
for name in ("ro", "blocked"):
    try:
        setattr(g, name, 2)
    except AttributeError as e:
        print("AttributeError:", e)
