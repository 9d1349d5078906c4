# Indexing past the end of a list: IndexError, uncaught.
results = [1, 4, 9]
for i in range(4):
    print(results[i])
