"""python -m scripts.evaluate: the drafter against hand annotations (scripts/tools/evaluate.py)."""

import sys

from .tools.evaluate import main

if __name__ == "__main__":
    sys.exit(main())
