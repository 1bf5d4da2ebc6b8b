"""Keyword extraction on real public specifications the extractor was not written against.

The invariant on every file: per keyword, the keywords held by the extracted requirements add
up to the independent counter's count outside the boilerplate and outside front matter, fenced
code, HTML comments and block quotes; every requirement holds one; none starts in those regions.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from docgen.errors import InputError
from docgen.readers.spec_markdown import analyse, extract, read_spec_markdown
from docgen.readers.spec_markdown.keywords import find_keywords
from tests.spec_counts import KEYWORDS, excluded_lines, expected_counts

DATA = Path(__file__).parent / "data" / "realworld_specs"
FILES = sorted(p.name for p in DATA.glob("*.md") if p.name != "README.md")


_ATX_LINE = re.compile(r"^ {0,3}#{1,6}(?:[ \t].*)?$")
_SETEXT_LINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")


def without_headings(text: str) -> str:
    """Return ``text`` with ATX heading lines and setext heading titles blanked (titles hold no
    requirement); a setext title is a prose line that an ``===`` or ``---`` line underlines.
    Lines in front matter, fences, comments and block quotes are left alone."""
    lines = text.splitlines()
    excluded = excluded_lines(text)
    for number, line in enumerate(lines):
        if number + 1 in excluded:
            continue
        underlined = number + 1 < len(lines) and number + 2 not in excluded \
            and _SETEXT_LINE.match(lines[number + 1]) and line.strip() \
            and not line.lstrip().startswith(("-", "*", "|"))
        if _ATX_LINE.match(line) or underlined:
            lines[number] = ""
    return "\n".join(lines)


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def by_id(name: str) -> dict:
    return {r.id: r for r in extract(read(name), "keyword")}


def test_collection_is_documented():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert len(FILES) >= 7
    assert all(f"`{name}`" in readme for name in FILES)


@pytest.mark.parametrize("name", FILES)
def test_keywords_held_match_the_independent_count(name):
    text = read(name)
    requirements = extract(text, "keyword")
    held = Counter(k for r in requirements for k in r.keywords)
    expected = expected_counts(without_headings(text))
    assert {k: held[k] for k in KEYWORDS} == {k: expected[k] for k in KEYWORDS}
    assert all(r.keywords and r.keywords == find_keywords(r.text) for r in requirements)
    excluded = excluded_lines(text)
    assert not [r.id for r in requirements if r.line in excluded]
    assert len({r.id for r in requirements}) == len(requirements)


@pytest.mark.parametrize("name", FILES)
def test_auto_mode_reads_them_by_keyword(name):
    text = read(name)
    mode, found, _ = analyse(text)
    assert mode == "keyword"
    assert [(r.id, r.text) for r in found] == [(r.id, r.text) for r in extract(text, "keyword")]


def test_semver_numbered_rules_and_version_numbers():
    requirements = extract(read("semver.md"), "keyword")
    assert len(requirements) == 27
    assert {r.section for r in requirements} == {"Semantic Versioning Specification (SemVer)"}
    texts = [r.text for r in requirements]
    assert "Each element MUST increase numerically." in texts
    nine = requirements[8]
    assert (nine.text, nine.level, nine.line) == (
        "Patch version Z (x.y.Z | x > 0) MUST be incremented if only backwards compatible bug "
        "fixes are introduced.", "must", 78)
    assert requirements[2].keywords == ["MUST", "MUST NOT"]


def test_oci_manifest_nested_list_items():
    requirements = extract(read("oci-image-manifest.md"), "keyword")
    assert len(requirements) == 17
    assert {r.section for r in requirements} == {"*Image Manifest* Property Descriptions"}
    layers = requirements[10]
    assert (layers.text, layers.level) == (
        "Subsequent layers MUST then follow in stack order (i.e. from `layers[0]` to "
        "`layers[len(layers)-1]`).", "must")
    assert requirements[15].text == \
        "This OPTIONAL property contains arbitrary metadata for the image manifest."
    assert requirements[15].level == "may"


def test_kramdown_draft_cdn_loop():
    requirements = by_id("draft-ietf-httpbis-cdn-loop.md")
    assert list(requirements) == ["2-1", "2-2", "2-3"]
    last = requirements["2-3"]
    assert last.section == "2. The CDN-Loop Request Header Field"
    assert last.keywords == ["MUST NOT", "SHOULD NOT"] and last.level == "must"
    assert last.text.startswith("To be effective, intermediaries -- including Content Delivery "
                                "Networks -- MUST NOT remove this header field, or allow it to "
                                "be removed (e.g., through configuration) and servers")
    spec = read_spec_markdown(DATA / "draft-ietf-httpbis-cdn-loop.md").data["specification"]
    assert spec == {"title": "CDN Loop Prevention",
                    "reference": "draft-ietf-httpbis-cdn-loop-latest"}


def test_cloudevents_sections_and_code_spans():
    requirements = by_id("cloudevents-json-format.md")
    sections = Counter(r.section for r in requirements.values())
    assert sections["3.1.2. Payload Deserialization"] == 9
    assert sections["3.1.1. Payload Serialization"] == 11
    note = requirements["3.1.2-4"]
    assert note.text == ("Note: if the `data` member is a string, a JSON deserializer MUST "
                         "interpret it directly as a [JSON String][json-string] value; it MUST "
                         "NOT further deserialize the string as a JSON document.")
    assert note.keywords == ["MUST", "MUST NOT"]
    assert requirements["3-3"].text == \
        "OPTIONAL not omitted attributes MAY be represeted as a `null` JSON value."


def test_mmark_rfc_numbering_front_matter_and_definition_lists():
    requirements = by_id("rfc3514-mmark.md")
    assert Counter(r.section for r in requirements.values())["3. Setting the Evil Bit"] == 12
    first = requirements["2-1"]
    assert (first.section, first.keywords, first.level) == (
        "2. Syntax", ["SHOULD", "SHOULD NOT"], "should")
    # The definition-list term ending with ':' is the requirement's lead-in.
    assert first.text == ("0x0: Hosts, network elements, etc., **SHOULD** assume that the packet is "
                          "harmless, and **SHOULD NOT** take any defensive measures.")
    assert requirements["3-3"].text.startswith("However, the system *MAY* provide an API")
    assert requirements["3-3"].level == "may"
    assert not any("interpreted as described" in r.text for r in requirements.values())
    source = read_spec_markdown(DATA / "rfc3514-mmark.md")
    assert source.data["specification"] == {
        "title": "The Security Flag in the IPv4 Header", "reference": "RFC 3514",
        "date": "2018-04-01"}
    assert source.lines["specification.reference"] == 14


def test_tock_boilerplate_citing_its_own_definitions():
    requirements = by_id("tock-trd1-trds.md")
    assert not any("interpreted as described in [TRD1]" in r.text
                   for r in requirements.values())
    assert Counter(r.section for r in requirements.values())["3.2 TRD Body"] == 10
    assert requirements["3.2-6"].text == ('A TRD MUST have an author information section titled '
                                          'entitled "Author\'s Address" or "Authors\' '
                                          'Addresses."')
    # Known limit: the copy of RFC 2119's definitions is kept (not its headings, which are
    # titles), as the README's counting rule keeps every keyword outside the boilerplate.
    assert requirements["2.1-1"].text.startswith('MUST: This word, or the terms "REQUIRED"')


def test_openfeature_block_quotes_hold_no_requirement():
    text = read("openfeature-events.md")
    assert extract(text, "keyword") == []
    assert sum(Counter(find_keywords(text)).values()) == 17
    with pytest.raises(InputError) as caught:
        read_spec_markdown(DATA / "openfeature-events.md")
    assert "keywords are all in code blocks, block quotes" in str(caught.value)
    assert "try --mode id" in str(caught.value)


def test_lead_in_sentences_take_in_what_they_announce():
    otel = by_id("otel-baggage-api.md")
    assert otel["get-value-2"].text == "REQUIRED parameters: `Name` the name to return the value for."
    assert otel["context-interaction-1"].text == (
        "The API MUST provide the following functionality to interact with a `Context` "
        "instance: Extract the `Baggage` from a `Context` instance; Insert the `Baggage` to a "
        "`Context` instance")
    assert Counter(r.section for r in otel.values())["Context Interaction"] == 5
    oci = extract(read("oci-image-manifest.md"), "keyword")
    assert oci[6].text == ("Implementations MUST support at least the following media types: "
                           "[`application/vnd.oci.image.config.v1+json`](config.md)")
    # A lead-in followed by a code block keeps to itself: the code is no part of it.
    assert all("```" not in r.text for r in oci)


def test_bolt_requirements_carry_their_lead_ins():
    requirements = extract(read("bolt01-messaging.md"), "keyword")
    assert len(requirements) == 80
    texts = [r.text for r in requirements]
    # Each keyword item is one requirement, prefixed by the keyword-free lead-ins above it.
    assert "A receiving node: upon receiving a message of _even_, unknown type: MUST close the " \
        "connection." in texts
    assert "The receiving node: otherwise, if `type` is unknown: otherwise, if `type` is odd: " \
        "MUST discard the next `length` bytes." in texts
    assert "The sending node: MUST send `init` as the first Lightning message for any " \
        "connection." in texts
    # A lead-in without ':' ends the chain; one holding a keyword is not repeated.
    assert "MAY close the connection." in texts
    assert "and MUST NOT fail the channels in this case." in texts
    first = requirements[0]
    assert (first.id, first.section) == ("connection-handling-and-1",
                                         "Connection Handling and Multiplexing")
    sections = Counter(r.section for r in requirements)
    assert sections["The `error` and `warning` Messages / Requirements"] == 17
    # Keywords in the Go and JSON test vectors are code, not requirements.
    assert not any("t.Fatalf" in text for text in texts)


def test_bolt_lead_in_keeps_the_items_after_a_keyword_item():
    requirements = extract(read("bolt10-dns-bootstrap.md"), "keyword")
    listed = requirements[1]
    assert listed.keywords == ["MUST"]
    assert listed.text.startswith("The following key-value pairs MUST be supported by a DNS "
                                  "seed: `r`: realm byte")
    assert "`a`: address types" in listed.text and listed.text.endswith(
        "`n`: the number of desired reply records (default: 25)")
    assert requirements[2].text == "This condition MAY only be used for `SRV` queries."
    assert requirements[-1].keywords == ["MUST", "MUST NOT"]


def test_erc20_front_matter_code_and_optional_paragraphs():
    requirements = extract(read("erc-20.md"), "keyword")
    assert len(requirements) == 15
    assert requirements[0].text == "**NOTES**: Callers MUST handle `false` from " \
        "`returns (bool success)`."
    name = requirements[2]
    assert (name.section, name.keywords, name.level) == ("name", ["OPTIONAL", "MUST NOT"],
                                                         "must")
    assert not any("public view returns (" in r.text for r in requirements)
    # The method `transfer` and the event `Transfer`: titles equal but for case get the parent.
    sections = Counter(r.section for r in requirements)
    assert (sections["Methods / transfer"], sections["Events / Transfer"]) == (3, 2)
    assert requirements[-3].id == "events-transfer-1"
    spec = read_spec_markdown(DATA / "erc-20.md").data["specification"]
    assert spec["title"] == "Token Standard"


def test_eip4844_keywords_among_tables_and_python():
    requirements = extract(read("eip-4844.md"), "keyword")
    assert [(r.id, r.level) for r in requirements] == [
        ("new-transaction-type-1", "should"), ("point-evaluation-precompile-1", "must")]
    assert requirements[1].text == (
        "The precompile MUST reject non-canonical field elements (i.e. provided field elements "
        "MUST be strictly less than `BLS_MODULUS`).")
    assert requirements[0].text.startswith("The `TransactionNetworkPayload` wraps")


SPECS = Path(__file__).parent / "data" / "specs"


def test_corporate_srs_by_identifier_with_lower_case_shall():
    source = read_spec_markdown(SPECS / "srs_corporate.md")
    assert source.data["specification"] == {
        "title": "Timesheet Portal - Software Requirements Specification",
        "reference": "SRS-TSP-2026", "version": "2.3", "date": "2026-02-16"}
    found = {r["id"]: r for r in source.data["requirements"]}
    assert list(found) == [
        "SRS-FUN-010", "SRS-FUN-011", "SRS-FUN-012", "SRS-FUN-013", "SRS-FUN-020",
        "SRS-FUN-021", "SRS-FUN-022", "SRS-FUN-030", "SRS-INT-001", "SRS-INT-002",
        "SRS-INT-003", "SRS-NFR-001", "SRS-NFR-002"]
    levels = {key: req["level"] for key, req in found.items()}
    assert (levels["SRS-FUN-011"], levels["SRS-FUN-012"], levels["SRS-FUN-022"]) == (
        "must", "should", "may")
    # MoSCoW priority cells give the level of a table row.
    assert (levels["SRS-INT-002"], levels["SRS-INT-003"]) == ("should", "may")
    assert found["SRS-FUN-011"]["text"] == (
        "Entries shall be saved as a draft until submitted. A draft may be edited by its owner "
        "only. Drafts older than 90 days are archived, not deleted.")
    assert found["SRS-FUN-013"]["text"].endswith(
        "for each employee: the hours per project; the difference with the contract hours.")
    assert found["SRS-FUN-020"]["text"].startswith("A manager shall approve")
    # A Hugo shortcode line is markup, not requirement text.
    assert found["SRS-FUN-022"]["text"] == "Exports to the payroll system may run every night."
    assert found["SRS-FUN-030"]["section"] == "3.1 Functional requirements"
    assert found["SRS-NFR-001"]["text"].endswith("(e.g. 1.9 s).")
    assert source.lines["requirements[12]"] == 65
    with pytest.raises(InputError) as caught:
        read_spec_markdown(SPECS / "srs_corporate.md", mode="keyword")
    assert "--mode id" in str(caught.value)


def test_hugo_shortcode_lines_are_not_requirement_text():
    text = ("### Mentions\n\n{{% changed-in v=\"1.7\" %}}\n\n{{% boxes/warning %}}\n"
            "If an event holds mentions, it MUST be encrypted as normal. Events\nSHOULD be "
            "decrypted first.\n{{% /boxes/warning %}}\n\n{{< http-api group=\"cs\" >}}\n\n"
            "Clients MUST NOT send {{% definition path=\"x\" %}} twice.\n")
    assert [(r.id, r.text) for r in extract(text, "keyword")] == [
        ("mentions-1", "If an event holds mentions, it MUST be encrypted as normal."),
        ("mentions-2", "Events SHOULD be decrypted first."),
        ("mentions-3", "Clients MUST NOT send {{% definition path=\"x\" %}} twice.")]


def test_conventional_commits_numbered_rules():
    requirements = extract(read("conventional-commits-1.0.0.md"), "keyword")
    assert len(requirements) == 21
    assert {r.section for r in requirements} == {"Specification"}
    first = requirements[0]
    assert first.keywords == ["MUST", "OPTIONAL", "OPTIONAL", "REQUIRED"]
    assert first.text.endswith("OPTIONAL `!`, and REQUIRED terminal colon and space.")
    # "e.g., `fix(parser):`" ends the sentence without opening a lead-in.
    assert requirements[4].text.endswith("surrounded by parenthesis, e.g., `fix(parser):`")
    assert requirements[6].line == requirements[7].line == 106
    assert not any("“MUST”" in r.text for r in requirements)


def test_heading_anchor_elements_leave_the_section_name():
    # JSON:API (CC0) writes every heading with an empty permalink element before its title.
    text = ('## <a href="#content-negotiation" id="content-negotiation" class="headerlink"></a> '
            'Content Negotiation\n\n### <a href="#content-negotiation-clients" '
            'id="content-negotiation-clients" class="headerlink"></a> Client Responsibilities\n\n'
            'Clients **MUST** send all JSON API data in request documents with the header\n'
            '`Content-Type: application/vnd.api+json` without any media type parameters.\n\n'
            '> Note: The content negotiation requirements exist to allow future versions\n'
            'of this specification. It MUST be read.\n\n<span id="x"></span>Servers **MUST** '
            'respond.\n')
    found = extract(text, "keyword")
    assert [(r.id, r.section) for r in found] == [
        ("client-responsibilities-1", "Client Responsibilities"),
        ("client-responsibilities-2", "Client Responsibilities")]
    assert found[1].text == "Servers **MUST** respond."


def test_slsa_items_under_a_keyword_lead_in():
    requirements = by_id("slsa-1.0-distributing-provenance.md")
    assert len(requirements) == 14
    lead = requirements["where-attestations-are-1"]
    # The first item holds a keyword of its own, so the lead-in takes in no item.
    assert lead.text == ("Producers MUST publish attestations in at least one place, and SHOULD "
                         "publish attestations in more than one place:")
    assert (lead.keywords, lead.level) == (["MUST", "SHOULD"], "must")
    item = requirements["where-attestations-are-2"]
    assert item.text.startswith("**Publish attestations alongside the source repository "
                                "releases**: If the source repository hosting provider")
    assert item.text.endswith("producers SHOULD include provenance as part of such releases.")
    assert item.line == 90
    assert requirements["immutability-of-attestations-2"].text == \
        "Instead, a new release (and new artifacts) SHOULD be created."


def test_slsa_requirements_in_html_tables_and_details():
    requirements = by_id("slsa-1.0-requirements.md")
    assert len(requirements) == 46
    sections = Counter(r.section for r in requirements.values())
    assert sections["Build process requirements"] == 4
    assert sections["Provenance contents requirements"] == 13
    # Markdown inside <td> cells is read; the HTML row markup is not requirement text.
    assert not any("<td>" in r.text for r in requirements.values())
    assert requirements["build-process-requirements-4"].text == \
        "Build caches, if used, MUST be purely content-addressable to prevent tampering."
    assert requirements["provenance-contents-10"].keywords == ["MAY"]  # DOES NOT is no keyword
    assert requirements["possible-future-requirements-5"].text == \
        "The build service: MUST fetch all artifacts in a trusted control plane."
    assert requirements["possible-future-requirements-1"].text.startswith(
        "Examples: GitHub Actions [workflow_dispatch]")
    # "MUST\n    NOT" across a line break counts once, as MUST NOT.
    assert requirements["provenance-generation-10"].keywords == ["MUST NOT"]


def test_overlay_tables_with_anchors_and_wiki_references():
    requirements = by_id("overlay-1.0.0.md")
    # A row is read sentence by sentence inside its cells (issue 16): 27 requirements by row,
    # 33 by sentence; each keeps the row's keyword-free cells as context.
    assert len(requirements) == 33
    version = [requirements[f"overlay-object-fixed-fields-1{letter}"] for letter in "abc"]
    assert [(r.keywords, r.level) for r in version] == [
        (["REQUIRED"], "must"), (["MUST"], "must"), (["SHOULD"], "should")]
    assert version[1].text == ("overlay | `string` | This string MUST be the "
                               "[version number](#versions) of the Overlay Specification that "
                               "the Overlay document uses.")
    assert requirements["versions-1"].text == (
        "The `major`.`minor` portion of the version string (for example 1.0) SHALL designate "
        "the Overlay feature set.")
    # Keywords named rather than used still count, as the README's rule counts them.
    assert requirements["schema-1"].keywords == ["REQUIRED", "MUST", "SHALL", "OPTIONAL"]
    assert not any("The key words" in r.text for r in requirements.values())
    assert "Appendix A" not in {r.section for r in requirements.values()}


def test_admonitions_and_containers_hold_requirements():
    text = ('## Transport\n\n!!! warning "Security"\n    Clients MUST NOT send credentials over '
            'plain HTTP. Servers\n    SHOULD redirect.\n\n    - MUST log the attempt.\n\n'
            '??? note\n    This is informative; it MAY be skipped.\n\n:::note\nServers MAY cache '
            'responses.\n:::\n\n::: warning\nProxies MUST NOT strip the header.\n:::\n\n'
            '    indented code MUST stay code\n\nPlain text MUST count.\n')
    found = extract(text, "keyword")
    assert [(r.line, r.text) for r in found] == [
        (4, "Clients MUST NOT send credentials over plain HTTP."),
        (4, "Servers SHOULD redirect."),
        (7, "MUST log the attempt."),
        (10, "This is informative; it MAY be skipped."),
        (13, "Servers MAY cache responses."),
        (17, "Proxies MUST NOT strip the header."),
        (22, "Plain text MUST count.")]
