# shuffle() reorders a list in place (and returns None) the same way after the same seed.
import random

random.seed(42)
cards = list(range(10))
print(random.shuffle(cards))
print(cards)
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
random.shuffle(words)
print(words)
random.seed(42)
again = list(range(10))
random.shuffle(again)
print(again == cards)
