# An exception raised three calls deep and caught nowhere: the traceback lists each call, outermost
# first; the type is what the last line names.
def parse(line):
    key, value = line.split("=")
    return key, int(value)

def load(lines):
    return dict(parse(line) for line in lines)

def main():
    print(load(["a=1", "b=2"]))
    print(load(["a=1", "b=2=3"]))

main()
