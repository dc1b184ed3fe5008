"""python -m scripts.add_article: a new source folder with a machine draft to review (scripts/tools/add_article.py)."""

import sys

from .tools.add_article import main

if __name__ == "__main__":
    sys.exit(main())
