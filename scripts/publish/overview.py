"""The timeline beyond a few dozen events: an overview (events per week, stacked by PLOVER type, the most-reported
events labelled) as timeline.svg and timeline.png, and one page per month listing that month's events in order
(timeline/<YYYY-MM>.svg, and timeline/undated.svg), written as plain SVG text: no font measuring, so a thousand
articles draw in well under two seconds."""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from collections import Counter, defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

from .picture import GAP_DAYS, NO_TYPE, PNG, RC, SVG, pyplot

PAGES = "timeline"  # folder of the period pages, beside timeline.svg
LABELLED = 8  # the most-reported events named on the overview
ROW, WIDTH = 22, 1100  # period pages: pixels per event row, page width


def week_of(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def shown_on_overview(tables: dict[str, list[dict]], dated: list[dict]) -> list:
    """Everything the overview picture shows: the number of sources and dated events, the bars (events per week and
    type) and the labelled events."""
    bars = sorted(Counter((week_of(e["date"]), e["plover_type"] or "") for e in dated).items())
    labels = [(e["date"], e["summary"], e.get("source_count", 1), e["event_id"]) for e in most_reported(dated)]
    return [len(tables["sources"]), len(dated), bars, labels]


def most_reported(dated: list[dict]) -> list[dict]:
    return sorted(
        dated, key=lambda e: (-e.get("source_count", 1), -e.get("report_count", 1), e["date"], e["event_id"])
    )[:LABELLED]


def draw_overview(tables: dict[str, list[dict]], dated: list[dict], colours: dict[str, str], folder: Path) -> None:
    """The overview picture (timeline.svg, timeline.png); the period pages are write_pages'."""
    plt = pyplot()
    weeks = sorted({week_of(e["date"]) for e in dated})
    slots = week_slots(weeks)
    with plt.rc_context(RC):
        figure, axes = plt.subplots(figsize=(13, 6), dpi=100)
        draw_bars(axes, dated, slots, colours)
        label_most_reported(axes, dated, slots)
        sources = len(tables["sources"])
        axes.set_title(
            f"{len(dated):,} dated events from {sources:,} source(s), per week and PLOVER type (stretches "
            f"far apart joined at ≈); the {LABELLED} most-reported named; one page per month in "
            f"data/{PAGES}/",
            fontsize=10,
            loc="left",
        )
        figure.tight_layout()
        figure.savefig(folder / SVG, format="svg", metadata={"Date": None, "Creator": None})
        figure.savefig(folder / PNG, format="png", metadata={"Software": None})
        plt.close(figure)


def week_slots(weeks: list[dt.date]) -> dict[dt.date, float]:
    """An x position per week: consecutive within a stretch, a gap of two slots between stretches."""
    slots, x, previous = {}, 0.0, None
    for week in weeks:
        if previous is not None:
            x += 1 if (week - previous).days <= GAP_DAYS else 3
        slots[week], previous = x, week
    return slots


def draw_bars(axes, dated: list[dict], slots: dict[dt.date, float], colours: dict[str, str]) -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    for event in dated:
        counts[event["plover_type"] or ""][week_of(event["date"])] += 1
    bottom: Counter = Counter()
    for kind in sorted(counts, key=lambda k: (k == "", k)):
        weeks = sorted(counts[kind])
        heights = [counts[kind][w] for w in weeks]
        axes.bar(
            [slots[w] for w in weeks],
            heights,
            bottom=[bottom[w] for w in weeks],
            width=0.9,
            color=colours.get(kind, NO_TYPE),
            label=kind or "no PLOVER type",
        )
        for week, height in zip(weeks, heights):
            bottom[week] += height
    ticks = sorted({(w.year, w.month): (slots[w], w) for w in slots}.values())[:: max(1, len(slots) // 40 or 1)]
    axes.set_xticks([x for x, _ in ticks], [w.strftime("%b %Y") for _, w in ticks], rotation=90, fontsize=7)
    axes.set_ylabel("events per week")
    if counts:
        axes.legend(loc="upper left", bbox_to_anchor=(0.0, -0.16), fontsize=7, ncol=8, frameon=False)
    for before, after in zip(sorted(slots.values()), sorted(slots.values())[1:]):
        if after - before > 1:
            axes.text((before + after) / 2, 0, "≈", ha="center", va="bottom", fontsize=12, color="#333333")


def label_most_reported(axes, dated: list[dict], slots: dict[dt.date, float]) -> None:
    ranked = most_reported(dated)
    low, top = axes.get_ylim()
    axes.set_ylim(low, top * 1.6)  # room above the bars for the labels
    right = max(slots.values()) if slots else 0
    for rank, event in enumerate(sorted(ranked, key=lambda e: (e["date"], e["event_id"]))):
        x = slots[week_of(event["date"])]
        sources = event.get("source_count", 1)
        text = (
            textwrap.shorten(f"{event['date']} {event['summary']}", 70, placeholder=" …")
            + f" [{sources} source{'s' if sources != 1 else ''}]"
        )
        axes.annotate(
            text,
            xy=(x, 0),
            xytext=(right * 0.35, top * (1.55 - 0.07 * rank)),
            fontsize=7,
            ha="left",
            va="center",
            bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"},
            arrowprops={"arrowstyle": "-", "color": "#888888", "linewidth": 0.5},
        )


def write_pages(tables: dict[str, list[dict]], dated: list[dict], colours: dict[str, str], folder: Path) -> None:
    """One SVG per month of dated events, and one for the undated ones."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    months: dict[str, list[dict]] = defaultdict(list)
    for event in dated:
        months[event["date"].strftime("%Y-%m")].append(event)
    for month, events in sorted(months.items()):
        (folder / f"{month}.svg").write_text(page(f"Events of {month}", events, colours), encoding="utf-8")
    undated = sorted((e for e in tables["events"] if e["date"] is None), key=lambda e: e["event_id"])
    if undated:
        (folder / "undated.svg").write_text(page("Events the sources do not date", undated, colours), encoding="utf-8")


def page(title: str, events: list[dict], colours: dict[str, str]) -> str:
    height = 50 + ROW * len(events)
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans, sans-serif" font-size="12">',
        f'<text x="10" y="24" font-size="15" font-weight="bold">{escape(title)} ({len(events)})</text>',
    ]
    for row, event in enumerate(events):
        y = 50 + ROW * row
        colour = colours.get(event["plover_type"], NO_TYPE)
        fill = "none" if event["status"] == "planned" else colour
        lines.append(f'<circle cx="120" cy="{y - 4}" r="5" stroke="{colour}" stroke-width="2" fill="{fill}"/>')
        date = event["date"].isoformat() if event["date"] else ""
        lines.append(
            f'<text x="10" y="{y}">{escape(date)}</text><text x="134" y="{y}">{escape(row_text(event))}</text>'
        )
    return "\n".join(lines + ["</svg>"]) + "\n"


def row_text(event: dict) -> str:
    extra = [f"{event['source_count']} sources"] if event.get("source_count", 1) > 1 else []
    extra += [event["status"]] if event["status"] != "happened" else []
    extra += ["drafted, not reviewed"] if event.get("review_status") == "drafted" else []
    text = f"{event['summary']} ({event['plover_type'] or 'no PLOVER type'}{'; ' if extra else ''}{'; '.join(extra)})"
    text = " ".join(text.split())  # what shorten does first; a text that then fits is returned as it is
    return text if len(text) <= 150 else textwrap.shorten(text, 150, placeholder=" …")
