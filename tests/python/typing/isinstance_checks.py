# isinstance/issubclass with typing's objects: X | Y and Optional/Union check each member (in order; a
# parameterized generic is refused when reached), bare List/Dict check their builtin class, the abstract
# ones (Iterable, Iterator, Sized, Callable, Hashable) check methods as collections.abc does, and
# subscripted generics are refused with CPython's TypeErrors.
from typing import List, Dict, Optional, Union, Iterable, Iterator, Sized, Callable, Hashable
print(isinstance(3, int | str), isinstance("a", int | None), isinstance(None, int | None), issubclass(bool, int | str))
print(isinstance([], List), isinstance({}, Dict), isinstance([], Dict), issubclass(list, List))
print(isinstance(3, Optional[int]), isinstance("x", Union[int, str]), isinstance(None, Optional[str]))
print(isinstance([], Iterable), isinstance(3, Iterable), isinstance(iter([]), Iterator), isinstance([], Iterator))
print(isinstance("ab", Sized), isinstance(len, Callable), isinstance(3, Callable), isinstance([], Hashable), isinstance(3, Hashable))
def g():
    yield 1


print(isinstance(g(), Iterator), isinstance(range(3), Iterable), isinstance({}, Sized))
for bad in (lambda: isinstance([], list[int]), lambda: isinstance([], List[int]), lambda: issubclass(list, dict[str, int]),
            lambda: isinstance(1, int | list[int]), lambda: isinstance(1, Optional[List[int]])):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
