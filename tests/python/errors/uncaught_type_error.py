# Adding an int to a str: TypeError, uncaught.
age = 36
print("name: Ada")
print("age: " + age)
