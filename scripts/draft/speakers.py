"""Who a noun phrase names, for the subject of a reporting or event verb: a person (by name, pronoun or role), an
organisation (by name or "the ministry"), a state ("the United States government", "Moscow"), or a description of
people that is kept as written ("a senior EU diplomat"). Never a number, a date or a slogan."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .lexicon import NOT_NAMES, Lexicon
from .mentions import Mention
from .roles import Role, described_person, head_of_person
from .spans import Index, Sentences

PRONOUNS = {"he", "she", "they", "it", "we", "i"}
GOVERNMENT = re.compile(
    r"\b(?:government|authorities|side|leadership|administration|cabinet|delegation|"
    r"presidency|(?:foreign\s+)?ministry)\b",
    re.I,
)
OWN_GOVERNMENT = re.compile(
    r"\b(?:its|their)\s+(?:foreign\s+|defen[cs]e\s+|interior\s+)?(?:government|authorities|leadership|"
    r"administration|cabinet|ministry|presidency)\b",
    re.I,
)
ORG_ANAPHORS = re.compile(
    r"^(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(ministry|department|agency|office|government|embassy|"
    r"council|commission|alliance|bank|organisation|organization|bloc|union|presidency|"
    r"committee|kremlin|service|statement|company|group|headquarters|court|party|firm|consortium|operator|"
    r"corporation|producer)\b",
    re.I,
)
COMPANY_HEADS = {"company", "firm", "consortium", "operator", "corporation", "producer", "group"}
CORPORATE = re.compile(
    r"\b(?:corp|corporation|inc|ltd|llc|plc|pjsc|ojsc|jsc|ag|sa|nv|company|co|consortium|group|holding|holdings|"
    r"oil|gas|energy|petroleum|airlines?|motors|mining|telecom)\b\.?",
    re.I,
)
PEOPLE = re.compile(
    r"\b(?:officials?|sources?|diplomats?|people|protesters|residents|analysts|experts|observers|"
    r"hosts|commentators|bloggers|pundits|propagandists|media|newspapers?|broadcasters?|"
    r"critics|lawmakers|leaders|ministers|negotiators|spokes(?:man|woman|person)|aides?|insiders?|"
    r"activists|witnesses|representatives?|delegates|envoys?|commanders?|soldiers|troops|officers?|"
    r"investigators|prosecutors?|judges?|voters|campaigners|organisers|organizers|police|"
    r"demonstrators|crowds?|"
    r"ministers|sides|parties|delegations|governments|countries|allies|partners)\b",
    re.I,
)
BOUNDARY = re.compile(
    r"[;:“”\"()—–]|\s-+\s|,\s|\b(?:that|which|who|whom|whose|when|while|after|before|because|"
    r"as|but|if|"
    r"although|though|since|where|whereas|so|until|unless|once)\b",
    re.I,
)
TRAILING = re.compile(
    r"\s+(?:also|later|again|separately|previously|then|now|further|earlier|has|have|had|was|were|"
    r"is|are|would|will|could|can|may|might|must|should|shall|did|does|do|not|never|jointly|"
    r"repeatedly|reportedly|already|still|just|once|formally|officially|publicly|quickly|swiftly|"
    r"overwhelmingly|strongly|firmly|again|(?:is|are|was|were)\s+(?:due|set|expected|scheduled|"
    r"going|about)\s+to|plans?\s+to|planned\s+to|intends?\s+to|hopes?\s+to|wants?\s+to|"
    r"(?:is|are|was|were)\s+to|(?:has|have|had)\s+been|on\s+\w+|last\s+\w+|this\s+\w+|"
    r"in\s+a\s+(?:statement|post|speech|interview|letter|briefing)(?:\s+on\s+\w+)?)$",
    re.I,
)
ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Adm|St|Prof|Capt|Sgt|Jr|Sr|Amb|Pres|No|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\."
)


def unstopped(text: str) -> str:
    """The text with the full stops of abbreviations ("Mr.", "U.S.", "Feb.") blanked, offsets kept."""
    return ABBREVIATION.sub(lambda m: m.group()[:-1] + " ", text)


NO_ROLE = re.compile(r"(?!)")
CLAUSE_OPENER = re.compile(
    r"^(?:[^,]*\s)?(?:while|whereas|and|but|as|when|although|though|because|since|if)\s+(?=[A-Z])"
)
RELATIVE = re.compile(r"(?:who|whom|whose|which)\s")
WINDOW = 240  # characters of a clause searched for a subject


@dataclass(frozen=True)
class Written:
    """A speaker that is no mention, as the article writes it ("a senior EU diplomat")."""

    text: str
    start: int
    end: int


@dataclass
class Scene:
    """What attribution consults: the text, its sentences and mentions, the people's roles and the lexicon."""

    text: str
    sentences: Sentences
    mentions: Index[Mention]
    roles: dict[str, Role]
    lex: Lexicon


def subject_span(text: str, start: int, verb: int, roles: re.Pattern | None = None) -> tuple[int, int]:
    """The noun phrase right before a verb at `verb` ("the United States government" in "..., the United States
    government said"): back to the nearest clause boundary, without adverbs before the verb and without an
    apposition between commas ("Dmitry Peskov, spokesman for Vladimir Putin, said")."""
    start = max(start, verb - WINDOW)
    segment = text[start:verb].rstrip()
    while True:
        trailing = TRAILING.search(segment)
        if not trailing:
            break
        segment = segment[: trailing.start()].rstrip()
    if segment.endswith(","):
        segment = head_before_appositions(segment, roles or NO_ROLE)
    edges = list(BOUNDARY.finditer(segment))
    begin = edges[-1].end() if edges else 0
    while begin < len(segment) and segment[begin].isspace():
        begin += 1
    return start + begin, start + len(segment)


def head_before_appositions(segment: str, roles: re.Pattern) -> str:
    """ "Sen. Mitch McConnell of Kentucky, the minority leader, who has …, called": the subject is the last piece
    between commas that does not read as an apposition or a relative clause (those open in lower case, or end in a
    role: "Dmitri S. Peskov, Mr. Putin’s spokesman, told")."""
    pieces = segment[:-1].split(", ")
    relative = next((i for i, p in enumerate(pieces) if i and RELATIVE.match(p)), None)
    if relative is not None:  # "X, who met Y in Riyadh, Saudi Arabia, last week, called": X before the clause
        pieces = pieces[:relative]
    for index in range(len(pieces) - 1, -1, -1):
        piece = CLAUSE_OPENER.sub("", pieces[index].strip())  # "while Hikmet Hajiyev, an adviser to …, wrote"
        if re.search(r"[;:“”\"]", piece):
            break
        last = piece.split()[-1] if piece.split() else ""
        if (
            piece[:1].isupper()
            and not re.match(r"(?:The|A|An)\s+[a-z]", piece)
            and not (index and roles.fullmatch(last))
            or index == 0
        ):
            return ", ".join(pieces[: index + 1])
    return segment[:-1]


def interpret(scene: Scene, start: int, end: int, exclude: tuple[int, int] = (0, 0)) -> Mention | Written | None:
    """Who the noun phrase text[start:end] names; None when it names no one (a number, a place, a clause)."""
    phrase = scene.text[start:end].strip()
    if not phrase or len(phrase) > 160:
        return None
    inside = [m for m in scene.mentions.within(start, end) if m.kind in ("person", "organisation", "country")]
    own = [m for m in inside if not possessive(scene.text, m)]
    people = [m for m in own if m.kind == "person"]
    if people:
        return people[0]
    words = phrase.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return pronoun_antecedent(scene, start, words[0].lower(), exclude)
    person = described_person(phrase, start, scene.mentions, scene.roles, scene.lex)
    person = person or head_of_person(phrase, start, scene.mentions, scene.roles)
    if person is not None:
        return person
    organisations = [m for m in own if m.kind == "organisation"]
    if organisations:
        return organisations[0]
    return state_or_description(scene, phrase, start, end, inside, exclude)


def state_or_description(
    scene: Scene, phrase: str, start: int, end: int, inside: list[Mention], exclude: tuple[int, int]
) -> Mention | Written | None:
    """A state speaking ("Kazakhstan", "Moscow", "the United States government"), an organisation referred back to
    ("the ministry"), or a description of people kept as written."""
    countries = [m for m in inside if m.kind == "country"]
    role_words = scene.lex.role_re.search(phrase) or PEOPLE.search(phrase)
    bare = re.sub(r"^the\s+", "", phrase, flags=re.I)
    if countries and not role_words and (GOVERNMENT.search(phrase) or bare == countries[0].text):
        return countries[0]
    if not countries and not role_words and OWN_GOVERNMENT.search(phrase):
        state = state_referred_back(scene, start, exclude)
        if state is not None:
            return state
    anaphor = ORG_ANAPHORS.search(phrase)
    if anaphor and not role_words:
        referred = organisation_referred_back(scene, anaphor.group(1).lower(), start, exclude)
        if referred is not None:
            return referred
    if (role_words or anaphor) and len(phrase.split()) <= 8 and not re.search(r"\d", phrase):
        return Written(re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I), start, end)
    words = phrase.split()
    if len(words) <= 3 and all(w[:1].isupper() and w.isalpha() and w not in NOT_NAMES for w in words):
        return Written(phrase, start, end)  # a name the mentions do not know ("Garik")
    return None


def organisation_referred_back(scene: Scene, head: str, at: int, exclude: tuple[int, int]) -> Mention | None:
    """The organisation "the ministry" or "the company" refers to: the latest named before whose name holds the
    word; for "the company" (or firm, consortium …) with no such name, the company named most often so far (the
    story's subject rather than the shareholders listed beside it), the latest of equals."""
    named = [
        m for m in reversed(scene.mentions.before(at, 4000)) if m.kind == "organisation" and not inside_span(m, exclude)
    ]
    for mention in named:
        if head in mention.text.lower():
            return mention
    companies = [m for m in named if CORPORATE.search(m.name or m.text)] if head in COMPANY_HEADS else []
    if not companies:
        return None
    counts = Counter(m.name or m.text for m in companies)
    return max(companies, key=lambda m: counts[m.name or m.text])


def state_referred_back(scene: Scene, at: int, exclude: tuple[int, int]) -> Mention | None:
    """The state that "its foreign ministry" or "their government" belongs to: the latest state named before, unless
    an organisation was named after it."""
    for mention in reversed(scene.mentions.before(at, 1500)):
        if inside_span(mention, exclude):
            continue
        if mention.kind == "country":
            return mention
        if mention.kind == "organisation":
            return None
    return None


def possessive(text: str, mention: Mention) -> bool:
    return (
        text[mention.end : mention.end + 2] in ("’s", "'s")
        or text[mention.end : mention.end + 1] == "’"
        and text[mention.end - 1 : mention.end] == "s"
    )


def inside_span(mention: Mention, span: tuple[int, int]) -> bool:
    return span[0] <= mention.start < span[1]


def pronoun_antecedent(scene: Scene, at: int, pronoun: str, exclude: tuple[int, int]) -> Mention | None:
    """Who "he", "she" or "it" refers to: the first person of a fitting gender in the nearest sentence before `at`
    that names one (quoted words do not count); "it" is the latest organisation. Other pronouns: None."""
    if pronoun == "it":
        for mention in reversed(scene.mentions.before(at, 3000)):
            if mention.kind == "organisation" and not inside_span(mention, exclude):
                return mention
        return None
    if pronoun not in ("he", "she"):
        return None
    gender = "m" if pronoun == "he" else "f"
    sentence = scene.sentences.of(at)
    for _ in range(12):
        people = [
            m
            for m in scene.mentions.within(sentence.start, min(sentence.end, at))
            if m.kind == "person" and m.gender in (None, gender) and not inside_span(m, exclude)
        ]
        if people:
            return people[0]
        sentence = scene.sentences.previous(sentence)
        if sentence is None:
            return None
    return None
