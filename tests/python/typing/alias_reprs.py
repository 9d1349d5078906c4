# typing's aliases print as CPython's (`typing.List[int]`, `typing.Optional[int]`, NoneType inside a
# longer Union), compare by origin and arguments (a Union as a set), and get_origin/get_args take
# them apart.
from typing import (Any, Callable, ClassVar, Dict, Final, FrozenSet, Iterable, Iterator, List, Literal,
                    Mapping, Optional, Sequence, Set, Tuple, Type, Union, Generator)
import typing

print(List[int], Dict[str, List[int]], Set[str], FrozenSet[int])
print(Optional[int], Optional[List[str]], Union[int, str], Union[int, str, None])
print(Callable[[int], str], Callable[[int, float], None], Callable[..., int], Callable[[], bool])
print(Tuple[int, ...], Tuple[int, str], Tuple[()], Type[int], ClassVar[int], Final[str])
print(Iterable[str], Iterator[int], Sequence[float], Mapping[str, int], Generator[int, None, None])
print(Literal['red', 'green'], Literal[1, 2], Any, List, Optional, Union)
print(Union[int], Union[int, Union[str, int]], Optional[Optional[int]])
print(Union[int, str] == Union[str, int], Optional[int] == Union[int, None], List[int] == List[int])
print(List[int] == List[str], Dict[str, int] == Dict[str, int])
print(typing.get_origin(List[int]), typing.get_origin(Dict[str, int]), typing.get_origin(int))
print(typing.get_args(Dict[str, int]), typing.get_args(Callable[[int], str]), typing.get_args(int))
print(typing.get_args(Optional[int]), typing.get_origin(Union[int, str]) is Union)
print(typing.cast(int, "not checked"), typing.cast(List[int], [1]), typing.TYPE_CHECKING)
print(typing.Text is str, len({List[int], List[int], Optional[int]}))
