# json.dumps' failures and escapes hatches: an unknown type (CPython's TypeError), default= turning
# it into something JSON knows, a key of the wrong type (and skipkeys=True), a circular list, a NaN
# with allow_nan=False, a JSONEncoder subclass overriding default().
import json
from dataclasses import dataclass, asdict


@dataclass
class Point:
    x: int
    y: int


for bad in (lambda: json.dumps({1, 2}), lambda: json.dumps(Point(1, 2)), lambda: json.dumps({(1, 2): 3}),
            lambda: json.dumps(float("inf"), allow_nan=False), lambda: json.dumps(b"x")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(json.dumps(Point(1, 2), default=asdict), json.dumps({1, 2}, default=sorted))
print(json.dumps({(1, 2): 3, "a": 1}, skipkeys=True))
loop = [1]
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError:", e)


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(json.dumps({"tags": {"b", "a"}}, cls=SetEncoder))
try:
    json.dumps({"bad": object()}, cls=SetEncoder)
except TypeError as e:
    print("TypeError:", e)
