# sys.exit(3): the program ends there with exit code 3 and nothing on stderr; the finally block runs
# on the way out.
import sys

print("before")
try:
    sys.exit(3)
finally:
    print("finally runs")
print("never printed")
