"""Mentions of countries, people, organisations and places, linked to ISO 3166-1 alpha-3, GeoNames ids and the
package's actors; misspelt names of known people are linked by fuzzy matching (rapidfuzz) with their score."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .lexicon import MONTHS, NOT_NAMES, ORGANISATION_HEADS, REGIONS, STARTERS, WEEKDAYS, Lexicon
from .organisations import described, initialisms, occurrences
from .patterns import alternation
from .spans import Taken

FUZZY_THRESHOLD = 85  # rapidfuzz ratio (0-100) for linking a name to a known person
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?(?:['’]s\b|['’](?!\w))?\.?")
CONNECTORS = {
    " ",
    " of ",
    " for ",
    " de ",
    " van ",
    " von ",
    " bin ",
    " al-",
    " la ",
    " du ",
    " of the ",
    " on ",
    " for the ",
    " on the ",
}
ABBREVIATED = {
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "Lt.",
    "Col.",
    "Maj.",
    "Adm.",
    "St.",
    "Jr.",
    "Prof.",
    "Capt.",
}
# A capital after these words is a place ("talks in Astana"); elsewhere it stands for its government ("Moscow warned").
LOCATIVE = re.compile(
    r"(?:\b(?:in|at|into|near|outside|inside|visit|visited|visiting|visits|arrived in|based in|"
    r"trip to|travel(?:s|led|ed)? to|flew to|flies to|returned to|headed to|heads to|city of|capital|"
    r"streets of|centre of|center of)\s+)$",
    re.I,
)
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+$", re.I)
INITIAL = re.compile(r"[A-Z]\.")  # a middle initial: "Janet L. Yellen"
NON_PERSON = set(MONTHS) | set(WEEKDAYS) | NOT_NAMES | {"Updated", "Published"}  # "Updated Nov. 3"


@dataclass
class Mention:
    text: str
    start: int
    end: int
    kind: str  # country | person | organisation | place
    iso3: str | None = None
    id: str | None = None  # the package's actor id when linked
    name: str | None = None  # fullest name as the article writes it (people, organisations), or canonical
    geonames_id: int | None = None
    score: float | None = None  # fuzzy-match score when a known person was linked by a misspelt name
    gender: str | None = None  # m / f when a title says so (Mr, Ms, Mrs): used to resolve "he" and "she"
    role: str | None = None  # a person's role as the article (or the actor registry) gives it

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def tokens_runs(text: str) -> list[list[re.Match]]:
    """Runs of capitalised tokens joined by a space or a lower-case particle ("Ministry of Foreign Affairs")."""
    runs: list[list[re.Match]] = []
    previous = None
    for match in TOKEN.finditer(text):
        if (
            previous is not None
            and text[previous.end() : match.start()] in CONNECTORS
            and (not previous.group().endswith(("’s", "'s", ".")) or re.fullmatch(r"[A-Z]\.", previous.group()))
            or (
                previous is not None and previous.group() in ABBREVIATED and text[previous.end() : match.start()] == " "
            )
        ):
            runs[-1].append(match)
        else:
            runs.append([match])
        previous = match
    return runs


def clean(token: re.Match) -> tuple[str, int, int]:
    """The token without a possessive or a sentence's full stop."""
    word, start, end = token.group(), token.start(), token.end()
    if word.endswith(".") and word not in ABBREVIATED and not re.fullmatch(r"(?:[A-Z]\.)+", word):
        word, end = word[:-1], end - 1
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            word, end = word[: -len(suffix)], end - len(suffix)
            break
    return word, start, end


class Found:
    """The mentions found so far and the spans they claim; a later, overlapping candidate is not a mention. Mentions
    are kept by their start and end offsets, so that the questions asked while finding them cost no scan."""

    def __init__(self, size: int) -> None:
        self.by_start: dict[int, Mention] = {}
        self.by_end: dict[int, Mention] = {}
        self.taken = Taken(size)

    @property
    def mentions(self) -> list[Mention]:
        return [self.by_start[start] for start in sorted(self.by_start)]

    def free(self, start: int, end: int) -> bool:
        return self.taken.free(start, end)

    def add(self, mention: Mention) -> None:
        self.by_start[mention.start] = mention
        self.by_end[mention.end] = mention
        self.taken.add(mention.start, mention.end)

    def drop(self, mention: Mention) -> None:
        del self.by_start[mention.start]
        self.by_end.pop(mention.end, None)
        self.taken.remove(mention.start, mention.end)

    def inside(self, start: int, end: int) -> list[Mention]:
        """The mentions within [start, end), found by their start offsets (the span is a short run of words)."""
        return [self.by_start[at] for at in range(start, end) if at in self.by_start and self.by_start[at].end <= end]


def find_mentions(text: str, lex: Lexicon) -> list[Mention]:
    """Countries, people, organisations and places, in the order of the text (the steps below, each on what
    the earlier ones left free)."""
    found = Found(len(text))
    # 1. organisations: known names, then capitalised runs ending in an organisation word, then their acronyms
    find_known_organisations(text, lex, found)
    people_runs = [find_headed_organisation(text, run, lex, found) for run in tokens_runs(text)]
    find_acronyms(text, found)
    find_described_organisations(text, lex, found)
    # 2. countries, capitals (a government unless used as a place) and their adjectives
    find_countries(text, lex, found)
    # 3. people: what is left of each run after titles, when it reads as a name
    for parts in people_runs:
        find_person(text, parts, lex, found.add, found.free)
    # 4. surnames and misspellings that refer back (or forward) to a full name
    surnames = surname_index(found.mentions, lex)
    find_surnames(text, surnames, found)
    mentions = found.mentions
    complete_surnames(mentions, surnames)
    assign_genders(text, mentions)
    name_organisations_fully(text, mentions)
    name_states(mentions, lex)
    return mentions


def name_states(mentions: list[Mention], lex: Lexicon) -> None:
    """A state's name as the article writes it, for the state as a speaker or an actor: the mention's own words when
    they are a name ("the United States government"), else the state's first mention by a name ("Kazakhstan" for
    "Astana said" or "the Kazakh government"), else its first name in the lexicon."""

    def is_name(mention: Mention) -> bool:
        return mention.text in lex.countries and mention.text not in lex.adjectives

    written: dict[str, str] = {}
    for mention in mentions:
        if mention.kind == "country" and mention.iso3 and mention.iso3 not in written and is_name(mention):
            written[mention.iso3] = mention.text
    for mention in mentions:
        if mention.kind == "country" and mention.iso3:
            own = mention.text if is_name(mention) else None
            mention.name = own or written.get(mention.iso3) or lex.state_names.get(mention.iso3)


def find_known_organisations(text: str, lex: Lexicon, found: Found) -> None:
    """The organisations of sources/lexicon/organisations.csv, by any of their names."""
    for match in lex.organisation_re.finditer(text):
        if match.group() in lex.capitals and LOCATIVE.search(text[max(0, match.start() - 30) : match.start()]):
            continue  # "in Brussels" is a place; "Brussels froze the talks" is the EU
        if found.free(match.start(), match.end()):
            canonical = lex.organisations[match.group()]
            found.add(
                Mention(
                    match.group(),
                    match.start(),
                    match.end(),
                    "organisation",
                    name=canonical,
                    id=lex.actors_by_name.get(canonical),
                )
            )


def find_headed_organisation(text: str, run: list[re.Match], lex: Lexicon, found: Found) -> list[tuple[str, int, int]]:
    """The organisation a run of capitalised words names ("the Foreign Ministry", "Georgian Dream"), if any; returns
    the words after it, without leading function words, where step 3 looks for a person."""
    parts = [clean(t) for t in run]
    words = [p[0] for p in parts]
    first = first_word(words)
    whole = text[parts[first][1] : parts[-1][2]] if len(parts) > first else ""
    head = organisation_head(words, first, lex)
    if head is not None and head >= first and whole not in lex.countries:
        begin = after_title(text, parts, words, first, head, lex)
        if lex.countries.get(words[first]) and not is_adjective(words[first], lex) and head > first:
            begin = first + 1  # "China's Foreign Ministry": China, and the Foreign Ministry
        end = organisation_end(text, parts, words, head)
        start, stop = parts[begin][1], parts[end][2]
        for inner in [
            m for m in found.inside(start, stop) if m.kind == "organisation" and (m.start, m.end) != (start, stop)
        ]:
            found.drop(inner)  # "Council of the European Union" holds "European Union"
        if (
            found.free(start, stop)
            and text[start:stop] not in lex.countries
            and not (end == begin and words[begin] in ("Government", "Press", "Party"))
        ):
            org_text = text[start:stop]
            found.add(
                Mention(org_text, start, stop, "organisation", name=org_text, id=lex.actors_by_name.get(org_text))
            )
        parts = parts[end + 1 :]
    while parts and parts[0][0] in STARTERS:
        parts = parts[1:]
    return parts


def after_title(text: str, parts: list[tuple[str, int, int]], words: list[str], first: int, head: int, lex) -> int:
    """Where the organisation of a run begins: after a title that opens the run ("Special Representative of the
    European Union": the European Union), else at its first word."""
    if not any(word.lower() in lex.role_nouns for word in words[first:head]):
        return first
    for index in range(head, first, -1):
        if text[parts[index - 1][2] : parts[index][1]].strip() in ("of", "of the", "to", "to the"):
            return index
    return first


def first_word(words: list[str]) -> int:
    """Where the name of a run begins, after "The" and function words ("When", "After") but never past its last word."""
    first = 0
    if words and words[0] == "The":
        first = 1
    while first < len(words) - 1 and words[first] in STARTERS:
        first += 1
    return first


def organisation_head(words: list[str], first: int, lex: Lexicon) -> int | None:
    """The index of the last organisation word of the run ("Ministry", "Bank"), or of its last word when the run is
    a party or company named after its country; None when the run names no organisation."""
    head = max((i for i, w in enumerate(words) if w in ORGANISATION_HEADS), default=None)
    if (
        head is None
        and len(words) - first >= 2
        and is_adjective(words[first], lex)
        and words[first + 1] not in ORGANISATION_HEADS
        and words[first + 1] not in NON_PERSON
        and not lex.title_re.match(" ".join(words[first + 1 :]) + " ")
        and words[first + 1] not in lex.countries
        and words[first + 1] not in lex.organisations
        and len(words) - first <= 3
    ):
        head = len(words) - 1  # a party or company named after its country: "Georgian Dream"
    return head


def organisation_end(text: str, parts: list[tuple[str, int, int]], words: list[str], head: int) -> int:
    """The index of the last word of the organisation's name: the head and what follows it by "of", "for" and "on"
    ("Ministry of Foreign Affairs"), or by a space after that ("Ministry of Foreign Affairs Press Service")."""
    end = head
    while (
        end + 1 < len(words)
        and (
            text[parts[end][2] : parts[end + 1][1]].strip() in ("of", "for", "of the", "on", "for the", "on the")
            or (end > head and text[parts[end][2] : parts[end + 1][1]] == " ")
        )
        and words[end + 1]
        not in NON_PERSON
        - {
            "Foreign",
            "Defence",
            "Defense",
            "Economic",
            "Energy",
            "Finance",
            "Trade",
            "Interior",
            "Justice",
            "Affairs",
            "Security",
            "Human",
            "Rights",
            "State",
            "National",
            "International",
            "Federal",
            "General",
            "Republic",
        }
    ):
        end += 1
    return end


def find_acronyms(text: str, found: Found) -> None:
    """An acronym in brackets after an organisation names it, there and wherever it recurs."""
    acronyms = {}
    for mention in [m for m in found.mentions if m.kind == "organisation"]:
        bracketed = re.match(r"\s+\(([A-Z][A-Z0-9&+-]{1,9})\)", text[mention.end : mention.end + 14])
        if bracketed:
            acronyms.setdefault(bracketed.group(1), mention)
    if not acronyms:
        return
    pattern = re.compile(
        rf"(?<![\w-])(?:{'|'.join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))})"
        r"(?![\w-])"
    )
    for match in pattern.finditer(text):
        mention = acronyms[match.group()]
        if found.free(match.start(), match.end()):
            found.add(
                Mention(match.group(), match.start(), match.end(), "organisation", name=mention.name, id=mention.id)
            )


def find_described_organisations(text: str, lex: Lexicon, found: Found) -> None:
    """Organisations the lexicon does not know, named by what the article says of them, and the initialisms of the
    organisations it names in full (scripts/draft/organisations.py), at every free occurrence."""
    names: dict[str, str] = {}
    for start, end in described(text, lex):
        names.setdefault(text[start:end], text[start:end])
    known = [m.name for m in found.mentions if m.kind == "organisation" and m.name]
    for letters, full in initialisms(text, known + list(names), lex).items():
        names[letters] = full
    for written, name in names.items():
        for start, end in occurrences(text, written):
            if found.free(start, end):
                found.add(Mention(written, start, end, "organisation", name=name, id=lex.actors_by_name.get(name)))


def find_countries(text: str, lex: Lexicon, found: Found) -> None:
    """Countries, their adjectives and capitals; a region only claims its words (no country hides in "Latin
    America")."""
    for match in lex.country_re.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if not found.free(start, end):
            continue
        if word in REGIONS:
            found.taken.add(start, end)  # a region, or a title holding a city's name: not a country
            continue
        if word in lex.capitals and word not in lex.countries:
            iso3 = lex.capitals[word]
            if capital_is_place(text, start, end, lex, found):
                found.add(Mention(word, start, end, "place", iso3=iso3, geonames_id=lex.cities.get(word), name=word))
            else:
                found.add(Mention(word, start, end, "country", iso3=iso3, id=lex.actors_by_iso3.get(iso3)))
            continue
        iso3 = lex.countries[word]
        found.add(Mention(word, start, end, "country", iso3=iso3, id=lex.actors_by_iso3.get(iso3)))


def capital_is_place(text: str, start: int, end: int, lex: Lexicon, found: Found) -> bool:
    """A capital is a place after a locative ("talks in Astana"), in a dateline, or beside another place ("Tashkent
    and Astana"); elsewhere it stands for its government ("Moscow warned")."""
    line_start = text.rfind("\n", 0, start) + 1
    dateline = text[end : end + 1] in ("\n", "") or (
        not text[line_start:start].strip() and text[end : end + 2].strip()[:1] in (",", "(", "—", "–", "-")
    )
    coordinated = re.search(r"(\w+) and $", text[max(0, start - 30) : start])
    neighbour = found.by_end.get(coordinated.end(1) + max(0, start - 30)) if coordinated else None
    with_place = coordinated and (
        coordinated.group(1) in lex.cities or (neighbour is not None and neighbour.kind == "place")
    )
    return bool(LOCATIVE.search(text[max(0, start - 30) : start]) or dateline or with_place)


def surname_index(mentions: list[Mention], lex: Lexicon) -> dict[str, Mention]:
    """The full name each surname (or family name written first) stands for: the article's people with a full name
    first, then the package's known people."""
    surnames = {}
    for person in [m for m in mentions if m.kind == "person" and " " in m.text.strip()]:
        surnames.setdefault(person.text.split()[-1], person)
        first = person.text.split()[0]  # family name first: "Xi Jinping", "Wang Yi"
        if min(len(first), len(person.text.split()[-1])) <= 3 and len(person.text.split()) == 2:
            surnames.setdefault(first, person)  # family name first: "Xi Jinping" ... "Xi said"
    for name, actor_id in lex.people.items():
        surnames.setdefault(name.split()[-1], Mention(name, -1, -1, "person", id=actor_id, name=name))
    return surnames


def find_surnames(text: str, surnames: dict[str, Mention], found: Found) -> None:
    """Every free occurrence of a surname, as a mention of the person it stands for."""
    if not surnames:
        return
    pattern = re.compile(rf"(?<![\w-])(?:{alternation(surnames)})(?![\w-])(?!['’](?!s\b)\w)")
    for match in pattern.finditer(text):
        if found.free(match.start(), match.end()):
            full = surnames[match.group()]
            found.add(
                Mention(match.group(), match.start(), match.end(), "person", id=full.id, name=full.name or full.text)
            )


def complete_surnames(mentions: list[Mention], surnames: dict[str, Mention]) -> None:
    """ "Ms Baerbock" found in step 3 is the Annalena Baerbock of the article."""
    for mention in mentions:
        if mention.kind == "person" and " " not in mention.text and mention.text in surnames:
            full = surnames[mention.text]
            mention.name, mention.id = full.name or full.text, mention.id or full.id


def assign_genders(text: str, mentions: list[Mention]) -> None:
    """A person's gender, when a title before any mention of that name tells it (Mr, Ms, Mrs, King, Queen ...)."""
    genders = {}
    for mention in mentions:
        title = re.search(r"(\w+\.?)\s+$", text[max(0, mention.start - 14) : mention.start])
        if mention.kind == "person" and title and title.group(1) in TITLE_GENDER:
            genders.setdefault(mention.name, TITLE_GENDER[title.group(1)])
    for mention in mentions:
        if mention.kind == "person" and mention.name in genders:
            mention.gender = genders[mention.name]


def refer_back(mentions: list[Mention]) -> None:
    """ "the Commission" after "the European Commission": an organisation's head word alone names the latest
    organisation before it whose name ends in that word."""
    latest: dict[str, Mention] = {}
    for mention in mentions:
        if mention.kind != "organisation":
            continue
        head = (mention.name or mention.text).split()[-1]
        if (mention.name or mention.text) == head and head in latest and mention.id is None:
            mention.name, mention.id = latest[head].name, latest[head].id
        elif " " in (mention.name or ""):
            latest[head] = mention


def name_organisations_fully(text: str, mentions: list[Mention]) -> None:
    """An organisation is named by its fullest written form ("OSCE" after "Organization for Security and ...")."""
    refer_back(mentions)
    fullest: dict[str, str] = {}
    for mention in mentions:
        if mention.kind == "organisation" and len(mention.text) > len(fullest.get(mention.name, "")):
            fullest[mention.name] = re.sub(r"^(?:the|The)\s+", "", mention.text)
    for canonical in fullest:
        if canonical and len(canonical) > len(fullest[canonical]) and canonical in text:
            fullest[canonical] = canonical  # "U.N." in an article that also writes "United Nations"
    for mention in mentions:
        if mention.kind == "organisation":
            mention.name = fullest[mention.name]


def is_adjective(word: str, lex: Lexicon) -> bool:
    """A demonym or adjective of a country ("Kazakh", "Russian"), as the lexicon records it."""
    return word in lex.adjectives


def find_person(text: str, parts: list[tuple[str, int, int]], lex: Lexicon, add, free) -> None:
    """A person named by what is left of a run of capitalised words once titles, countries and organisations
    are taken off; single names only after a title (others are found as surnames of full names)."""
    if not parts:
        return
    run_text = text[parts[0][1] : parts[-1][2]]
    title = lex.title_re.match(run_text + " ")
    titled = False
    if title:
        cut = parts[0][1] + title.end()
        parts = [p for p in parts if p[1] >= cut]
        titled = True
    while parts and (parts[0][0] in lex.countries or parts[0][0] in lex.capitals or parts[0][0] in lex.organisations):
        parts = parts[1:]  # "US Secretary of State ..." after the title pass of a country-led run
        if parts:
            rest = text[parts[0][1] : parts[-1][2]] + " "
            more = lex.title_re.match(rest)
            if more:
                cut = parts[0][1] + more.end()
                parts = [p for p in parts if p[1] >= cut]
                titled = True
    parts, titled = after_inner_title(parts, lex, titled)
    if not parts:
        return
    for index in range(1, len(parts)):
        if text[parts[index - 1][2] : parts[index][1]].strip() in ("of", "for", "of the", "for the", "on", "on the"):
            tail = parts[index:]
            tail_text = text[tail[0][1] : tail[-1][2]]
            country = lex.country_re.match(tail_text)
            joined = country and re.match(r"\s+(?:of|for|on|in|at|to)\b", tail_text[country.end() :])
            if country and country.end() < len(tail_text) and not joined:
                # "Minister of Foreign Affairs of the Republic of Kazakhstan Mukhtar Tleuberdi": the name follows
                cut = tail[0][1] + country.end()
                parts = [p for p in tail if p[1] >= cut]
            else:
                parts = parts[:index]  # "Sen. Rand Paul of Kentucky": the name ends before "of"
            break
    if not parts:
        return
    words = [p[0] for p in parts]
    start, end = parts[0][1], parts[-1][2]
    name = text[start:end]
    if not free(start, end) or any(w in lex.countries or w in lex.capitals or w in lex.organisations for w in words):
        return
    if any(
        w in NON_PERSON or w in MONTHS or w in WEEKDAYS or (w.isupper() and not INITIAL.fullmatch(w)) for w in words
    ):
        return
    if len(words) == 1 and not titled:
        return  # single names are found as surnames of full names in step 4
    if words[-1].lower() in lex.role_nouns:
        return  # "Permanent Representative": a title with no name after it
    if not titled and name in lex.cities:
        return
    if not titled and DETERMINER_BEFORE.search(text[max(0, start - 8) : start]):
        return  # "its Global Gateway programme": a name with a determiner is not a person
    actor_id, score = link_person(name, lex)
    add(Mention(name, start, end, "person", id=actor_id, name=name, score=score))


def after_inner_title(parts: list[tuple[str, int, int]], lex: Lexicon, titled: bool) -> tuple[list, bool]:
    """The words after the last capitalised role noun of a run: "Commerce Secretary Gina Raimondo" names Gina
    Raimondo, whatever words make the title."""
    for index in range(len(parts) - 2, -1, -1):
        if parts[index][0][:1].isupper() and parts[index][0].lower() in lex.role_nouns:
            return parts[index + 1 :], True
    return parts, titled


def link_person(name: str, lex: Lexicon) -> tuple[str | None, float | None]:
    """The known person this name spells, exactly or within the fuzzy threshold."""
    if not lex.people:
        return None, None
    if name in lex.people:
        return lex.people[name], None
    best = process.extractOne(name, list(lex.people), scorer=fuzz.ratio)
    if best and best[1] >= FUZZY_THRESHOLD and len(name) > 6:
        return lex.people[best[0]], round(best[1], 1)
    return None, None


TITLE_GENDER = {
    "Mr": "m",
    "Mr.": "m",
    "Ms": "f",
    "Ms.": "f",
    "Mrs": "f",
    "Mrs.": "f",
    "King": "m",
    "Queen": "f",
    "Prince": "m",
    "Spokesman": "m",
    "Spokeswoman": "f",
    "Chairman": "m",
    "Chairwoman": "f",
}
