# @dataclass with typing's annotations: a ClassVar is a class attribute, not a field (a mutable
# default is allowed there, a default_factory is not); fields keep their typing annotation as type.
from dataclasses import dataclass, field, fields
from typing import ClassVar, Dict, List, Optional


@dataclass
class Inventory:
    count: ClassVar[int] = 0
    registry: ClassVar[List[str]] = []
    name: str
    items: List[str] = field(default_factory=list)
    owner: Optional[str] = None
    prices: Dict[str, float] = field(default_factory=dict)

    def __post_init__(self):
        Inventory.count += 1
        Inventory.registry.append(self.name)


a = Inventory("shed")
b = Inventory("garage", ["saw"], owner="Ada")
print(a, b, [f.name for f in fields(a)], Inventory.count, Inventory.registry)
print([f.type for f in fields(Inventory)])
try:
    @dataclass
    class Bad:
        x: ClassVar[list] = field(default_factory=list)
except TypeError as e:
    print("TypeError:", e)
try:
    Inventory("a", [], None, {}, 5)
except TypeError as e:
    print("TypeError:", e)
