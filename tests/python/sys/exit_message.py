# sys.exit("text") prints the text to stderr and exits with 1.
import sys

print("about to leave")
sys.exit("leaving with a message")
