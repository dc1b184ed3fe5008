"""Claims: the article's checkable statements against the record; each verdict computed by a named rule."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from ..core.errors import AnnotationFormatError, UnknownCode
from ..core.evidence import locate
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


def verdict(record_value, source, certainty, value, detail) -> dict:
    return {
        "record_value": record_value,
        "record_source": source,
        "record_certainty": certainty,
        "verdict": value,
        "rule_detail": detail,
    }


def border_length(claim: dict, p: dict, record: Record, article: Article) -> dict:
    stated = int(re.sub(r"\D", "", claim["article_value"]))
    pair = sorted(p["countries"])
    row = next(
        (r for r in record.borders if [r["iso3_a"], r["iso3_b"]] == pair and r["value_origin"] == "cia_world_factbook"),
        None,
    )
    if row is None:
        return verdict(None, None, "none", "unverifiable", f"no Factbook row for {'-'.join(pair)}.")
    recorded = row["length_km"]
    rel = abs(stated - recorded) / recorded
    value = (
        "consistent" if stated == recorded else ("approximately_consistent" if rel <= p["tolerance"] else "discrepant")
    )
    return verdict(
        f"{recorded:,} km",
        row["reference_path"],
        "confirmed",
        value,
        f"|{stated} - {recorded}| / {recorded} = {rel:.1%}; tolerance {p['tolerance']:.0%}.",
    )


def name_spelling(claim: dict, p: dict, record: Record, article: Article) -> dict:
    actor = actor_row(record, claim["actor"])
    score = fuzz.ratio(claim["article_value"], actor["name"])
    if claim["article_value"] == actor["name"]:
        value, how = "consistent", "identical to the canonical name"
    elif score >= p["threshold"]:
        value, how = "discrepant", f"a misspelling of the same name (similarity {score:.1f} >= {p['threshold']})"
    else:
        value, how = "discrepant", f"not recognisably the same spelling (similarity {score:.1f} < {p['threshold']})"
    return verdict(
        actor["name"],
        actor["reference"] or "sources/actors.yaml",
        "confirmed",
        value,
        f"The article's “{claim['article_value']}” vs the record's “{actor['name']}”: {how} (rapidfuzz ratio).",
    )


def role_at_date(claim: dict, p: dict, record: Record, article: Article) -> dict:
    actor = actor_row(record, claim["actor"])
    role = actor["role"] or ""
    missing = [k for k in p["keywords"] if k.lower() not in role.lower()]
    if not role or missing:
        return verdict(
            role or None,
            actor["reference"],
            "confirmed" if role else "none",
            "discrepant" if role else "unverifiable",
            f"record role lacks {missing}." if role else "no role on record.",
        )
    published = article.published
    term = re.search(r"(?:since|in office) (\d{4}-\d{2}-\d{2})(?: to (\d{4}-\d{2}-\d{2}))?", role)
    start = dt.date.fromisoformat(term.group(1)) if term else None
    end = dt.date.fromisoformat(term.group(2)) if term and term.group(2) else None
    if start is None:
        return verdict(
            role,
            actor["reference"],
            "single_source",
            "consistent",
            f"record role contains {p['keywords']}; the record gives no term, so the date is not checked.",
        )
    in_office = start <= published and (end is None or published <= end)
    return verdict(
        role,
        actor["reference"],
        "confirmed",
        "consistent" if in_office else "discrepant",
        f"record role contains {p['keywords']}; term from {start} to {end or 'present'} "
        f"{'covers' if in_office else 'does not cover'} {published}.",
    )


def member_list(claim: dict, p: dict, record: Record, article: Article) -> dict:
    group = record.entities[p["group"]]
    countries = {row["iso3"]: name for name, row in record.entities.items() if row["kind"] == "country"}
    members = sorted(iso for iso, name in countries.items() if name in group["role_2023"] and iso not in p["exclude"])
    missing = sorted(set(members) - set(p["listed"]))
    listed = len(p["listed"])
    names = ", ".join(countries[m] for m in members)
    if p["stated_count"] != listed:
        value = "garbled"
        detail = f"the article says {p['stated_count']} but lists {listed}; the record's members: {names}; missing: {missing}."
    else:
        value = "discrepant" if missing else "consistent"
        detail = f"listed {listed} of {len(members)} members; missing: {missing}."
    return verdict(names, f"sources/reference/entities.csv: {p['group']}", "confirmed", value, detail)


def self_meeting(claim: dict, p: dict, record: Record, article: Article) -> dict:
    partner_at = claim["evidence_start"] + claim["evidence"].index(p["partner"])
    partner = next(
        (
            m["actor_id"]
            for m in record.mentions
            if m["source_id"] == article.source_id and m["text_start"] == partner_at
        ),
        None,
    )
    key = record.key_dates[p["key_date"]]
    same = partner == p["subject"]
    return verdict(
        f"{key['event']} ({key['date']})",
        "sources/reference/key_dates.csv",
        "confirmed",
        "garbled" if same else "consistent",
        f"the meeting's partner {p['partner']!r} is linked to {partner!r}, "
        f"{'the subject himself' if same else 'not the subject'} ({p['subject']!r}).",
    )


def vote_behaviour(claim: dict, p: dict, record: Record, article: Article) -> dict:
    votes = {r["iso3"]: r for r in record.votes if r["resolution_symbol"] == p["resolution"]}
    unknown = [s for s in p["states"] if s not in votes]
    if unknown:
        raise UnknownCode(
            "claims",
            claim["id"],
            "params.states",
            f"no recorded vote of {unknown}.",
            "use ISO3 codes of the roll call.",
        )
    rows = [votes[s] for s in p["states"]]
    outside = [f"{r['iso3']} {r['vote']}" for r in rows if r["vote"] not in p["allowed"]]
    single = [r["iso3"] for r in rows if ";" not in r["record_crosschecks"]]
    value = "consistent" if not outside and p["stated_count"] == len(rows) else "discrepant"
    return verdict(
        "; ".join(f"{r['iso3']} {r['vote']}" for r in rows),
        rows[0]["record_source"],
        "single_source" if single else "confirmed",
        value,
        f"recorded votes in {p['allowed']} for {len(rows) - len(outside)} of {len(rows)} states"
        + (f"; outside: {outside}" if outside else "")
        + f"; the article counts {p['stated_count']}."
        + (f" Single-source rows: {single}." if single else ""),
    )


def weekday_date(claim: dict, p: dict, record: Record, article: Article) -> dict:
    published = article.published
    back = (published.weekday() - WEEKDAYS.index(p["weekday"].lower())) % 7
    resolved = published - dt.timedelta(days=back)
    if "resolution" in p:
        res = record.resolutions[p["resolution"]]
        recorded, source = dt.date.fromisoformat(res["vote_date"]), f"UN Digital Library record {res['undl_record']}"
    else:
        key = record.key_dates[p["key_date"]]
        recorded, source = dt.date.fromisoformat(key["date"]), f"sources/reference/key_dates.csv: {key['event']}"
    return verdict(
        recorded.isoformat(),
        source,
        "confirmed",
        "consistent" if resolved == recorded else "discrepant",
        f"{p['weekday']} on or before publication ({published}) is {resolved}; the record has {recorded}.",
    )


def resolution_force(claim: dict, p: dict, record: Record, article: Article) -> dict:
    res = record.resolutions[p["resolution"]]
    words = [w for w in p["binding_words"] if re.search(rf"\b{w}\b", claim["evidence"], re.IGNORECASE)]
    binding = res["legal_effect"] != "recommendation"
    value = "consistent" if binding or not words else "discrepant"
    return verdict(
        f"{res['symbol']}, a General Assembly {res['legal_effect']} (non-binding), which {res['operative_demand']}",
        f"{res['legal_effect_source']}; demand: {res['operative_demand_source']}",
        "single_source",
        value,
        f"the article's words {words} describe a binding act; the record's legal effect is {res['legal_effect']!r}.",
    )


def days_after(claim: dict, p: dict, record: Record, article: Article) -> dict:
    key = record.key_dates[p["key_date"]]
    start = dt.date.fromisoformat(key["date"])
    anniversary = start.replace(year=start.year + p["years"])
    gap = (article.published - anniversary).days
    value = "consistent" if 0 < gap <= p["max_days"] else "discrepant"
    return verdict(
        f"anniversary {anniversary} ({key['event']} {start})",
        "sources/reference/key_dates.csv",
        "confirmed",
        value,
        f"publication is {gap} days after {anniversary}; 'days after' allows 1 to {p['max_days']}.",
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
    return verdict(
        "; ".join(f"{iso} independent {row['date']}" for iso, row in sorted(confirmed.items())) or None,
        "sources/reference/key_dates.csv",
        "confirmed" if confirmed else "none",
        value,
        f"the reference dates independence from the Soviet Union for {len(confirmed)} of {len(p['states'])} "
        f"states ({sorted(confirmed)}); the others are not in it.",
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
    )
}


def actor_row(record: Record, actor_id: str) -> dict:
    return record.actors[actor_id]


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
        try:
            result = RULES[item["rule"]](
                {**item, "evidence_start": span.start}, item.get("params", {}), record, article
            )
        except (KeyError, TypeError, ValueError, StopIteration) as exc:
            raise AnnotationFormatError(
                file,
                label,
                "params",
                f"rule {item['rule']!r} cannot use these params or this record ({type(exc).__name__}: {exc}).",
                f"give the params {item['rule']} needs (see scripts/claim.py) and records that exist.",
            ) from None
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
                **vote_links(item.get("params", {})),
                "notes": item.get("notes"),
                "review_status": status(item),
            }
        )
    return rows
