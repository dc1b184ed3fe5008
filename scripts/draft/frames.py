"""Verb frames: the predicates of a sentence that state an event (a verb of sources/lexicon/event_verbs.csv used as a
verb, or an event noun made an event by its verb: "imposed sanctions", "launched an offensive"), with the actors
in the subject and object of that verb. A keyword elsewhere in the sentence ("to help them cope with the fallout
of Western sanctions") is no event; a sum of money given to help is aid."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.sentences import Sentence
from .mentions import Mention
from .speakers import Scene, Written, interpret, possessive, subject_span, unstopped

LIGHT = re.compile(
    r"\b(?:imposed?|imposes|imposing|announced?|announces|announcing|launched?|launches|launching|"
    r"held|holds?|holding|(?:had|has|have|having)(?=\s+(?:an?|the)\s)|began|begins?|beginning|"
    r"carried out|carr(?:y|ies) out|ordered|orders|sent|sends|sending|provided|provides|providing|"
    r"delivered|delivers|gave|gives|pledged|allocated|"
    r"conducted|conducts?|conducting|staged?|stages|staging|approved?|approves|adopted|adopts?|"
    r"unveiled|introduced|extended|expanded|paid|pays?|made|makes?|completed|mounted|stepped up|"
    r"resumed|agreed|signed|led|joined|hosted|hosts?|slapped|levied|started|starts?|opened|"
    r"organi[sz]ed|wrapped up|concluded|kicked off|intensified|escalated)"
    r"\s+(?:[\w’'-]+\s+){0,5}$",
    re.I,
)
NOMINAL_BEFORE = {
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "of",
    "for",
    "against",
    "on",
    "after",
    "before",
    "amid",
    "despite",
    "over",
    "about",
    "with",
    "by",
    "from",
    "in",
    "into",
    "during",
    "following",
    "since",
    "new",
    "further",
    "fresh",
    "any",
    "no",
    "more",
    "such",
    "western",
    "economic",
    "latest",
    "previous",
    "first",
    "second",
    "last",
    "next",
    "and",
    "or",
    "to",
}
GIVE = re.compile(
    r"\b(?P<verb>pledged|pledges|pledging|promised|announced|announces|provided|provides|providing|"
    r"allocated|approved|granted|gave|gives|sent|offered|committed|unveiled|earmarked|donated|"
    r"will provide|would provide|to provide)\b(?=[^.;:]{0,60}$)",
    re.I,
)
AID_KINDS = [
    ("073", re.compile(r"\b(?:humanitarian|food|medical|medicine|relief|refugees?|shelter|winter)\b", re.I)),
    ("072", re.compile(r"\b(?:military|weapons?|arms|ammunition|defen[cs]e|missiles?|tanks|artillery)\b", re.I)),
    (
        "071",
        re.compile(
            r"\b(?:economic|economy|budget|cope|sanctions|loans?|grants?|energy|reconstruction|"
            r"development|trade|investment|financial|businesses)\b",
            re.I,
        ),
    ),
]
AID_CUE = re.compile(
    r"\b(?:aid|assistance|help|support|relief|grants?|loans?|funding|to cope|to rebuild|"
    r"humanitarian)\b",
    re.I,
)
FILLER_STOP = {
    "after",
    "before",
    "on",
    "in",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "against",
    "over",
    "during",
    "since",
    "amid",
    "despite",
    "that",
    "which",
    "who",
    "and",
    "or",
    "but",
    "as",
    "than",
    "while",
    "into",
}
VERBAL_BEFORE = {
    "to",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "shall",
    "should",
    "did",
    "does",
    "do",
    "not",
    "also",
    "then",
    "later",
    "again",
    "now",
    "jointly",
    "repeatedly",
    "reportedly",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "who",
    "which",
    "that",
    "and",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "never",
    "already",
    "overnight",
    "once",
    "first",
}
MODIFIED = re.compile(r"(?!(?:forces|troops|authorities|officials|leaders|ministers|diplomats|peacekeepers)$)[a-z]+s")
GERUND_BEFORE = {"after", "before", "since", "while", "by", "without", "on", "upon"}  # "before leaving for …"
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+$", re.I)


@dataclass(frozen=True)
class Predicate:
    """A verb (or verb and event noun) at text[start:end] with its code."""

    start: int
    end: int
    entry: dict
    how: str  # verb | light verb and noun | aid frame


@dataclass
class Frame:
    predicate: Predicate
    source: Mention | Written | None
    target: Mention | None
    start: int  # the clause that states the event: from the subject to the object
    end: int


def predicates(scene: Scene, sentence: Sentence, quoted) -> list[Predicate]:
    """The event predicates of a sentence outside quotations (one scan for every word of the dictionary), the aid
    frames first, then the rows of the dictionary in its order, one predicate per span of text."""
    found = [(-1, p) for p in aid_predicates(scene, sentence, quoted)]
    rows = scene.lex.event_verbs
    for match in scene.lex.event_re.finditer(sentence.text):
        if quoted(sentence.start + match.start()):
            continue
        for word in readings(match.group().lower(), scene.lex.event_entries):
            span = re.match(re.escape(word), match.group(), re.I)
            for entry in scene.lex.event_entries[word]:
                predicate = (
                    verbal(scene, sentence, span, match.start(), entry)
                    if entry["form"] == "verb"
                    else nominal(scene, sentence, span, match.start(), entry)
                )
                if predicate is not None:
                    found.append((rows.index(entry), predicate))
    kept: list[Predicate] = []
    for _, predicate in sorted(found, key=lambda item: item[0]):
        if not any(p.start < predicate.end and predicate.start < p.end for p in kept):
            kept.append(predicate)
    return sorted(kept, key=lambda p: p.start)


def readings(words: str, entries: dict[str, list[dict]]) -> list[str]:
    """The dictionary words a match can be read as: itself, and its first words when they are words of the
    dictionary too ("meeting with" is also "meeting", a noun made an event by "held a")."""
    parts = words.split()
    return [" ".join(parts[:n]) for n in range(len(parts), 0, -1) if " ".join(parts[:n]) in entries]


def verbal(scene: Scene, sentence: Sentence, match: re.Match, offset: int, entry: dict) -> Predicate | None:
    """A verb of the dictionary used as a verb: not after an article, a possessive or a preposition ("the attack",
    "Russia's invasion", "of Western sanctions"); "meeting" only before the one met."""
    before = sentence.text[max(0, offset - 30) : offset].split()
    previous = before[-1].lower().strip(",") if before else ""
    word = match.group().lower()
    start, end = sentence.start + offset, sentence.start + offset + match.end()
    if word in ("meeting", "meeting with"):
        if not meeting_with(scene, sentence, offset, end, previous):
            return None
    elif not (word.split()[0].endswith("ing") and previous in GERUND_BEFORE) and reads_as_noun(
        scene, word, previous, start, entry
    ):
        return None
    elif word.split()[0].endswith("ing") and MODIFIED.fullmatch(previous) and previous not in VERBAL_BEFORE:
        return None  # "migrant workers returning from Russia": a participle that describes people, no actor
    if not has_object(scene, entry, start, end):
        return None
    return Predicate(start, end, entry, "verb")


def meeting_with(scene: Scene, sentence: Sentence, offset: int, end: int, previous: str) -> bool:
    """ "after meeting X", "meeting with X", and "after a meeting with his counterpart X" report a meeting that took
    place; "the meeting" and "during the meeting" name one."""
    if previous.endswith(("’s", "'s")):
        return False
    if previous in NOMINAL_BEFORE - {"after", "before", "and", "since"}:
        before = sentence.text[max(0, offset - 30) : offset]
        if not re.search(r"\b(?:after|following|before)\s+(?:a|an)\s+$", before, re.I):
            return False
    rest = scene.text[end : end + 60]
    near = re.match(r"\s+(?:with\s+)?(?:(?:his|her|their|the|its)\s+)?(?:[\w-]+\s+){0,3}", rest)
    found = (scene.mentions.at(end + at) for at in range(1, (near.end() if near else 1) + 1))
    return any(m is not None and m.kind in ("person", "organisation", "country") for m in found)


def compound(scene: Scene, word: str, entry: dict, start: int) -> bool:
    """A verb form in -s after the object it would take is a noun of a compound ("oil exports", "gas supplies"),
    unlike a subject before its verb ("people gathered")."""
    if entry.get("object_re") is None or not word.endswith("s"):
        return False
    word = re.search(r"([\w-]+)\s+$", scene.text[max(0, start - 30) : start])
    return bool(word) and bool(entry["object_re"].fullmatch(word.group(1)))


def reads_as_noun(scene: Scene, word: str, previous: str, start: int, entry: dict) -> bool:
    """A verb form after an article, a possessive or a preposition ("the attack", "Russia's strikes"), or one that is as
    often a noun with no subject or auxiliary right before it ("artillery shells")."""
    if (
        previous in NOMINAL_BEFORE - {"to", "and"}
        or previous.endswith(("’s", "'s"))
        or compound(scene, word, entry, start)
    ):
        return True
    if previous == "to" and word.endswith(("s", "ion")):
        return True
    return word in entry["ambiguous"] and previous not in VERBAL_BEFORE and scene.mentions.at(start - 2) is None


def has_object(scene: Scene, entry: dict, start: int, end: int) -> bool:
    """The object an entry needs near it ("released 95 prisoners"; an "exchange" of views is no release)."""
    return entry.get("object_re") is None or bool(
        entry["object_re"].search(scene.text, max(0, start - 30), min(len(scene.text), end + 60))
    )


def nominal(scene: Scene, sentence: Sentence, match: re.Match, offset: int, entry: dict) -> Predicate | None:
    """An event noun made an event by the verb before it ("imposed new sanctions", "launched an offensive")."""
    window = sentence.text[max(0, offset - 70) : offset]
    light = LIGHT.search(window)
    if light is None or re.search(r"[,;:“”\"]", window[light.start() :]) or not verb_case(window, light.start()):
        return None
    fillers = window[light.start() :].split()[1:]
    if any(word.lower() in FILLER_STOP for word in fillers):
        return None
    start, end = sentence.start + offset - len(window) + light.start(), sentence.start + offset + match.end()
    if not has_object(scene, entry, start, end):
        return None
    if entry.get("plover") == "AID":
        entry = {**entry, "cameo": aid_kind(sentence.text)}
    return Predicate(start, end, entry, "light verb and noun")


def verb_case(window: str, at: int) -> bool:
    """A verb is written in lower case inside a sentence ("the New START nuclear arms treaty" holds no verb)."""
    return window[at].islower() or not window[:at].strip()


def aid_kind(text: str) -> str:
    """Economic (071), military (072) or humanitarian (073) aid, by the words that say what it is for."""
    return next((code for code, cue in AID_KINDS if cue.search(text)), "070")


def aid_predicates(scene: Scene, sentence: Sentence, quoted) -> list[Predicate]:
    """ "pledged $25 million to help them cope with …": money given to help is aid (CAMEO 07x), whatever else the
    sentence names."""
    found = []
    for money in re.finditer(
        r"(?:US\$|\$|€|£)\s?\d[\d,.]*\s*(?:million|billion|bn|m)?|\b\d[\d,.]*\s*(?:million|"
        r"billion)\s+(?:dollars|euros|pounds)",
        sentence.text,
    ):
        give = GIVE.search(sentence.text, max(0, money.start() - 60), money.start())
        clause = sentence.text[money.start() : money.start() + 120]
        if (
            give is None
            or quoted(sentence.start + give.start())
            or not (AID_CUE.search(clause) or AID_CUE.search(give.group()))
        ):
            continue
        entry = {"cameo": aid_kind(sentence.text), "plover": "AID", "label": "Provide aid", "form": "verb"}
        found.append(Predicate(sentence.start + give.start(), sentence.start + money.end(), entry, "aid frame"))
    return found


NEGATED = re.compile(
    r"(?:\b(?:not|never|no longer)\s+(?:\w+\s+)?|n['’]t\s+(?:\w+\s+)?)$|^(?:none|no|neither|nobody)\b", re.I
)


def negated(scene: Scene, start: int, end: int) -> bool:
    """ "None of the five countries has condemned", "has not yet signed": no event took place."""
    return bool(NEGATED.search(scene.text[start:end].strip() + " ")) or bool(
        NEGATED.search(scene.text[max(start, end - 20) : end])
    )


def frame_of(scene: Scene, sentence: Sentence, predicate: Predicate) -> Frame | None:
    """The predicate with its subject (the actor that acts) and object (the actor acted on); None when negated."""
    start, end = subject_span(scene.text, sentence.start, predicate.start, scene.lex.role_re)
    if negated(scene, start, predicate.start):
        return None
    source = interpret(scene, start, end) if end > start else None
    if isinstance(source, Mention) and source.kind == "country" and not acts(scene, source, end):
        source = None
    if source is None:
        source = (
            governing_subject(scene, sentence, predicate)
            or relative_antecedent(scene, sentence, predicate)
            or main_subject(scene, sentence, predicate)
        )
    target = object_of(scene, sentence, predicate, source)
    passive = PASSIVE.search(scene.text, max(sentence.start, predicate.start - 12), predicate.start)
    agent = re.match(r"\s+by\s+", scene.text[predicate.end : predicate.end + 5])
    if passive and agent and target is not None:
        source, target = target, source if isinstance(source, Mention) else None
    first = min([m.start for m in (source, target) if m is not None and m.start >= sentence.start] + [predicate.start])
    last = max([m.end for m in (target,) if m is not None] + [predicate.end])
    return Frame(predicate, source, target, first, last)


def acts(scene: Scene, mention: Mention, end: int | None = None) -> bool:
    """A country word that acts ("Russia invaded", "the U.S. government pledged"), not one that modifies a noun
    ("Russian troops"), which is no actor."""
    rest = scene.text[mention.end : end if end is not None else mention.end + 40].strip()
    if end is not None and not rest:
        return True
    return not re.match(r"[a-z]", rest) or bool(
        re.match(
            r"(?:government|authorities|side|leadership|administration|parliament|legislature|court|military|army|"
            r"forces|troops|peacekeepers|police|navy|and|or|has|have|had|is|was|were|are|will|would|"
            r"also|on|in|at|to|with|as|but|said|says|did|does|could|can|may|must|should|then|later|again|which|who|"
            r"[a-z]+ed\b|[a-z]+s\b)",
            rest,
        )
    )


GOVERNED = re.compile(r"\s([a-z]+)\s+(?:after|before|following|while|without)\s+(?:(?:a|an|the)\s+)?$")


def governing_subject(scene: Scene, sentence: Sentence, predicate: Predicate) -> Mention | Written | None:
    """ "X said after a meeting with Y", "X met Y before leaving for Z": the event of an adverbial clause has the
    subject of the verb it follows."""
    begin = max(sentence.start, predicate.start - 160)
    verb = GOVERNED.search(scene.text, begin, predicate.start)
    if verb is None:
        return None
    start, end = subject_span(scene.text, sentence.start, verb.start(1), scene.lex.role_re)
    return interpret(scene, start, end) if end > start else None


def relative_antecedent(scene: Scene, sentence: Sentence, predicate: Predicate) -> Mention | None:
    """ "Kazakhstan, which … has been able to bolster": the actor a relative clause that holds the verb is about."""
    begin = max(sentence.start, predicate.start - 200)
    clause = scene.text[begin : predicate.start]
    found = None
    for match in re.finditer(r",\s+(?:which|who)\b", clause):
        found = match
    if found is None or re.search(r"[;“”\"]", clause[found.end() :]):
        return None
    comma = begin + found.start()
    for mention in reversed(scene.mentions.within(max(sentence.start, comma - 80), comma)):
        if mention.kind in ("person", "organisation", "country") and mention.end >= comma - 1:
            return mention
    return None


OPENING = re.compile(r"(?:[A-Z][a-z]+ing|After|Before|While|Following|Since|Upon|On|Having)\s[^,;]{1,160},\s")
MAIN_VERB = re.compile(
    r"\s(?:said|says|told|tells|added|announced|warned|met|has|had|have|is|was|will|would|"
    r"[a-z]+ed)\b"
)


def main_subject(scene: Scene, sentence: Sentence, predicate: Predicate) -> Mention | None:
    """The subject of the main clause for a participle or an opening clause ("After meeting X, Blinken said …",
    "…, pledging …"): the first actor after the opening clause, else the first actor of the sentence."""
    text = scene.text
    opening = OPENING.match(sentence.text)
    begin = (
        sentence.start + opening.end()
        if opening and sentence.start + opening.end() > predicate.start
        else sentence.start
    )
    if begin > sentence.start:
        head = MAIN_VERB.search(text, begin, min(sentence.end, begin + 100))
        named = interpret(scene, begin, head.start()) if head else None
        if isinstance(named, Mention):
            return named  # "Speaking after meeting …, the top US diplomat said"
    for mention in scene.mentions.within(begin, sentence.end):
        if mention.start >= predicate.start and begin == sentence.start:
            break
        if (
            mention.kind in ("person", "organisation")
            and not possessive(text, mention)
            or mention.kind == "country"
            and acts(scene, mention)
        ):
            return mention
    head = MAIN_VERB.search(text, sentence.start, min(sentence.end, sentence.start + 100))
    named = interpret(scene, sentence.start, head.start()) if head else None
    return named if isinstance(named, Mention) else None  # "The premier told … and accused …": the premier


def object_of(scene: Scene, sentence: Sentence, predicate: Predicate, source) -> Mention | None:
    """The first actor after the predicate, in its clause, that is not the subject."""
    rest = unstopped(scene.text[predicate.end : sentence.end])
    stop = re.search(
        r"[;.:“”\"]|,\s+(?:and|but|while|which|who|as|after|before|saying|adding)\b|\s(?:while|but|"
        r"which|who|whose|because|although)\s",
        rest,
    )
    end = predicate.end + (stop.start() if stop else len(rest))
    mentions = [
        m
        for m in scene.mentions.within(predicate.end, end)
        if m.kind in ("person", "organisation", "country") and not same_actor(m, source)
    ]
    for index, mention in enumerate(mentions):
        if predicate.how == "aid frame" and not re.search(
            r"\b(?:to|for|help)\s+(?:the\s+)?$", scene.text[max(0, mention.start - 12) : mention.start]
        ):
            continue  # "$25 million to help Kazakhstan", not "… of sanctions on Russia"
        person = next(
            (
                m
                for m in mentions[index + 1 : index + 2]
                if m.kind == "person" and not re.search(r"[,;:.()]", scene.text[mention.end : m.start])
            ),
            None,
        )
        if mention.kind == "country" and person is not None and person.start - mention.end < 40:
            return person  # "meeting Uzbek Foreign Minister Bakhtiyor Saidov": the minister
        return mention
    return None


def same_actor(mention: Mention, other) -> bool:
    if not isinstance(other, Mention):
        return False
    key = lambda m: m.id or m.iso3 or m.name or m.text  # noqa: E731
    return key(mention) == key(other)
