# itertools' argument errors, raised when the tool is called (not at the first next()), with
# CPython's messages for the common slips.
import itertools

def attempt(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

attempt(itertools.count, "a")
attempt(itertools.cycle, 5)
attempt(itertools.repeat, "x", "3")
attempt(itertools.accumulate, None)
attempt(itertools.compress, [1], 2)
attempt(itertools.dropwhile, bool, 3)
attempt(itertools.takewhile, bool, 3)
attempt(itertools.filterfalse, bool, 3)
attempt(itertools.groupby, 1)
attempt(itertools.starmap, pow, 1)
attempt(itertools.tee, [1], -1)
attempt(itertools.zip_longest, [1], 2)
attempt(itertools.pairwise, 1)
attempt(itertools.product, [1], repeat=-1)
attempt(itertools.product, 1)
attempt(itertools.permutations, "ab", -1)
attempt(itertools.permutations, "ab", "2")
attempt(itertools.combinations, "ab", -1)
attempt(itertools.combinations_with_replacement, "ab", -2)
attempt(itertools.combinations, 3, 1)
attempt(itertools.chain, 1)
print(list(itertools.starmap(pow, [(2, 3)])))
itertools.islice([1, 2], 1, 2, 0)
