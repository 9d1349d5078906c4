# inf and nan: their arithmetic and tests; nan is not equal to itself.
import math

nan = math.nan
print(math.isnan(nan), nan == nan, nan != nan, math.isinf(math.inf), math.isfinite(1.0))
print(math.inf + 1, math.inf - math.inf, -math.inf * 0.5, math.inf > 10 ** 300)
print(float("inf"), float("-inf"), float("nan"), repr(-0.0))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.isclose(1e-10, 0, abs_tol=1e-9))
print(max(1.0, math.inf), min(-math.inf, 0))
