# A SyntaxError (missing colon after `if`): the file does not run at all, so even the first print is
# not shown; exit code 1, last line `SyntaxError: expected ':'`.
print("never printed: the file is compiled before it runs")
x = 3
if x > 1
    print("big")
