# assert: nothing when true, AssertionError (with the message if given) when false.
assert 1 + 1 == 2
assert [1], "a non-empty list is true"
try:
    assert 2 + 2 == 5, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("no message:", repr(e))
