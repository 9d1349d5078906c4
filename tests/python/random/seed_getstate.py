# getstate()/setstate() replay a sequence; getrandbits gives integers of the asked width.
import random

random.seed(2024)
state = random.getstate()
one = [random.random() for _ in range(3)]
random.setstate(state)
print(one == [random.random() for _ in range(3)])
random.seed(2024)
print(random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
