"""python -m scripts.review: every drafted item left to review, with its words in context (scripts/tools/review.py)."""

import sys

from .tools.review import main

if __name__ == "__main__":
    sys.exit(main())
