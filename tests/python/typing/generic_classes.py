# TypeVar prints as ~T/+T/-T; Generic[T] is a base (PEP 560's __mro_entries__: the class's bases are
# Generic itself and __orig_bases__ keeps what was written); a generic class subscripts to an alias
# that prints as __main__.Box[int], creates instances and refuses the wrong number of arguments.
from typing import Generic, TypeVar, Protocol, Dict, List, Optional

T = TypeVar('T')
K = TypeVar('K')
V_co = TypeVar('V_co', covariant=True)
N = TypeVar('N', int, float)
print(T, V_co, TypeVar('C', contravariant=True), T.__name__, N.__constraints__, List[T], Dict[K, T])
print(Dict[str, T][int], Dict[K, List[T]][str, int])


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


class Pair(Generic[K, T]):
    def __init__(self, key: K, value: T):
        self.key, self.value = key, value


class IntBox(Box[int]):
    pass


class Named(Box[T]):
    pass


b = Box(3)
print(b.get(), Box[int], Pair[str, int], Box[Optional[int]], Box[int](5).item)
print(Box.__mro__, Box.__bases__, Box.__orig_bases__)
print(IntBox.__mro__, IntBox.__bases__, IntBox.__orig_bases__, IntBox("x").get())
print(Named[str], Pair("a", 1).value, Box[int] == Box[int])


class SupportsClose(Protocol):
    def close(self) -> None:
        ...


class Resource(SupportsClose):
    def close(self):
        return "closed"


print(Resource().close(), Resource.__mro__)
for bad in (lambda: Box[int, str], lambda: Pair[int], lambda: Generic[int], lambda: Generic[T, T],
            lambda: List[T][int, str], lambda: SupportsClose(), lambda: TypeVar('X', int)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    TypeVar('Y', covariant=True, contravariant=True)
except ValueError as e:
    print("ValueError:", e)
