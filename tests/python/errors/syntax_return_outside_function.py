# `return` at module level: SyntaxError "'return' outside function" (found by the compiler, after
# parsing, but still before anything runs).
print("never printed")
return 5
