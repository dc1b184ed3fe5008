"""Issue 13, second round: speakers through titles, states and clause openers; events coded from the verb frame
(planned meetings as intents, courts' orders, votes, compounds, restated predicates). Each sentence is made up for
the rule it states."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts.draft import draft_article


def draft(text: str) -> dict:
    return draft_article(text, dt.date(2023, 2, 28))


def speaker_of(text: str, quoted: str) -> str | None:
    return next(q for q in draft(text)["quotes"] if q["text"].startswith(quoted)).get("speaker")


def events(text: str) -> list[tuple[str, str]]:
    return [(e["verb"], e["cameo"]) for e in draft(text)["events"]]


def test_a_title_of_any_words_before_a_name_is_not_part_of_the_name():
    text = 'Energy Secretary Laura Fenwick spoke in Denver. "We will keep the plants open," the energy secretary said.'
    people = [m for m in draft(text)["mentions"] if m["kind"] == "person"]
    assert [(m["text"], m["name"]) for m in people] == [("Laura Fenwick", "Laura Fenwick")]
    assert speaker_of(text, "We will keep") == "Laura Fenwick"


def test_a_role_noun_after_a_title_with_for_resolves_to_the_person_named_with_it():
    text = (
        "The minister received the UN Special Envoy for Yemen Carla Ostrander in Tashkent.\n"
        '"Dialogue is the only road," the Special Envoy said.'
    )
    assert speaker_of(text, "Dialogue") == "Carla Ostrander"


def test_a_state_speaks_through_its_ministry_written_in_lower_case():
    text = 'Kazakhstan\'s foreign ministry called the decision "a step backwards" on Monday.'
    assert speaker_of(text, "a step") == "Kazakhstan"


def test_the_subject_after_while_is_the_named_person_not_the_name_in_the_apposition():
    text = (
        "Officials in Baku were silent, while Rustam Aliyev, an adviser to President Ilham Aliyev, wrote that the "
        'talks were "going well".'
    )
    assert speaker_of(text, "going well") == "Rustam Aliyev"


def test_a_partial_quote_is_not_attributed_to_the_subject_of_the_next_clause():
    text = 'Armenia\'s government welcomed the "historic step", while Pavel Reed, an analyst, said it would not last.'
    assert speaker_of(text, "historic step") == "Armenia"


def test_a_meeting_or_visit_reported_as_future_is_the_intent_to_meet():
    assert events("Antony Blinken will meet Kazakh President Kassym-Jomart Tokayev on Wednesday.") == [("meet", "036")]
    assert events("Antony Blinken met Kazakh President Kassym-Jomart Tokayev on Monday.") == [("met", "040")]


def test_a_participle_after_before_shares_the_tense_of_its_main_clause():
    found = events("Blinken will meet Tokayev on Wednesday before leaving for Uzbekistan.")
    assert ("leaving for", "036") in found


def test_after_a_meeting_with_someone_is_a_meeting_of_the_subject_of_the_verb_before_it():
    [event] = draft("Kazakh Foreign Minister Murat Nurtleu spoke after a meeting with Antony Blinken.")["events"]
    assert (event["cameo"], event["source"], event["target"]) == ("040", "Murat Nurtleu", "Antony Blinken")


def test_a_court_ordering_a_halt_is_an_administrative_sanction():
    assert events("A Russian court ordered the company to suspend its exports of grain.")[0][1] == "172"
    assert events("The European Union suspended talks with Georgia.")[0][1].startswith("16")


def test_voting_to_do_something_is_a_vote_not_the_thing():
    assert events("Lawmakers of the Georgian Dream party voted 84 to 4 to override the veto.") == []


def test_a_verb_in_minus_s_after_its_object_is_a_noun():
    assert events("Kazakhstan's oil exports to Germany grew by a third.") == []
    assert events("Kazakhstan exports oil to Germany.") == [("exports", "061")]


def test_a_capitalised_word_inside_a_sentence_is_no_light_verb():
    found = events("Russia said it would leave the New START arms treaty.")
    assert all(cameo[:2] != "07" for _, cameo in found)


def test_two_predicates_a_few_words_apart_state_one_event():
    found = events("Kyrgyz Foreign Minister Jeenbek Kulubaev arrived in Moscow on a working visit.")
    assert found == [("arrived in", "042")]


def test_the_subject_of_a_sentence_named_by_role_is_the_actor_of_a_later_verb():
    text = (
        "Prime Minister Irakli Kobakhidze defended the law. The premier told reporters it was fair and accused "
        "opposition groups of plotting a coup."
    )
    [event] = [e for e in draft(text)["events"] if e["cameo"] == "112"]
    assert event["source"] == "Irakli Kobakhidze"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Parliament overrode the president's veto of the bill, Georgia said.", "120"),
        ("Azerbaijan retook the town of Lachin in 2020.", "192"),
        ("Armenia will return four villages to Azerbaijan.", "084"),
        ("Residents of the village blocked the highway to Yerevan on Saturday.", "144"),
        ("Russian peacekeepers left Nagorno-Karabakh this week.", "087"),
        ("The United States announced visa restrictions on Georgian officials.", "163"),
        ("The Treasury Department froze the assets of two Kyrgyz banks, the United States said.", "163"),
        ("Uzbek Foreign Minister Bakhtiyor Saidov received the EU ambassador on Monday.", "043"),
        ("Moldova applied for EU membership in March 2022.", "022"),
    ],
)
def test_verbs_of_news_writing_are_coded(text, cameo):
    assert cameo in [c for _, c in events(text)]


def organisations(text: str) -> list[tuple[str, str]]:
    return [(m["text"], m["name"]) for m in draft(text)["mentions"] if m["kind"] == "organisation"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kazakhstan's state energy company QazaqGaz said exports would rise.", "QazaqGaz"),
        ("Dina Orlova, an analyst at Steppe Risk Partners, said the deal was fragile.", "Steppe Risk Partners"),
        ("Tengiz Minerals, a mining company based in Almaty, said it had halted work.", "Tengiz Minerals"),
        ("The minister wrote on X that the talks had ended.", "X"),
        ("ALMATY, Kazakhstan (AP) — The talks ended on Monday.", "AP"),
    ],
)
def test_an_organisation_is_named_by_what_the_article_says_of_it(text, name):
    assert name in [found for _, found in organisations(text)]


def test_the_initialism_of_an_organisation_named_in_full_is_that_organisation():
    text = "The Caspian Development Bank lent $40 million. CDB officials said work would start in May."
    assert ("CDB", "Caspian Development Bank") in organisations(text)


def test_an_interviewers_label_is_an_outlet_and_the_interviewees_is_a_person():
    text = (
        "Interview with Aliya Sarsen\n"
        "Stepnews: Why now?\n"
        "Sarsen: Because the border is open.\n"
        "Stepnews: And next?\n"
        "Sarsen: We wait.\n"
    )
    assert [name for _, name in organisations(text)] == ["Stepnews", "Stepnews"]


def test_a_title_that_opens_a_run_is_not_part_of_the_organisation_after_it():
    text = "Uzbekistan hosted the Special Representative of the European Union on Monday."
    assert ("European Union", "European Union") in organisations(text)
    assert all("Representative" not in written for written, _ in organisations(text))


def test_a_possessive_is_not_part_of_an_organisations_name():
    text = "Ukraine's Naftogaz, the state energy company, said it had paid."
    countries = [m["text"] for m in draft(text)["mentions"] if m["kind"] == "country"]
    assert countries == ["Ukraine"]
    assert ("Naftogaz", "Naftogaz") in organisations(text)


def test_a_family_name_written_first_refers_back_to_the_full_name():
    text = 'Chinese Foreign Minister Wang Yi met his Russian counterpart. "Our ties are solid," Wang said.'
    assert speaker_of(text, "Our ties") == "Wang Yi"


def test_an_organisations_head_word_alone_names_the_organisation_named_before():
    text = 'The European Commission proposed new measures. "This package targets evasion," the Commission said.'
    assert speaker_of(text, "This package") == "European Commission"


def test_a_states_institution_acts_for_the_state():
    [event] = draft("Georgian parliament overrides veto on foreign agents law")["events"]
    assert (event["cameo"], event["source"]) == (
        "120",
        "Georgia",
    )  # the state by its name, not the adjective the text uses


def test_a_participle_that_describes_people_is_no_event():
    text = "The money will retrain migrant workers returning from Russia, Blinken said."
    assert all(e["verb"] != "returning from" for e in draft(text)["events"])


@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        ("Trade reached $6 billion in 2023, up 12 percent on the previous year.", "the previous year", "2022", "year"),
        ("Exports rose tenfold in 2022 from a year earlier.", "a year earlier", "2021", "year"),
        ("Prices rose in March 2022, twice as fast as a year earlier.", "a year earlier", "2021-03", "month"),
    ],
)
def test_the_previous_year_counts_back_from_the_year_the_sentence_names(text, expression, value, precision):
    [date] = [d for d in draft(text)["dates"] if d["text"] == expression]
    assert (date["value"], date["precision"]) == (value, precision)


def test_the_previous_year_with_no_year_named_gets_no_date():
    assert all(d["text"] != "the previous year" for d in draft("Sales fell compared to the previous year.")["dates"])


# Issue 13, third round: speakers and quote kinds (classes of error found on the articles of held-out-4).


def quote_of(text: str, quoted: str) -> dict:
    return next(q for q in draft(text)["quotes"] if q["text"].startswith(quoted))


def test_the_subject_is_the_name_before_a_relative_clause_not_a_place_inside_it():
    text = 'Jonas Berg, who met Xi Jinping in Beijing, China, last week, described the talks as "very open".'
    assert speaker_of(text, "very open") == "Jonas Berg"


def test_its_ministry_speaks_for_the_state_named_before():
    text = "Norway has long promised a deal. On Monday its foreign ministry said Oslo was “ready to talk” with Sweden."
    assert speaker_of(text, "ready to talk") == "Norway"


def test_a_verb_ending_in_read_is_no_scare_cue():
    quote = quote_of("The Interior Ministry said the bloggers had spread “lies about the army”.", "lies")
    assert (quote["kind"], quote.get("speaker")) == ("partial", "Interior Ministry")


def test_a_threat_or_an_appeal_introduces_a_partial_quote():
    text = 'Olaf Brandt, the deputy chairman of the council, threatened a response that would be "swift and hard."'
    assert speaker_of(text, "swift") == "Olaf Brandt"


def test_a_partial_quote_with_the_comma_inside_the_marks_takes_the_attribution_after_it():
    text = "Leaving the union is “a price worth paying,” says Petra Holm, an economist at Nordbank. “It will hurt.”"
    assert (speaker_of(text, "a price"), speaker_of(text, "It will")) == ("Petra Holm", "Petra Holm")


def test_a_headline_clause_before_a_colon_is_no_speaker_the_body_gives_one():
    text = (
        "Berg and Lind sign port deal: “The dispute is over”\n"
        "OSLO – Jonas Berg and Maria Lind signed the deal on Monday.\n"
        "“The dispute is over,” Lind said."
    )
    quote = draft(text)["quotes"][0]
    assert (quote["kind"], quote.get("speaker")) == ("full", "Maria Lind")


def test_a_quotation_paragraph_without_attribution_is_spoken_by_the_person_named_just_before():
    text = "Prime Minister Jonas Berg spoke in Oslo on Monday.\n“We will never give up our ports. They are ours.”"
    assert speaker_of(text, "We will never") == "Jonas Berg"


def test_a_quotation_introduced_by_a_clause_of_its_own_does_not_continue_the_previous_speaker():
    text = "“We are ready,” Berg said. As one diplomat put it, “Nobody wants a war here.”"
    assert speaker_of(text, "Nobody wants") is None


def test_an_utterance_right_after_said_without_that_is_a_full_quote():
    text = "“The guards said ‘go home, nobody will hurt you’, and we left,” Anna Kovacs recalled."
    assert quote_of(text, "go home")["kind"] == "full"


def test_an_agreement_to_meet_is_one_event_the_intent_to_meet():
    assert events("Jonas Berg and Maria Lind agreed to meet Swedish Prime Minister Ulf Kristersson.") == [
        ("meet", "036")
    ]


# Issue 13, fourth round: the classes of error found in held-out-6 (then moved to dev), each with a made-up sentence.


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        (
            "Minister of Foreign Affairs of the Republic of Tajikistan Sirojiddin Muhriddin met his Kyrgyz colleague.\n"
            '"The border is settled," the head of the Foreign Ministry noted.',
            "The border",
            "Sirojiddin Muhriddin",
        ),
        (
            "Kazakh Grain Holding said exports rose. Kazakh Grain Holding ships wheat to Iran. Its partners include "
            'Bunge Ltd. and Cargill Inc.\n"Our terminal is full," the company said in a statement.',
            "Our terminal",
            "Kazakh Grain Holding",
        ),
        (
            'Officials in Kyiv were cautious.\n"A truce would only help the invader." That was how Oleksiy Marchenko, '
            "an adviser to the prime minister, described the plan on Monday.",
            "A truce",
            "Oleksiy Marchenko",
        ),
        (
            'Kazakhstan sells oil abroad. Astana condemned the strike, saying it was "completely unacceptable".',
            "completely",
            "Kazakhstan",
        ),
        ('In a statement, the United States government said the rules were "specific".', "specific", "United States"),
        (
            "Deputy Minister Pavel Orlov received Armenian Ambassador to Russia Hovik Sargsyan on Monday. "
            'According to Orlov, the ambassador assured him that Yerevan was "not leaving" the bloc.',
            "not leaving",
            "Hovik Sargsyan",
        ),
        (
            'Ukraine\'s Permanent Representative to the UN Olena Bondar said the vote was "historic".',
            "historic",
            "Olena Bondar",
        ),
    ],
    ids=[
        "the head of a body is the person named before with that office",
        "the company is the one the story is about, not the last one listed",
        "the next sentence names the speaker",
        "a state speaking through its capital is named as the state",
        "a state's government is named as the state",
        "an ambassador to a country is a title, and assured reports speech",
        "a title with to before the name",
    ],
)
def test_speakers_of_the_fourth_round(text, quoted, speaker):
    assert speaker_of(text, quoted) == speaker


def test_a_title_without_a_name_after_it_is_no_person():
    text = 'Ukraine\'s Permanent Representative to the UN Olena Bondar said the vote was "historic".'
    assert [m["text"] for m in draft(text)["mentions"] if m["kind"] == "person"] == ["Olena Bondar"]


def test_a_name_ends_before_its_country_and_a_date():
    text = "Mr. Rubio met President Volodymyr Zelensky of Ukraine on Feb. 28 in Washington."
    people = [m["text"] for m in draft(text)["mentions"] if m["kind"] == "person"]
    assert "Volodymyr Zelensky" in people and "Feb" not in people


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        ("The envoy was expected to arrive in Moscow on Thursday.", dt.date(2025, 3, 13), "Thursday", "2025-03-13"),
        ("Full capacity should be restored in April, the minister said.", dt.date(2025, 3, 19), "April", "2025-04"),
        (
            "Peskov spoke on Friday, the day before the second anniversary of the start of the special military "
            "operation.",
            dt.date(2024, 2, 28),
            "the day before the second anniversary of the start of the special military operation",
            "2024-02-23",
        ),
    ],
)
def test_dates_of_this_round(text, published, expression, value):
    dates = {d["text"]: d.get("value") for d in draft_article(text, published)["dates"]}
    assert dates[expression] == value


def test_the_day_after_an_event_dated_many_sentences_before():
    text = (
        "The assembly voted on Tuesday. "
        + " ".join(f"Speaker number {word} spoke." for word in ("one", "two", "three", "four", "five", "six"))
        + " Others spoke too. Many were heard. Some left. Some stayed. The debate ended. "
        "The day after the vote, the minister flew home."
    )
    dates = {d["text"]: d.get("value") for d in draft_article(text, dt.date(2024, 12, 18))["dates"]}
    assert dates["The day after the vote"] == "2024-12-18"


def test_deporting_people_and_freezing_a_membership_are_events():
    assert ("deported", "174") in events("Russia has deported thousands of Ukrainian children.")
    assert events("Armenia has frozen its participation in the alliance.")[0][1] == "160"
