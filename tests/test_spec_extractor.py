"""Markdown specification extractor: by identifier (spec.md) and by BCP 14 keyword (real specs)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from docgen.errors import ConfigError, InputError
from docgen.readers.spec_markdown import extract, read_spec_markdown
from docgen.readers.spec_markdown.keywords import find_keywords, is_boilerplate
from docgen.readers.spec_markdown.sentences import split_sentences
from tests.spec_counts import KEYWORDS, independent_count, without_boilerplate

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "docs" / "formats"
REAL = ROOT / "tests" / "data" / "realworld_specs_core"
DATA = Path(__file__).parent / "data" / "specs"

# tests/data/realworld_specs_core/README.md, "without the BCP 14 boilerplate paragraph" column, in the
# order of KEYWORDS.
README_COUNTS = {
    "rfc9114.md": [99, 53, 0, 0, 51, 10, 0, 1, 0, 46, 0],
    "draft-ietf-httpbis-rfc6265bis.md": [34, 11, 0, 0, 24, 6, 0, 2, 0, 19, 0],
    "3.1.0.md": [55, 7, 21, 0, 19, 1, 27, 3, 1, 84, 1],
}
README_WHOLE_FILE = {
    "rfc9114.md": [99, 53, 0, 0, 51, 10, 0, 1, 0, 46, 0],
    "draft-ietf-httpbis-rfc6265bis.md": [35, 12, 1, 1, 25, 7, 1, 3, 1, 20, 1],
    "3.1.0.md": [56, 8, 22, 1, 20, 2, 28, 4, 2, 85, 2],
}
# Beside the key-words paragraph, rfc6265bis's conformance section says how the key words apply
# to imperative algorithm steps ('... are to be interpreted with the meaning of the key word
# ("MUST", "SHOULD", "MAY", etc.) used in introducing the algorithm'): it names the key words
# and says how they are used, so it holds no requirement either (issue 16), while the README's
# column counted its three keywords.
CONVENTIONS = {"draft-ietf-httpbis-rfc6265bis.md": Counter({"MUST": 1, "SHOULD": 1, "MAY": 1})}


def held(requirements) -> Counter:
    return Counter(k for r in requirements for k in r.keywords)


# --- acceptance on the real specifications --------------------------------------------------

@pytest.mark.parametrize("name", sorted(README_COUNTS))
def test_independent_counter_agrees_with_readme(name):
    text = (REAL / name).read_text(encoding="utf-8")
    whole = independent_count(text)
    assert [whole[k] for k in KEYWORDS] == README_WHOLE_FILE[name]
    assert [independent_count(without_boilerplate(text))[k] for k in KEYWORDS] == \
        README_COUNTS[name]


@pytest.mark.parametrize("name", sorted(README_COUNTS))
def test_keyword_mode_holds_every_keyword_once(name):
    text = (REAL / name).read_text(encoding="utf-8")
    requirements = extract(text, "keyword")
    counts = held(requirements)
    conventions = CONVENTIONS.get(name, Counter())
    assert [counts[k] + conventions[k] for k in KEYWORDS] == README_COUNTS[name]
    assert counts == independent_count(without_boilerplate(text)) - conventions
    assert all(r.keywords for r in requirements)
    assert all(r.keywords == find_keywords(r.text) for r in requirements)
    ids = [r.id for r in requirements]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("name", sorted(README_COUNTS))
def test_real_specifications_are_read_by_keyword_by_default(name):
    source = read_spec_markdown(REAL / name)
    assert held_dicts(source.data["requirements"]) == held(extract(
        (REAL / name).read_text(encoding="utf-8"), "keyword"))
    assert source.format == "markdown"


def held_dicts(requirements) -> Counter:
    return Counter(k for r in requirements for k in r["keywords"])


def test_rfc9114_sections_are_numbered_as_the_rfc():
    requirements = extract((REAL / "rfc9114.md").read_text(encoding="utf-8"), "keyword")
    first = requirements[0]
    assert (first.id, first.section, first.level) == (
        "3.1-1", "3.1. Discovering an HTTP/3 Endpoint", "must")
    assert first.text.startswith("Upon receiving a server certificate in the TLS handshake")
    by_id = {r.id: r for r in requirements}
    assert by_id["4.1-1"].text == "A client MUST send only a single request on a given stream."
    assert by_id["4.1-1"].line == 399
    assert not any("HTTP_1_1_REQUIRED" in r.text and "REQUIRED" in r.keywords
                   for r in requirements)


def test_kramdown_rfc_numbering_and_appendices():
    text = ("---\ntitle: Demo\n--- abstract\n\nThis MAY be read.\n\n--- middle\n\n"
            "# Intro\n\nA MUST hold.\n\n## Terms\n\nB SHOULD hold.\n\n"
            "# Ack\n{:numbered=\"false\"}\n\nC MAY hold.\n\n# Next\n\nD MUST hold.\n\n"
            "--- back\n\n# Changes\n\n## Since 01\n\nE MUST hold.\n")
    assert [(r.id, r.section) for r in extract(text)] == [
        ("abstract-1", "Abstract"), ("1-1", "1. Intro"), ("1.1-1", "1.1. Terms"),
        ("ack-1", "Ack"), ("2-1", "2. Next"), ("A.1-1", "A.1. Since 01")]


def test_rfc6265bis_boilerplate_and_split_pairs():
    requirements = extract(
        (REAL / "draft-ietf-httpbis-rfc6265bis.md").read_text(encoding="utf-8"), "keyword")
    assert not any("are to be interpreted as described in BCP 14" in r.text
                   for r in requirements)
    by_id = {r.id: r for r in requirements}
    assert by_id["4.2.2-1"].text == ("Although cookies are serialized linearly in the Cookie "
                                     "header field, servers SHOULD NOT rely upon the "
                                     "serialization order.")
    assert by_id["4.2.2-1"].keywords == ["SHOULD NOT"]
    assert by_id["4.2.2-1"].level == "should"
    assert by_id["5.5-3"].keywords == ["RECOMMENDED", "MAY"]


def test_openapi_tables_emphasis_and_may_not():
    requirements = extract((REAL / "3.1.0.md").read_text(encoding="utf-8"), "keyword")
    rows = [r for r in requirements if " | " in r.text]
    assert len({r.line for r in rows}) == 77  # the README's count of table rows holding a keyword
    assert len(rows) == 113  # one requirement per keyword sentence of their cells (issue 16)
    openapi = [r for r in rows if r.id.startswith("openapi-object-fixed-fields-1")]
    assert [(r.id, r.keywords) for r in openapi] == [
        ("openapi-object-fixed-fields-1a", ["REQUIRED"]),
        ("openapi-object-fixed-fields-1b", ["MUST"]),
        ("openapi-object-fixed-fields-1c", ["SHOULD"])]
    assert openapi[2].text == ("openapi | `string` | The `openapi` field SHOULD be used by "
                               "tooling to interpret the OpenAPI document. This is *not* related "
                               "to the API [`info.version`](#infoVersion) string.")
    title = next(r for r in rows if r.text.startswith("title | `string` | **REQUIRED**"))
    assert (title.id, title.section, title.level) == (
        "info-object-fixed-fields-1", "Info Object / Fixed Fields", "must")
    assert '<a name="' not in title.text
    versions = [r for r in requirements if r.section == "Versions"]
    assert [r.keywords for r in versions] == [["SHALL"], ["SHOULD"], ["SHOULD NOT"]]
    assert versions[2].text == ("The patch version SHOULD NOT be considered by tooling, making "
                                "no distinction between `3.1.0` and `3.1.1` for example.")
    may_not = next(r for r in requirements if "MAY NOT" in r.text)
    assert may_not.keywords == ["MAY", "MAY"]
    emphasised = [r for r in requirements if "_MUST_" in r.text]
    assert len(emphasised) == 2 and all("MUST" in r.keywords for r in emphasised)


# --- identifier mode on the contract ---------------------------------------------------------

def test_contract_spec_read_by_identifier():
    source = read_spec_markdown(FORMATS / "spec.md")
    data = source.data
    assert data["specification"] == {"title": "Self-Service Portal Specification",
                                     "reference": "SPEC-ESS-002", "version": "2.0"}
    got = [(r["id"], r["section"], r["level"], r["keywords"]) for r in data["requirements"]]
    assert got == [
        ("ESS-001", "1. Access", "must", ["MUST"]),
        ("ESS-002", "1. Access", "should", ["SHOULD"]),
        ("ESS-003", "2. Payslips", "must", ["MUST"]),
        ("ESS-004", "2. Payslips", "may", ["MAY"]),
        ("ESS-005", "3. Leave requests", "must", ["MUST NOT"]),
        ("ESS-006", "3. Leave requests", "should", ["SHOULD"]),
    ]
    assert data["requirements"][4]["text"] == \
        "A leave request MUST NOT be approved by its own requester."
    assert [source.lines[f"requirements[{i}]"] for i in range(6)] == [25, 27, 31, 32, 40, 41]
    assert source.lines["specification.reference"] == 3
    assert source.line_of("requirements[5].level") == 41


def test_code_block_identifier_is_never_a_requirement():
    text = (FORMATS / "spec.md").read_text(encoding="utf-8")
    for mode in ("id", "keyword"):
        assert not any("ESS-999" in (r.id + r.text) for r in extract(text, mode))


# --- my own specifications in other styles ---------------------------------------------------

def rows(requirements):
    return [(r.id, r.section, r.level, r.keywords, r.text, r.line) for r in requirements]


def test_w3c_style_spec():
    source = read_spec_markdown(DATA / "w3c_style.md")
    assert source.data["specification"] == {"title": "Web Widget Manifest"}
    requirements = extract((DATA / "w3c_style.md").read_text(encoding="utf-8"))
    assert rows(requirements) == [
        ("2.1-1", "2.1 The `name` member", "must", ["MUST"],
         "User agents MUST support names of at least 45 characters, i.e. a name shorter than "
         "that is never truncated.", 22),
        ("2.1-2", "2.1 The `name` member", "should", ["SHOULD"],
         "Authors SHOULD keep names short (see Section 4.2. for layout).", 23),
        ("2.1-3", "2.1 The `name` member", "may", ["MAY"], "Names MAY contain emoji.", 24),
        ("2.1-4", "2.1 The `name` member", "must", ["MUST"],
         "A manifest processor: MUST ignore a `name` that is not a string.", 28),
        ("2.1-5", "2.1 The `name` member", "should", ["SHOULD"],
         "A manifest processor: SHOULD trim leading and trailing white space, etc.", 29),
        ("2.1-6", "2.1 The `name` member", "may", ["MAY"],
         "A manifest processor: MAY warn the developer in a console.", 30),
        ("2.2-1", "2.2 The `version` member", "must", ["MUST NOT"], "It MUST NOT be empty.", 34),
        ("2.2-2", "2.2 The `version` member", "may", ["MAY"],
         "The schema at https://example.org/v1.10/manifest.schema.json MAY be used to "
         "validate it.", 35),
        ("3-1", "3. Processing", "must", ["MUST"],
         "To process a manifest, the user agent MUST run these steps:", 46),
        ("3-2", "3. Processing", "must", ["MUST"], "If parsing fails, the user agent MUST abort.",
         48),
        ("3-3", "3. Processing", "should", ["SHOULD"],
         "For each member of *json*, the user agent SHOULD report unknown members to the "
         "developer.", 50),
    ]


def test_rfc2119_variant_spec():
    requirements = extract((DATA / "rfc2119_variant.md").read_text(encoding="utf-8"))
    assert [(r.id, r.level, r.keywords) for r in requirements] == [
        ("transport-1", "must", ["MUST"]),
        ("transport-2", "must", ["MUST NOT"]),
        ("transport-3", "must", ["MUST", "REQUIRED"]),
        ("transport-4", "must", ["MUST"]),
        ("transport-5", "should", ["MAY", "NOT RECOMMENDED"]),
        ("transport-6", "must", ["REQUIRED"]),
        ("transport-7", "may", ["OPTIONAL"]),
        ("transport-8", "must", ["SHALL"]),
        ("transport-9", "must", ["SHALL NOT"]),
    ]
    assert requirements[1].text == "The collector MUST NOT accept plain-text connections."
    assert requirements[5].text == "`ts` | **REQUIRED** | Timestamp in RFC 3339 format."
    assert {r.section for r in requirements} == {"Transport"}


def test_corporate_spec_with_ids_lists_tables_and_heading_ids():
    source = read_spec_markdown(DATA / "corporate_req.md")
    assert source.data["specification"] == {
        "title": "Expense Management System", "reference": "ACME-EXP-007", "version": "1.2",
        "date": "2026-03-01"}
    got = [(r["id"], r["section"], r["level"], r["text"]) for r in source.data["requirements"]]
    assert got == [
        ("REQ-10", "1. Submission", "must",
         "Employees shall submit an expense report from a mobile phone."),
        ("REQ-11", "1. Submission", "must",
         "The form MUST accept receipts as photos: JPEG and PNG; PDF up to 10 MB."),
        ("REQ-12", "1. Submission", "should",
         "Drafts SHOULD be saved every minute. They MAY be deleted by their owner."),
        ("REQ-13", "1. Submission", "must", "Reports are submitted in euros."),
        ("REQ-14", "1. Submission", "may", "Amounts may be rounded to the cent."),
        ("REQ-20", "2. Approval", "must", "A report above 500 EUR is approved by two managers."),
        ("REQ-21", "2. Approval", "should", "Managers are reminded after 3 days."),
        ("REQ-22", "2. Approval", "may", "Approval MAY be delegated during absences."),
        ("REQ-30", "2. Approval", "must",
         "Audit trail: Every change of status MUST be logged with its author and time. "
         "AES-256 encryption protects the log at rest."),
    ]
    assert [source.lines[f"requirements[{i}]"] for i in range(9)] == \
        [14, 16, 19, 22, 23, 29, 30, 31, 33]


def test_spec_without_keywords_or_ids():
    path = DATA / "no_keywords.md"
    text = path.read_text(encoding="utf-8")
    assert extract(text) == []
    with pytest.raises(InputError) as caught:
        read_spec_markdown(path)
    assert caught.value.lines() == [
        f"{path}: no requirement found in keyword mode (no upper-case BCP 14 keyword found); "
        "try --mode id or --id-pattern"]
    with pytest.raises(InputError) as caught:
        read_spec_markdown(path, mode="id")
    assert "no requirement found in id mode" in str(caught.value)
    assert "try --mode keyword" in str(caught.value)


# --- options and bad input -------------------------------------------------------------------

def test_custom_id_pattern(tmp_path):
    path = tmp_path / "custom.md"
    path.write_text("# Rules\n\nSEC.1: Passwords MUST be hashed.\n\nSEC.2 Logs should rotate.\n"
                    "\nESS-001: not matched by the custom pattern.\n", encoding="utf-8")
    source = read_spec_markdown(path, id_pattern=r"SEC\.\d+")
    assert [(r["id"], r["level"], r["text"]) for r in source.data["requirements"]] == [
        ("SEC.1", "must", "Passwords MUST be hashed."),
        ("SEC.2", "should", "Logs should rotate."),
    ]


def test_keyword_mode_forced_on_identifier_spec():
    requirements = extract((FORMATS / "spec.md").read_text(encoding="utf-8"),
                           "keyword")
    by_text = {r.text: r for r in requirements}
    assert by_text["ESS-005: A leave request MUST NOT be approved by its own requester."].id \
        == "3-1"


@pytest.mark.parametrize("content", ["", "\n\n  \n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.md"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="is empty"):
        read_spec_markdown(path)


def test_bad_options(tmp_path):
    path = tmp_path / "spec.md"
    path.write_text("ABC-1: It MUST work.\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a valid regular expression"):
        read_spec_markdown(path, id_pattern="([A-Z")
    with pytest.raises(ConfigError, match="--mode"):
        read_spec_markdown(path, mode="sentence")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_spec_markdown(tmp_path / "nope.md")


# --- the pieces ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("It MUST work. It MAY fail.", ["MUST", "MAY"]),
    ("It MUST\nNOT fail; it SHOULD   NOT either.", ["MUST NOT", "SHOULD NOT"]),
    ("HTTP_1_1_REQUIRED and _MUST_ and __SHALL__ and **REQUIRED**", ["MUST", "SHALL",
                                                                     "REQUIRED"]),
    ("MUSTARD, MAYBE, must, may, Must", []),
    ("It is NOT RECOMMENDED; it MAY NOT be.", ["NOT RECOMMENDED", "MAY"]),
    ("A_MUST or MUST_B", []),
])
def test_find_keywords(text, expected):
    assert find_keywords(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Use a header, e.g., Accept. Then stop.", ["Use a header, e.g., Accept.", "Then stop."]),
    ("Pick one (i.e. GET or HEAD) now. Done.", ["Pick one (i.e. GET or HEAD) now.", "Done."]),
    ("Tokens, dates, etc. are text. Fine.", ["Tokens, dates, etc. are text.", "Fine."]),
    ("See Section 4.2. The next one.", ["See Section 4.2.", "The next one."]),
    ("Version 1.10.0 is out. Use it.", ["Version 1.10.0 is out.", "Use it."]),
    ("Call `a. B` here. Next.", ["Call `a. B` here.", "Next."]),
    ("Get https://x.org/v1.2/a.html. Then run.", ["Get https://x.org/v1.2/a.html.",
                                                  "Then run."]),
    ('See [it](https://x.org/a "Sec. A. Title") now. End.',
     ['See [it](https://x.org/a "Sec. A. Title") now.', "End."]),
    ("Steps {{Sec. A}} apply. End.", ["Steps {{Sec. A}} apply.", "End."]),
    ("By J. Smith et al. [REF] today.", ["By J. Smith et al. [REF] today."]),
    ('He said "stop." Then left.', ['He said "stop."', "Then left."]),
])
def test_split_sentences(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_boilerplate_variants():
    assert is_boilerplate('The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", '
                          '"SHOULD", "SHOULD NOT", "RECOMMENDED", "MAY", and "OPTIONAL" in this '
                          'document are to be interpreted as described in RFC 2119.')
    assert is_boilerplate("The key words MAY, MUST, MUST NOT, and SHOULD in this document are "
                          "to be interpreted as described in BCP 14 [[RFC2119]] [[RFC8174]] "
                          "when, and only when, they appear in all capitals, as shown here.")
    assert not is_boilerplate("Clients MUST interpret the key words of the header.")


def test_traps_crlf_comments_pre_setext_and_lists():
    requirements = extract((DATA / "traps_crlf.md").read_bytes().decode("utf-8"))
    # Headings are titles, never requirements: "## Fields that MUST be present" and the
    # setext heading give sections only.
    assert rows(requirements) == [
        ("fields-that-must-be-present-1", "Fields that MUST be present", "must", ["MUST"],
         "Every record MUST carry an id.", 5),
        ("fields-that-must-be-present-2", "Fields that MUST be present", "should",
         ["SHOULD NOT"], "Records SHOULD NOT be larger than 1 MB.", 5),
        # "text" then "---" is a setext heading in CommonMark (GitHub renders it so).
        ("a-closing-paragraph-may-follow-1", "A closing paragraph MAY follow.", "must", ["MUST"],
         "Clients MUST retry.", 21),
        ("a-closing-paragraph-may-follow-2", "A closing paragraph MAY follow.", "should",
         ["SHOULD"], "Retries SHOULD back off.", 23),
        ("a-closing-paragraph-may-follow-3", "A closing paragraph MAY follow.", "may", ["MAY"],
         "Servers MAY throttle (lazy line).", 27),
    ]


def test_wrapped_standard_names_do_not_switch_to_id_mode():
    text = ("# Encoding\n\nNames are text. They MUST be encoded in\nUTF-8 and SHOULD be short.\n\n"
            "UTF-16 MAY be accepted. Keys\nCOVID-19 style tokens are not identifiers.\n")
    assert [r.id for r in extract(text)] == ["encoding-1", "encoding-2"]


def test_kramdown_front_matter_gives_the_specification():
    rfc = read_spec_markdown(REAL / "rfc9114.md").data["specification"]
    assert rfc == {"title": "HTTP/3", "reference": "RFC 9114"}  # "2022-06" is not a day
    draft = read_spec_markdown(REAL / "draft-ietf-httpbis-rfc6265bis.md")
    assert draft.data["specification"] == {
        "title": "Cookies: HTTP State Management Mechanism",
        "reference": "draft-ietf-httpbis-rfc6265bis-latest"}
    oas = read_spec_markdown(REAL / "3.1.0.md")
    assert oas.data["specification"] == {"title": "OpenAPI Specification", "version": "3.1.0"}
    assert oas.lines["specification.version"] == 3


def test_front_matter_that_is_not_yaml_still_gives_requirements(tmp_path):
    path = tmp_path / "jekyll.md"
    path.write_text('---\ntitle: "Widget API"\nlayout: {{ site.layout }}\n\tversion: 2\n---\n'
                    "# Widget API\n\n## Rules\n\nWidgets MUST spin.\n", encoding="utf-8")
    source = read_spec_markdown(path)
    assert source.data["specification"] == {"title": "Widget API"}
    assert source.lines["specification.title"] == 2
    assert [(r["id"], r["text"]) for r in source.data["requirements"]] == [
        ("rules-1", "Widgets MUST spin.")]


def test_auto_mode_needs_a_series_of_identifiers():
    lone = "# Crypto\n\nHMAC-SHA-256 MUST be supported. Keys SHOULD rotate.\n"
    assert [r.id for r in extract(lone)] == ["crypto-1", "crypto-2"]
    assert [r.id for r in extract(lone, "id")] == ["HMAC-SHA-256"]
    series = "# Crypto\n\nCRY-1: Keys are 256 bits.\n\nCRY-2: Nonces are never reused.\n"
    assert [r.id for r in extract(series)] == ["CRY-1", "CRY-2"]
    only_ids = "# Rules\n\nR-1 Keys are long.\n"  # no keyword at all: the lone id is used
    assert [r.id for r in extract(only_ids)] == ["R-1"]


def test_comments_raw_html_and_definitions():
    text = ("# A\n\n{::comment}\nEditors MUST fix this.\n{:/comment}\n\nClients MUST go.\n\n"
            "<pre>\nX MUST\n</pre>\n\n<!-- a\nMUST -->\nB SHOULD.\n\n[^1]: Notes MAY apply.\n\n"
            "[ref]: https://x.org/a\n")
    assert [(r.text, r.keywords) for r in extract(text)] == [
        ("Clients MUST go.", ["MUST"]), ("B SHOULD.", ["SHOULD"]),
        ("[^1]: Notes MAY apply.", ["MAY"])]
