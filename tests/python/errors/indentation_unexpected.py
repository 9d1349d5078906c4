# A line indented for no reason: IndentationError "unexpected indent".
x = 1
    y = 2
print(x + y)
