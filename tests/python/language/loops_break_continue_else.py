# for/while with break, continue, and else (which runs only when the loop was not broken).
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("not printed: the while was broken")

while False:
    pass
else:
    print("while's else after a normal end")

for x in []:
    print("never")
else:
    print("for's else on an empty loop")
