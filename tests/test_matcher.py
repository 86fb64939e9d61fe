"""The matcher on the hard cases: what it must find, how, and what it must leave alone."""

from __future__ import annotations

import pytest

from debrief.glossary import Entry, load_glossary
from debrief.matcher import EXACT, FUZZY, UNKNOWN, VARIANT, JargonMatcher


def found(matcher: JargonMatcher, text: str, **kwargs) -> dict[str, tuple[str, str | None]]:
    """surface -> (kind, id of the best sense)."""
    return {
        m.surface: (m.kind, m.entry.id if m.entry else None)
        for m in matcher.find(text, **kwargs)
        if not m.well_known
    }


@pytest.mark.parametrize(
    "text, surface, kind, entry_id",
    [
        ("The ICB met today.", "ICB", EXACT, "icb"),
        ("Three PCNs signed up.", "PCNs", VARIANT, "pcn"),
        ("The ICB's view was clear.", "ICB's", VARIANT, "icb"),
        ("the icb said no", "icb", VARIANT, "icb"),
        ("our pcn is small", "pcn", VARIANT, "pcn"),
        ("all the pcns agreed", "pcns", VARIANT, "pcn"),
        ("The Intergrated Care Board wants more.", "Intergrated Care Board", FUZZY, "icb"),
        ("Addtional Roles money again", "Addtional Roles", FUZZY, "arrs"),
        ("the populaton health managment dashboard", "populaton health managment", FUZZY, "phm"),
        ("Core 20 plus 5 slides", "Core 20 plus 5", VARIANT, "core20plus5"),
        ("Core20PLUS5 remains the framework", "Core20PLUS5", EXACT, "core20plus5"),
        (
            "the place-based partnership board",
            "place-based partnership",
            EXACT,
            "place-based-partnership",
        ),
        (
            "the place based partnership board",
            "place based partnership",
            VARIANT,
            "place-based-partnership",
        ),
        ("an integrated care board", "integrated care board", EXACT, "icb"),
        ("four virtual wards open", "virtual wards", VARIANT, "virtual-ward"),
    ],
)
def test_finds_terms(matcher, text, surface, kind, entry_id):
    assert found(matcher, text)[surface] == (kind, entry_id)


def test_network_contract_des_is_one_term(matcher):
    result = found(matcher, "We must sign the Network Contract DES by May.")
    assert result == {"Network Contract DES": (EXACT, "network-contract-des")}


@pytest.mark.parametrize(
    "text",
    [
        "IT is down again, OK?",
        "Patients from across the UK.",
        "Date TBC. AOB: none.",
        "ACTION: JS to follow up.",
        "## PATIENT SAFETY AND QUALITY UPDATE",
        "Locum invoices for JAN–MAR are late.",
        "Seen on 3 Mar by the team.",
        "ice on the car park, care home visits, nice lunch",
        "pin the plan on the wall; dna results came back",
        "the ace of spades",
        "Action plans in place. The meeting took place in May.",
        "All on the clinical system by July.",
        "The two most deprived neighbourhoods.",
        "Integrated working is better for everyone.",  # an ordinary word close to a term
        "She is planning to present the paper.",
    ],
)
def test_leaves_ordinary_text_alone(matcher, text):
    assert found(matcher, text) == {}


def test_initials_of_attendees_are_never_flagged(matcher):
    text = "KP and CJW agreed. CJW to send the PCN list."
    assert "CJW" in found(matcher, text)  # an unknown acronym, until we know it is a person
    result = found(matcher, text, attendees=["KP (Chief Nurse)", "Chris J Wood"])
    assert "CJW" not in result and result["PCN"] == (EXACT, "pcn")


def test_attendee_initials_hide_a_glossary_term_they_collide_with(matcher):
    text = "CD to chase the data."
    assert found(matcher, text)["CD"][0] == EXACT
    assert found(matcher, text, attendees=["Clare Doyle"]) == {}


def test_initials_introduced_in_the_notes_are_not_unknown(matcher):
    text = "Present: RTW (chair), BFG (finance).\nRTW asked about the XQZ report."
    result = found(matcher, text)
    assert "RTW" not in result and "BFG" not in result
    assert result["XQZ"] == (UNKNOWN, None)


def test_unknown_acronyms_are_reported(matcher):
    result = found(matcher, "The XYZB paper and the QWRT plan.")
    assert result == {"XYZB": (UNKNOWN, None), "QWRT": (UNKNOWN, None)}


def test_short_tokens_are_never_fuzzy(matcher):
    # "PNC" is one letter-swap from "PCN", but short tokens are never corrected.
    assert all(kind != FUZZY for kind, _ in found(matcher, "the PNC and the ICV").values())


def test_everyday_words_are_jargon_only_in_context(matcher):
    result = found(matcher, "'system' vs 'place' vs 'neighbourhood'")
    assert set(result) == {"system", "place", "neighbourhood"}
    assert found(matcher, "The place director spoke.")["place"][1] == "place"
    assert found(matcher, "System forecast deficit of £14m.")["System"][1] == "system"


def test_longest_match_wins(matcher):
    result = found(matcher, "NHS 111 callers and the NHS App")
    assert result["NHS 111"][1] == "nhs-111" and result["NHS App"][1] == "nhs-app"
    assert "NHS" not in result


def test_well_known_terms_are_matched_but_marked(matcher):
    matches = matcher.find("The GP saw the patient.")
    assert [(m.surface, m.well_known) for m in matches] == [("GP", True)]


@pytest.mark.parametrize(
    "text, surface, sense",
    [
        ("We will recruit an ACP with ARRS money this year.", "ACP", "acp"),
        (
            "The geriatrician wants every frail resident to have an ACP so families know their wishes.",
            "ACP",
            "acp-care-plan",
        ),
        ("PA supervision is the bottleneck for the ARRS team.", "PA", "pa"),
        ("Questions came in via the Chair's PA.", "PA", "pa-personal-assistant"),
        ("No PID in emails or complaint letters.", "PID", "pid"),
        ("The PID for the digital project went to the board.", "PID", "pid-project-document"),
        ("The last open SIs are closed under PSIRF.", "SIs", "si"),
        ("DHSC has laid an SI amending the regulations.", "SI", "si-statutory-instrument"),
        ("The PCN CD spoke at the forum.", "CD", "cd"),
        (
            "CDs for end-of-life patients did not reach home; pharmacy can help.",
            "CDs",
            "cd-controlled-drug",
        ),
        ("Sign up to the DES as one PCN.", "DES", "des"),
        ("diabetes: DES uptake low (retinal screening)", "DES", "des-eye-screening"),
    ],
)
def test_senses_are_chosen_by_context(matcher, text, surface, sense):
    match = next(m for m in matcher.find(text) if m.surface == surface)
    assert match.entry.id == sense
    assert len(match.senses) > 1, "the other senses stay available as alternatives"


def test_offsets_are_into_the_original_text(matcher):
    text = "Line one.\r\nThe ICB and\tthe PCN’s plan.\n\nmore"
    for m in matcher.find(text):
        assert text[m.start : m.end] == m.surface


def test_personal_terms_are_matched_and_take_precedence(glossary):
    mine = Entry(
        id="my-icb",
        term="ICB",
        expansion="Imaginary Cat Board",
        plain="My own meaning.",
        personal=True,
    )
    local = Entry(
        id="nwx",
        term="NWX",
        expansion="North West Exchange",
        plain="Our local data exchange.",
        personal=True,
    )
    matcher = JargonMatcher(glossary.with_personal([mine, local]))
    result = found(matcher, "The ICB and the NWX.")
    assert result == {"ICB": (EXACT, "my-icb"), "NWX": (EXACT, "nwx")}


def test_a_line_is_matched_once_and_cached(matcher):
    matcher.clear_cache()
    line = "The ICB and the PCN.\n"
    first = matcher.match_line(line)
    assert matcher.match_line(line) is first


def test_matcher_on_a_small_custom_glossary(tmp_path):
    (tmp_path / "mini.toml").write_text(
        '[[term]]\nid = "xo"\nterm = "XO"\nexpansion = "Extra Operations"\n'
        'plain = "A made-up term."\ncategory = "test"\nsource = "https://example.org"\n',
        encoding="utf-8",
    )
    matcher = JargonMatcher(load_glossary([tmp_path]))
    assert found(matcher, "The XOs and extra operations.") == {
        "XOs": (VARIANT, "xo"),
        "extra operations": (EXACT, "xo"),
    }
