"""Quotations: every span between quotation marks (curly, straight, single, guillemets; nested; across line breaks;
continued in a new paragraph), told apart as full quote, partial quote or scare quote, with speaker, reporting verb
and addressee. The speaker is the subject of the reporting verb (scripts/draft/speakers.py), a person named before
by name, pronoun or role, the speaker of the same words in the body for a headline quote, or the speaker of the
quotation it continues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.quotation import find_quote_spans
from .attribution import Verbs, attribute
from .mentions import Mention
from .spans import Taken
from .speakers import Scene, Written, possessive

SCARE_CUES = re.compile(
    r"\b(?:so-called|so called|dubbed|nicknamed|known as|the term|the word|the phrase|labell?ed|"
    r"branded|termed|billed as|chant(?:ed|ing|s)?|shout(?:ed|ing|s)?|sang|singing|slogans?|"
    r"placards?(?:\s+\w+)?|banners?(?:\s+\w+)?|signs?\s+(?:reading|saying)|read(?:ing)?|"
    r"hashtag|entitled|titled|called it the|motto|"
    r"(?:what|which)\s+\w+\s+calls?(?:\s+(?:its|their|the|a|an))?)\s*[:,]?\s*$",
    re.I,
)
CONTINUATION = 600  # characters between a quotation and the one that continues it


@dataclass
class Quote:
    text: str
    start: int  # offsets of the text inside the marks
    end: int
    marks: str  # the opening and closing marks, e.g. “”
    kind: str = "full"  # full | partial | scare
    nested: bool = False
    continued: bool = False  # the wire convention: the paragraph ends inside the quotation, the next one re-opens it
    speaker: str | None = None
    speaker_id: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_role: str | None = None
    verb: str | None = None
    addressee: str | None = None
    addressee_id: str | None = None
    cue: str | None = None  # what decided the kind and the speaker

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v not in (None, False)}

    def set_speaker(self, speaker: Mention | Written, verb: str | None, cue: str) -> None:
        """The speaker found, by mention (its fullest name and actor id) or as written."""
        if isinstance(speaker, Written):
            self.speaker, self.speaker_id = speaker.text, None
        else:
            self.speaker, self.speaker_id, self.speaker_role = display_name(speaker), speaker.id, speaker.role
        self.speaker_start, self.speaker_end = speaker.start, speaker.end
        self.verb, self.cue = verb, self.cue or cue

    def copy_speaker(self, other: Quote, cue: str) -> None:
        for name in ("speaker", "speaker_id", "speaker_start", "speaker_end", "speaker_role"):
            setattr(self, name, getattr(other, name))
        self.cue = cue

    def clear_speaker(self) -> None:
        for name in (
            "speaker",
            "speaker_id",
            "speaker_start",
            "speaker_end",
            "speaker_role",
            "verb",
            "addressee",
            "addressee_id",
        ):
            setattr(self, name, None)


def display_name(mention: Mention) -> str:
    """A speaker's fullest name as the article writes it (a state's name for a capital or an adjective)."""
    if mention.kind in ("person", "organisation", "country") and mention.name:
        return mention.name
    return re.sub(r"^(?:the|The)\s+", "", mention.text)


def quote_spans(text: str) -> list[Quote]:
    """Every pair of marks (scripts.core.quotation, the build's pairing) as a quotation; nested when another pair
    encloses it (one sweep over the pairs sorted by their opening mark)."""
    quotes, reach = [], -1
    for begin, close, marks in find_quote_spans(text):
        inner = text[begin + 1 : close]
        if inner.strip():
            quotes.append(
                Quote(inner, begin + 1, close, marks.replace("¶", ""), nested=reach > close, continued="¶" in marks)
            )
        reach = max(reach, close)
    return quotes


def find_quotes(scene: Scene, reporting: str) -> list[Quote]:
    """The quotations of the article, classified and attributed."""
    verbs = Verbs.of(reporting)
    quotes = quote_spans(scene.text)
    for quote in quotes:
        classify(quote, scene, verbs)
    carry_forward(quotes, scene.text)
    carry_back(quotes, scene.text)
    carry_from_paragraph(quotes, scene)
    link_headline(quotes, scene)
    for quote in quotes:
        if quote.kind == "partial" and quote.speaker is None:
            quote.kind, quote.cue = "scare", "marks that quote no one"
    return quotes


def classify(quote: Quote, scene: Scene, verbs: Verbs) -> None:
    """Full, partial or scare, from the words around the marks; then the attribution."""
    text, opening, closing = scene.text, quote.start - 1, quote.end
    sentence = scene.sentences.of(quote.start)
    line_start = text.rfind("\n", max(0, opening - 400), opening) + 1
    begin = max(sentence.start, line_start, opening - 300) if sentence.start <= opening else opening
    if quote.nested:
        begin = max(begin, text.rfind("“", max(0, opening - 300), opening) + 1)
    before = text[begin:opening]
    stop = min(len(text), closing + 300)
    newline = text.find("\n", closing, stop)
    after = text[closing + 1 : newline if newline != -1 else stop]
    quote.kind = kind_of(quote.text.strip(), before, verbs)
    cue = SCARE_CUES.search(before[-40:])
    if cue:
        quote.kind, quote.cue = "scare", f"scare cue {cue.group().strip()!r}"
        return
    attribute(quote, scene, verbs, before, after, begin)


def kind_of(stripped: str, before: str, verbs: Verbs) -> str:
    """Full when the quotation opens its clause (after a colon, a comma with a reporting verb, or nothing) or is a
    whole sentence; partial when it is worked into the reporter's sentence."""
    words = stripped.split()
    opens = (
        not before.strip()
        or before.rstrip().endswith((":", ",", "—", "–"))
        and bool(verbs.anywhere.search(before[-160:]))
        or before.rstrip().endswith(":")
        and stripped[:1].isupper()
        or bool(re.search(r"according to [^,;:]{1,80},\s*$", before, re.I))
    )
    upper = stripped[:1].isupper() or stripped[:1] in "“‘\"'"
    verb = verbs.anywhere.search(before[-40:])
    if verb and not before[-40:][verb.end() :].strip() and len(words) > 3:
        return "full"  # an utterance right after the verb, without "that": said ‘go, go, nobody will touch you’
    if opens and (upper or not before.strip() or stripped[-1:] in ".!?"):
        return "full"
    if (
        upper
        and stripped[-1:] in ".!?"
        and len(words) > 3
        and not re.search(r"\b(?:that|as|the|a|an|of|to)\s*$", before, re.I)
    ):
        return "full"
    return "partial"


def starts_paragraph(text: str, mark: int) -> bool:
    line_start = text.rfind("\n", max(0, mark - 200), mark) + 1
    return (line_start > 0 or mark < 200) and not text[line_start:mark].strip()


def carry_forward(quotes: list[Quote], text: str) -> None:
    """A full quotation with no attribution of its own continues the speaker of the quotation before it, in the same
    paragraph or when it opens the next one ("…,” she said. “Second sentence.”)."""
    previous: Quote | None = None
    for quote in quotes:
        if quote.nested or quote.kind == "scare":
            continue
        if (
            quote.kind == "full"
            and quote.speaker is None
            and previous is not None
            and previous.speaker
            and quote.start - previous.end < CONTINUATION
            and (starts_paragraph(text, quote.start - 1) or "\n" not in text[previous.end : quote.start])
            and not text[previous.end + 1 : quote.start - 1].rstrip().endswith((",", ":"))  # "As X put it, “…”"
        ):
            quote.copy_speaker(previous, "continues the previous quote")
        previous = quote


def carry_back(quotes: list[Quote], text: str) -> None:
    """The wire convention: a quotation whose paragraph ends inside the marks is continued by the quotation that opens
    the next paragraph, and is attributed where the last part closes ("“First part.¶“Second part,” X said.")."""
    following: Quote | None = None
    for quote in reversed(quotes):
        if quote.nested:
            continue
        if (
            quote.continued
            and following is not None
            and following.speaker
            and (quote.speaker is None or quote.cue == "continues the previous quote")
            and following.start - 2 == quote.end
            and text[quote.end : quote.end + 1] == "\n"
        ):
            quote.copy_speaker(following, "continued in the next paragraph")
            quote.kind = "full" if quote.kind == "scare" else quote.kind
        following = quote


def carry_from_paragraph(quotes: list[Quote], scene: Scene) -> None:
    """A paragraph that is one full quotation with no attribution is spoken by the one person the paragraph before
    names ("Prime Minister Jonas Berg spoke in Oslo.¶“We will never give up our ports.”")."""
    text = scene.text
    quoted = Taken(len(text))
    for quote in quotes:
        quoted.add(quote.start, quote.end)
    for quote in quotes:
        if quote.nested or quote.kind != "full" or quote.speaker is not None:
            continue
        line_start = blank_to(text, quote.start - 1, -1)
        if (
            line_start <= 0
            or text[line_start - 1] != "\n"
            or text[blank_to(text, quote.end + 1, 1) :][:1] not in ("\n", "")
        ):
            continue
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        people = [
            m
            for m in scene.mentions.within(previous_start, line_start - 1)
            if m.kind == "person" and not possessive(text, m) and quoted.free(m.start, m.end)
        ]
        if people and len({p.id or p.name or p.text for p in people}) == 1:
            quote.set_speaker(people[0], None, "quotation paragraph after the paragraph naming its speaker")


def blank_to(text: str, at: int, step: int) -> int:
    """From `at`, past spaces and tabs in the direction of `step` (-1: back, the offset where they begin; 1: on)."""
    if step < 0:
        while at > 0 and text[at - 1] in " \t":
            at -= 1
        return at
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def link_headline(quotes: list[Quote], scene: Scene) -> None:
    """A quotation in the headline (the first line) with no speaker takes the speaker of the body quotation that
    repeats its words."""
    first_line = scene.text.find("\n")
    if first_line == -1:
        return
    body = [q for q in quotes if q.start > first_line and q.speaker]
    for quote in quotes:
        if quote.start > first_line:
            break
        if quote.speaker is not None or quote.kind == "scare":
            continue
        words = words_of(quote.text)
        if len(words) < 2:
            continue
        for other in body:
            repeated = " ".join(words) in " ".join(words_of(other.text))
            if repeated or len(set(words) & set(words_of(other.text))) >= 0.8 * len(set(words)):
                quote.copy_speaker(other, "headline quote repeated in the body")
                break
        else:
            answered_by(quote, scene, first_line)


def answered_by(quote: Quote, scene: Scene, first_line: int) -> None:
    """An interview: the headline quotes an answer, printed without marks after the speaker's name and a colon
    ("Bekova: … Neutrality is not a slogan for us; …")."""
    pattern = re.compile(r"\W+".join(re.escape(w) for w in quote.text.split()), re.I)
    found = pattern.search(scene.text, first_line)
    if found is None:
        return
    line_start = scene.text.rfind("\n", 0, found.start()) + 1
    label = re.match(r"([^:\n]{2,40}):\s", scene.text[line_start : found.start()])
    speaker = scene.mentions.at(line_start) if label else None
    if speaker is not None and speaker.kind == "person" and speaker.end <= line_start + len(label.group(1)):
        quote.set_speaker(speaker, None, "headline quote answered in the interview")
