# str.splitlines splits at every line boundary Python knows (\n, \r, \r\n as one, \v, \f, \x1c-\x1e,
# \x85, \u2028, \u2029), drops a final empty line, and keeps the boundaries with keepends=True.
text = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x85eight\u2028nine\n"
print(text.splitlines())
print(ascii(text.splitlines(True)))
print("a\n\nb\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines(), "x".splitlines(True))
print("no newline".splitlines(), "trailing\r".splitlines(keepends=False), "\r\n\r\n".splitlines(True))
