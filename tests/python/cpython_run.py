"""Runs one corpus program under CPython the way the playground's interpreter runs it.

Usage: python3 tests/python/cpython_run.py FILE.py

The corpus harness (crates/python/tests/corpus.rs) compares this with the interpreter, so the two
must start a program alike:
- the names in the prelude's `__all__` (crates/python/lib/playground_prelude.py) are put into
  `builtins`, as the interpreter does, so the lesson's `do_work()`, `process`, `data`, `urls` and
  `requests` need no definition;
- crates/python/lib is on `sys.path` (after the program's own folder, as `python3 FILE.py` puts it
  first), so `import requests` finds the simulated one and never the real package;
- the file runs as the module `__main__` (a real module in `sys.modules`, so a process pool can
  pickle its functions by name), with `__file__` set and `sys.argv == [FILE]`;
- stdout is line-buffered UTF-8, so a program killed by a `# timeout:` still shows every line it
  printed, and the lesson's ✅ prints the same whatever the locale;
- no bytecode is written, so running the corpus leaves no __pycache__ in the tree.

Exit codes and stderr are CPython's own: a SyntaxError is reported with its line and caret, and an
uncaught exception prints the traceback (without this runner's frames) ending in `Type: message`,
then the interpreter shuts down as usual (waiting for non-daemon threads) and exits with 1.
`sys.exit(n)` exits with n.
"""

import sys

sys.dont_write_bytecode = True

import builtins
import os
import types

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.normpath(os.path.join(HERE, "..", "..", "crates", "python", "lib"))


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: python3 tests/python/cpython_run.py FILE.py\n")
        sys.exit(2)
    path = sys.argv[1]
    sys.stdout.reconfigure(encoding="utf-8", line_buffering=True)
    sys.stderr.reconfigure(encoding="utf-8", line_buffering=True)

    # sys.path as `python3 FILE.py` has it (the program's folder first), then the playground's lib.
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    sys.path.insert(1, LIB)

    import playground_prelude

    for name in playground_prelude.__all__:
        setattr(builtins, name, getattr(playground_prelude, name))

    with open(path, encoding="utf-8") as f:
        source = f.read()
    try:
        code = compile(source, path, "exec")
    except SyntaxError as e:
        # No traceback above a SyntaxError: CPython prints only the file, line, caret and message.
        e.__traceback__ = None
        sys.excepthook(type(e), e, None)
        sys.exit(1)

    module = types.ModuleType("__main__")
    module.__file__ = path
    module.__builtins__ = builtins
    sys.modules["__main__"] = module
    sys.argv = [path]
    try:
        exec(code, module.__dict__)
    except SystemExit:
        raise
    except BaseException as e:
        # Drop this runner's frame so the traceback starts at the program's `<module>`.
        e.__traceback__ = e.__traceback__.tb_next
        sys.excepthook(type(e), e, e.__traceback__)
        sys.exit(1)


main()
