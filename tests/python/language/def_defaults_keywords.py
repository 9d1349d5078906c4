# def with default values, keyword arguments in any order, keyword-only parameters, and the classic
# shared mutable default.
def greet(name, greeting="Hello", *, punctuation="!"):
    return f"{greeting}, {name}{punctuation}"

print(greet("Ada"))
print(greet("Ada", "Hi"))
print(greet(greeting="Hey", name="Alan"))
print(greet("Grace", punctuation="?"))

def power(base, exp=2):
    return base ** exp

print(power(3), power(2, 10), power(exp=3, base=2))

def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1), append_to(2))

def append_fixed(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_fixed(1), append_fixed(2))
