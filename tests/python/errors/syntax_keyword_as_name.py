# A keyword used as a variable name: SyntaxError "invalid syntax".
class = "first year"
print(class)
