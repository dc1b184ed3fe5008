"""Regular expressions for lists of words: a trie (common prefixes factored out, longer words tried first), so that
matching tries one branch per character instead of every word at every position; linear in the text."""

from __future__ import annotations

import re


def alternation(words) -> str:
    """A pattern (without a group around it) that matches any of the words, the longest first."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie_pattern(trie)


def trie_pattern(node: dict) -> str:
    branches = [re.escape(char) + trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
