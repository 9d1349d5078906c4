# Calling a method a list does not have (a JavaScript habit): AttributeError, uncaught.
items = [1, 2, 3]
items.append(4)
print(items)
items.push(5)
