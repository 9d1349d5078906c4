# multiprocessing.Pool: map splits the work over worker processes and returns the results in order;
# starmap unpacks argument tuples; apply_async returns an AsyncResult.
import multiprocessing

def square(x):
    return x * x

def power(base, exp):
    return base ** exp

with multiprocessing.Pool(processes=2) as pool:
    print(pool.map(square, range(10)))
    print(pool.starmap(power, [(2, 10), (3, 3), (10, 0)]))
    r = pool.apply_async(square, (12,))
    print(r.get(timeout=5))
