# Plain invalid syntax (two operators in a row): SyntaxError "invalid syntax".
print("never printed")
x = = 1
