"""Loading, checking and round-tripping the glossary."""

from __future__ import annotations

import pytest

from debrief.glossary import Entry, GlossaryError, load_glossary, read_entries
from debrief.glossary_check import check_files
from debrief.glossary_csv import HEADER, read_csv, write_csv, write_toml
from debrief.lookup import search

ENTRY = """
[[term]]
id = "{id}"
term = "{term}"
expansion = "Example Expansion"
plain = "{plain}"
category = "test"
context = ["cue"]
see_also = [{see_also}]
status = "current"
source = "https://example.org"
"""


def write(tmp_path, name, *entries):
    path = tmp_path / name
    path.write_text("".join(entries), encoding="utf-8")
    return path


def entry(id="one", term="ONE", plain="A short plain meaning.", see_also=""):
    return ENTRY.format(id=id, term=term, plain=plain, see_also=see_also)


def test_the_shipped_glossary_passes_its_own_check():
    assert [str(p) for p in check_files()] == []


def test_the_shipped_glossary_is_big_enough_and_well_formed(glossary):
    assert len(glossary) >= 150
    for e in glossary:
        assert e.id and e.term and e.expansion and e.plain and e.source.startswith("http")


def test_lookups_by_id_and_written_form(glossary):
    assert glossary["icb"].expansion.lower() == "integrated care board"
    assert [e.id for e in glossary.by_form("Integrated Care Board")] == ["icb"]
    assert {e.id for e in glossary.senses("acp")} >= {"acp", "acp-care-plan"}
    assert glossary.get("no-such-id") is None


def test_historical_terms_say_what_replaced_them(glossary):
    ccg = glossary["ccg"]
    assert ccg.historical and ccg.replaced_by == "icb"


def test_personal_terms_take_precedence_over_shipped_ones(glossary):
    mine = Entry(id="my-pcn", term="PCN", expansion="Pan-City Network", plain="Ours.")
    merged = glossary.with_personal([mine])
    assert [e.id for e in merged.senses("PCN")] == ["my-pcn"]
    assert merged["my-pcn"].personal
    assert "pcn" not in merged and "icb" in merged
    assert len(glossary.senses("PCN")) == 1 and glossary.senses("PCN")[0].id == "pcn"


def test_check_reports_every_problem_with_file_and_entry(tmp_path):
    path = write(
        tmp_path,
        "bad.toml",
        entry(id="one", see_also='"nowhere"'),
        entry(id="one", term="TWO"),
        entry(id="Bad Id", term="THREE", plain="Uses the ZQX scheme and " + "word " * 40),
        '[[term]]\nid = "four"\nterm = "FOUR"\nflavour = "x"\n',
    )
    problems = [str(p) for p in check_files([path])]
    expected_fragments = [
        "entry one: see_also 'nowhere' is not an entry id",
        "entry one: duplicate id",
        "entry Bad Id: id must be lower-case",
        "entry Bad Id: plain has 45 words",
        "entry Bad Id: plain uses 'ZQX'",
        "entry four: unknown field 'flavour'",
        "entry four: missing 'plain'",
    ]
    for fragment in expected_fragments:
        assert any(p.startswith(f"{path}: ") and fragment in p for p in problems), fragment


def test_several_senses_need_context_cues(tmp_path):
    text = entry(id="a1", term="AB").replace('context = ["cue"]', "context = []")
    path = write(tmp_path, "senses.toml", text, entry(id="a2", term="AB"))
    problems = [str(p) for p in check_files([path])]
    assert problems == [f"{path}: entry a1: 'AB' has several senses: give context cue words"]


def test_malformed_toml_names_the_file_and_line(tmp_path):
    path = write(tmp_path, "broken.toml", entry(), '[[term]]\nid = "x\n')
    with pytest.raises(GlossaryError, match=r"broken\.toml: invalid TOML: .*line 13"):
        read_entries([path])
    problems = [str(p) for p in check_files([path])]
    assert len(problems) == 1 and "broken.toml: entry -: invalid TOML" in problems[0]


def test_non_utf8_glossary_is_a_clear_error(tmp_path):
    path = tmp_path / "latin.toml"
    path.write_bytes(entry().encode("utf-8") + "é".encode("latin-1"))
    with pytest.raises(GlossaryError, match="latin.toml: not UTF-8"):
        load_glossary([path])


def test_missing_glossary_path(tmp_path):
    with pytest.raises(GlossaryError, match="no such file"):
        load_glossary([tmp_path / "nope.toml"])


def test_csv_round_trip_keeps_every_entry(glossary, tmp_path):
    csv_path = tmp_path / "glossary.csv"
    assert write_csv(glossary, csv_path) == len(glossary)
    header = csv_path.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith(",".join(HEADER))
    back = read_csv(csv_path)
    assert [e.to_dict() for e in back] == [e.to_dict() for e in glossary]
    toml_path = tmp_path / "back.toml"
    write_toml(back, toml_path)
    again = load_glossary([toml_path])
    assert [e.to_dict() for e in again] == [e.to_dict() for e in glossary]
    assert check_files([toml_path]) == []


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "line 1: the file is empty"),
        ("id,term\n", "line 1: header lacks column(s) expansion"),
        (",".join(HEADER) + ",colour\n", "line 1: unknown column(s) colour"),
        (",".join(HEADER) + "\nx,X,Ex,Plain,c,,,,current\n", "line 2: 9 columns, expected 10"),
        (
            ",".join(HEADER) + "\nx,X,Ex,,c,,,,current,https://e.org\n",
            "line 2: field 'plain' is empty",
        ),
        (",".join(HEADER) + '\nx,X,Ex,"unclosed\n', "line 2:"),
        (
            ",".join(HEADER) + "\n\nx,X,E,P,c,,,,current,s\nx,X,E,P,c,,,,current,s\n",
            "line 4: id 'x' repeats line 3",
        ),
    ],
)
def test_bad_csv_names_the_file_and_line(tmp_path, content, message):
    path = tmp_path / "terms.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        read_csv(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_search_exact_then_fuzzy(glossary):
    results = search(glossary, "ACP")
    assert {r.entry.id for r in results[:2]} == {"acp", "acp-care-plan"}
    assert all(r.exact for r in results[:2])
    fuzzy = search(glossary, "intergrated care bord")
    assert fuzzy[0].entry.id == "icb" and not fuzzy[0].exact
    assert search(glossary, "qqqqzzzz") == []


REQUIRED_TERMS = """GMS PMS APMS QOF IIF CAIP ARRS CQRS GPAD PCSE CIP QIPP MFF S75 BCF AfC WTE CQC PSIRF LFPSE
Datix EPR DSPT SUS HES PHM Core20PLUS5 IMD LSOA UEC SDEC UCR D2A OPEL ASC CHC DST HWB JSNA JFP ToR BAF
SFIs CVD LTC SMI LD MDT DNA CCG STP PCT SHA NHSI NHSEI IAPT GPFV DToC LMC ICB ICS ICP PCN""".split()
REQUIRED_PHRASES = [
    "block contract",
    "GP Connect",
    "NHS App",
    "SNOMED CT",
    "national data opt-out",
    "virtual ward",
    "criteria to reside",
    "Long Term Plan",
    "quorate",
    "operational planning guidance",
    "system oversight framework",
    "place",
    "system",
    "neighbourhood",
    "footprint",
    "partner member",
    "segmentation",
    "declaration of interest",
    "Network Contract DES",
]
SEVERAL_SENSES = "ACP PA PID SI CD DES CHC PMS MDT ICT SAS PM OT".split()
HISTORICAL = "CCG STP PCT SHA NHSI NHSEI IAPT QIPP GPFV DToC".split()


@pytest.mark.parametrize("term", REQUIRED_TERMS + REQUIRED_PHRASES)
def test_the_terms_a_new_leader_meets_are_all_there(glossary, term):
    results = search(glossary, term, limit=3)
    assert results and results[0].exact, term


@pytest.mark.parametrize("term", SEVERAL_SENSES)
def test_ambiguous_acronyms_have_separate_senses_with_cues(glossary, term):
    senses = glossary.senses(term)
    assert len(senses) >= 2, term
    assert all(len(s.context) >= 3 for s in senses)


@pytest.mark.parametrize("term", HISTORICAL)
def test_historical_terms_are_marked(glossary, term):
    assert any(e.historical for e in glossary.senses(term) + glossary.by_form(term)), term


def test_every_definition_is_short_and_plain(glossary):
    from debrief.readability import median_grade

    assert all(len(e.plain.split()) <= 40 for e in glossary)
    assert median_grade(e.plain for e in glossary) <= 7


def test_gist_says_what_a_term_stands_for_or_starts_its_meaning(glossary):
    from debrief.glossary import gist

    assert gist(glossary["icb"]) == "integrated care board"
    place = gist(glossary["place"])
    assert place != "place" and len(place) <= 41 and place.split()[0] in glossary["place"].plain
