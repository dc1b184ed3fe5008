"""Borders: the Factbook's land borders beside every length an article states."""

from __future__ import annotations

from collections import defaultdict

from ..stage.border import compare


def border_rows(factbook: list[dict], stated: list[dict]) -> list[dict]:
    """The articles' rows and the Factbook rows, each Factbook row noting the lengths the articles state for it."""
    claimed: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in stated:
        claimed[(row["iso3_a"], row["iso3_b"])].append(row["length_km"])
    noted = [
        {
            **row,
            "notes": "; ".join(
                compare(km, row["length_km"], "Recorded value; an article states", reverse=True)
                for km in claimed.get((row["iso3_a"], row["iso3_b"]), [])
            )
            or None,
        }
        for row in factbook
    ]
    return sorted(stated + noted, key=lambda row: row["border_id"])
