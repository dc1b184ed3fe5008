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
(scripts/publish/entries.py).

Beside the publish records, a record of the last site staged (.build-cache/published/pages.json): each page's key, the status (device, inode, size,
modification time) of its file and the SHA-256 of its bytes. A published page whose key is unchanged and whose file is still that file is linked
into the new site without being read; any other page comes from the cache or is drawn."""

from __future__ import annotations

import json
import os
import stat
from collections import defaultdict
from collections.abc import Callable, Collection
from pathlib import Path

from ..stage.cache import CACHE, code_hash
from .entries import digest, keep_only, load, signature, store, write_atomically

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


def cached_pages(
    folder: Path, keys: dict[str, str], draw: Callable[[str], str], taken: Collection[str] = ()
) -> tuple[dict[str, str], int]:
    """Every keyed page but the `taken` ones, from the cache folder where its key is there and intact, else drawn
    (and stored); entries no page uses any more are removed. Returns the pages and how many were drawn."""
    folder.mkdir(parents=True, exist_ok=True)
    pages, drawn = {}, 0
    for path, key in keys.items():
        if path in taken:
            continue
        body = load(folder / key)
        if body is None:
            html, drawn = draw(path), drawn + 1
            store(folder, key, html.encode("utf-8"))
        else:
            html = body.decode("utf-8")
        pages[path] = html
    keep_only(folder, set(keys.values()))
    return pages, drawn


def record_path(folder: Path) -> Path:
    """Beside the publish records (scripts/publish/record.py): .build-cache/published/pages.json."""
    return folder.parent / "published" / f"{folder.name}.json"


def status_of(path: Path, sole: bool = True) -> list[int] | None:
    """Device, inode, size and modification time of a regular file (`sole`: that no other name shares), else None."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode) or (sole and status.st_nlink != 1):
        return None
    return list(signature(status))


def read_record(folder: Path) -> dict[str, list]:
    """The record of the last site staged: page -> [key, device, inode, size, modification time, SHA-256]."""
    try:
        record = json.loads(record_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict):
        return {}
    return {path: entry for path, entry in record.items() if isinstance(entry, list) and len(entry) == 6}


def unchanged_pages(folder: Path, keys: dict[str, str], earlier: Path) -> dict[str, str]:
    """The pages of the published site (`earlier`) drawn from the same key, their files as the record left them,
    with their SHA-256."""
    record = read_record(folder)
    return {
        path: record[path][5]
        for path, key in keys.items()
        if record.get(path, [None])[0] == key and status_of(earlier / path) == record[path][1:5]
    }


def record_pages(folder: Path, keys: dict[str, str], site: Path, digests: dict[str, str]) -> None:
    """The record of the site just staged in `site`, each page with the SHA-256 of its bytes (written atomically; a
    linked page has two names until the swap removes the old site)."""
    path = record_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {
        rel: [key, *status, digests[rel]]
        for rel, key in keys.items()
        if rel in digests and (status := status_of(site / rel, False)) is not None
    }
    write_atomically(path, json.dumps(record, sort_keys=True).encode("utf-8"))


def staged_pages(folder: Path, site: Path) -> dict[str, tuple[tuple[int, ...], dict]]:
    """What the record says of the pages staged in `site`, as the journal's known files (scripts/publish/journal.py):
    path -> (device, inode, size, modification time), (size, SHA-256)."""
    return {
        os.fspath(site / rel): (tuple(entry[1:5]), {"bytes": entry[3], "sha256": entry[5]})
        for rel, entry in read_record(folder).items()
    }


def link_page(path: Path, earlier: Path) -> None:
    """A published page into the new site, linked (nothing is ever changed in place) or else copied."""
    try:
        os.link(earlier, path)
    except OSError:
        path.write_bytes(earlier.read_bytes())


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
