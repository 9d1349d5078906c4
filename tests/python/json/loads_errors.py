# json.loads' JSONDecodeError for the mistakes people make, with CPython's message, line, column and
# position: empty input, single quotes, trailing commas, a missing colon or comma, Python's True and
# None, unterminated strings and arrays, extra data, control characters, bad escapes, comments; it is
# a ValueError; a non-string argument is a TypeError. The last one is uncaught.
import json
from json.decoder import JSONDecodeError

docs = ["", "   ", "{'a': 1}", '{"a": 1,}', "[1, 2,]", '{"a" 1}', '{"a": 1 "b": 2}', "[1 2]", "True",
        "None", '"abc', "[1, 2", '{"a": [1, 2}', "1 2", '{"a": 1}}', '"tab\there"', '"bad \\x escape"',
        '"\\u12G4"', "// comment\n1", "01", "1.", "-", ".5", '{"a":\n  [1,\n   2,,]}', "nul", '{"a"', "{"]
for doc in docs:
    try:
        json.loads(doc)
        print("parsed", repr(doc))
    except json.JSONDecodeError as e:
        print(f"{e} | msg={e.msg!r} pos={e.pos} line={e.lineno} col={e.colno}")
try:
    json.loads("[")
except ValueError as e:
    print("a ValueError too:", type(e).__name__, isinstance(e, ValueError), JSONDecodeError is json.JSONDecodeError)
try:
    json.loads(12)
except TypeError as e:
    print("TypeError:", e)
json.loads('{"unfinished": ')
