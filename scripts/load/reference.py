"""Reference tables (sources/reference/): UN roll calls checked against their official tallies, Factbook land borders
checked against each country's total, the entities with their identifiers, key dates and resolutions."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from ..core.errors import ReferenceMismatch, UnknownCode
from ..core.registry import VOTE_VALUES
from ..core.repo import REFERENCE
from .inputs import read_csv
from .vocabulary import check_iso3

UN_MEMBER_STATES = 193


def load_roll_calls(root: Path) -> list[dict]:
    """One row per state and resolution from the reference roll calls, checked against the official tallies."""
    folder = root / REFERENCE
    rows = []
    for resolution in read_csv(folder / "unga_resolutions.csv"):
        path = folder / resolution["roll_call_file"]
        calls = read_csv(path)
        seen: set[str] = set()
        for call in calls:
            label = f"{resolution['symbol']} ({call['iso3']})"
            check_iso3(call["iso3"], file=path, item=label, field="iso3")
            if call["vote"] not in VOTE_VALUES:
                raise UnknownCode(
                    path,
                    label,
                    "vote",
                    f"{call['vote']!r} is not a vote value.",
                    f"use one of {', '.join(VOTE_VALUES)}.",
                )
            if call["iso3"] in seen:
                raise ReferenceMismatch(path, label, "iso3", "the state is listed twice.", "keep one row per state.")
            seen.add(call["iso3"])
        check_tally(resolution, calls, path)
        rows += [{"resolution": resolution, "call": call} for call in calls]
    return rows


def check_tally(resolution: dict, calls: list[dict], path: Path) -> None:
    """The roll call must add up to the official totals and cover every member state."""
    counted = Counter(call["vote"] for call in calls)
    expected = {value: int(resolution[value]) for value in VOTE_VALUES}
    if len(calls) != UN_MEMBER_STATES or any(counted[v] != expected[v] for v in VOTE_VALUES):
        found = ", ".join(f"{counted[v]} {v}" for v in VOTE_VALUES)
        want = ", ".join(f"{expected[v]} {v}" for v in VOTE_VALUES)
        raise ReferenceMismatch(
            path,
            resolution["symbol"],
            "vote",
            f"expected {UN_MEMBER_STATES} states ({want}), found {len(calls)} ({found}).",
            "correct the roll call from the official record (UN Digital Library), citing it.",
        )


def load_factbook_borders(root: Path) -> list[dict]:
    """Factbook border rows, checked: each pair once, and each country's listed borders summing to its total."""
    folder = root / REFERENCE
    path = folder / "borders_factbook.csv"
    rows = read_csv(path)
    sums: dict[str, int] = defaultdict(int)
    for row in rows:
        for side in ("iso3_a", "iso3_b"):
            check_iso3(row[side], file=path, item=f"{row['iso3_a']}-{row['iso3_b']}", field=side)
            sums[row[side]] += int(row["length_km"])
    for total in read_csv(folder / "land_boundary_totals.csv"):
        if total["iso3"] in sums and total["iso3"] not in ("RUS", "CHN"):  # only their Central Asian borders are listed
            if sums[total["iso3"]] != int(total["total_land_boundary_km"]):
                raise ReferenceMismatch(
                    path,
                    total["iso3"],
                    "length_km",
                    f"expected the borders of {total['iso3']} to sum to {total['total_land_boundary_km']} km "
                    f"(land_boundary_totals.csv), found {sums[total['iso3']]} km.",
                    "correct the border rows from the Factbook, citing the snapshot.",
                )
    return rows


def load_entities(root: Path) -> dict[str, dict]:
    return {row["name"]: row for row in read_csv(root / REFERENCE / "entities.csv")}


def load_key_dates(root: Path) -> dict[str, dict]:
    return {row["event"]: row for row in read_csv(root / REFERENCE / "key_dates.csv")}


def load_resolutions(root: Path) -> dict[str, dict]:
    return {row["symbol"]: row for row in read_csv(root / REFERENCE / "unga_resolutions.csv")}
