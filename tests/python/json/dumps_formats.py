# json.dumps as CPython writes it: separators with and without indent, indent as a number or a
# string, sort_keys, nested empties, floats in their shortest repr (1e+16, 1e-07, 0.1), big ints,
# non-str keys turned to strings, tuples as arrays, escapes with and without ensure_ascii (control
# characters, quotes, backslashes, non-ASCII and astral characters as surrogate pairs).
import json

data = {"name": "Ada", "age": 36, "langs": ["py", "rs"], "ok": True, "none": None, "pi": 3.14159}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, separators=(",", ":")), json.dumps([1, [2, []], {}], indent=1))
print(json.dumps({"b": 1, "a": {"d": [], "c": {}}}, sort_keys=True, indent=0))
print(json.dumps([0.1, 1e16, 1e-7, 2.5, -0.0, 1.0, 123456789.123, 10 ** 30, -5, 1e300 * 10]))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none", "s": "str"}))
print(json.dumps((1, 2)), json.dumps("tab\there \"quoted\" back\\slash\nnew"), json.dumps("\x00\x1f\x7f"))
print(json.dumps("café ☕ 𝄞"), json.dumps("café ☕ 𝄞", ensure_ascii=False), json.dumps("/"))
print(json.dumps({"k": "é"}, ensure_ascii=False, indent=2))
print(json.dumps(float("nan")), json.dumps([float("-inf")]), json.dumps(""), json.dumps([]), json.dumps({}))
print(json.dumps({"x": [1, {"y": (2, 3)}]}, indent=4, separators=(", ", " = ")))
