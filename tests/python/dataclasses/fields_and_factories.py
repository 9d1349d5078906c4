# field(): default, default_factory (a new list per instance), repr=False, compare=False,
# init=False; a mutable default is refused; a non-default field after a default one is a
# TypeError; fields() lists Field objects in order.
from dataclasses import dataclass, field, fields, MISSING


@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    count: int = field(default=0, compare=False)
    token: str = field(default="t", repr=False)
    created: int = field(default=7, init=False)


a = Inventory("ann")
b = Inventory("bob", ["x"])
a.items.append("pen")
print(a, b, Inventory("cy").items)
print(Inventory("d", [], 5) == Inventory("d", [], 9), Inventory("d", token="u") == Inventory("d"))
print(Inventory.count, hasattr(Inventory, "items"))
for f in fields(Inventory):
    print(f.name, f.type.__name__, f.default is MISSING, f.default_factory is MISSING, f.repr, f.compare, f.init)
print([f.name for f in fields(a)], fields(a)[0].default is MISSING)
try:

    @dataclass
    class Shared:
        values: list = []

except ValueError as e:
    print("ValueError:", e)
try:

    @dataclass
    class Order:
        a: int = 1
        b: int

except TypeError as e:
    print("TypeError:", e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print("ValueError:", e)
try:
    fields(3)
except TypeError as e:
    print("TypeError:", e)
counter = [0]


def next_id():
    counter[0] += 1
    return counter[0]


@dataclass
class Ticket:
    id: int = field(default_factory=next_id)


print(Ticket(), Ticket(), Ticket(99), Ticket())


@dataclass
class Pos:
    x: int = 0


try:

    @dataclass
    class Robot:
        at: Pos = Pos()

except ValueError as e:
    print("ValueError:", e)


@dataclass(frozen=True)
class FixedPos:
    x: int = 0


@dataclass
class Robot:
    at: FixedPos = FixedPos()
    path: tuple = ()


print(Robot(), Robot().at is Robot().at)
