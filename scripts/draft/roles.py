"""People's roles: as the article gives them, before the name ("Uzbek Foreign Minister Bakhtiyor Saidov") or after
it ("Jane Doe, a political analyst at the Carnegie Endowment"), and as the actor registry records them; and a
description ("the minister", "Kazakhstan's top diplomat", "the senator") resolved to the person it describes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon
from .mentions import Mention
from .spans import Index

STOP = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "with",
    "by",
    "to",
    "from",
    "in",
    "on",
    "at",
    "for",
    "as",
    "that",
    "who",
    "which",
    "when",
    "while",
    "after",
    "before",
    "including",
    "between",
    "among",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "said",
    "says",
    "told",
    "tells",
    "met",
    "meets",
    "meeting",
    "according",
    "than",
    "also",
    "then",
    "is",
    "was",
    "were",
    "are",
    "has",
    "had",
    "have",
    "be",
    "been",
    "not",
    "said:",
    "if",
    "where",
    "whose",
    "whom",
    "what",
    "how",
    "why",
    "there",
    "here",
    "into",
    "onto",
    "upon",
    "against",
    "under",
    "over",
}
APPOSITION = re.compile(r"\s*,\s+(?P<role>(?:(?:the|a|an)\s+)?[\w.’'-][^,.;:“”\"()\n]{2,110}?)\s*(?=[,.;:)\n]|$)")
QUALIFIERS = {
    "foreign",
    "defence",
    "defense",
    "finance",
    "prime",
    "deputy",
    "vice",
    "economy",
    "energy",
    "interior",
    "trade",
    "justice",
    "first",
    "health",
    "education",
    "agriculture",
    "transport",
    "assistant",
}
OFFICE_WORDS = {  # lower-case words of a title before a name, besides the lexicon's role nouns and QUALIFIERS
    "of",
    "for",
    "to",
    "the",
    "and",
    "special",
    "top",
    "senior",
    "former",
    "acting",
    "permanent",
    "opposition",
    "presidential",
    "national",
    "security",
    "press",
    "state",
    "political",
    "military",
    "managing",
    "regional",
}
DEFINITE = re.compile(r"^(?:the\s+|[A-Z][\w.-]*(?:['’]s)\s+|[A-Z][\w.-]*\s+)", re.I)
MAX_BEFORE = 90  # characters before a name searched for its title


@dataclass(frozen=True)
class Role:
    """What a person is, in words: the role as written and the state it belongs to, when known."""

    text: str
    iso3: str | None = None


def trailing_title(text: str, start: int, lex: Lexicon) -> str:
    """The words right before a name that can form its title ("US Secretary of State", "opposition leader")."""
    window = text[max(0, start - MAX_BEFORE) : start]
    window = re.split(r"[;:()“”\"\n]|,\s", window)[-1]
    words = window.split()
    kept: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        bare = word.lower().strip("’'")
        if bare == "the" and index and words[index - 1] in ("of", "to", "for"):
            kept.insert(0, word)  # "Minister of Foreign Affairs of the Kyrgyz Republic", "Representative to the UN"
            continue
        named = [w for w in kept if w != "the"][:1]  # the capitalised words a connector joins to the title
        if (
            bare in ("of", "for", "to")
            and index
            and words[index - 1][:1].isupper()
            and named
            and named[0][:1].isupper()
        ):
            kept.insert(0, word)  # "Special Representative for Central Asia", "Ambassador to Russia"
            continue
        stops = word[-1:] in ",." and word not in ("U.S.", "U.N.", "U.K.", "E.U.")
        if bare in STOP or not any(char.isalpha() for char in word) or stops or word[:1] in "‘'":
            break
        kept.insert(0, word)
    return " ".join(title_words(kept, lex))


def title_words(kept: list[str], lex: Lexicon) -> list[str]:
    """The words of a title, from the last lower-case word that is no office word on ("the Kremlin's answer would
    show whether President" gives "President"; "Kazakh foreign minister" stays whole)."""
    for index in range(len(kept) - 1, -1, -1):
        word = kept[index].lower().strip("’'")
        office = word in OFFICE_WORDS or word in QUALIFIERS or word in lex.role_nouns
        if kept[index][:1].islower() and not office and word.isalpha():
            if any(w[:1].isupper() for w in kept[index + 1 :]):
                return kept[index + 1 :]
    return kept


def role_before(text: str, mention: Mention, lex: Lexicon) -> str | None:
    """The title right before the name, or a description before it and a comma ("the head of the Kharkiv Regional
    Military Administration, Oleh Syniehubov,")."""
    title = trailing_title(text, mention.start, lex)
    if title and lex.role_re.search(title):
        return title
    window = text[max(0, mention.start - MAX_BEFORE - 40) : mention.start]
    if not window.endswith(", "):
        return None
    piece = re.split(r"[;:()“”\"\n]|,\s|\b(?:said|says|told|that|and|but)\s", window[:-2])[-1].strip()
    piece = re.sub(r"^(?:the|a|an)\s+", "", piece, flags=re.I)
    words = piece.split()
    if not words:
        return None
    described = lex.role_re.fullmatch(words[-1]) or (lex.role_re.search(" ".join(words[:4])) and piece[:1].islower())
    return piece if described else None


def role_after(text: str, mention: Mention, lex: Lexicon) -> str | None:
    """ ", a political analyst at the Carnegie Endowment," after the name: the role, without its article."""
    found = APPOSITION.match(text, mention.end, min(len(text), mention.end + 130))
    if not found:
        return None
    role = found.group("role")
    head = " ".join(role.split()[:6])
    if not lex.role_re.search(head) or re.match(r"(?:who|which|where|said|says|told|added)\b", role):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", role)


def role_country(role: str, lex: Lexicon) -> str | None:
    """The state a role belongs to ("Kazakh Foreign Minister" → KAZ, "U.S. Secretary of State" → USA)."""
    for match in lex.country_re.finditer(role):
        word = match.group()
        if word in lex.countries:
            return lex.countries[word]
        if word in lex.capitals:
            return lex.capitals[word]
    return None


def assign_roles(text: str, mentions: list[Mention], lex: Lexicon) -> dict[str, Role]:
    """The role of each person of the article, by the person's fullest name: the first role the article gives (before
    or after any mention of the name), else the registry's; each mention is given its person's role."""
    roles: dict[str, Role] = {}
    for mention in mentions:
        if mention.kind != "person" or mention.name in roles:
            continue
        role = role_before(text, mention, lex) or role_after(text, mention, lex)
        if role:
            roles[mention.name] = Role(role, role_country(role, lex) or lex.actor_iso3.get(mention.id or ""))
    for mention in mentions:
        if mention.kind == "person" and mention.name not in roles and mention.id in lex.actor_roles:
            roles[mention.name] = Role(lex.actor_roles[mention.id], lex.actor_iso3.get(mention.id))
    for mention in mentions:
        if mention.kind == "person" and mention.name in roles:
            mention.role = roles[mention.name].text
    return roles


@dataclass(frozen=True)
class Description:
    """A description of a person ("the Kazakh foreign minister"): its head noun, the office words it names and
    the state it names."""

    head: str
    qualifiers: frozenset[str]
    iso3: str | None


def describe(phrase: str, lex: Lexicon) -> Description | None:
    """The description a definite noun phrase gives ("the minister", "Kazakhstan's top diplomat"), or None."""
    phrase = phrase.strip()
    heads = list(lex.role_re.finditer(phrase))
    if not heads or not DEFINITE.match(phrase) or re.match(r"(?:a|an|one|some|two|three|several)\s", phrase, re.I):
        return None
    head = (
        heads[-1].group().lower().rstrip("s")
        if heads[-1].group().lower() not in lex.role_nouns
        else heads[-1].group().lower()
    )
    if head not in lex.role_nouns:
        return None
    words = {w.lower().strip("’'s") for w in phrase[: heads[-1].start()].split()}
    return Description(head, frozenset(words & QUALIFIERS), role_country(phrase, lex))


def fits(description: Description, role: Role, lex: Lexicon) -> bool:
    """Whether a person's role is what the description says."""
    written = role.text.lower()
    if not any(re.search(rf"\b{re.escape(word)}", written) for word in lex.role_nouns[description.head]):
        return False
    if any(word not in written for word in description.qualifiers):
        return False
    return not (description.iso3 and role.iso3 and description.iso3 != role.iso3)


def described_person(
    phrase: str, at: int, mentions: Index[Mention], roles: dict[str, Role], lex: Lexicon
) -> Mention | None:
    """The person of the article named before `at` whose role fits the description (the latest such mention)."""
    description = describe(phrase, lex)
    if description is None:
        return None
    for mention in reversed(mentions.before(at, 6000)):
        if mention.kind == "person" and mention.name in roles and fits(description, roles[mention.name], lex):
            return mention
    return None


HEAD_OF = re.compile(
    r"^(?:the\s+)?(?:head|chief|leader|chair(?:man|woman|person)?|director)\s+of\s+(?:the\s+)?(?P<body>[^,;]{3,60})$",
    re.I,
)


def head_of_person(phrase: str, at: int, mentions: Index[Mention], roles: dict[str, Role]) -> Mention | None:
    """The person named before `at` who heads the body a phrase names ("the head of the Foreign Ministry" is the
    person whose role is "Minister of Foreign Affairs …" or "Foreign Minister"): the words of the body, cut to their
    first five letters, all in the role."""
    found = HEAD_OF.match(phrase.strip())
    if not found:
        return None
    stems = {word.lower()[:5] for word in re.findall(r"[A-Za-z]{3,}", found.group("body"))} - {"the", "and", "of"}
    for mention in reversed(mentions.before(at, 6000)):
        if mention.kind == "person" and mention.name in roles:
            written = {word.lower()[:5] for word in re.findall(r"[A-Za-z]{3,}", roles[mention.name].text)}
            if stems and stems <= written:
                return mention
    return None
