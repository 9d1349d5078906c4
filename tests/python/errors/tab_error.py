# Tabs and spaces mixed so that the meaning depends on the tab width: TabError "inconsistent use of
# tabs and spaces in indentation".
def f(x):
    if x:
	return 1
        return 2
print(f(1))
