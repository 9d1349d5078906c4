# An empty expression in an f-string: SyntaxError "f-string: empty expression not allowed".
name = "Ada"
print(f"hello {}")
