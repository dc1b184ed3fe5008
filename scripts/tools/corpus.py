"""A generated corpus of FICTIONAL articles for benchmarks and scale tests: news-wire-like texts built from templates,
each with reviewed annotations that the build accepts (a meeting, a quotation, a vote statement linked to the seed's
UN vote, a border statement with its claim). Never published: the corpus is written into a copy of the repository.

    python -m scripts.tools.corpus ROOT N [--seed S]       # adds N articles to ROOT/sources/articles/"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core.registry import WEEKDAYS
from ..core.repo import ARTICLES

PEOPLE = [  # actor id, name as written, surname, title as written
    ("antony-blinken", "Antony Blinken", "Blinken", "U.S. Secretary of State"),
    ("mukhtar-tileuberdi", "Mukhtar Tileuberdi", "Tileuberdi", "Kazakh Foreign Minister"),
    ("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "Tokayev", "Kazakh President"),
    ("donald-lu", "Donald Lu", "Lu", "U.S. Assistant Secretary of State"),
]
CITIES = [("astana", "Astana"), ("tashkent", "Tashkent")]
ABSTAINED = [
    ("kazakhstan", "KAZ", "Kazakhstan"),
    ("kyrgyzstan", "KGZ", "Kyrgyzstan"),
    ("tajikistan", "TJK", "Tajikistan"),
    ("uzbekistan", "UZB", "Uzbekistan"),
]
BORDERS = [
    ("KAZ", "Kazakhstan", "RUS", "Russia", 7644),
    ("KAZ", "Kazakhstan", "UZB", "Uzbekistan", 2330),
    ("KGZ", "Kyrgyzstan", "TJK", "Tajikistan", 984),
    ("KAZ", "Kazakhstan", "KGZ", "Kyrgyzstan", 1212),
]
STATE_IDS = {"KAZ": "kazakhstan", "RUS": "russia", "UZB": "uzbekistan", "KGZ": "kyrgyzstan", "TJK": "tajikistan"}
QUOTES = [
    "We discussed trade, transport and the security of the region",
    "Our partnership rests on mutual respect",
    "We will keep working together on energy and water",
    "The talks were frank and useful",
    "We agreed to meet again before the end of the year",
    "Connectivity across the Caspian matters to all of us",
]
AMBASSADORS = [
    ("china", "China"),
    ("ukraine", "Ukraine"),
    ("turkmenistan", "Turkmenistan"),
    ("united-states", "the United States"),
    ("kyrgyzstan", "Kyrgyzstan"),
    ("tajikistan", "Tajikistan"),
]
FIRST_DAY = dt.date(2023, 3, 6)
EXTRA_MEETINGS = 4  # "also met the ambassador of …" sentences: events per article = 2 + EXTRA_MEETINGS


@dataclass(frozen=True)
class Draw:
    """The choices that make one article."""

    number: int
    published: dt.date
    met_on: dt.date
    host: tuple
    guest: tuple
    city: tuple
    abstainer: tuple
    border: tuple
    rounded: bool
    quote: str
    ambassadors: tuple
    days: tuple


def draw(number: int, rng: random.Random) -> Draw:
    published = FIRST_DAY + dt.timedelta(days=number % 900)
    host, guest = rng.sample(PEOPLE, 2)
    return Draw(
        number,
        published,
        published - dt.timedelta(days=rng.randint(1, 6)),
        host,
        guest,
        rng.choice(CITIES),
        rng.choice(ABSTAINED),
        rng.choice(BORDERS),
        rng.random() < 0.5,
        rng.choice(QUOTES),
        tuple(rng.sample(AMBASSADORS, EXTRA_MEETINGS)),
        tuple(rng.randint(1, 6) for _ in range(EXTRA_MEETINGS)),
    )


def extra_meetings(d: Draw) -> list[tuple[str, str, dt.date, str]]:
    """(state id, as written, date, sentence) of each further meeting the article reports."""
    meetings = []
    for (state, written), back in zip(d.ambassadors, d.days):
        day = d.published - dt.timedelta(days=back)
        weekday = WEEKDAYS[day.weekday()].title()
        meetings.append((state, written, day, f"{d.host[2]} also met the ambassador of {written} on {weekday}."))
    return meetings


def article_text(d: Draw) -> str:
    a_iso, a_name, b_iso, b_name, km = d.border
    stated = round(km, -2) if d.rounded else km
    weekday = WEEKDAYS[d.met_on.weekday()].title()
    return (
        f"{d.city[1].upper()}, {d.published:%b} {d.published.day} (Fictional Wire) - {d.host[3]} {d.host[1]} met "
        f"{d.guest[3]} {d.guest[1]} in {d.city[1]} on {weekday}, officials said.\n"
        f'"{d.quote}," {d.host[2]} told reporters after the talks.\n'
        f"{d.abstainer[2]} abstained in last year's U.N. General Assembly vote demanding that Russia withdraw "
        f"from Ukraine.\n"
        f"{a_name} shares a land border of {stated:,} km with {b_name}.\n"
        + "".join(sentence + "\n" for *_, sentence in extra_meetings(d))
        + "(This article is fictional: generated for the package's corpus benchmark.)"
    )


def annotations(d: Draw, sid: str) -> dict:
    """Reviewed annotations of the drawn article (every id prefixed with its source id)."""
    a_iso, a_name, b_iso, b_name, km = d.border
    stated = round(km, -2) if d.rounded else km
    weekday = WEEKDAYS[d.met_on.weekday()].title()
    meeting = f"{sid}-meeting"
    return {
        "mentions": mention_names(d),
        "events": [meeting_item(d, meeting, weekday), vote_report(d, sid)] + ambassador_items(d, sid),
        "quotes": [quote_item(d, sid, meeting)],
        "votes": [
            {
                "id": f"{sid}-statement",
                "resolution": "A/RES/ES-11/6",
                "states": [d.abstainer[1]],
                "article_says": "abstained",
                "evidence": f"{d.abstainer[2]} abstained in last year's U.N. General Assembly vote",
                "event": "unga-vote-es-11-6",
            }
        ],
        "borders": [
            {
                "countries": [a_iso, b_iso],
                "length_km": stated,
                "as_written": f"{stated:,} km",
                "evidence": f"{a_name} shares a land border of {stated:,} km",
            }
        ],
        "sentence_notes": [
            {"evidence": "(This article is fictional", "reason": "The note that marks the text fictional."}
        ],
        "unchecked": unchecked(d),
        "claims": [
            {
                "id": f"{sid}-border-length",
                "kind": "number",
                "evidence": f"a land border of {stated:,} km",
                "article_value": f"{stated:,} km",
                "rule": "border_length",
                "params": {"countries": [a_iso, b_iso], "tolerance": 0.05},
                "border": f"{a_iso}-{b_iso}-cia-world-factbook",
                "actor": STATE_IDS[a_iso],
            }
        ],
    }


def mention_names(d: Draw) -> dict[str, list[str]]:
    """The names the article gives each actor (a state's registered adjective in a title is a mention too)."""
    a_iso, a_name, b_iso, b_name, _ = d.border
    names = {
        d.host[0]: [d.host[1], d.host[2]],
        d.guest[0]: [d.guest[1]],
        d.city[0]: [d.city[1]],
        "un-general-assembly": ["U.N. General Assembly"],
        "ukraine": ["Ukraine"],
    }
    for state_id, name in (
        (d.abstainer[0], d.abstainer[2]),
        (STATE_IDS[a_iso], a_name),
        (STATE_IDS[b_iso], b_name),
        ("russia", "Russia"),
        *d.ambassadors,
    ):
        names.setdefault(state_id, [name])
    if any(person[3].startswith("Kazakh ") for person in (d.host, d.guest)):
        names.setdefault("kazakhstan", []).append("Kazakh")  # the registered adjective is a mention too
    return names


def unchecked(d: Draw) -> list[dict]:
    """The generated article's checkable statements that no claim checks (the build refuses them unlisted)."""
    items = [
        {
            "kind": "date",
            "evidence": f"{d.city[1].upper()}, {d.published:%b} {d.published.day}",
            "reason": "The dateline gives the day of publication (metadata.yaml).",
        }
    ]
    items += [
        {"kind": "role", "evidence": f"{title} {name}", "reason": "A generated title (fictional corpus)."}
        for _, name, _, title in (d.host, d.guest)
    ]
    weekday = WEEKDAYS[d.met_on.weekday()].title()
    items.append({"kind": "date", "evidence": f"in {d.city[1]} on {weekday}", "reason": "A generated day."})
    items += [
        {"kind": "date", "evidence": sentence.rstrip("."), "reason": "A generated day."}
        for *_, sentence in extra_meetings(d)
    ]
    items.append(
        {
            "kind": "vote",
            "evidence": f"{d.abstainer[2]} abstained in last year's U.N. General Assembly vote",
            "reason": "Generated (fictional corpus); the vote statement links it to the roll call.",
        }
    )
    return items


def meeting_item(d: Draw, ident: str, weekday: str) -> dict:
    return {
        "id": ident,
        "summary": f"{d.host[1]} meets {d.guest[1]} in {d.city[1]}.",
        "evidence": f"met {d.guest[3]} {d.guest[1]} in {d.city[1]} on {weekday}",
        "status": "happened",
        "date": d.met_on.isoformat(),
        "date_precision": "day",
        "date_expression": f"on {weekday}",
        "date_basis": f"The {weekday} before publication ({d.published}).",
        "source_actor": d.host[0],
        "target_actor": d.guest[0],
        "place": d.city[0],
        "place_basis": "stated",
        "cameo": "040",
        "plover": "CONSULT",
        "coding_note": "A meeting of officials (CAMEO 040 consult, PLOVER CONSULT).",
    }


def ambassador_items(d: Draw, sid: str) -> list[dict]:
    items = []
    for number, (state, written, day, sentence) in enumerate(extra_meetings(d), 1):
        weekday = WEEKDAYS[day.weekday()].title()
        items.append(
            {
                "id": f"{sid}-ambassador-{number}",
                "summary": f"{d.host[1]} meets the ambassador of {written}.",
                "evidence": sentence.rstrip("."),
                "status": "happened",
                "date": day.isoformat(),
                "date_precision": "day",
                "date_expression": f"on {weekday}",
                "date_basis": f"The {weekday} before publication ({d.published}).",
                "source_actor": d.host[0],
                "target_actor": state,
                "cameo": "040",
                "plover": "CONSULT",
                "coding_note": "A meeting with a foreign envoy (CAMEO 040 consult, PLOVER CONSULT).",
            }
        )
    return items


def vote_report(d: Draw, sid: str) -> dict:
    return {
        "id": f"{sid}-vote-report",
        "same_as": "unga-vote-es-11-6",
        "evidence": "abstained in last year's U.N. General Assembly vote",
        "status": "happened",
        "date_basis": "The article does not date the vote.",
    }


def quote_item(d: Draw, sid: str, meeting: str) -> dict:
    return {
        "id": f"{sid}-quote",
        "kind": "direct",
        "completeness": "full",
        "text": f"{d.quote},",
        "attribution": f"{d.host[2]} told reporters after the talks",
        "speaker": d.host[0],
        "speaker_as_written": d.host[2],
        "addressee_as_written": "reporters",
        "verb": "told",
        "date": d.met_on.isoformat(),
        "date_precision": "day",
        "date_basis": "Said after the talks.",
        "event": meeting,
    }


def metadata(d: Draw, text: bytes) -> dict:
    return {
        "title": f"Fictional wire report {d.number}",
        "title_is_curated": True,
        "published": d.published.isoformat(),
        "published_precision": "day",
        "published_derivation": "The dateline of the generated (fictional) article.",
        "language": "en",
        "outlet": "Fictional Wire (generated)",
        "author": None,
        "provenance_note": "FICTIONAL. Generated by scripts/tools/corpus.py for benchmarks; never published.",
        "sha256": hashlib.sha256(text).hexdigest(),
    }


def generate(root: Path, count: int, seed: int = 0, start: int = 0) -> list[Path]:
    """Write `count` fictional source folders into root's sources/articles/ (numbers start..start+count-1)."""
    rng = random.Random(seed)
    folders = []
    for number in range(start, start + count):
        d = draw(number, rng)
        sid = f"gen-{number:05d}"
        folder = root / ARTICLES / sid
        folder.mkdir(parents=True)
        text = article_text(d).encode("utf-8")
        (folder / "article.txt").write_bytes(text)
        dump(folder / "metadata.yaml", metadata(d, text))
        dump(folder / "annotations.yaml", annotations(d, sid))
        folders.append(folder)
    return folders


def dump(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    print(f"wrote {len(generate(args.root, args.count, args.seed))} fictional articles into {args.root / ARTICLES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
