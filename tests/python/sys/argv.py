# sys.argv is [the program's path], as with `python3 FILE.py`; only its length and file name are
# printed, since the path depends on where the program was run from.
import sys

print(len(sys.argv), sys.argv[0].endswith("argv.py"))
print(type(sys.argv).__name__)
