# Augmented assignment on numbers, strings, lists (in place: aliases see it) and tuples (a new object).
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
y = 7.0
y /= 2
print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
a = [1]
alias = a
a += [2, 3]
print(a, alias, a is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias, t is t_alias)
bits = 0b1100
bits |= 0b0011; bits &= 0b1010; bits ^= 0b1111; bits <<= 2; bits >>= 1
print(bin(bits))
