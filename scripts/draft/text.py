"""Tense for drafting: whether a clause looks ahead. Sentences come from the build's one splitter
(scripts.core.sentences.split_sentences); spans and offsets from scripts/draft/spans.py."""

from __future__ import annotations

import re

FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|would|is to|are to|was to|were to|(?:is|are|was|were) due to|"
    r"(?:is|are|was|were) set to|(?:is|are|was|were) scheduled to|plans? to|planned to|"
    r"(?:is|are|was|were) expected to|(?:is|are|was|were) going to|next|upcoming|coming|should\s+(?!have\b)|"
    r"scheduled for|planned for|intends? to|ahead of|hop(?:e|es|ed) to|want(?:s|ed)? to|"
    r"(?:called on|urged|invited|asked|told|ordered|instructed)\s[^.;]{0,50}?\bto\s"
    r"(?!his\b|her\b|their\b|its\b|the\b|an?\b|my\b|our\b|your\b|him\b|them\b|me\b|us\b)"
    r"[a-z]+)\b|['’]ll\b",
    re.I,
)


def is_future(clause: str) -> bool:
    """Whether the clause speaks of something still to come ("will meet", "is due to visit", "next week")."""
    return bool(FUTURE.search(clause))
