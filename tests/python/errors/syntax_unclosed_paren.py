# A parenthesis never closed: SyntaxError "'(' was never closed", reported at the opening paren.
print("never printed")
total = sum([1, 2, 3]
print(total)
