# json.loads: every kind of value, whitespace, escapes (\u with surrogate pairs), numbers as int or
# float (big ints exact, exponents), duplicate keys (the last wins), NaN/Infinity, object_hook,
# parse_float, object_pairs_hook, and a round trip through dumps.
import json

text = ' { "name" : "Ada", "tags": ["a", "b"], "n": -12, "x": 1.5e3, "ok": true, "no": false, "v": null } '
obj = json.loads(text)
print(obj, type(obj["x"]).__name__, type(obj["n"]).__name__)
print(json.loads('"tab\\tquote\\" slash\\/ u\\u00e9 astral\\ud834\\udd1e"'))
print(json.loads("123456789012345678901234567890"), json.loads("-0"), json.loads("0.5"), json.loads("1E2"))
print(json.loads('[1, [2, [3, []]], {}]'), json.loads('{"a": 1, "a": 2}'), json.loads("[NaN, Infinity, -Infinity]"))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads("[1.10, 2]", parse_float=str), json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
data = {"users": [{"id": 1, "name": "Zoë"}, {"id": 2, "name": "Li", "score": 9.75}], "count": 2}
print(json.loads(json.dumps(data)) == data, json.loads(json.dumps(data, indent=2)) == data)
print(json.loads("\n\t[\r\n1 ]\n"), json.loads('""'), json.loads(' "x" '))
