"""Amounts: numbers with a unit and what they measure (money, percentages, distances, counts, vote tallies);
a distance in a sentence about a border becomes a border between the sentence's countries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.sentences import Sentence
from .mentions import Mention
from .patterns import alternation
from .spans import Index, Sentences, Taken

WORD_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "thirty-two": 32,
    "twenty-seven": 27,
}
NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:" + alternation(WORD_NUMBERS) + r")(?![\w-]))"
SCALE = r"(?:\s*(?P<scale>million|billion|trillion|thousand|bn|mn|tn|m)\b)?"
SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}
CURRENCY_SIGNS = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "roubles": "RUB",
    "rubles": "RUB",
    "yuan": "CNY",
    "tenge": "KZT",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "som": "KGS",
}
COUNT_NOUNS = (
    r"vote|votes|people|troops|soldiers|civilians|refugees|tonnes|tons|barrels|countries|states|members|"
    r"nations|"
    r"deaths|casualties|prisoners|tanks|missiles|drones|cubic metres|cubic meters|bcm|delegates|lawmakers|"
    r"deputies|residents|migrants|workers|children|journalists|observers|ballots|seats|hectares|"
    r"square kilometres|square kilometers|sq km|megawatts|MW|gigawatts|GW|kilograms|kg|years|months|weeks|"
    r"days|hours|regions|provinces|villages|towns|cities|districts|ministers|leaders|senators|"
    r"representatives|allies|alliances|parties|candidates|ships|trucks|containers|wagons|trains|flights|"
    r"aircraft|jets|schools|hospitals|homes|houses|buildings|companies|projects|agreements|deals|"
    r"documents|sanctions|packages|rounds|meetings|sessions|talks|times|points|percentage points|"
    r"member|members"
)
PATTERNS = [
    ("money", re.compile(rf"(?P<cur>US\$|\$|€|£|¥)\s?{NUMBER}{SCALE}")),
    ("money", re.compile(rf"\b{NUMBER}{SCALE}\s+(?P<cur>{alternation(CURRENCY_WORDS)})\b")),
    ("percent", re.compile(rf"\b{NUMBER}\s?(?P<unit>%|percent\b|per cent\b)")),
    (
        "distance",
        re.compile(
            rf"\b{NUMBER}(?:-|\s)?(?P<unit>km|kilometres|kilometers|kilometre|kilometer|miles|"
            r"mile)\b"
        ),
    ),
    ("tally", re.compile(rf"\b{NUMBER}\s+(?P<unit>in favou?r|against|abstentions?|abstained|for)\b")),
    (
        "count",
        re.compile(
            rf"\b{NUMBER}{SCALE}(?:\s+|-)(?:[a-z-]+\s+)?"
            rf"(?P<unit>{alternation(COUNT_NOUNS.split('|'))})\b"
        ),
    ),
]


@dataclass
class Amount:
    text: str
    start: int
    end: int
    value: float | int
    unit: str
    measures: str
    countries: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if v not in (None, [])}
        return data


def number(match: re.Match) -> float | int:
    """The value of the number matched, times its scale (million, bn)."""
    word = match["n"].lower()
    value = float(WORD_NUMBERS[word]) if word in WORD_NUMBERS else float(match["n"].replace(",", ""))
    scale = match.groupdict().get("scale")
    if scale:
        value *= SCALES[scale.lower()]
    return int(value) if value.is_integer() else value


NUMBER_AT = re.compile(r"\b(?=\d|(?i:" + alternation(WORD_NUMBERS) + r")(?![\w-]))")


def matches(pattern: re.Pattern, text: str, starts: list[int]):
    """The matches of `pattern` in `text`, as finditer finds them, for a pattern that begins with a number at a word
    boundary: tried only where a number begins (found once for all the patterns)."""
    if not pattern.pattern.startswith("\\b(?P<n>"):
        yield from pattern.finditer(text)
        return
    reach = 0
    for start in starts:
        if start >= reach:
            match = pattern.match(text, start)
            if match:
                reach = max(match.end(), start + 1)
                yield match


def find_amounts(text: str, sentences: Sentences, mentions: Index[Mention]) -> list[Amount]:
    """Every number with a unit, in the order of the text; the first pattern to claim a span keeps it."""
    found: list[Amount] = []
    taken = Taken(len(text))
    starts = [m.start() for m in NUMBER_AT.finditer(text)]
    for kind, pattern in PATTERNS:
        for match in matches(pattern, text, starts):
            start, end = match.start(), match.end()
            if not taken.free(start, end):
                continue
            if (
                kind in ("count", "tally")
                and re.fullmatch(r"(?:1[89]|20)\d\d", match["n"])
                and match["unit"] in ("for", "against")
            ):
                continue
            sentence = sentences.of(start)
            amount = measure(kind, match, text, sentence, mentions)
            found.append(amount)
            taken.add(start, end)
    return sorted(found, key=lambda a: a.start)


def measure(kind: str, match: re.Match, text: str, sentence: Sentence, mentions: Index[Mention]) -> Amount:
    """The amount a match states, with its unit and what it measures (a border's length in its sentence)."""
    value = number(match)
    start, end = match.start(), match.end()
    if kind == "money":
        currency = match["cur"]
        unit = CURRENCY_SIGNS.get(currency) or CURRENCY_WORDS[currency.lower()]
        return Amount(text[start:end], start, end, value, unit, "money")
    if kind == "percent":
        return Amount(text[start:end], start, end, value, "percent", "share")
    if kind == "distance":
        unit = "km" if match["unit"].startswith("k") else "miles"
        amount = Amount(text[start:end], start, end, value, unit, "distance")
        if "border" in sentence.text.lower():
            countries = [m for m in mentions.within(sentence.start, sentence.end) if m.kind == "country"]
            after = [m for m in countries if m.start > end]
            before = [m for m in countries if m.start < start]
            pair = []
            if before:
                pair.append(before[0].iso3)
            if after and after[0].iso3 not in pair:
                pair.append(after[0].iso3)
            amount.measures = "border length"
            amount.countries = pair
        return amount
    if kind == "tally":
        word = match["unit"].lower()
        side = "yes" if word in ("for", "in favour", "in favor") else "no" if word == "against" else "abstain"
        return Amount(text[start:end], start, end, value, "votes", f"votes {side}")
    unit = match["unit"].lower()
    unit = {"vote": "votes", "member": "members"}.get(unit, unit)
    return Amount(text[start:end], start, end, value, unit, unit)
