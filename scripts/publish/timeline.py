"""The timeline picture: every dated event on one date axis, compressed between eras (1991, 2022, 2023), one mark per
event labelled with its summary, coloured by PLOVER type, planned events hollow; quotations and the vote tally
beside the events they belong to. Written as SVG and PNG, byte for byte the same for the same tables.

The picture is kept in .build-cache/timeline/ under the digest of what it shows (TIMELINE_CODE, matplotlib's version,
the PLOVER types and the rows it draws): a build whose picture shows the same takes it from there and never loads
matplotlib."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from importlib.metadata import version
from pathlib import Path

from ..stage.cache import code_hash
from .entries import digest, keep_only, load, store
from .overview import PAGES, draw_overview, shown_on_overview, write_pages
from .picture import GAP_DAYS, NO_TYPE, PNG, RC, SVG, pyplot

TIMELINE_CODE = (  # what draws the picture
    "publish/timeline.py",
    "publish/overview.py",
    "publish/picture.py",
    "publish/entries.py",
)
PALETTE = [
    "#1b9e77",
    "#d95f02",
    "#7570b3",
    "#e7298a",
    "#66a61e",
    "#e6ab02",
    "#a6761d",
    "#1f78b4",
    "#b2df8a",
    "#fb9a99",
    "#cab2d6",
    "#ff7f00",
    "#6a3d9a",
    "#b15928",
    "#33a02c",
    "#a6cee3",
]
STATUS_ORDER = {"happened": 0, "ongoing": 1, "planned": 2}
MARKERS = {
    "happened": dict(marker="o", fillstyle="full"),
    "ongoing": dict(marker="D", fillstyle="left"),
    "planned": dict(marker="o", fillstyle="none"),
}


def plover_colours(plover_types: list[str]) -> dict[str, str]:
    """A fixed colour per PLOVER type (the vocabulary's order), so a type keeps its colour as events are added."""
    return {kind: PALETTE[index % len(PALETTE)] for index, kind in enumerate(plover_types)}


def stretches(dates: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Runs of dates with no gap longer than GAP_DAYS."""
    runs: list[list[dt.date]] = []
    for date in sorted(set(dates)):
        if runs and (date - runs[-1][-1]).days <= GAP_DAYS:
            runs[-1].append(date)
        else:
            runs.append([date])
    return [(run[0], run[-1]) for run in runs]


def axis_mapping(dates: list[dt.date], counts: Counter) -> tuple[list[tuple[dt.date, dt.date, float, float]], float]:
    """Each stretch of dates gets a piece of the x axis (wider when it holds more events); x grows with the date."""
    pieces, x = [], 0.0
    for first, last in stretches(dates):
        events = sum(n for date, n in counts.items() if first <= date <= last)
        width = 1.0 + 0.35 * events if first != last else 1.0
        pieces.append((first, last, x, x + width))
        x += width + 0.8
    return pieces, x - 0.8


def position(date: dt.date, pieces) -> float:
    for first, last, x0, x1 in pieces:
        if first <= date <= last:
            if first == last:
                return (x0 + x1) / 2
            return x0 + 0.1 * (x1 - x0) + 0.8 * (x1 - x0) * (date - first).days / (last - first).days
    raise ValueError(date)


def label_for(event: dict, quotes: Counter, tallies: dict[str, str]) -> str:
    text = f"{event['date'].isoformat()}  {event['summary']}"
    if event.get("source_count", 1) > 1:
        text += f"  [{event['source_count']} sources]"
    if event["event_id"] in tallies:
        text += f"  [{tallies[event['event_id']]}]"
    if quotes[event["event_id"]]:
        n = quotes[event["event_id"]]
        text += f"  [{n} quotation{'s' if n > 1 else ''}]"
    if event["status"] != "happened":
        text += f"  ({event['status']})"
    if event.get("review_status") == "drafted":
        text += "  (drafted, not reviewed)"
    return textwrap.fill(textwrap.shorten(text, 200, placeholder=" …"), 100)


def vote_tallies(tables: dict[str, list[dict]]) -> dict[str, str]:
    """The recorded tally beside the event of each vote the articles mention."""
    tallies = {}
    by_resolution: dict[str, Counter] = {}
    for row in tables["votes"]:
        by_resolution.setdefault(row["resolution_symbol"], Counter())[row["vote"]] += 1
    for row in tables["vote_statements"]:
        if row["event_id"]:
            count = by_resolution[row["resolution_symbol"]]
            tallies[row["event_id"]] = (
                f"{row['resolution_symbol']}: {count['yes']} yes, {count['no']} no, "
                f"{count['abstain']} abstain, {count['non_voting']} non-voting"
            )
    return tallies


DETAILED_MAX = 40  # up to this many dated events, one labelled row each; beyond, an overview and period pages


def draw_timeline(tables: dict[str, list[dict]], plover_types: list[str], folder: Path, cache: Path | None = None):
    """Write timeline.svg and timeline.png into folder: the detailed picture when it stays readable, else an overview
    with one page per month of events beside it (scripts/publish/overview.py). With `cache` (a folder), the picture is
    taken from there when one showing the same is kept, and kept there when drawn."""
    events = tables["events"]
    dated = sorted(
        (e for e in events if e["date"] is not None),
        key=lambda e: (e["date"], STATUS_ORDER.get(e["status"], 9), e["event_id"]),
    )
    colours = plover_colours(plover_types)
    if len(dated) > DETAILED_MAX or len(events) - len(dated) > DETAILED_MAX:
        shown = shown_on_overview(tables, dated)
        cached_picture(
            cache, picture_key(plover_types, shown), folder, lambda: draw_overview(tables, dated, colours, folder)
        )
        write_pages(tables, dated, colours, folder / PAGES)
        return
    shown = [events, tables["quotes"], tables["votes"], tables["vote_statements"]]
    cached_picture(
        cache, picture_key(plover_types, shown), folder, lambda: draw_detailed(tables, dated, plover_types, folder)
    )


def picture_key(plover_types: list[str], shown: list) -> str:
    return digest("timeline 1", code_hash(*TIMELINE_CODE), version("matplotlib"), *plover_types, repr(shown))


def cached_picture(cache: Path | None, key: str, folder: Path, draw) -> None:
    """The picture (SVG and PNG) from the cache where both entries of `key` are there and intact, else drawn."""
    names = {kind: f"{key}.{kind.lower()}" for kind in (SVG, PNG)}
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        bodies = {kind: load(cache / name) for kind, name in names.items()}
        if all(body is not None for body in bodies.values()):
            for kind, body in bodies.items():
                (folder / kind).write_bytes(body)
            return
    draw()
    if cache is not None:
        for kind, name in names.items():
            store(cache, name, (folder / kind).read_bytes())
        keep_only(cache, set(names.values()))


def draw_detailed(tables: dict[str, list[dict]], dated: list[dict], plover_types: list[str], folder: Path) -> None:
    """One labelled row per dated event; the undated ones named below the axis."""
    plt = pyplot()
    events = tables["events"]
    undated = sorted((e for e in events if e["date"] is None), key=lambda e: e["event_id"])
    quotes = Counter(q["event_id"] for q in tables["quotes"] if q["event_id"])
    labels = [label_for(event, quotes, vote_tallies(tables)) for event in dated]
    with plt.rc_context(RC):
        figure, axes = plt.subplots(figsize=(13, 1.9 + 0.4 * len(dated) + (0.5 if undated else 0)), dpi=100)
        draw_rows(axes, dated, labels, plover_colours(plover_types))
        if undated:
            axes.text(
                -0.1,
                -1.25,
                "Not dated by the article: " + "; ".join(e["summary"].rstrip(".") for e in undated) + ".",
                ha="left",
                va="top",
                fontsize=8,
                wrap=True,
                color="#444444",
            )
        add_legend(axes, dated, plover_types, plover_colours(plover_types))
        axes.set_title(
            "Events of the package on one date axis (stretches far apart are joined at ≈); "
            "colour: PLOVER type; hollow: planned",
            fontsize=10,
            loc="left",
        )
        save(figure, folder)


def save(figure, folder: Path) -> None:
    figure.tight_layout()
    figure.savefig(folder / SVG, format="svg", metadata={"Date": None, "Creator": None})
    figure.savefig(folder / PNG, format="png", metadata={"Software": None})
    pyplot().close(figure)


def draw_rows(axes, dated: list[dict], labels: list[str], colours: dict[str, str]) -> None:
    """One row per event: a stem down to the axis, a mark coloured by type, the label on the side with more room."""
    counts = Counter(e["date"] for e in dated)
    pieces, width = axis_mapping([e["date"] for e in dated], counts)
    rows = len(dated)
    axes.set_xlim(-0.2, width + 0.2)
    axes.set_ylim(-1.3, rows + 0.8)
    axes.axis("off")
    for row, (event, label) in enumerate(zip(dated, labels)):
        y, x = rows - row, position(event["date"], pieces)
        colour = colours.get(event["plover_type"], NO_TYPE)
        axes.plot(
            [x, x],
            [0, y],
            color=colour,
            linewidth=0.6,
            linestyle=":" if event["status"] == "planned" else "-",
            alpha=0.6,
        )
        axes.plot(
            [x],
            [y],
            color=colour,
            markersize=8,
            markeredgewidth=1.5,
            linestyle="none",
            **MARKERS.get(event["status"], MARKERS["happened"]),
        )
        left = x < width / 2
        axes.text(x + (0.08 if left else -0.08), y, label, ha="left" if left else "right", va="center", fontsize=8.5)
    draw_axis(axes, dated, pieces)


def draw_axis(axes, dated: list[dict], pieces) -> None:
    for index, (first, last, x0, x1) in enumerate(pieces):
        axes.plot([x0, x1], [0, 0], color="#333333", linewidth=1.2)
        ticks = sorted({e["date"] for e in dated if first <= e["date"] <= last})
        for tick in ticks if len(ticks) <= 6 else [ticks[0], ticks[-1]]:
            x = position(tick, pieces)
            axes.plot([x, x], [-0.12, 0.12], color="#333333", linewidth=1)
            axes.text(x, -0.35, tick.strftime("%d %b"), ha="center", va="top", fontsize=8)
        axes.text(
            (x0 + x1) / 2,
            -0.8,
            str(first.year) if first.year == last.year else f"{first.year}–{last.year}",
            ha="center",
            va="top",
            fontsize=10,
            fontweight="bold",
        )
        if index < len(pieces) - 1:
            axes.text(x1 + 0.4, 0, "≈", ha="center", va="center", fontsize=14, color="#333333")


def add_legend(axes, dated: list[dict], plover_types: list[str], colours: dict[str, str]) -> None:
    from matplotlib.lines import Line2D

    used = [kind for kind in plover_types if any(e["plover_type"] == kind for e in dated)]
    handles = [Line2D([], [], color=colours[kind], marker="o", linestyle="none", label=kind) for kind in used]
    if any(e["plover_type"] is None for e in dated):
        handles.append(Line2D([], [], color=NO_TYPE, marker="o", linestyle="none", label="no PLOVER type"))
    handles += [
        Line2D([], [], color="#333333", linestyle="none", label=status, **MARKERS[status])
        for status in ("happened", "ongoing", "planned")
    ]
    axes.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.0, 1.0),
        ncol=len(handles),
        frameon=False,
        fontsize=8,
        handletextpad=0.3,
        columnspacing=1.0,
    )
