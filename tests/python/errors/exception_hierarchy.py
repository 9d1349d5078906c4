# The built-in exception hierarchy: which except clauses catch what.
pairs = [
    (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (UnboundLocalError, NameError),
    (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError),
    (TimeoutError, OSError),
    (ConnectionError, OSError),
    (FileNotFoundError, OSError),
    (StopIteration, Exception),
    (KeyboardInterrupt, Exception),
    (SystemExit, BaseException),
    (Exception, BaseException),
    (ValueError, TypeError),
    (AssertionError, Exception),
]
for sub, base in pairs:
    print(f"{sub.__name__} < {base.__name__}: {issubclass(sub, base)}")
