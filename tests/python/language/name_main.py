# `if __name__ == "__main__":` runs, since the program is the main module, and __file__ names it.
def main():
    print("main() called")

if __name__ == "__main__":
    main()
print(__name__, __file__.endswith("name_main.py"))
