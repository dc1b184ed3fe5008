"""Organisations the lexicon does not know, named by what the article says of them: a news agency in a dateline
("ASTANA, Kazakhstan (AP) —"), the outlet that asks the questions of an interview ("RFE/RL: …" at the start of
several lines), a name after a noun that says what it is ("the state energy company KazMunayGas", "whose companies
Chevron and ExxonMobil") or before an apposition that says so ("Kazenergy Analytics, a consultancy"), the employer
of an analyst ("an analyst at Kazenergy Analytics"), a platform written on ("wrote on X"); and the initialism of
an organisation the article names in full ("CPC" for "Caspian Pipeline Consortium"). Every later occurrence of such
a name is a mention too."""

from __future__ import annotations

import re

from .lexicon import MONTHS, NOT_NAMES, WEEKDAYS, Lexicon

# a capitalised name of up to five words, each of bounded length, starting at a word's start (linear-time scans)
NAME = r"(?<![\w.&/’'-])[A-Z][\w.&/-]{0,30}[\w&/](?:\s[A-Z][\w&/-]{0,30}[\w&/]){0,4}|(?<![\w-])X(?![\w-])"
KINDS = (
    r"compan(?:y|ies)|firms?|corporations?|group|giants?|operators?|producers?|consultancy|think[- ]tank|"
    r"outlets?|newspapers?|website|news site|portal|broadcasters?|agency|platform|NGO|watchdog|monitor|"
    r"lender|insurer|carrier|airline|exchange|start-up|startup"
)
DATELINE = re.compile(rf"^[A-Z][A-Z .,'’-]*(?:,[^\n(]{{0,40}})?\((?P<name>{NAME})\)\s*[-—–]", re.M)
LABEL = re.compile(rf"^(?P<name>{NAME}):\s", re.M)
AFTER_KIND = re.compile(rf"\b(?:{KINDS})\s+(?P<name>{NAME})(?:\s+and\s+(?P<other>{NAME}))?")
BEFORE_KIND = re.compile(
    rf"(?P<name>{NAME}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{KINDS})"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:in|based|that|which|owned|run|founded|of)\b)"
)
EMPLOYER = re.compile(
    r"\b(?:analyst|fellow|researcher|economist|expert|scholar|lawyer|editor|correspondent|strategist|"
    rf"consultant|specialist|director|head)\s+(?:at|with|of)\s+(?:the\s+)?(?P<name>{NAME})"
)
PLATFORM = re.compile(r"\b(?:wrote|posted|said|announced|shared|tweeted)\s+on\s+(?P<name>X|[A-Z][a-z]+)\b(?![\w-])")
POSSESSED = re.compile(r"\w(?:’s|'s)\s+(?P<name>[A-Z]{3,8})(?![\w-])")  # "Azerbaijan's SOCAR"
INITIALISM = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")
MINOR = {"of", "the", "for", "and", "on", "in", "de"}


def described(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of organisation names that the words around them describe as organisations."""
    spans = [(m.start("name"), m.end("name")) for m in DATELINE.finditer(text[:600])]
    labels: dict[str, list[tuple[int, int]]] = {}
    for match in LABEL.finditer(text):
        labels.setdefault(match.group("name"), []).append((match.start("name"), match.end("name")))
    spans += [span for name, found in labels.items() if len(found) >= 2 and outlet(text, name) for span in found]
    for pattern in (AFTER_KIND, BEFORE_KIND, EMPLOYER, PLATFORM, POSSESSED):
        for match in pattern.finditer(text):
            for group in ("name", "other"):
                if group in match.groupdict() and match.group(group):
                    spans.append((match.start(group), match.end(group)))
    return [(start, end) for start, end in spans if names_an_organisation(text[start:end], lex)]


def outlet(text: str, label: str) -> bool:
    """An interview's label that is no person: one word that ends no longer name of the article ("Eurasianet",
    "RFE/RL", not "Bekova" of "Aigerim Bekova")."""
    return " " not in label and not re.search(rf"[A-Z][\w’'-]* {re.escape(label)}(?![\w-])", text)


def names_an_organisation(name: str, lex: Lexicon) -> bool:
    """Holds no country, capital or demonym, month, weekday, known word that is no name, or title."""
    words = name.split()
    return not (
        any(w in lex.countries or w in lex.capitals or w in lex.adjectives for w in [name, *words])
        or any(w in MONTHS or w in WEEKDAYS or w in NOT_NAMES for w in words)
        or lex.title_re.match(name + " ")
        or any(w.lower() in lex.role_nouns for w in words)
    )


def initialisms(text: str, names: list[str], lex: Lexicon) -> dict[str, str]:
    """The initialisms of the organisations' names of two words or more ("CPC": "Caspian Pipeline Consortium")."""
    found = {}
    for name in names:
        words = [w for w in name.split() if w not in MINOR]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            letters = "".join(w[0] for w in words)
            if letters not in lex.countries and letters not in lex.organisations:
                found.setdefault(letters, name)
    return {letters: name for letters, name in found.items() if letters in text}


def occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Every occurrence of the name as a whole word."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
