# Recursion without a base case: RecursionError once the depth passes the limit (1000), uncaught.
def countdown(n):
    return countdown(n - 1)

print("start")
countdown(10)
