# try/except/else/finally: else runs when nothing was raised, finally always, even after return;
# several except clauses and a tuple of types.
def attempt(x):
    try:
        result = 10 / x
    except ZeroDivisionError:
        print("  except ZeroDivisionError")
        return "div0"
    except (TypeError, ValueError) as e:
        print("  except", type(e).__name__)
        return "bad type"
    else:
        print("  else")
        return result
    finally:
        print("  finally")

for x in (2, 0, "a"):
    print(x, "->", attempt(x))

def finally_wins():
    try:
        return "try"
    finally:
        print("finally runs before the return")

print(finally_wins())

try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)
