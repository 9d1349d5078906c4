# The walrus operator (PEP 572): `while (x := f()) is not None`, `if (n := len(a)) > 3`, in a
# comprehension's condition and element (the name is bound in the enclosing function or module, and
# a closure sees it), in call arguments, nested comprehensions, and its value is the expression's.
import queue

q = queue.Queue()
for item in ["a", "b", None]:
    q.put(item)
while (line := q.get()) is not None:
    print("got", line)
print("after loop", line)

data = [3, 1, 4, 1, 5, 9, 2, 6]
if (n := len(data)) > 5:
    print(f"list is too long ({n} elements, expected <= 5)")
print([y for x in data if (y := x * x) > 10], y)
print([last := x for x in data], last)
print(print_value := (z := 5) + 1, z, print_value)


def scan(values):
    total = 0
    partial = [total := total + v for v in values]
    return partial, total


def first_negative(values):
    if any((found := v) < 0 for v in values):
        return found
    return None


def counter():
    hits = [(k := i) for i in range(3)]
    return lambda: k + len(hits)


print(scan([1, 2, 3]), first_negative([4, -2, 7]), first_negative([1]), counter()())
print([[(m := a * b) for b in range(3)] for a in range(2)], m)
print(max(w := [4, 8, 2]), w, len(s := "hello"), s)
chunks = iter(["ab", "cd", ""])
while chunk := next(chunks):
    print("chunk", chunk)
print({(key := k.upper()): v for k, v in {"a": 1}.items()}, key)
if not (empty := []):
    print("empty is", empty)
print(data[(i := 2)], i, (a := 1, b := 2), a, b)
