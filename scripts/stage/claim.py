"""Claims: the article's checkable statements against the record; each verdict computed by a named rule.

Each rule is called as rule(claim, params, record, article). Its params are declared, per rule, in
schemas/input/annotations.schema.json ($defs/params-<rule>) and checked when the annotations are read; the claim dict
carries the annotations `file` and the item's `label`, so that a rule naming a record that does not exist (an actor,
a key date, a resolution, a group, a state's vote) raises a named error where it looks the record up. Any other
exception inside a rule is a bug, and propagates as one."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from ..core.errors import (
    AnnotationFormatError,
    BuildError,
    EvidenceNotFound,
    InvalidDate,
    UnknownActor,
    UnknownCode,
    UnknownReference,
)
from ..core.evidence import locate
from ..core.prose import listing, quoted
from ..core.registry import WEEKDAYS
from ..load.actors import require_actor
from ..load.article import Article
from ..load.review import status


@dataclass(frozen=True)
class Record:
    """What the rules may consult: the reference rows of the borders and votes tables, the article's mentions, the
    actors and the reference files."""

    borders: list[dict]
    votes: list[dict]
    mentions: list[dict]
    actors: dict[str, dict]
    entities: dict[str, dict]
    key_dates: dict[str, dict]
    resolutions: dict[str, dict]
    value_sources: dict[tuple[str, str, str], list[str]]
    complete_borders: frozenset[str]


KEY_DATES = "sources/reference/key_dates.csv"
RESOLUTIONS = "sources/reference/unga_resolutions.csv"
ENTITIES = "sources/reference/entities.csv"
BORDERS = "sources/reference/borders_factbook.csv"
VALUE_SOURCES = "sources/reference/value_sources.csv"


def verdict(record_value, source, certainty, value, detail) -> dict:
    return {
        "record_value": record_value,
        "record_source": source,
        "record_certainty": certainty,
        "verdict": value,
        "rule_detail": detail,
    }


def certainty_of(count: int) -> str:
    """record_certainty from the number of independent sources the reference gives for a value."""
    return "confirmed" if count >= 2 else "single_source" if count == 1 else "none"


def certainty(claim: dict, record: Record, *values: tuple[str, str, str]) -> str:
    """How firm the record is for the values (reference file, row, field) a verdict rests on: from the fewest
    independent sources that sources/reference/value_sources.csv gives any of them. A value without its sources
    listed there is refused by name."""
    counts = []
    for path, row, field in values:
        file = path.rsplit("/", 1)[-1]
        keys = [(file, row, field), (file, row, "*"), (file, "*", field), (file, "*", "*")]
        found = next((record.value_sources[key] for key in keys if key in record.value_sources), None)
        if found is None:
            raise UnknownReference(
                claim["file"],
                claim["label"],
                "record_certainty",
                f"{VALUE_SOURCES} gives no sources for {file}: {row}: {field}, the value the verdict rests on.",
                "add a row naming the independent sources of the value (copies of one source "
                "count once), from sources/reference/SOURCES.md; a value of sources/actors.yaml "
                "has no cited source: give the actor a row of entities.csv.",
            )
        counts.append(len(found))
    return certainty_of(min(counts))


def border_length(claim: dict, p: dict, record: Record, article: Article) -> dict:
    stated = stated_number(claim)
    pair = sorted(p["countries"])
    row = next(
        (r for r in record.borders if [r["iso3_a"], r["iso3_b"]] == pair and r["value_origin"] == "cia_world_factbook"),
        None,
    )
    if row is None:
        return verdict(None, None, "none", "unverifiable", f"no Factbook row for {'-'.join(pair)}.")
    recorded = row["length_km"]
    rel = abs(stated - recorded) / recorded
    close = "approximately_consistent" if rel <= p["tolerance"] else "discrepant"
    value = "consistent" if stated == recorded else close
    sure = certainty(claim, record, (BORDERS, "-".join(pair), "length_km"))
    return verdict(
        f"{recorded:,} km",
        row["reference_path"],
        sure,
        value,
        f"|{stated} - {recorded}| / {recorded} = {rel:.1%}; tolerance {p['tolerance']:.0%}.",
    )


def name_spelling(claim: dict, p: dict, record: Record, article: Article) -> dict:
    actor = actor_row(claim, record, claim["actor"], "actor")
    score = fuzz.ratio(claim["article_value"], actor["name"])
    if claim["article_value"] == actor["name"]:
        value, how = "consistent", "identical to the canonical name"
    elif score >= p["threshold"]:
        value, how = "discrepant", f"a misspelling of the same name (similarity {score:.1f} ≥ {p['threshold']})"
    else:
        value, how = "discrepant", f"not recognisably the same spelling (similarity {score:.1f} below {p['threshold']})"
    where, row, _ = role_source(actor)
    return verdict(
        actor["name"],
        actor["reference"] or "sources/actors.yaml",
        certainty(claim, record, (where, row, "name")),
        value,
        f"The article's “{claim['article_value']}” vs the record's “{actor['name']}”: {how} (rapidfuzz ratio).",
    )


def role_at_date(claim: dict, p: dict, record: Record, article: Article) -> dict:
    actor = actor_row(claim, record, claim["actor"], "actor")
    role = actor["role"] or ""
    missing = [k for k in p["keywords"] if k.lower() not in role.lower()]
    where, row, field = role_source(actor)
    if not role:
        return verdict(None, actor["reference"], "none", "unverifiable", "no role on record.")
    sure = certainty(claim, record, (where, row, field))
    if missing:
        return verdict(role, actor["reference"], sure, "discrepant", f"record role lacks {listing(quoted(missing))}.")
    published = article.published
    start, end, span = role_term(role, where, row, field)
    if start is None:
        return verdict(
            role,
            actor["reference"],
            sure,
            "consistent",
            f"record role contains {listing(quoted(p['keywords']))}; the record gives no term, so the date is not checked.",
        )
    in_office = start <= published and (end is None or published <= end)
    return verdict(
        role,
        actor["reference"],
        sure,
        "consistent" if in_office else "discrepant",
        f"record role contains {listing(quoted(p['keywords']))}; {span} from {start} to {end or 'present'} "
        f"{'covers' if in_office else 'does not cover'} {published}.",
    )


def role_term(role: str, where: str, row: str, field: str) -> tuple[dt.date | None, dt.date | None, str]:
    """The dates a recorded role gives: its current term ("term from D [to D]") where it gives one, else the time in
    office ("since D", "in office D to D"); (None, None) when it gives neither."""
    found = re.search(r"term from (\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))?", role)
    span = "current term"
    if not found:
        found = re.search(r"(?:since|in office) (\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))?", role)
        span = "in office"
    if not found:
        return None, None, span
    start = reference_date(found.group(1), where, row, field)
    end = reference_date(found.group(2), where, row, field) if found.group(2) else None
    return start, end, span


def member_list(claim: dict, p: dict, record: Record, article: Article) -> dict:
    group = lookup(record.entities, p["group"], claim, "params.group", ENTITIES, "an entity name")
    countries = {row["iso3"]: name for name, row in record.entities.items() if row["kind"] == "country"}
    members = sorted(iso for iso, name in countries.items() if name in group["role_2023"] and iso not in p["exclude"])
    missing = sorted(set(members) - set(p["listed"]))
    listed = len(p["listed"])
    names = ", ".join(countries[m] for m in members)
    absent = listing(f"{countries[m]} ({m})" for m in missing)
    if p["stated_count"] != listed:
        value = "garbled"
        detail = (
            f"the article says {p['stated_count']} but lists {listed}; the record's members: {names}; "
            f"missing: {absent}."
        )
    else:
        value = "discrepant" if missing else "consistent"
        detail = f"listed {listed} of {len(members)} members; missing: {absent}."
    return verdict(
        names, f"{ENTITIES}: {p['group']}", certainty(claim, record, (ENTITIES, p["group"], "role_2023")), value, detail
    )


def self_meeting(claim: dict, p: dict, record: Record, article: Article) -> dict:
    actor_row(claim, record, p["subject"], "params.subject")
    if p["partner"] not in claim["evidence"]:
        raise EvidenceNotFound(
            claim["file"],
            claim["label"],
            "params.partner",
            f"{p['partner']!r} is not in the claim's evidence {claim['evidence']!r}.",
            "give the partner's name exactly as the evidence writes it.",
        )
    partner_at = claim["evidence_start"] + claim["evidence"].index(p["partner"])
    partner = next(
        (
            m["actor_id"]
            for m in record.mentions
            if m["source_id"] == article.source_id and m["text_start"] == partner_at
        ),
        None,
    )
    key = key_date_row(claim, p, record)
    same = partner == p["subject"]
    sure = certainty(claim, record, (KEY_DATES, key["event"], "date"))
    return verdict(
        f"{key['event']} ({key['date']})",
        KEY_DATES,
        sure,
        "garbled" if same else "consistent",
        f"the meeting's partner “{p['partner']}” is linked to {partner or 'no actor'}, "
        f"{'the subject himself' if same else 'not the subject'} ({p['subject']}).",
    )


def vote_behaviour(claim: dict, p: dict, record: Record, article: Article) -> dict:
    resolution_row(claim, p, record)
    votes = {r["iso3"]: r for r in record.votes if r["resolution_symbol"] == p["resolution"]}
    unknown = [s for s in p["states"] if s not in votes]
    if unknown:
        raise UnknownCode(
            claim["file"],
            claim["label"],
            "params.states",
            f"no recorded vote of {listing(unknown)} on {p['resolution']}.",
            "use ISO3 codes of states in the resolution's roll call (sources/reference/).",
        )
    rows = [votes[s] for s in p["states"]]
    outside = [f"{r['iso3']} {r['vote']}" for r in rows if r["vote"] not in p["allowed"]]
    counts = {r["iso3"]: len([s for s in r["record_crosschecks"].split(";") if s.strip()]) for r in rows}
    single = [iso for iso, count in counts.items() if count < 2]
    value = "consistent" if not outside and p["stated_count"] == len(rows) else "discrepant"
    return verdict(
        "; ".join(f"{r['iso3']} {r['vote']}" for r in rows),
        rows[0]["record_source"],
        certainty_of(min(counts.values())),
        value,
        f"recorded vote {listing(p['allowed'], 'or')} for {len(rows) - len(outside)} of {len(rows)} states"
        + (f"; outside: {listing(outside)}" if outside else "")
        + f"; the article counts {p['stated_count']}."
        + (f" Single-source rows: {listing(single)}." if single else ""),
    )


def weekday_date(claim: dict, p: dict, record: Record, article: Article) -> dict:
    published = article.published
    back = (published.weekday() - WEEKDAYS.index(p["weekday"].lower())) % 7
    resolved = published - dt.timedelta(days=back)
    if "resolution" in p:
        res = resolution_row(claim, p, record)
        recorded = reference_date(res["vote_date"], RESOLUTIONS, res["symbol"], "vote_date")
        source, value = f"UN Digital Library record {res['undl_record']}", (RESOLUTIONS, res["symbol"], "vote_date")
    else:
        key = key_date_row(claim, p, record)
        recorded, source = reference_date(key["date"], KEY_DATES, key["event"], "date"), f"{KEY_DATES}: {key['event']}"
        value = (KEY_DATES, key["event"], "date")
    return verdict(
        recorded.isoformat(),
        source,
        certainty(claim, record, value),
        "consistent" if resolved == recorded else "discrepant",
        f"{p['weekday']} on or before publication ({published}) is {resolved}; the record has {recorded}.",
    )


def resolution_force(claim: dict, p: dict, record: Record, article: Article) -> dict:
    res = resolution_row(claim, p, record)
    words = [w for w in p["binding_words"] if re.search(rf"\b{re.escape(w)}\b", claim["evidence"], re.IGNORECASE)]
    binding = res["legal_effect"] != "recommendation"
    value = "consistent" if binding or not words else "discrepant"
    return verdict(
        f"{res['symbol']}, a General Assembly {res['legal_effect']} (non-binding), which {res['operative_demand']}",
        f"{res['legal_effect_source']}; demand: {res['operative_demand_source']}",
        certainty(claim, record, (RESOLUTIONS, res["symbol"], "legal_effect")),
        value,
        f"the article's words {listing(quoted(words))} describe a binding act; the record's legal effect is {res['legal_effect']}.",
    )


def days_after(claim: dict, p: dict, record: Record, article: Article) -> dict:
    key = key_date_row(claim, p, record)
    start = reference_date(key["date"], KEY_DATES, key["event"], "date")
    day = anniversary(start, p["years"])
    gap = (article.published - day).days
    value = "consistent" if 0 < gap <= p["max_days"] else "discrepant"
    return verdict(
        f"anniversary {day} ({key['event']} {start})",
        KEY_DATES,
        certainty(claim, record, (KEY_DATES, key["event"], "date")),
        value,
        f"publication is {gap} days after {day}; “days after” allows 1 to {p['max_days']}.",
    )


def no_reference(claim: dict, p: dict, record: Record, article: Article) -> dict:
    return verdict(None, None, "none", "unverifiable", p["reason"])


def former_soviet(claim: dict, p: dict, record: Record, article: Article) -> dict:
    countries = {row["iso3"]: name for name, row in record.entities.items() if row["kind"] == "country"}
    confirmed = {
        iso: row
        for iso in p["states"]
        for event, row in record.key_dates.items()
        if countries.get(iso, "\0") in event and "independence" in event.lower() and "Soviet Union" in event
    }
    value = "consistent" if len(confirmed) == len(p["states"]) else "unverifiable"
    events = [(KEY_DATES, row["event"], "date") for row in confirmed.values()]
    return verdict(
        "; ".join(f"{iso} independent {row['date']}" for iso, row in sorted(confirmed.items())) or None,
        KEY_DATES,
        certainty(claim, record, *events) if events else "none",
        value,
        f"the reference dates independence from the Soviet Union for {len(confirmed)} of {len(p['states'])} "
        f"states ({listing(sorted(confirmed))}); the others are not in it.",
    )


def border_neighbours(claim: dict, p: dict, record: Record, article: Article) -> dict:
    """Whether a country is a neighbour (shares a land border) of all, or of any, of the states the article names,
    by the Factbook's rows; a state whose borders the rows do not all list cannot be checked."""
    pairs = {(r["iso3_a"], r["iso3_b"]) for r in record.borders if r["value_origin"] == "cia_world_factbook"}
    beside = sorted(s for s in p["states"] if tuple(sorted((s, p["neighbour"]))) in pairs)
    apart = sorted(set(p["states"]) - set(beside) - {p["neighbour"]})
    unknown = sorted(s for s in apart if s not in record.complete_borders)
    if unknown:
        return verdict(
            None,
            None,
            "none",
            "unverifiable",
            f"the Factbook rows do not list every border of {unknown}, so a missing row proves nothing.",
        )
    holds = not apart if p["scope"] == "all" else bool(beside)
    return verdict(
        f"{p['neighbour']} borders {', '.join(beside) or 'none'} of {', '.join(sorted(p['states']))}",
        BORDERS,
        certainty(claim, record, (BORDERS, "*", "*")),
        "consistent" if holds else "discrepant",
        f"the article makes {p['neighbour']} a neighbour of {p['scope']} of {len(p['states'])} states; the "
        f"Factbook's land borders put it beside {len(beside)} ({listing(beside)}), not beside {listing(apart)}.",
    )


RULES = {
    f.__name__: f
    for f in (
        border_length,
        name_spelling,
        role_at_date,
        member_list,
        self_meeting,
        vote_behaviour,
        weekday_date,
        resolution_force,
        days_after,
        no_reference,
        former_soviet,
        border_neighbours,
    )
}


def lookup(
    table: dict[str, dict],
    key: str,
    claim: dict,
    field: str,
    where: str,
    what: str,
    error: type[BuildError] = UnknownReference,
) -> dict:
    """The row `key` of a reference table, or a named error naming the claim's file, its item and the field."""
    if key not in table:
        raise error(
            claim["file"],
            claim["label"],
            field,
            f"{key!r} is not {what} in {where}.",
            f"use {what} exactly as {where} writes it, or add it there (citing its source).",
        )
    return table[key]


def actor_row(claim: dict, record: Record, actor_id: str, field: str) -> dict:
    """The actor a claim names (in `field`), or UnknownActor."""
    return lookup(record.actors, actor_id, claim, field, "sources/actors.yaml", "an actor id", UnknownActor)


def key_date_row(claim: dict, p: dict, record: Record) -> dict:
    """The key date named by params.key_date, or UnknownReference."""
    return lookup(record.key_dates, p["key_date"], claim, "params.key_date", KEY_DATES, "an event name")


def resolution_row(claim: dict, p: dict, record: Record) -> dict:
    """The resolution named by params.resolution, or UnknownReference."""
    return lookup(record.resolutions, p["resolution"], claim, "params.resolution", RESOLUTIONS, "a resolution symbol")


def role_source(actor: dict) -> tuple[str, str, str]:
    """Where an actor's role is recorded: (file, row, field)."""
    if actor["reference"]:
        return ENTITIES, actor["reference"].split(": ", 1)[-1], "role_2023"
    return "sources/actors.yaml", f"actors (id: {actor['actor_id']})", "role"


def reference_date(value: str, where: str, row: str, field: str) -> dt.date:
    """A date of the reference data, or InvalidDate naming the file, the row and the field."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidDate(
            where,
            row,
            field,
            f"{value!r} is not a calendar date (YYYY-MM-DD).",
            "correct the date from its cited source.",
        ) from None


def anniversary(start: dt.date, years: int) -> dt.date:
    """The date `years` after `start`; the anniversary of 29 February is 28 February in a common year."""
    year = start.year + years
    leap_day = (start.month, start.day) == (2, 29) and not calendar.isleap(year)
    return start.replace(year=year, day=28 if leap_day else start.day)


def stated_number(claim: dict) -> int:
    """The number the article states (the digits of article_value, e.g. 7,500 km -> 7500)."""
    digits = re.sub(r"\D", "", claim["article_value"])
    if not digits:
        raise AnnotationFormatError(
            claim["file"],
            claim["label"],
            "article_value",
            f"{claim['article_value']!r} states no number.",
            "give the number as the article writes it (e.g. 7,500 km).",
        )
    return int(digits)


def vote_links(params: dict) -> dict:
    """The votes rows a claim concerns: its resolution and, where it names them, its states."""
    resolution = params.get("resolution")
    states = params.get("states") if resolution else None
    return {"resolution_symbol": resolution, "vote_iso3s": ";".join(states) if states else None}


def stage_claims(article: Article, annotations: dict, record: Record, actors: dict, file: Path) -> list[dict]:
    """One row per annotated claim, its verdict computed by its rule from the record."""
    rows = []
    for item in annotations.get("claims", []):
        label = f"claims (id: {item['id']})"
        span = locate(article.text, item["evidence"], item.get("occurrence"), file=file, item=label, field="evidence")
        require_actor(actors, item.get("actor"), file=file, item=label, field="actor")
        claim = {**item, "evidence_start": span.start, "file": file, "label": label}
        result = RULES[item["rule"]](claim, item["params"], record, article)
        rows.append(
            {
                "claim_id": item["id"],
                "source_id": article.source_id,
                "kind": item["kind"],
                "evidence": span.text,
                "evidence_start": span.start,
                "evidence_end": span.end,
                "article_value": item["article_value"],
                **result,
                "rule": item["rule"],
                "actor_id": item.get("actor"),
                "event_id": item.get("event"),
                "border_id": item.get("border"),
                **vote_links(item["params"]),
                "notes": item.get("notes"),
                "review_status": status(item),
            }
        )
    return rows
