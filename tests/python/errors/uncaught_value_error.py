# int() of text that is not a number: ValueError, uncaught.
for text in ["1", "22", "three"]:
    print(int(text) * 2)
