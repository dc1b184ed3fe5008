"""Quotations: every span between quotation marks (curly, straight, single, guillemets; nested; across line
breaks), told apart as full quote, partial quote or scare quote, with speaker, reporting verb and addressee."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.quotation import find_quote_spans
from .mentions import Mention
from .text import Sentence, sentence_of

SCARE_CUES = re.compile(
    r"(?:so-called|so called|dubbed|nicknamed|known as|the term|the word|the phrase|labell?ed|"
    r"branded|termed|billed as)\s*$",
    re.I,
)
FRAGMENT_VERBS = (
    "called",
    "calling",
    "calls",
    "described",
    "describing",
    "describes",
    "referred to",
    "dismissed",
    "denounced",
    "accused",
    "welcomed",
    "hailed",
    "condemned",
    "praised",
    "criticised",
    "criticized",
    "blasted",
    "slammed",
    "branded",
    "labelled",
    "labeled",
    "termed",
    "dubbed",
)
FRAGMENT_RE = re.compile(r"\b(?:" + "|".join(FRAGMENT_VERBS) + r")\b")
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
ORG_ANAPHORS = re.compile(
    r"^(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(ministry|department|agency|office|government|embassy|"
    r"council|commission|alliance|bank|organisation|organization|bloc|union|presidency|"
    r"committee|kremlin|service|spokes(?:man|woman|person)|statement)\b",
    re.I,
)


@dataclass(frozen=True)
class Verbs:
    """The reporting verbs, compiled once per draft: anywhere in a clause, and right before a noun phrase."""

    anywhere: re.Pattern
    leading: re.Pattern

    @classmethod
    def of(cls, alternation: str) -> Verbs:
        return cls(
            re.compile(rf"\b(?P<verb>{alternation})\b"),
            re.compile(rf"(?P<verb>{alternation})\s+(?P<np>[^,.;:“”\"]{{1,120}})"),
        )


@dataclass
class Quote:
    text: str
    start: int  # offsets of the text inside the marks
    end: int
    marks: str  # the opening and closing marks, e.g. “”
    kind: str = "full"  # full | partial | scare
    nested: bool = False
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    verb: str | None = None
    addressee: str | None = None
    addressee_id: str | None = None
    cue: str | None = None  # what decided the kind and the speaker

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def find_quotes(text: str, sentences: list[Sentence], mentions: list[Mention], reporting: str) -> list[Quote]:
    quotes = []
    spans = find_quote_spans(text)
    for begin, close, marks in spans:
        inner = text[begin + 1 : close]
        if not inner.strip():
            continue
        nested = any(a < begin and close < b for a, b, _ in spans)
        quotes.append(Quote(inner, begin + 1, close, marks.replace("¶", ""), nested=nested))
    verbs = Verbs.of(reporting)
    previous: Quote | None = None
    for quote in quotes:
        classify(quote, text, sentences, mentions, verbs)
        same_paragraph = previous is not None and "\n" not in text[previous.end : quote.start]
        if (
            quote.kind == "full"
            and quote.speaker is None
            and previous
            and previous.speaker
            and not quote.nested
            and (starts_paragraph(text, quote.start - 1) or same_paragraph)
            and quote.start - previous.end < 600
        ):
            quote.speaker, quote.speaker_id, quote.cue = (
                previous.speaker,
                previous.speaker_id,
                "continues the previous quote",
            )
        if quote.kind != "scare" and not quote.nested:
            previous = quote
    return quotes


def starts_paragraph(text: str, mark: int) -> bool:
    line_start = text.rfind("\n", 0, mark) + 1
    return not text[line_start:mark].strip()


def classify(quote: Quote, text: str, sentences: list[Sentence], mentions: list[Mention], verbs: Verbs) -> None:
    opening = quote.start - 1
    closing = quote.end
    sentence = sentence_of(sentences, opening)
    line_start = text.rfind("\n", 0, opening) + 1
    before = text[max(sentence.start, line_start) : opening]
    if quote.nested:
        container_start = text.rfind("“", 0, opening)
        before = text[max(container_start + 1, line_start, opening - 200) : opening]
    after_sentence = sentence_of(sentences, closing)
    after_end = after_sentence.end if after_sentence.end > closing else min(len(text), closing + 200)
    newline = text.find("\n", closing)
    if newline != -1:
        after_end = min(after_end, newline)
    after = text[closing + 1 : after_end]
    stripped = quote.text.strip()
    words = stripped.split()
    starts_clause = (
        not before.strip()
        or before.rstrip().endswith((":", ",", "—", "–"))
        and bool(verbs.anywhere.search(before))
        or bool(re.search(r"according to [^,;:]+,\s*$", before, re.I))
    )
    upper = stripped[:1].isupper() or stripped[:1] in "“‘\"'"

    if (
        starts_clause
        and (upper or not before.strip() or stripped[-1:] in ".!?")
        or upper
        and stripped[-1:] in ".!?"
        and len(words) > 3
    ):
        quote.kind = "full"
    else:
        quote.kind = "partial"
    attribute(quote, text, before, after, opening, mentions, verbs, sentences)
    if quote.kind == "partial":
        cue = SCARE_CUES.search(before[-25:])
        if cue or quote.speaker is None:
            quote.kind = "scare"
            quote.speaker = quote.speaker_id = quote.speaker_start = quote.speaker_end = None
            quote.verb = quote.addressee = quote.addressee_id = None
            quote.cue = f"scare cue {cue.group().strip()!r}" if cue else "marks that quote no one"


def attribute(
    quote: Quote,
    text: str,
    before: str,
    after: str,
    opening: int,
    mentions: list[Mention],
    verbs: Verbs,
    sentences: list[Sentence],
) -> None:
    """Full quotes look for their attribution after the marks, then before; partial quotes before, then after
    only when a comma follows the marks ("… “fragment”, he said")."""
    if quote.kind == "partial":
        attribute_before(quote, text, before, opening, mentions, verbs, sentences)
        if quote.speaker is None and re.match(r"^\s*,", after):
            attribute_after(quote, text, after, mentions, verbs, sentences)
        return
    attribute_after(quote, text, after, mentions, verbs, sentences)
    if quote.speaker is None:
        attribute_before(quote, text, before, opening, mentions, verbs, sentences)


def attribute_after(
    quote: Quote, text: str, after: str, mentions: list[Mention], verbs: Verbs, sentences: list[Sentence]
) -> None:
    """ ", said X" / ", X said" / ", according to X" right after the closing mark."""
    closing = quote.end + 1
    lead = re.match(r"^[\s,.!?—–-]*", after).end()
    tail = after[lead:]
    base = closing + lead
    found = re.match(r"according to\s+(?P<np>[^,.;:“”\"]+)", tail, re.I)
    if found:
        choose_speaker(
            quote, text, base + found.start("np"), base + found.end("np"), "according to", mentions, sentences
        )
        return
    found = verbs.leading.match(tail)
    if found:
        choose_speaker(
            quote, text, base + found.start("np"), base + found.end("np"), found.group("verb"), mentions, sentences
        )
        return
    found = verbs.anywhere.search(tail[:120])
    if found and not re.search(r"[.;:!?“”\"]", tail[: found.start()]) and not re.match(r"(?:and|but|or|as)\b", tail):
        np_text = tail[: found.start()]
        choose_speaker(quote, text, base, base + len(np_text.rstrip()), found.group("verb"), mentions, sentences)
        if quote.speaker:
            find_addressee(quote, text, base + found.end(), mentions)


def attribute_before(
    quote: Quote, text: str, before: str, opening: int, mentions: list[Mention], verbs: Verbs, sentences: list[Sentence]
) -> None:
    """ "X said:" / "X told reporters," / "According to X," / "X said that … “fragment”" before the opening mark."""
    base = opening - len(before)
    found = re.search(r"according to\s+(?P<np>[^,.;:“”\"]+),?\s*$", before, re.I)
    if found:
        choose_speaker(
            quote, text, base + found.start("np"), base + found.end("np"), "according to", mentions, sentences
        )
        return
    hits = list(verbs.anywhere.finditer(before)) + list(FRAGMENT_RE.finditer(before))
    if not hits:
        return
    hit = max(hits, key=lambda m: m.start())
    clause_start = max(before.rfind(c, 0, hit.start()) for c in (";", "“", "”", ". ", " but ", " while "))
    clause_start = 0 if clause_start == -1 else clause_start + 1
    choose_speaker(quote, text, base + clause_start, base + hit.start(), hit.group(), mentions, sentences, True)
    if quote.speaker is None:
        # "X called China a “reliable friend” and said ...", "..., saying it was a sign of “weakness”": the verbs
        # share the subject of the sentence
        choose_speaker(quote, text, base, base + hit.start(), hit.group(), mentions, sentences, False)
    if quote.speaker:
        find_addressee(quote, text, base + hit.end(), mentions)


def choose_speaker(
    quote: Quote,
    text: str,
    start: int,
    end: int,
    verb: str,
    mentions: list[Mention],
    sentences: list[Sentence],
    prefer_last: bool = False,
) -> None:
    """The speaker in text[start:end]: a mention there (a person first), a pronoun referring back, or the words."""
    if not text[start:end].strip():
        return
    end = end_before_apposition(text, start, end, mentions)
    phrase = text[start:end].strip()
    words = phrase.split()
    inside = [
        m for m in mentions if start <= m.start and m.end <= end and m.kind in ("person", "organisation", "country")
    ]
    agents = [m for m in inside if m.kind != "country" or not is_adjective_use(text, m)]
    speaker, pronoun = None, None
    if prefer_last:
        speaker, pronoun = subject_before_verb(text, end, words, agents)
    elif words and words[0].lower() in PRONOUNS:
        pronoun = words[0].lower()
    if speaker is None and pronoun is None and agents:
        pool = [m for m in agents if m.kind == "person"] or agents
        speaker = pool[-1] if prefer_last else pool[0]
    if speaker is None and pronoun:
        speaker = pronoun_antecedent(quote, text, start, end, pronoun, mentions, sentences, prefer_last)
    elif speaker is None:
        speaker = speaker_by_description(quote, text, start, end, verb, mentions, prefer_last)
    if speaker is not None:
        set_speaker(quote, speaker, verb)


def end_before_apposition(text: str, start: int, end: int, mentions: list[Mention]) -> int:
    """Where the speaker's phrase ends: before a clause between commas that describes a person or organisation named
    before it ("Ms Baerbock, who held talks with Mukhtar Tleuberdi, said" / "Dmitry Peskov, spokesman for Vladimir
    Putin, warned": the speaker heads the phrase)."""
    phrase = text[start:end].strip()
    relative = re.search(r",\s+(?:(?:who|whose|which|whom|the|a|an)\b|[a-z]+\s+(?:for|of|at|to)\b)", phrase)
    if relative and any(
        start <= m.start and m.end <= text.find(phrase, start) + relative.start()
        for m in mentions
        if m.kind in ("person", "organisation")
    ):
        return text.find(phrase, start) + relative.start()
    return end


def subject_before_verb(
    text: str, end: int, words: list[str], agents: list[Mention]
) -> tuple[Mention | None, str | None]:
    """The subject slot right before the verb: a pronoun ("in June he told") or a name ("the Kremlin called"), or the
    first person of a sentence whose verbs share the subject ("X stood beside Y ... and promised")."""
    slot = words[-2:]
    pronoun = next((w.lower() for w in reversed(slot) if w.lower() in PRONOUNS), None)
    if pronoun is None and agents and len(text[agents[-1].end : end].split()) <= 2:
        return agents[-1], None
    if pronoun is None and words[-1].lower() in ("and", "but") and agents:
        return ([m for m in agents if m.kind == "person"] or agents)[0], None
    return None, pronoun


def pronoun_antecedent(
    quote: Quote,
    text: str,
    start: int,
    end: int,
    pronoun: str,
    mentions: list[Mention],
    sentences: list[Sentence],
    prefer_last: bool,
) -> Mention | None:
    """Who "he", "she" or "it" refers to; None for other pronouns ("they", "we")."""
    at = start + max(text[start:end].lower().rfind(f" {pronoun} ") + 1, 0) if prefer_last else start
    if pronoun in ("he", "she"):
        return antecedent(mentions, sentences, at, "m" if pronoun == "he" else "f", quote)
    if pronoun == "it":
        return latest(mentions, start, ("organisation",), quote)
    return None


def speaker_by_description(
    quote: Quote, text: str, start: int, end: int, verb: str, mentions: list[Mention], prefer_last: bool
) -> Mention | None:
    """No name and no pronoun: "the ministry said" is the latest ministry named before; failing that, the
    description itself ("the ministry", "a senior official") is the speaker as written, and None is returned."""
    phrase = text[start:end].strip()
    words = phrase.split()
    anaphor = ORG_ANAPHORS.search(phrase if not prefer_last else " ".join(words[-4:]))
    if anaphor:
        head = anaphor.group(1).lower()
        speaker = next(
            (m for m in reversed(mentions) if m.end <= start and m.kind == "organisation" and head in m.text.lower()),
            None,
        )
        if speaker is None:
            set_written_speaker(quote, re.sub(r"^(?:the|a|an)\s+", "", anaphor.group(0), flags=re.I), verb, start, end)
        return speaker
    if (
        not prefer_last
        and len(words) <= 6
        and not re.search(r"[.;:!?]", phrase)
        and re.match(r"(?:the|a|an|[A-Z])", phrase)
        and "?" not in phrase
        and not re.match(r"(?:and|but|or|as|that|which|what|who|why|how|when|where)\b", phrase, re.I)
    ):
        set_written_speaker(quote, re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I), verb, start, end)
    return None


def set_written_speaker(quote: Quote, written: str, verb: str, start: int, end: int) -> None:
    """A speaker that is no mention, as the article writes it."""
    quote.speaker, quote.verb, quote.cue = written, verb, "speaker as written"
    quote.speaker_start, quote.speaker_end = start, end


def set_speaker(quote: Quote, speaker: Mention, verb: str) -> None:
    quote.speaker = display_name(speaker)
    quote.speaker_id = speaker.id
    quote.speaker_start, quote.speaker_end = speaker.start, speaker.end
    quote.verb = verb
    quote.cue = quote.cue or "attribution"


def display_name(mention: Mention) -> str:
    if mention.kind in ("person", "organisation"):
        return mention.name or mention.text
    return re.sub(r"^(?:the|The)\s+", "", mention.text)


def is_adjective_use(text: str, mention: Mention) -> bool:
    """A country word used before a noun ("Ukrainian regions", "Russian troops") cannot be a speaker."""
    return bool(re.match(r"\s+[a-z]", text[mention.end : mention.end + 3])) and not text[
        mention.end :
    ].lstrip().startswith(("said", "says", "told", "added", "warned", "has", "had", "is", "was", "will"))


def antecedent(
    mentions: list[Mention], sentences: list[Sentence], at: int, gender: str, quote: Quote
) -> Mention | None:
    """Who "he" or "she" at `at` refers to: the first person (of a fitting gender, when titles tell it) of the nearest
    sentence before it that names one; quoted words do not count."""
    people = [
        m
        for m in mentions
        if m.kind == "person"
        and m.end <= at
        and not (quote.start <= m.start < quote.end)
        and m.gender in (None, gender)
        and at - m.end < 1500
    ]
    if not people:
        return None
    for sentence in sorted((s for s in sentences if s.start < at), key=lambda s: s.start, reverse=True):
        inside = [m for m in people if sentence.start <= m.start < min(sentence.end, at)]
        if inside:
            return inside[0]
    return people[-1]


def latest(mentions: list[Mention], before: int, kinds: tuple[str, ...], quote: Quote) -> Mention | None:
    """The nearest earlier mention of the kinds asked, not inside this quotation."""
    for mention in reversed(mentions):
        if mention.end <= before and mention.kind in kinds and not (quote.start <= mention.start < quote.end):
            return mention
    return None


def find_addressee(quote: Quote, text: str, at: int, mentions: list[Mention]) -> None:
    if quote.verb not in ("told", "tells", "asked", "wrote to", "urged", "warned"):
        return
    window = re.match(
        r"\s+(?P<np>[^,.;:“”\"]{1,80}?)(?=\s+(?:in|at|on|during|after|before|that|when|as|last|this)\b|[,.;:“”\"]|$)",
        text[at : at + 100],
    )
    if not window:
        return
    start, end = at + window.start("np"), at + window.end("np")
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.kind in ("person", "organisation")]
    if inside:
        quote.addressee, quote.addressee_id = display_name(inside[-1]), inside[-1].id
    else:
        quote.addressee = re.sub(r"^(?:the|a|an)\s+", "", window.group("np"))
