# `=` where `==` was meant, inside an if: SyntaxError ("invalid syntax. Maybe you meant '==' or ':='
# instead of '='?" in 3.11).
x = 1
if x = 1:
    print("one")
