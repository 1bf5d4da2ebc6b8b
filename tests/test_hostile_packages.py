"""Hostile Office packages: zip bombs, macros, encryption, corrupt zips, XXE, broken parts.

Every case builds the hostile file here with :mod:`zipfile` (or raw zip bytes where zipfile
would not lie), runs the CLI on it in a child process capped at 10 s and 500 MB
(:mod:`hostile`), and checks for one clear error line, exit 2, no traceback and nothing written.
"""

from __future__ import annotations

import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from hostile import assert_clean_failure, run_docgen, snapshot

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "docs" / "formats"
BUILTIN = ROOT / "templates"
SECRET = "TOP-SECRET-XXE-CANARY"
MB = 1024 * 1024


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """Return a folder holding the three example inputs and an empty template folder T."""
    for name in ("meeting.yaml", "status.yaml", "requirements.yaml"):
        shutil.copy(FORMATS / name, tmp_path / name)
    (tmp_path / "T").mkdir()
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    return tmp_path


def builtin_parts(name: str) -> dict[str, bytes]:
    """Return the parts of the built-in template ``name`` (deck.pptx, minutes.docx...)."""
    with zipfile.ZipFile(BUILTIN / name) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def write_zip(dest: Path, parts: dict[str, bytes]) -> Path:
    """Write ``parts`` as an honest deflated zip at ``dest``; return ``dest``."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return dest


def variant(dest: Path, base: str, replace: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> Path:
    """Write the built-in ``base`` with parts replaced, added or dropped to ``dest``; return ``dest``."""
    parts = {n: d for n, d in builtin_parts(base).items() if n not in drop}
    parts.update(replace or {})
    return write_zip(dest, parts)


def raw_zip(dest: Path, entries: list[tuple[str, bytes, int, int, int, int]]) -> Path:
    """Write a zip whose headers say what we like; return ``dest``.

    ``entries`` are (name, stored bytes, method, declared size, crc, flags).
    """
    local, central, offset = [], [], 0
    for name, packed, method, size, crc, flags in entries:
        encoded = name.encode()
        fields = (20, flags, method, 0, 0x21, crc, len(packed), size, len(encoded))
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + encoded
        local.append(header + packed)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, offset) + encoded)
        offset += len(header) + len(packed)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), offset, 0)
    dest.write_bytes(b"".join(local) + directory + end)
    return dest


def honest(name: str, data: bytes) -> tuple[str, bytes, int, int, int, int]:
    """Return a raw_zip entry for ``data`` deflated with true sizes and CRC."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, packer.compress(data) + packer.flush(), 8, len(data), zlib.crc32(data), 0


def zeros_deflated(megabytes: int, block: bytes = bytes(MB)) -> bytes:
    """Return a raw deflate stream of ``megabytes`` copies of ``block``, built in milliseconds."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packer.compress(block)
    packer.flush(zlib.Z_FULL_FLUSH)
    chunk = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    return chunk * megabytes + packer.flush()


def liar_package(dest: Path, base: str, members: int, megabytes: int, block: bytes = bytes(MB)) -> Path:
    """Write ``base`` plus ``members`` entries that each declare 1,000 bytes but inflate to ``megabytes`` MB."""
    entries = [honest(n, d) for n, d in builtin_parts(base).items()]
    stream = zeros_deflated(megabytes, block)
    entries += [(f"docProps/pad{i}.bin", stream, 8, 1000, 0, 0) for i in range(members)]
    return raw_zip(dest, entries)


def run_clean_failure(work: Path, args: tuple, *expected: str) -> None:
    """Run docgen ``args`` in ``work`` and assert a clean exit-2 failure naming ``expected``, nothing written."""
    before = snapshot(work)
    run = run_docgen(*args, cwd=work)
    assert_clean_failure(run, *expected)
    assert snapshot(work) == before
    assert SECRET not in run.stderr + run.stdout
    assert run.seconds < 10


def deck_on(work: Path) -> tuple:
    return ("deck", "status.yaml", "--templates", "T", "-o", "d.pptx")


def minutes_on(work: Path) -> tuple:
    return ("minutes", "meeting.yaml", "--templates", "T", "-o", "m.docx")


XXE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://SECRET">]>\n')
LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
                     for i in range(1, 10))
          + b"]>\n")


def with_doctype(xml: bytes, doctype: bytes, work: Path, entity: str = "xxe") -> bytes:
    """Return ``xml`` with ``doctype`` in front and the entity used in its first text node."""
    doctype = doctype.replace(b"SECRET", str(work / "secret.txt").encode())
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    close = body.index(b">", body.index(b"<") + 1) + 1
    return doctype + body[:close] + f"<!-- &{entity}; -->".encode() + body[close:]


# --- the controls: real templates still work through the guard ------------------------------


def test_builtin_and_copied_templates_are_accepted(work):
    for name in ("deck.pptx", "minutes.docx", "agenda.docx", "checklist.docx"):
        shutil.copy(BUILTIN / name, work / "T" / name)
    for args, out in ((deck_on(work), "d.pptx"), (minutes_on(work), "m.docx"),
                      (("agenda", "meeting.yaml", "--templates", "T", "-o", "a.docx"), "a.docx"),
                      (("checklist", "requirements.yaml", "-o", "c.docx", "--templates", "T"), "c.docx"),
                      (("minutes", "meeting.yaml", "--template", ROOT / "samples" / "pmo-templates" /
                        "minutes-onepage.docx", "-o", "one.docx"), "one.docx")):
        run = run_docgen(*args, cwd=work)
        assert run.code == 0, run.stderr
        with zipfile.ZipFile(work / out) as zf:
            assert zf.testzip() is None


# --- zip bombs ------------------------------------------------------------------------------


def test_deck_template_whose_headers_lie_about_sizes_is_refused(work):
    liar_package(work / "T" / "deck.pptx", "deck.pptx", members=10, megabytes=250)  # 2.5 GB, ~3 MB on disk
    assert (work / "T" / "deck.pptx").stat().st_size < 4 * MB
    run_clean_failure(work, deck_on(work), "deck.pptx: refused: expands to more than 100 MB (possible zip bomb)")


def test_reference_docx_whose_headers_lie_about_sizes_is_refused(work):
    liar_package(work / "T" / "minutes.docx", "minutes.docx", members=10, megabytes=250)
    run_clean_failure(work, minutes_on(work), "minutes.docx: refused: expands to more than 100 MB")


def test_lying_members_with_a_modest_ratio_hit_the_running_budget(work):
    block = (bytes(range(256)) * 64)[:16384] * 64  # 1 MB that deflates about 80:1, under the ratio check
    liar_package(work / "T" / "deck.pptx", "deck.pptx", members=3, megabytes=60, block=block)
    run_clean_failure(work, deck_on(work), "deck.pptx: refused: expands to more than 100 MB (possible zip bomb)")


def test_one_honest_huge_member_is_refused(work):
    entries = [honest(n, d) for n, d in builtin_parts("minutes.docx").items()]
    entries.append(("word/media/huge.bin", zeros_deflated(150), 8, 150 * MB, 0, 0))
    raw_zip(work / "x.docx", entries)
    run_clean_failure(work, ("minutes", "meeting.yaml", "--template", "x.docx", "-o", "m.docx"),
                      "x.docx: refused: expands to more than 100 MB")


def test_nested_bomb_in_an_embedded_workbook_is_refused(work):
    inner = work / "inner.xlsx"
    raw_zip(inner, [honest("[Content_Types].xml", b"<Types/>"),
                    ("xl/worksheets/sheet1.xml", zeros_deflated(200), 8, 1000, 0, 0)])
    variant(work / "T" / "deck.pptx", "deck.pptx",
            {"ppt/embeddings/Microsoft_Excel_Sheet1.xlsx": inner.read_bytes()})
    inner.unlink()
    run_clean_failure(work, deck_on(work), "Microsoft_Excel_Sheet1.xlsx: refused: expands to more than 100 MB")


def test_too_many_entries_are_refused(work):
    parts = builtin_parts("deck.pptx")
    parts.update({f"docProps/e{i}.txt": b"" for i in range(10_001)})
    write_zip(work / "T" / "deck.pptx", parts)
    run_clean_failure(work, deck_on(work), "deck.pptx: refused: holds more than 10,000 entries")


# --- macros, encryption ---------------------------------------------------------------------


def test_deck_template_holding_vba_project_is_refused(work):
    variant(work / "T" / "deck.pptx", "deck.pptx", {"ppt/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(64)})
    run_clean_failure(work, deck_on(work), "deck.pptx: refused: holds macros (vbaProject.bin)")


def test_reference_docx_holding_vba_project_is_refused(work):
    variant(work / "T" / "agenda.docx", "agenda.docx", {"word/vbaProject.bin": bytes(64)})
    run_clean_failure(work, ("agenda", "meeting.yaml", "--templates", "T", "-o", "a.docx"),
                      "agenda.docx: refused: holds macros (vbaProject.bin)")


def test_macro_enabled_content_type_without_vba_part_is_refused(work):
    types = builtin_parts("deck.pptx")["[Content_Types].xml"].replace(
        b"presentationml.presentation.main+xml", b"ms-powerpoint.presentation.macroEnabled.main+xml")
    variant(work / "T" / "deck.pptx", "deck.pptx", {"[Content_Types].xml": types})
    run_clean_failure(work, deck_on(work), "deck.pptx: refused: holds macros")


@pytest.mark.parametrize("command,name", [("deck", "x.pptm"), ("minutes", "x.docm")])
def test_macro_enabled_file_names_are_refused(work, command, name):
    shutil.copy(BUILTIN / ("deck.pptx" if command == "deck" else "minutes.docx"), work / name)
    source = "status.yaml" if command == "deck" else "meeting.yaml"
    out = "d.pptx" if command == "deck" else "m.docx"
    run_clean_failure(work, (command, source, "--template", name, "-o", out), f"{name}: refused: macro-enabled")


def test_encrypted_ole_file_is_refused(work):
    (work / "T" / "deck.pptx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    run_clean_failure(work, deck_on(work), "deck.pptx: refused: an encrypted (password-protected)")


def test_encrypted_zip_entries_are_refused(work):
    entries = [honest(n, d) for n, d in builtin_parts("minutes.docx").items()]
    name, packed, method, size, crc, _ = entries[-1]
    entries[-1] = (name, packed, method, size, crc, 0x1)
    raw_zip(work / "x.docx", entries)
    run_clean_failure(work, ("minutes", "meeting.yaml", "--template", "x.docx", "-o", "m.docx"),
                      "x.docx: refused: holds encrypted")


# --- corrupt and truncated zips, unsafe names -----------------------------------------------


def test_corrupt_pptx_template_is_refused(work):
    (work / "x.pptx").write_bytes(b"PK\x03\x04" + b"not a zip at all" * 100)
    run_clean_failure(work, ("deck", "status.yaml", "--template", "x.pptx", "-o", "d.pptx"),
                      "x.pptx: is not a valid PowerPoint file (corrupt zip)")


def test_truncated_deck_template_is_refused(work):
    data = (BUILTIN / "deck.pptx").read_bytes()
    (work / "T" / "deck.pptx").write_bytes(data[: len(data) // 2])
    run_clean_failure(work, deck_on(work), "deck.pptx: is not a valid PowerPoint file (corrupt zip)")


def test_member_with_a_bad_crc_is_refused(work):
    entries = [honest(n, d) for n, d in builtin_parts("checklist.docx").items()]
    name, packed, method, size, crc, flags = entries[0]
    entries[0] = (name, packed, method, size, crc ^ 1, flags)
    raw_zip(work / "T" / "checklist.docx", entries)
    run_clean_failure(work, ("checklist", "requirements.yaml", "-o", "c.docx", "--templates", "T"),
                      "checklist.docx: is not a valid Word file (corrupt zip: bad CRC")


def test_member_whose_data_is_cut_short_is_refused(work):
    entries = [honest(n, d) for n, d in builtin_parts("deck.pptx").items()]
    name, packed, method, size, crc, flags = next(e for e in entries if e[0] == "ppt/presentation.xml")
    entries = [e for e in entries if e[0] != name] + [(name, packed[: len(packed) // 2], method, size, crc, flags)]
    raw_zip(work / "T" / "deck.pptx", entries)
    run_clean_failure(work, deck_on(work), "deck.pptx: is not a valid PowerPoint file (corrupt zip")


@pytest.mark.parametrize("evil", ["../../evil.xml", "/etc/evil.xml", "word/../../evil.xml", "C:/evil.xml",
                                  "word\\..\\evil.xml"])
def test_path_traversal_member_names_are_refused(work, evil):
    entries = [honest(n, d) for n, d in builtin_parts("minutes.docx").items()] + [honest(evil, b"<x/>")]
    raw_zip(work / "T" / "minutes.docx", entries)
    run_clean_failure(work, minutes_on(work), "minutes.docx: refused: unsafe member name", "(path traversal)")
    assert not (work.parent / "evil.xml").exists()


def test_duplicate_members_are_refused(work):
    entries = [honest(n, d) for n, d in builtin_parts("deck.pptx").items()]
    entries.append(honest("ppt/presentation.xml", b"<p:presentation/>"))
    raw_zip(work / "T" / "deck.pptx", entries)
    run_clean_failure(work, deck_on(work), "deck.pptx: is not a valid PowerPoint file", "appears twice")


# --- XXE and entity expansion ----------------------------------------------------------------


def test_xxe_in_reference_document_xml_is_refused(work):
    xml = with_doctype(builtin_parts("minutes.docx")["word/document.xml"], XXE, work)
    variant(work / "T" / "minutes.docx", "minutes.docx", {"word/document.xml": xml})
    run_clean_failure(work, minutes_on(work), "minutes.docx: refused: word/document.xml declares a DTD or entities")


def test_xxe_in_reference_styles_xml_is_refused(work):
    xml = with_doctype(builtin_parts("minutes.docx")["word/styles.xml"], XXE, work)
    variant(work / "T" / "minutes.docx", "minutes.docx", {"word/styles.xml": xml})
    run_clean_failure(work, minutes_on(work), "refused: word/styles.xml declares a DTD or entities")


def test_xxe_in_deck_theme_is_refused(work):
    xml = with_doctype(builtin_parts("deck.pptx")["ppt/theme/theme1.xml"], XXE, work)
    variant(work / "T" / "deck.pptx", "deck.pptx", {"ppt/theme/theme1.xml": xml})
    run_clean_failure(work, deck_on(work), "deck.pptx: refused: ppt/theme/theme1.xml declares a DTD or entities")


def test_xxe_in_utf16_part_of_a_docxtpl_template_is_refused(work):
    xml = with_doctype(builtin_parts("minutes.docx")["word/document.xml"], XXE, work)
    xml = xml.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    variant(work / "x.docx", "minutes.docx", {"word/document.xml": xml})
    run_clean_failure(work, ("minutes", "meeting.yaml", "--template", "x.docx", "-o", "m.docx"),
                      "x.docx: refused: word/document.xml declares a DTD or entities")


def test_billion_laughs_in_styles_is_refused(work):
    xml = with_doctype(builtin_parts("report.docx")["word/styles.xml"], LAUGHS, work, "lol9")
    variant(work / "T" / "minutes.docx", "minutes.docx", {"word/styles.xml": xml})
    run_clean_failure(work, minutes_on(work), "refused: word/styles.xml declares a DTD or entities")


def test_billion_laughs_in_a_pptx_template_slide_is_refused(work):
    parts = builtin_parts("deck.pptx")
    layout = with_doctype(parts["ppt/slideLayouts/slideLayout1.xml"], LAUGHS, work, "lol9")
    variant(work / "x.pptx", "deck.pptx", {"ppt/slideLayouts/slideLayout1.xml": layout})
    run_clean_failure(work, ("deck", "status.yaml", "--template", "x.pptx", "-o", "d.pptx"),
                      "x.pptx: refused: ppt/slideLayouts/slideLayout1.xml declares a DTD or entities")


# --- malformed packages -----------------------------------------------------------------------


def test_deck_template_with_malformed_theme_is_refused(work):
    variant(work / "T" / "deck.pptx", "deck.pptx", {"ppt/theme/theme1.xml": b"<a:theme><a:themeElements></a:theme>"})
    run_clean_failure(work, deck_on(work), "deck.pptx: ppt/theme/theme1.xml is not well-formed XML")


def test_deck_template_with_garbage_presentation_xml_is_refused(work):
    variant(work / "T" / "deck.pptx", "deck.pptx", {"ppt/presentation.xml": b"\x00\xffgarbage<<<"})
    run_clean_failure(work, deck_on(work), "deck.pptx: ppt/presentation.xml is not well-formed XML")


def test_deck_template_whose_layouts_are_missing_is_refused(work):
    names = [n for n in builtin_parts("deck.pptx") if n.startswith("ppt/slideLayouts/")]
    variant(work / "T" / "deck.pptx", "deck.pptx", drop=tuple(names))
    run_clean_failure(work, deck_on(work), "deck.pptx: not a usable PowerPoint template")


def test_deck_template_without_presentation_part_is_refused(work):
    variant(work / "T" / "deck.pptx", "deck.pptx", drop=("ppt/presentation.xml",))
    run_clean_failure(work, deck_on(work), "deck.pptx: is not a PowerPoint presentation (no ppt/presentation.xml)")


def test_word_file_named_pptx_template_is_refused(work):
    shutil.copy(BUILTIN / "minutes.docx", work / "x.pptx")
    run_clean_failure(work, ("deck", "status.yaml", "--template", "x.pptx", "-o", "d.pptx"),
                      "x.pptx: is not a PowerPoint presentation")


def test_reference_missing_styles_xml_is_refused(work):
    variant(work / "T" / "minutes.docx", "minutes.docx", drop=("word/styles.xml",))
    run_clean_failure(work, minutes_on(work), "minutes.docx: not a Word reference document (no word/styles.xml)")


def test_reference_missing_content_types_is_refused(work):
    variant(work / "T" / "checklist.docx", "checklist.docx", drop=("[Content_Types].xml",))
    run_clean_failure(work, ("checklist", "requirements.yaml", "-o", "c.docx", "--templates", "T"),
                      "checklist.docx: is not a valid Word file (corrupt zip: no [Content_Types].xml)")


def test_reference_with_non_utf8_styles_is_refused(work):
    styles = builtin_parts("minutes.docx")["word/styles.xml"].decode("utf-8")
    styles = styles.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    variant(work / "T" / "minutes.docx", "minutes.docx", {"word/styles.xml": styles})
    run_clean_failure(work, minutes_on(work), "minutes.docx: word/styles.xml is not UTF-8 text")


@pytest.mark.parametrize("content,expected", [
    (b"cover: \xff\xfe Titre\n", "deck-layouts.yaml: layout mapping is not UTF-8 text"),
    (b"cover: [unclosed\n", "invalid layout mapping: "),
    (b"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: [*d, *d]\ncover: *d\n", "deck-layouts.yaml:"),
    (b"- a list\n- not a mapping\n", "deck-layouts.yaml: expected a mapping"),
])
def test_bad_deck_layouts_yaml_is_refused(work, content, expected):
    shutil.copy(BUILTIN / "deck.pptx", work / "T" / "deck.pptx")
    (work / "T" / "deck-layouts.yaml").write_bytes(content)
    run_clean_failure(work, deck_on(work), expected)
