# randint(a, b) (both ends included) and randrange after seeding.
import random

random.seed(42)
print([random.randint(1, 6) for _ in range(20)])
print([random.randint(-1000, 1000) for _ in range(5)])
print(random.randint(0, 10 ** 30))
print([random.randrange(10) for _ in range(10)])
print([random.randrange(0, 100, 5) for _ in range(5)])
