# A string missing its closing quote: SyntaxError "unterminated string literal (detected at line 3)".
print("never printed")
greeting = "hello
print(greeting)
