# Without a seed the values change from run to run, so only their properties are printed: ranges,
# membership, and a shuffle that keeps every element.
import random

r = random.random()
print(0.0 <= r < 1.0)
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(100)))
deck = list(range(52))
random.shuffle(deck)
print(sorted(deck) == list(range(52)))
print(random.choice("xyz") in "xyz", len(set(random.sample(range(10), 10))))
