# typing's misuse raises CPython's TypeError messages: the wrong number of arguments, a bare
# special form called, List instantiated, a Union of nothing, a non-type parameter.
from typing import Any, Callable, Dict, List, Optional, Tuple, Union, ClassVar

attempts = [
    lambda: List[int, str],
    lambda: Dict[int],
    lambda: Optional[int, str],
    lambda: Union[()],
    lambda: Any(),
    lambda: List(),
    lambda: Dict[str, int](),
    lambda: Union[int, str](),
    lambda: List[3],
    lambda: ClassVar[int, str],
    lambda: Callable[int],
]
for attempt in attempts:
    try:
        print(attempt())
    except TypeError as e:
        print("TypeError:", e)
print(Callable[int, str], Tuple[int, str, float])
List[1, 2]
