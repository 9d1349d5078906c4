# choice() over a list, a string and a range after seeding; choice of an empty list is an IndexError.
import random

random.seed(42)
print([random.choice(["rock", "paper", "scissors"]) for _ in range(8)])
print("".join(random.choice("ACGT") for _ in range(20)))
print(random.choice(range(1000)))
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
