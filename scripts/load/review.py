"""Review status: which annotations a person checked and which a machine drafted, and the build's policy for drafts.

Policy: `make build` publishes reviewed annotations only and refuses an article that still holds drafted items
(`review: drafted`, or names under `drafted_mentions`), naming the first one. `python -m scripts.build
--allow-drafts` publishes them, every row marked review_status = drafted, and the quality report counts them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.errors import UnreviewedDraft
from ..core.registry import reviewable_sections
from ..core.repo import ROOT


def status(item: dict) -> str:
    """An item's review status; items without the field were written by a curator."""
    return item.get("review", "reviewed")


@dataclass(frozen=True)
class Drafted:
    """One machine-drafted item still to review: its label in the file and the article text it cites."""

    label: str
    cited: tuple[str, ...]


CITES = ("evidence", "text", "attribution")


def drafted_items(annotations: dict, root: Path = ROOT) -> list[str]:
    """Labels of every drafted item, in file order."""
    return [item.label for item in drafted_entries(annotations, root)]


def drafted_entries(annotations: dict, root: Path = ROOT) -> list[Drafted]:
    """Every drafted item, in file order: drafted names, then the drafted items of each reviewable section."""
    entries = [
        Drafted(f"drafted_mentions.{actor_id}", tuple(names))
        for actor_id, names in annotations.get("drafted_mentions", {}).items()
    ]
    for section in reviewable_sections(root):
        for index, item in enumerate(annotations.get(section, [])):
            if status(item) == "drafted":
                label = f"{section}[{index}]" + (f" (id: {item['id']})" if "id" in item else "")
                entries.append(Drafted(label, tuple(item[field] for field in CITES if item.get(field))))
    return entries


def apply_policy(annotations: dict, file: Path, allow_drafts: bool, root: Path = ROOT) -> dict:
    """The annotations the build may use: unchanged when nothing is drafted; refused, or merged when drafts are
    allowed (drafted names join `mentions`, remembered under `_drafted_names`)."""
    drafted = drafted_items(annotations, root)
    if drafted and not allow_drafts:
        raise UnreviewedDraft(
            file,
            drafted[0],
            "review",
            f"{len(drafted)} machine-drafted item(s) are not reviewed.",
            "check each one, then set `review: reviewed` (move drafted_mentions names to mentions) or "
            "delete it; to publish drafts marked as such, run python -m scripts.build --allow-drafts.",
        )
    merged = dict(annotations)
    names = {actor_id: list(values) for actor_id, values in annotations.get("mentions", {}).items()}
    drafted_names = set()
    for actor_id, values in annotations.get("drafted_mentions", {}).items():
        for value in values:
            if value not in names.get(actor_id, []):
                names.setdefault(actor_id, []).append(value)
                drafted_names.add(value)
    merged["mentions"] = names
    merged["_drafted_names"] = drafted_names
    return merged
