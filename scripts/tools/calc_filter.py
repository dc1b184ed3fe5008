"""The LibreOffice Calc CSV import options for one table: UTF-8, comma, double quote, and a format per column from
its Table Schema (text columns as text, so "042" keeps its zero; dates as ISO year-month-day).

    soffice --headless --convert-to xlsx "--infilter=$(python -m scripts.tools.calc_filter events)" data/events.csv
"""

from __future__ import annotations

import sys

from ..core.registry import TABLES, load_schema

# Calc's column formats: 1 standard, 2 text, 5 YY/MM/DD (ISO dates)
FORMATS = {"string": 2, "date": 5}


def csv_filter(schema: dict) -> str:
    formats = "/".join(f"{index}/{FORMATS.get(field['type'], 1)}" for index, field in enumerate(schema["fields"], 1))
    return f"CSV:44,34,76,1,{formats},0,false,true,true"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] not in TABLES:
        print(f"usage: python -m scripts.tools.calc_filter TABLE  (one of {', '.join(TABLES)})", file=sys.stderr)
        return 2
    print(csv_filter(load_schema(args[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
