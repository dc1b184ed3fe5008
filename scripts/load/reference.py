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
    for resolution in read_csv(folder / "unga_resolutions.csv", root):
        path = folder / resolution["roll_call_file"]  # a plain file name (schemas/input/csv/unga_resolutions.json)
        calls = read_csv(path, root, "roll_call")
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
    rows = read_csv(path, root)
    for row in rows:
        for side in ("iso3_a", "iso3_b"):
            check_iso3(row[side], file=path, item=f"{row['iso3_a']}-{row['iso3_b']}", field=side)
    sums = border_sums(rows)
    for total in read_csv(folder / "land_boundary_totals.csv", root):
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


def border_sums(rows: list[dict]) -> dict[str, int]:
    """Each country's land borders as the Factbook rows list them, summed (km)."""
    sums: dict[str, int] = defaultdict(int)
    for row in rows:
        for side in ("iso3_a", "iso3_b"):
            sums[row[side]] += int(row["length_km"])
    return sums


def complete_border_countries(root: Path, rows: list[dict]) -> frozenset[str]:
    """The countries all of whose land borders the Factbook rows list: their lengths sum to the country's total
    (land_boundary_totals.csv). For the others (Russia, China) a missing row says nothing."""
    sums = border_sums(rows)
    return frozenset(
        total["iso3"]
        for total in read_csv(root / REFERENCE / "land_boundary_totals.csv", root)
        if sums.get(total["iso3"]) == int(total["total_land_boundary_km"])
    )


def load_entities(root: Path) -> dict[str, dict]:
    return {row["name"]: row for row in read_csv(root / REFERENCE / "entities.csv", root)}


def load_key_dates(root: Path) -> dict[str, dict]:
    return {row["event"]: row for row in read_csv(root / REFERENCE / "key_dates.csv", root)}


def load_resolutions(root: Path) -> dict[str, dict]:
    return {row["symbol"]: row for row in read_csv(root / REFERENCE / "unga_resolutions.csv", root)}


VALUE_SOURCES = "value_sources.csv"
# How each reference file names its rows in value_sources.csv ("*": every row, or every field).
ROW_KEYS = {
    "entities.csv": lambda row: row["name"],
    "key_dates.csv": lambda row: row["event"],
    "unga_resolutions.csv": lambda row: row["symbol"],
    "borders_factbook.csv": lambda row: f"{row['iso3_a']}-{row['iso3_b']}",
}


def load_value_sources(root: Path) -> dict[tuple[str, str, str], list[str]]:
    """The independent sources the reference gives for each value a claim may rest on: (file, row, field) -> their
    names. Each key names a row and a field of a reference file ("*" for all), and at least one source."""
    folder = root / REFERENCE
    path = folder / VALUE_SOURCES
    sources: dict[tuple[str, str, str], list[str]] = {}
    for row in read_csv(path, root):
        key = (row["file"], row["row"], row["field"])
        label = f"{row['file']}: {row['row']}: {row['field']}"
        names = [name.strip() for name in row["independent_sources"].split(";") if name.strip()]
        if row["file"] not in ROW_KEYS or key in sources or not names:
            raise ReferenceMismatch(
                path,
                label,
                "file",
                f"not one row, naming a reference file of {sorted(ROW_KEYS)} and at least one independent source.",
                "name the file, the row, the field and the sources, once per value.",
            )
        rows = read_csv(folder / row["file"], root)
        if row["row"] != "*" and row["row"] not in {ROW_KEYS[row["file"]](r) for r in rows}:
            raise ReferenceMismatch(
                path,
                label,
                "row",
                f"{row['file']} has no row {row['row']!r}.",
                "name the row exactly as the reference file writes it.",
            )
        if row["field"] != "*" and row["field"] not in rows[0]:
            raise ReferenceMismatch(
                path,
                label,
                "field",
                f"{row['file']} has no column {row['field']!r}.",
                "name a column of the reference file.",
            )
        sources[key] = names
    return sources
