# Strings are sequences of code points: iteration, indexing, len, comparison, multiplication, `in`,
# escapes and non-ASCII text.
word = "héllo→🐍"
print(len(word), word[1], word[-1], list(word[:3]))
print("ab" * 3, "b" in "abc", "abc" < "abd", "Z" < "a", "apple" < "apples")
print("tab:\t|", "quote:\"", 'single:\'', "backslash:\\", "unicode:\u00e9", r"raw:\n")
for i, ch in enumerate("hey"):
    print(i, ch, ord(ch))
print("""triple
quoted""", 'con' 'cat')
