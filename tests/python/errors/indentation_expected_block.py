# A block left empty: IndentationError "expected an indented block after 'for' statement on line 3"
# (an IndentationError is a SyntaxError; the type compared is IndentationError).
for i in range(3):
print(i)
