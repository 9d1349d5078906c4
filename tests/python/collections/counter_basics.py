# Counter: counting an iterable and keyword counts, missing keys count 0, most_common (ties keep
# first-seen order), elements, total, update and subtract with iterables and mappings, the repr
# (most common first) and deleting a missing key quietly.
from collections import Counter

words = "the cat and the hat and the bat".split()
c = Counter(words)
print(c)
print(c["the"], c["dog"], "dog" in c, len(c), c.total())
print(c.most_common(2), c.most_common()[-1], c.most_common(0))
print(sorted(c.elements()))
c.update(["cat", "cat"])
c.update({"hat": 10})
c.update(dog=1)
print(c)
c.subtract(["the", "the", "the", "the"])
c.subtract({"hat": 1})
print(c, c["the"])
del c["nothing"]
del c["dog"]
print(c, list(c), sorted(c.values()))
letters = Counter("mississippi")
print(letters, letters.most_common(1)[0], dict(letters))
print(Counter(), Counter(a=3, b=1), Counter({"x": 2}), repr(Counter("aab")))
print(isinstance(letters, dict), type(letters).__name__, letters.copy() == letters)
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError:", e)
