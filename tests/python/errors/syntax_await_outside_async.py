# `await` in a plain `def`: SyntaxError "'await' outside async function", before anything runs.
print("never printed")


def fetch():
    return await something()
