"""The drafter: reads an article and drafts its mentions, quotations, dates, amounts, votes and candidate events.

draft_article(text, published) is the whole of it; scripts/draft/__main__.py is the command line around it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.repo import ROOT
from .amounts import find_amounts
from .events import find_events
from .lexicon import load_lexicon
from .mentions import find_mentions
from .quotes import find_quotes
from .temporal import find_dates
from .text import split_sentences
from .votes import find_votes

DRAFTER = "scripts.draft 1"


def draft_article(text: str, published: dt.date | None = None, root: Path = ROOT) -> dict:
    """The machine draft of one article as plain data (the --json output of scripts.draft)."""
    lex = load_lexicon(root)
    sentences = split_sentences(text)
    mentions = find_mentions(text, lex)
    quotes = find_quotes(text, sentences, mentions, lex.reporting_re)
    dates = find_dates(text, published, sentences, lex.anniversaries)
    amounts = find_amounts(text, sentences, mentions)
    votes = find_votes(text, sentences, mentions)
    events = find_events(sentences, mentions, dates, lex.event_verbs, quotes)
    return {
        "drafter": DRAFTER,
        "published": published.isoformat() if published else None,
        "sentences": len(sentences),
        "quotes": [q.as_dict() for q in quotes],
        "dates": [d.as_dict() for d in dates],
        "unresolved_dates": [
            {"text": d.text, "start": d.start, "reason": d.unresolved} for d in dates if d.value is None
        ],
        "mentions": [m.as_dict() for m in mentions],
        "amounts": [a.as_dict() for a in amounts],
        "votes": [v.as_dict() for v in votes],
        "events": [e.as_dict() for e in events],
    }
