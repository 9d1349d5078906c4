# An uncaught ZeroDivisionError: the lines printed before it stay on stdout, the traceback goes to
# stderr ending in `ZeroDivisionError: division by zero`, and the exit code is 1.
scores = [10, 20, 30]
print("total", sum(scores))
print("average", sum(scores) / len(scores))
empty = []
print("average", sum(empty) / len(empty))
print("never printed")
