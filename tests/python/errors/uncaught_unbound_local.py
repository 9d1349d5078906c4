# Assigning to a global's name inside a function without `global` makes it local, so reading it first
# fails: UnboundLocalError (3.11: "cannot access local variable 'counter' where it is not associated
# with a value").
counter = 0

def increment():
    counter += 1

print("calling")
increment()
