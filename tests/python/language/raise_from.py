# raise … from …: the cause is kept on __cause__; an exception raised while handling another keeps it
# on __context__; `from None` hides the context.
class ConfigError(Exception):
    pass

def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad value {text!r}") from e

try:
    load("abc")
except ConfigError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__)

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__), e.__cause__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
except ValueError as e:
    print(e, e.__cause__)
