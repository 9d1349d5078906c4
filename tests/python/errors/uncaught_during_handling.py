# An error inside an except block, uncaught: "During handling of the above exception, another exception
# occurred", and the last line is the second error (a NameError).
try:
    {}["missing"]
except KeyError:
    print("handling the KeyError")
    print(undefined_name)
