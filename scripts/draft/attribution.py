"""The attribution of one quotation: the reporting verb after the marks ("…,” said Jane Doe, a political analyst /
“…,” the minister said), before them ("X said: “…”", "X called it a “fragment”"), "according to X", or a headline's
"Name: “…”"; and the addressee of "told", "asked", "urged"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .mentions import Mention
from .speakers import PRONOUNS, Scene, Written, interpret, possessive, subject_span, unstopped

if TYPE_CHECKING:
    from .quotes import Quote

FRAGMENT_VERBS = (
    "called",
    "calling",
    "calls",
    "call",
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
    "vowed",
    "pledged",
    "promised",
    "insisted",
    "urged",
    "demanded",
    "pledging",
    "vowing",
    "promising",
    "voiced",
    "expressed",
    "spoke of",
    "talked of",
    "characterised",
    "characterized",
    "threatened",
    "threatening",
    "threatens",
    "appealed",
    "appealing",
    "appeals",
    "likened",
    "lamented",
    "decried",
    "rejected",
)
FRAGMENT_RE = re.compile(r"\b(?:" + "|".join(FRAGMENT_VERBS) + r")\b")
ADDRESSING = (
    "told",
    "tells",
    "telling",
    "asked",
    "asking",
    "urged",
    "urging",
    "warned",
    "wrote to",
    "assured",
    "reassured",
)
ADDRESSEE = re.compile(
    r"\s+(?P<np>[^,.;:“”\"\n]{1,80}?)(?=\s+(?:in|at|on|during|after|before|that|when|as|last|this|"
    r"by|via|from|over)\b|[,.;:“”\"\n]|$)"
)


# "“…” That was how X described the proposal" / "Those were the words of X": the speaker in the next sentence
NAMED_AFTER = re.compile(
    r"(?:(?:That|This|Such)\s+(?:was|is)\s+(?:how|what)\s+(?P<np>[^.;:“”\"\n]{2,160}?)\s+"
    r"(?P<verb>described|put\s+it|summed\s+it\s+up|characteri[sz]ed|framed|called|said|told)\b"
    r"|(?:Those|These|Such)\s+were\s+the\s+words\s+of\s+(?P<of>[^.;:“”\"\n]{2,120}?)(?=\s*[,.;]|\s+(?:in|at|on|"
    r"during|after|before|who|when)\b))"
)


@dataclass(frozen=True)
class Verbs:
    """The reporting verbs, compiled once per lexicon: anywhere in a clause, and right before a noun phrase."""

    anywhere: re.Pattern
    leading: re.Pattern

    @classmethod
    def of(cls, alternation: str) -> Verbs:
        return cls(
            re.compile(rf"\b(?P<verb>{alternation})\b"),
            re.compile(rf"(?P<verb>{alternation})\s+(?P<np>[^,.;:“”\"\n]{{1,120}})"),
        )


def attribute(quote: Quote, scene: Scene, verbs: Verbs, before: str, after: str, begin: int) -> None:
    """Full quotes look for their attribution after the marks, then before; partial quotes before, then after only
    when a comma follows the marks ("… “fragment”, he said")."""
    if quote.kind == "partial":
        attribute_before(quote, scene, verbs, before, begin)
        comma = r"^\s*" if quote.text.rstrip().endswith(",") else r"^\s*,"  # “a price worth paying,” says X
        if quote.speaker is None and re.match(comma + r"(?!\s*(?:while|whereas|and|but|as)\b)", after):
            attribute_after(quote, scene, verbs, after)
        return
    attribute_after(quote, scene, verbs, after)
    if quote.speaker is None:
        attribute_before(quote, scene, verbs, before, begin)
    if quote.speaker is None:
        attribute_colon(quote, scene, before, begin)


def exclude(quote: Quote) -> tuple[int, int]:
    return quote.start, quote.end


def attribute_after(quote: Quote, scene: Scene, verbs: Verbs, after: str) -> None:
    """ ", said X" / ", X said" / ", according to X" right after the closing mark."""
    lead = re.match(r"[\s,.!?—–-]*", after).end()
    tail, base = after[lead:], quote.end + 1 + lead
    found = NAMED_AFTER.match(unstopped(tail))
    if found:
        group = "np" if found.group("np") else "of"
        speak(quote, scene, base + found.start(group), base + found.end(group), found.group("verb") or "words of")
        if quote.speaker is not None:
            return
    found = re.match(r"according to\s+(?P<np>[^,.;:“”\"\n]{1,120})", tail, re.I)
    if found:
        speak(quote, scene, base + found.start("np"), base + found.end("np"), "according to")
        return
    found = verbs.leading.match(unstopped(tail))
    if found:
        np_start, np_end = base + found.start("np"), base + found.end("np")
        speaker = apposed_name(scene, np_end, interpret(scene, np_start, np_end, exclude(quote)))
        if speaker is not None:
            quote.set_speaker(speaker, found.group("verb"), "attribution after the quotation")
            find_addressee(quote, scene, base + found.end("verb"))
        return
    found = verbs.anywhere.search(tail, 0, 150)
    if (
        found
        and not re.search(r"[.;:!?“”\"]", unstopped(tail[: found.start()]))
        and not re.match(r"(?:and|but|or|as)\b", tail)
    ):
        start, end = subject_span(scene.text, base, base + found.start(), scene.lex.role_re)
        speaker = interpret(scene, start, end, exclude(quote))
        if speaker is not None:
            quote.set_speaker(speaker, found.group("verb"), "attribution after the quotation")
            find_addressee(quote, scene, base + found.end())


def apposed_name(scene: Scene, end: int, speaker: Mention | Written | None) -> Mention | Written | None:
    """ "said Kazakhstan's foreign minister, Mukhtar Tleuberdi": the name in apposition after a description."""
    if speaker is not None and not isinstance(speaker, Written) and speaker.kind == "person":
        return speaker
    comma = re.match(r"\s*,\s*", scene.text[end : end + 4])
    if comma:
        named = scene.mentions.at(end + comma.end())
        if named is not None and named.kind == "person":
            return named
    return speaker


def speak(quote: Quote, scene: Scene, start: int, end: int, verb: str) -> None:
    speaker = interpret(scene, start, end, exclude(quote))
    if speaker is not None:
        quote.set_speaker(speaker, verb, "attribution")


def attribute_before(quote: Quote, scene: Scene, verbs: Verbs, before: str, begin: int) -> None:
    """ "X said:" / "X told reporters," / "According to X," / "X said that … “fragment”" before the opening mark."""
    found = re.search(r"according to\s+(?P<np>[^,.;:“”\"\n]{1,120}?),?\s*$", before, re.I)
    if found:
        speak(quote, scene, begin + found.start("np"), begin + found.end("np"), "according to")
        return
    hits = list(verbs.anywhere.finditer(before)) + list(FRAGMENT_RE.finditer(before))
    if not hits:
        return
    hits.sort(key=lambda m: m.start())
    hit = hits[-1]
    speaker = None
    if hit.group().endswith("ing") and before[: hit.start()].rstrip().endswith(","):
        # "…, adding that …", "…, writing that …": the participle shares the subject of the clause before it
        earlier = [h for h in hits[:-1] if not h.group().endswith("ing")]
        if earlier:
            start, end = subject_span(scene.text, begin, begin + earlier[-1].start(), scene.lex.role_re)
            speaker = interpret(scene, start, end, exclude(quote))
        if speaker is None:
            speaker = sentence_subject(scene, begin, begin + hit.start(), quote)
    if speaker is None:
        start, end = subject_span(scene.text, begin, begin + hit.start(), scene.lex.role_re)
        speaker = interpret(scene, start, end, exclude(quote))
    if speaker is None:
        speaker = sentence_subject(scene, begin, begin + hit.start(), quote)
    if speaker is not None:
        quote.set_speaker(speaker, hit.group(), "attribution before the quotation")
        find_addressee(quote, scene, begin + hit.end())


def sentence_subject(scene: Scene, start: int, end: int, quote: Quote) -> Mention | None:
    """The first person (else organisation) of the clause, when verbs share the subject of the sentence ("X called
    China a “reliable friend” and said …", "…, saying it was a sign of “weakness”")."""
    phrase = scene.text[start:end]
    if re.match(r"\s*(?:he|she)\b", phrase, re.I):
        found = interpret(
            scene,
            start + phrase.index(phrase.split()[0]),
            start + phrase.index(phrase.split()[0]) + len(phrase.split()[0]),
            exclude(quote),
        )
        return found if isinstance(found, Mention) else None
    agents = [
        m
        for m in scene.mentions.within(start, end)
        if m.kind in ("person", "organisation") and not possessive(scene.text, m)
    ]
    people = [m for m in agents if m.kind == "person"]
    return (people or agents or [None])[0]


def attribute_colon(quote: Quote, scene: Scene, before: str, begin: int) -> None:
    """A headline's "Blinken: “…”": the name before a colon that opens the line."""
    found = re.match(r"\s*(?P<np>[^:\n]{2,80}):\s*$", before)
    line_start = scene.text.rfind("\n", 0, begin + 1) + 1
    if found and not scene.text[line_start:begin].strip():
        np_end = begin + found.end("np")
        speaker = interpret(scene, begin + found.start("np"), np_end, exclude(quote))
        # the name itself before the colon, not a headline's clause ("A and B sign treaty: “…”")
        if speaker is not None and not isinstance(speaker, Written) and speaker.end >= np_end - 1:
            quote.set_speaker(speaker, None, "name before a colon")


def find_addressee(quote: Quote, scene: Scene, at: int) -> None:
    """Who is addressed by "told", "asked", "urged", "warned": a mention there, or the words as written
    ("reporters", "supporters")."""
    if quote.verb not in ADDRESSING:
        return
    window = ADDRESSEE.match(scene.text, at, min(len(scene.text), at + 100))
    if not window or window.group("np").split()[0].lower() in PRONOUNS | {"him", "her", "them", "us", "me", "that"}:
        return
    start, end = window.start("np"), window.end("np")
    found = interpret(scene, start, end, exclude(quote))
    if isinstance(found, Mention):
        quote.addressee, quote.addressee_id = (
            found.name or found.text if found.kind != "country" else found.text,
            found.id,
        )
    elif not re.match(r"(?:on|in|at|of|to|for|with|by|about)\b", window.group("np")):
        quote.addressee = re.sub(r"^(?:the|a|an)\s+", "", window.group("np"))
