# Builtin classes subscript into types.GenericAlias (`list[int]` prints as written, calls the class,
# compares by origin and arguments), `X | None` is a types.UnionType, and module and class bodies
# evaluate such annotations into __annotations__; a function's parameter annotations do not stop it
# from running.
print(list[int], dict[str, list[int]], tuple[int, ...], set[str], frozenset[int], type[int])
print(list[int] == list[int], list[int] == list[str], list[int]("ab"), dict[str, int](a=1))
print(int | None, int | str | None, list[int] | None, None | int, int | int)
print((int | str) == (str | int), (int | None).__args__, list[int].__origin__, dict[str, int].__args__)


class Point:
    pass


print(list[Point], dict[str, tuple[Point, ...]])

scores: dict[str, list[int]] = {}
best: int | None = None


class Team:
    members: list[str]
    lead: str | None = None


def average(xs: list[int]) -> float:
    return sum(xs) / len(xs)


print(__annotations__, Team.__annotations__, Team.lead, average([1, 2, 3]))
for bad in (lambda: int[3], lambda: str[int], lambda: int | 3):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
