# sys.stdout.write returns the number of characters written and adds no newline; print(file=) and
# flush= work with sys.stdout; what goes to sys.stderr is not part of stdout.
import sys

n = sys.stdout.write("no newline")
sys.stdout.write("\n")
print(n)
print("to stdout", file=sys.stdout, flush=True)
print("to stderr", file=sys.stderr)
sys.stderr.write("also stderr\n")
print("done")
