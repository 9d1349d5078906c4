# f-strings and format specs: width, alignment, fill, precision, thousands separators, signs, bases,
# percentages, exponents, !r/!s, nested specs, and the self-documenting `=`.
x = 1234567.891
n = 42
name = "Ada"
print(f"{x:.2f}|{x:,.2f}|{x:_.1f}|{x:e}|{x:.3e}|{x:g}|{0.0001234:g}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:+}|{n: }")
print(f"{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{n:#b}|{255:08b}|{n:c}")
print(f"{name:*^11}|{name:>8}|{name:.2}|{name!r}|{name!s}")
print(f"{0.256:.1%}|{1/3:.4}|{2/3:10.3f}|{-1.5:08.2f}")
width, prec = 10, 3
print(f"[{x:{width}.{prec}f}]", f"[{name:>{width}}]")
print(f"{n=}", f"{n * 2 = }", f"{name=!s}")
print(f"{{braces}}", f"{'quoted'}", f"{[1, 2][0]}", f"{ {'k': 1}['k'] }")
print(f"{1_000_000:,}", f"{1234.5:,.0f}", f"{10**20:,}", f"{-0.0:.1f}", f"{True:d}")
print(format(3.14159, ".3f"), format(255, "x"), format("s", ">3"), format(12, ","))
