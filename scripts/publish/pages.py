"""The evidence site's article and event pages, kept in .build-cache/pages/ under the digest of everything a page
shows (.build-cache/pages-preview/ for the preview), so that a build after one article changed draws only the pages that show something of it.

What a page shows, and so its key:
- every page: the code that draws it (PAGE_CODE), the package's title, the ids of the articles, and every row that belongs to no
  article (actors, the roll call, the reference rows);
- an article's page: the article (its text and every row of every table with its source_id) and the events those
  rows name;
- an event's page: the event's row, every article with a row about the event (as above), and the events those rows
  name.
An entry holds the SHA-256 of its page first: a damaged entry is drawn again, never published
(scripts/publish/entries.py)."""

from __future__ import annotations

import os
import stat
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from ..stage.cache import CACHE, code_hash
from .entries import digest, keep_only, load, store

FORMAT = "site-page 1"
PAGE_CODE = ("core", "publish/site.py", "publish/pages.py", "publish/codec.py", "publish/entries.py")


def row_digest(table: str, row: dict) -> str:
    return digest(table, repr(tuple(row.values())))


def page_keys(tables: dict[str, list[dict]], texts: dict[str, str], title: str) -> dict[str, str]:
    """The key of each article's and event's page (by the page's path in the site)."""
    of_source: dict[object, list[str]] = defaultdict(list)
    named_events: dict[object, set[str]] = defaultdict(set)
    sources_of_event: dict[str, set[str]] = defaultdict(set)
    for table, rows in tables.items():
        for row in rows:
            sid = row.get("source_id")
            of_source[sid].append(row_digest(table, row))
            if row.get("event_id") is not None:
                named_events[sid].add(row["event_id"])
                if sid is not None:
                    sources_of_event[row["event_id"]].add(sid)
    events = {row["event_id"]: row_digest("events", row) for row in tables.get("events", [])}
    sources = [row["source_id"] for row in tables.get("sources", [])]
    common = digest(FORMAT, code_hash(*PAGE_CODE), title, *sorted(texts), *of_source.get(None, []))
    article = {sid: digest(texts.get(sid, ""), *of_source[sid]) for sid in sources}

    def shown(sids: list[str]) -> list[str]:
        ids = sorted(set().union(*(named_events[sid] for sid in sids)))
        return [article[sid] for sid in sids] + [events.get(eid, eid) for eid in ids]

    keys = {f"articles/{sid}.html": digest(common, "article", *shown([sid])) for sid in sources}
    for eid, row in events.items():
        keys[f"events/{eid}.html"] = digest(common, "event", row, *shown(sorted(sources_of_event[eid])))
    return keys


def cache_folder(root: Path, preview: bool, kind: str = "pages") -> Path:
    """The package's entries and the preview's are kept apart (each build removes the entries it does not use)."""
    return root / CACHE / (f"{kind}-preview" if preview else kind)


def cached_pages(folder: Path, keys: dict[str, str], draw: Callable[[str], str]) -> tuple[dict[str, str], int]:
    """Every keyed page, from the cache folder where its key is there and intact, else drawn (and stored); entries
    no page uses any more are removed. Returns the pages and how many were drawn."""
    folder.mkdir(parents=True, exist_ok=True)
    pages, drawn = {}, 0
    for path, key in keys.items():
        body = load(folder / key)
        if body is None:
            html, drawn = draw(path), drawn + 1
            store(folder, key, html.encode("utf-8"))
        else:
            html = body.decode("utf-8")
        pages[path] = html
    keep_only(folder, set(keys.values()))
    return pages, drawn


def write_page(path: Path, data: bytes, earlier: Path | None) -> None:
    """Write a page, or link the published copy when it holds exactly these bytes (a link costs a fraction of a new
    file; nothing is ever changed in place, so the two names keep the same bytes). Only a regular file that no other
    name shares is linked."""
    if earlier is not None:
        try:
            status = os.lstat(earlier)
            if stat.S_ISREG(status.st_mode) and status.st_nlink == 1 and status.st_size == len(data):
                if earlier.read_bytes() == data:
                    os.link(earlier, path)
                    return
        except OSError:
            pass
    path.write_bytes(data)
