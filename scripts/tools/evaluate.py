"""How good is the draft? Compare the drafter's output with hand annotations and print precision, recall and F1.

    python -m scripts.evaluate                 # the seed article and the test corpus (tests/draft_corpus)
    python -m scripts.evaluate --json          # the same figures as JSON

Gold: the test corpus's gold.yaml files (format in tests/draft_corpus/README.md), and the seed article's curated
annotations.yaml converted to the same form (every curated mention occurrence, quotation, dated expression, border).

Matching, per kind (micro-averaged over articles):
- quotes: the same text span inside the marks. `quotes` counts spans; `quote kind` also needs the same kind
  (full / partial / scare); `scare quotes` is F1 of telling scare quotes apart. `speaker` is the share of gold
  quotes with a speaker whose drafted speaker is the same person (same actor id, or the same name after case,
  accents and a leading "the" are dropped, or a rapidfuzz ratio >= 90).
- dates: spans overlap; `dates resolved` is the share of gold expressions with a value whose overlapping draft has
  the same value and precision.
- mentions: spans overlap, same kind and the same key (ISO3 for countries; actor id or name for people and
  organisations).
- amounts: spans overlap and the same value and unit.  - votes: the same (state, vote) pairs in an article.
- events (articles whose gold lists `events`; the seed's curated events): a drafted event matches a gold event when
  their evidence overlaps (one to one, pairs with the same CAMEO root first); `events` is detection F1, `event CAMEO
  root` the share of matched drafted events whose CAMEO code has the gold code's first two digits.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from ..core.evidence import find_all
from ..core.repo import ROOT
from ..draft import draft_article
from ..load.actors import load_actors
from ..load.source import load_source
from ..load.vocabulary import load_vocabularies
from ..stage.mention import stage_mentions

CORPUS = ROOT / "tests" / "draft_corpus"
SEED = ROOT / "sources" / "articles" / "blinken-astana-2023-02-28"
KIND_OF_ACTOR = {
    "state": "country",
    "historical_state": "country",
    "person": "person",
    "organization": "organisation",
    "city": "place",
}
KINDS = (
    "quotes",
    "quote kind",
    "scare quotes",
    "speaker",
    "dates",
    "dates resolved",
    "mentions: country",
    "mentions: person",
    "mentions: organisation",
    "amounts",
    "votes",
    "events",
    "event CAMEO root",
)
# held-out-3, held-out-4 and held-out-6 (issue 13, first, second and fourth rounds) were measured once, then became dev
SPLITS = ("held-out-7", "held-out-5", "held-out-2", "dev")


class GoldError(ValueError):
    """A gold file that does not fit its article."""


def locate(text: str, needle: str, occurrence: int | None, where: str) -> tuple[int, int]:
    """The offsets of the N-th occurrence of a gold text, or GoldError naming the file and item."""
    starts = find_all(text, needle)
    if not starts:
        raise GoldError(f"{where}: {needle!r} is not in the article")
    occurrence = occurrence or 1
    if occurrence > len(starts):
        raise GoldError(f"{where}: occurrence {occurrence} of {needle!r} asked, {len(starts)} found")
    start = starts[occurrence - 1]
    return start, start + len(needle)


def load_gold(folder: Path) -> tuple[str, dt.date | None, dict]:
    """Article text, publication date and gold items (with offsets) of one test-corpus folder."""
    text = (folder / "article.txt").read_text(encoding="utf-8")
    data = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    published = dt.date.fromisoformat(data["published"]) if data.get("published") else None
    gold: dict[str, list[dict]] = {}
    for kind in ("quotes", "dates", "mentions", "amounts", "events"):
        items = []
        for number, item in enumerate(data.get(kind) or []):
            start, end = locate(text, item["text"], item.get("occurrence"), f"{folder.name}/gold.yaml {kind}[{number}]")
            items.append({**item, "start": start, "end": end})
        gold[kind] = items
    gold["votes"] = [dict(v) for v in data.get("votes") or []]
    if "events" not in data:
        gold["events"] = None  # an article whose events were not annotated: events are not scored
    return text, published, gold


def seed_gold(folder: Path = SEED, root: Path = ROOT) -> tuple[str, dt.date, dict]:
    """The seed article's curated annotations as gold items of the same form, read by the build's own loaders (its
    mentions are the rows the build would publish)."""
    article, notes = load_source(folder)
    text = article.text
    actors = load_actors(root, load_vocabularies(root))
    gold: dict[str, list[dict]] = {
        "quotes": [],
        "dates": [],
        "mentions": [],
        "amounts": [],
        "votes": [],
        "events": seed_events(text, notes),
    }
    gold["quotes"] = seed_quotes(text, notes, actors)
    seen = set()
    for item in notes.get("events", []) + notes.get("quotes", []):
        expression = item.get("date_expression")
        if not expression or not item.get("date"):
            continue
        starts = find_all(text, expression)
        evidence_at = text.find(item.get("evidence", "")) if item.get("evidence") else -1
        start = min(starts, key=lambda s: abs(s - evidence_at)) if evidence_at >= 0 else starts[0]
        if start in seen:
            continue
        seen.add(start)
        precision = item.get("date_precision") or "day"
        value = item["date"][: {"day": 10, "month": 7, "year": 4}[precision]]
        gold["dates"].append(
            {"text": expression, "start": start, "end": start + len(expression), "value": value, "precision": precision}
        )
    gold["mentions"] = seed_mentions(article, notes, actors, folder)
    for border in notes.get("borders", []):
        start, end = locate(text, border["as_written"], border.get("occurrence"), "seed borders")
        gold["amounts"].append(
            {"text": border["as_written"], "start": start, "end": end, "value": border["length_km"], "unit": "km"}
        )
    return text, article.published, gold


def seed_quotes(text: str, notes: dict, actors: dict) -> list[dict]:
    """The seed's curated quotations as gold quotes."""
    found: list[dict] = []
    for quote in notes.get("quotes", []):
        start, end = locate(text, quote["text"], quote.get("occurrence"), "seed quotes")
        kind = "scare" if quote["kind"] == "scare" else quote.get("completeness") or "full"
        speaker = quote.get("speaker")
        found.append(
            {
                "text": quote["text"],
                "start": start,
                "end": end,
                "kind": kind,
                "speaker": actors[speaker]["name"] if speaker else None,
                "speaker_id": speaker,
                "verb": quote.get("verb"),
            }
        )
    return found


def seed_mentions(article, notes: dict, actors: dict, folder: Path) -> list[dict]:
    """The seed's mentions as the build stages them, as gold mentions of the drafter's kinds."""
    found: list[dict] = []
    for row in stage_mentions(article, notes.get("mentions", {}), actors, folder / "annotations.yaml"):
        actor = actors[row["actor_id"]]
        kind = KIND_OF_ACTOR.get(actor["kind"])
        if kind is not None:
            found.append(
                {
                    "text": row["text"],
                    "start": row["text_start"],
                    "end": row["text_end"],
                    "kind": kind,
                    "iso3": (actor["iso3"] or actor["cameo_code"]) if kind == "country" else None,
                    "id": actor["name"],
                    "actor_id": row["actor_id"],
                }
            )
    return found


def seed_events(text: str, notes: dict) -> list[dict]:
    """The seed's curated events as gold events: their evidence and CAMEO code."""
    events = []
    for event in notes.get("events", []):
        start, end = locate(text, event["evidence"], event.get("occurrence"), f"seed events ({event['id']})")
        events.append({"text": event["evidence"], "start": start, "end": end, "cameo": event.get("cameo")})
    return events


def normal(name: str | None) -> str:
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold().strip()
    return re.sub(r"^the\s+", "", name).replace("’", "'")


def same_name(gold: dict, draft: dict) -> bool:
    """The same speaker: the same actor id when both have one, else the same name (case, accents, "the" aside)."""
    if gold.get("speaker_id") and draft.get("speaker_id"):
        return gold["speaker_id"] == draft["speaker_id"]
    a, b = normal(gold.get("speaker")), normal(draft.get("speaker"))
    return bool(a) and bool(b) and (a == b or fuzz.ratio(a, b) >= 90)


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def match(gold: list[dict], draft: list[dict], same) -> int:
    """Greedy one-to-one matching; the number of matched pairs."""
    used, hits = set(), 0
    for g in gold:
        for index, d in enumerate(draft):
            if index not in used and same(g, d):
                used.add(index)
                hits += 1
                break
    return hits


def same_mention(g: dict, d: dict) -> bool:
    """The same mention: overlapping spans, the same kind and the same country, actor or name."""
    if g["kind"] != d["kind"] or not overlaps(g, d):
        return False
    if g["kind"] == "country":
        return g.get("iso3") == d.get("iso3")
    if g.get("actor_id") and d.get("id"):
        return g["actor_id"] == d["id"]
    key = normal(g.get("id"))
    return any(
        key == normal(name) or fuzz.ratio(key, normal(name)) >= 90 for name in (d.get("name"), d.get("text")) if name
    )


def score_article(gold: dict, draft: dict) -> dict[str, Counter]:
    """Counts of gold items, drafted items and matches for every kind, for one article."""
    counts: dict[str, Counter] = {kind: Counter() for kind in KINDS}

    def add(kind: str, g: list, d: list, same) -> None:
        counts[kind].update(gold=len(g), draft=len(d), hits=match(g, d, same))

    span = lambda g, d: g["start"] == d["start"] and g["end"] == d["end"]  # noqa: E731
    add("quotes", gold["quotes"], draft["quotes"], span)
    add("quote kind", gold["quotes"], draft["quotes"], lambda g, d: span(g, d) and g["kind"] == d["kind"])
    add(
        "scare quotes",
        [q for q in gold["quotes"] if q["kind"] == "scare"],
        [q for q in draft["quotes"] if q["kind"] == "scare"],
        span,
    )
    attributed = [q for q in gold["quotes"] if q.get("speaker") and q["kind"] != "scare"]
    counts["speaker"].update(
        gold=len(attributed),
        draft=len([q for q in draft["quotes"] if q.get("speaker")]),
        hits=match(attributed, draft["quotes"], lambda g, d: span(g, d) and same_name(g, d)),
    )
    add("dates", gold["dates"], draft["dates"], overlaps)
    resolved = [d for d in gold["dates"] if d.get("value")]
    counts["dates resolved"].update(
        gold=len(resolved),
        draft=len([d for d in draft["dates"] if d.get("value")]),
        hits=match(
            resolved,
            draft["dates"],
            lambda g, d: (
                overlaps(g, d) and str(g["value"]) == str(d.get("value")) and g["precision"] == d.get("precision")
            ),
        ),
    )
    for kind in ("country", "person", "organisation"):
        add(
            f"mentions: {kind}",
            [m for m in gold["mentions"] if m["kind"] == kind],
            [m for m in draft["mentions"] if m["kind"] == kind],
            same_mention,
        )
    add(
        "amounts",
        gold["amounts"],
        draft["amounts"],
        lambda g, d: (
            overlaps(g, d) and float(g["value"]) == float(d["value"]) and normal(g["unit"]) == normal(d["unit"])
        ),
    )
    if gold.get("events") is not None:
        score_events(counts, gold["events"], draft["events"])
    gold_votes = Counter((v["iso3"], v["vote"]) for v in gold["votes"])
    draft_votes = Counter((v["iso3"], v["vote"]) for v in draft["votes"])
    counts["votes"].update(
        gold=sum(gold_votes.values()), draft=sum(draft_votes.values()), hits=sum((gold_votes & draft_votes).values())
    )
    return counts


def root(code) -> str:
    return str(code or "")[:2]


def score_events(counts: dict[str, Counter], gold: list[dict], draft: list[dict]) -> None:
    """Detection (overlapping evidence, one to one) and the share of matched drafted events with the right CAMEO root;
    pairs with the same root are matched first, so that two events of one sentence pair up as they should."""
    used: set[int] = set()
    pairs: list[tuple[dict, dict]] = []
    for same_root in (True, False):
        for g in gold:
            if any(g is p[0] for p in pairs):
                continue
            for index, d in enumerate(draft):
                if index not in used and overlaps(g, d) and (not same_root or root(g.get("cameo")) == root(d["cameo"])):
                    used.add(index)
                    pairs.append((g, d))
                    break
    counts["events"].update(gold=len(gold), draft=len(draft), hits=len(pairs))
    coded = [(g, d) for g, d in pairs if g.get("cameo")]
    counts["event CAMEO root"].update(
        gold=len(coded), draft=len(coded), hits=sum(root(g["cameo"]) == root(d["cameo"]) for g, d in coded)
    )


def figures(counts: Counter) -> dict:
    gold, draft, hits = counts["gold"], counts["draft"], counts["hits"]
    precision = hits / draft if draft else None
    recall = hits / gold if gold else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else (0.0 if gold and draft else None)
    return {"gold": gold, "draft": draft, "matched": hits, "precision": precision, "recall": recall, "f1": f1}


def evaluate(articles: list[tuple[str, str, dt.date | None, dict]]) -> dict:
    """Draft every article and score it against its gold items (micro-averaged)."""
    total = {kind: Counter() for kind in KINDS}
    for _, text, published, gold in articles:
        draft = draft_article(text, published)
        for kind, counts in score_article(gold, draft).items():
            total[kind].update(counts)
    return {kind: figures(total[kind]) for kind in KINDS}


def corpus_articles(corpus: Path = CORPUS, split: str | None = None) -> list[tuple[str, str, dt.date | None, dict]]:
    """The test articles with their gold items; only those of one split (dev / held-out) when asked."""
    folders = sorted(p for p in corpus.iterdir() if (p / "gold.yaml").exists())
    if split:
        folders = [
            f for f in folders if yaml.safe_load((f / "gold.yaml").read_text(encoding="utf-8")).get("split") == split
        ]
    return [(folder.name, *load_gold(folder)) for folder in folders]


def table(title: str, result: dict) -> str:
    """One split's figures as a Markdown table."""
    fmt = lambda v: "–" if v is None else f"{v:.2f}"  # noqa: E731
    lines = [
        f"### {title}",
        "",
        "| kind | gold | draft | matched | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, row in result.items():
        lines.append(
            f"| {kind} | {row['gold']} | {row['draft']} | {row['matched']} | {fmt(row['precision'])} | "
            f"{fmt(row['recall'])} | {fmt(row['f1'])} |"
        )
    return "\n".join(lines)


SUMMARY_START = "<!-- evaluation:start (generated by python -m scripts.evaluate --update-readme; do not edit) -->"
SUMMARY_END = "<!-- evaluation:end -->"
SHARES = ("speaker", "dates resolved", "event CAMEO root")  # shares (recall); the other rows give F1


def measure_all(corpus: Path = CORPUS) -> dict[str, tuple[int, dict]]:
    """Figures for the seed, the held-out articles, the development articles and the whole corpus."""
    results = {"seed": (1, evaluate([("seed", *seed_gold())]))}
    for split in (*SPLITS, None):
        articles = corpus_articles(corpus, split)
        results[split or "corpus"] = (len(articles), evaluate(articles))
    return results


def summary(results: dict[str, tuple[int, dict]]) -> str:
    """The README's table: F1 per kind (share of gold items for speaker and resolved dates) and gold counts."""
    labels = {"dev": "development"}
    columns = [(split, labels.get(split, split)) for split in (*SPLITS, "seed") if results[split][0]]
    head = " | ".join(f"{label} ({results[key][0]} art.)" for key, label in columns)
    lines = [f"| kind | measure | {head} |", "|---|---|" + "---:|" * len(columns)]
    for kind in KINDS:
        measure = "share" if kind in SHARES else "F1"
        cells = []
        for key, _ in columns:
            row = results[key][1][kind]
            value = row["recall"] if kind in SHARES else row["f1"]
            cells.append("–" if value is None else f"{value:.2f} (n={row['gold']})")
        lines.append(f"| {kind} | {measure} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the figures per split, as tables or JSON, or write the README's summary table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of test articles with gold.yaml")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--update-readme", action="store_true", help="write the summary table into README.md")
    args = parser.parse_args(argv)
    try:
        results = measure_all(args.corpus)
    except GoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.update_readme:
        from ..publish.readme import replace_block

        changed = replace_block(ROOT / "README.md", SUMMARY_START, SUMMARY_END, summary(results))
        print("README.md evaluation table " + ("updated" if changed else "already current"))
        return 0
    if args.json:
        print(json.dumps({name: {"articles": n, "figures": figs} for name, (n, figs) in results.items()}, indent=2))
        return 0
    titles = {
        "seed": "Seed article, against its curated annotations",
        "held-out-5": (
            "Held-out test articles of the third round, by an author who did not read the drafter's code (never tuned on)"
        ),
        "held-out-4": "Held-out test articles by a separate author who did not read the drafter's code (never tuned on)",
        "held-out-2": "Held-out test articles (written after the drafter; errors never inspected)",
        "dev": "Development test articles",
        "corpus": "All test articles",
    }
    for name, (count, figs) in results.items():
        print(table(f"{titles[name]} ({count})", figs))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
