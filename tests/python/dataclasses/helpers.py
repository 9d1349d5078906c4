# asdict and astuple (recursive through dataclasses, lists, tuples and dicts), replace (a new
# instance with changes; init=False fields refused), is_dataclass for classes and instances, and
# their errors for anything else.
from dataclasses import dataclass, field, asdict, astuple, replace, is_dataclass


@dataclass
class Item:
    name: str
    price: float


@dataclass
class Order:
    id: int
    items: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    total: float = field(default=0.0, init=False)


o = Order(1, [Item("pen", 1.5), Item("ink", 3.0)], {"gift": Item("card", 0.5)})
print(asdict(o))
print(astuple(o))
print(asdict(Item("x", 2)) == {"name": "x", "price": 2}, astuple(Item("x", 2)))
print(asdict(o)["items"][0] is o.items[0], type(asdict(o)["items"][0]).__name__)
i = Item("pen", 1.5)
j = replace(i, price=2.0)
print(i, j, i is j, replace(i))
try:
    replace(o, total=5.0)
except ValueError as e:
    print("ValueError:", e)
try:
    replace(i, colour="red")
except TypeError as e:
    print("TypeError:", e)
print(is_dataclass(Item), is_dataclass(i), is_dataclass(3), is_dataclass(dict))
for f in (asdict, astuple, replace):
    try:
        f(Item)
    except TypeError as e:
        print("TypeError:", e)
