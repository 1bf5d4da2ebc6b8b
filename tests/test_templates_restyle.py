"""Restyling end to end: an edited reference .docx, label overrides, a new language, the sample."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from conftest import CONTRACT, ROOT
from lxml import etree

from docgen.ooxml.package import read_parts, write_package
from docgen.template_path import builtin_dir

MEETING = CONTRACT / "meeting.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SAMPLE = ROOT / "samples" / "pmo-templates"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def restyled_minutes(folder: Path) -> Path:
    """Write into ``folder`` only a minutes.docx whose Heading 1 and Normal fonts/colours changed."""
    parts = read_parts(builtin_dir() / "minutes.docx")
    root = etree.fromstring(parts["word/styles.xml"])
    for style in root.iter(q("style")):
        sid = style.get(q("styleId"))
        if sid not in ("Heading1", "Normal"):
            continue
        rpr = style.find(q("rPr"))
        if rpr is None:
            rpr = etree.SubElement(style, q("rPr"))
        fonts = etree.Element(q("rFonts"))
        font = "Verdana" if sid == "Heading1" else "Garamond"
        for attr in ("ascii", "hAnsi", "cs"):
            fonts.set(q(attr), font)
        rpr.insert(0, fonts)
        if sid == "Heading1":
            rpr.find(q("color")).set(q("val"), "00A36C")
    parts["word/styles.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    folder.mkdir(parents=True, exist_ok=True)
    return write_package(parts, folder / "minutes.docx")


def style_props(docx_path: Path, style_id: str) -> tuple[str | None, str | None]:
    """Return (ascii font, colour) of ``style_id`` in the styles.xml of ``docx_path``."""
    with zipfile.ZipFile(docx_path) as zf:
        root = etree.fromstring(zf.read("word/styles.xml"))
    for style in root.iter(q("style")):
        if style.get(q("styleId")) == style_id:
            fonts, color = style.find(f"{q('rPr')}/{q('rFonts')}"), style.find(f"{q('rPr')}/{q('color')}")
            return (fonts.get(q("ascii")) if fonts is not None else None,
                    color.get(q("val")) if color is not None else None)
    raise AssertionError(f"no style {style_id}")


def test_an_edited_minutes_docx_restyles_only_the_minutes(invoke, tmp_path):
    folder = tmp_path / "corp"
    restyled_minutes(folder)
    out = tmp_path / "m.docx"
    result = invoke("minutes", MEETING, "--templates", folder, "-o", out)
    assert result.exit_code == 0, result.output
    assert style_props(out, "Heading1") == ("Verdana", "00A36C")
    assert style_props(out, "Normal")[0] == "Garamond"
    doc = docx.Document(str(out))
    heading = next(p for p in doc.paragraphs if p.style.name == "Heading 1")
    assert heading.style.font.name == "Verdana" and str(heading.style.font.color.rgb) == "00A36C"
    assert doc.styles["Normal"].font.name == "Garamond"
    # The checklist, whose checklist.docx is not in the folder, keeps the built-in styles.
    plain, styled = tmp_path / "plain.docx", tmp_path / "styled.docx"
    spec, assessment = CONTRACT / "requirements.yaml", CONTRACT / "compliance.yaml"
    assert invoke("checklist", spec, "-a", assessment, "-o", plain).exit_code == 0
    assert invoke("checklist", spec, "-a", assessment, "-o", styled, "--templates", folder).exit_code in (0, 1)
    with zipfile.ZipFile(plain) as a, zipfile.ZipFile(styled) as b:
        assert a.read("word/styles.xml") == b.read("word/styles.xml")


def test_a_reference_missing_styles_is_refused_listing_them(invoke, tmp_path):
    parts = read_parts(builtin_dir() / "minutes.docx")
    root = etree.fromstring(parts["word/styles.xml"])
    for style in list(root.iter(q("style"))):
        if style.get(q("styleId")) in ("Heading2", "Quote"):
            root.remove(style)
    parts["word/styles.xml"] = etree.tostring(root)
    folder = tmp_path / "corp"
    folder.mkdir()
    write_package(parts, folder / "minutes.docx")
    out = tmp_path / "m.docx"
    result = invoke("minutes", MEETING, "--templates", folder, "-o", out)
    assert result.exit_code == 2
    assert "lacks the style(s) Heading 2, Quote" in result.output
    assert str(folder / "minutes.docx") in result.output
    assert not out.exists()


def test_a_label_override_changes_one_wording(invoke, tmp_path):
    folder = tmp_path / "corp"
    (folder / "labels").mkdir(parents=True)
    (folder / "labels" / "en.yaml").write_text("minutes:\n  all_actions: Agreed actions\n", encoding="utf-8")
    out = tmp_path / "m.docx"
    assert invoke("minutes", MEETING, "--templates", folder, "-o", out).exit_code == 0
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Agreed actions" in texts and "Action items" not in texts
    assert "Decisions taken" in texts  # every other label from the built-in file


def test_a_new_language_is_a_new_label_file(invoke, tmp_path):
    import yaml

    folder = tmp_path / "corp"
    (folder / "labels").mkdir(parents=True)
    de = {"language": "de", "date": {
        "months": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                   "September", "Oktober", "November", "Dezember"],
        "months_short": ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
        "weekdays": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
        "format": "{day}. {month} {year}", "short": "{day}. {mon} {year}"},
        "minutes": {"kind": "Protokoll", "agenda": "Tagesordnung", "all_actions": "Maßnahmen"}}
    en = yaml.safe_load((builtin_dir() / "labels" / "en.yaml").read_text(encoding="utf-8"))
    for section, values in en.items():
        if isinstance(values, dict) and section not in de:
            de[section] = values
    for key, value in en["minutes"].items():
        de["minutes"].setdefault(key, value)
    (folder / "labels" / "de.yaml").write_text(yaml.safe_dump(de, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "m.docx"
    result = invoke("minutes", MEETING, "--templates", folder, "--lang", "de", "-o", out)
    assert result.exit_code == 0, result.output
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[1].startswith("Protokoll · 24. November 2026")
    assert "Tagesordnung" in texts and "Maßnahmen" in texts
    result = invoke("minutes", MEETING, "--lang", "xx", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "labels/xx.yaml" in result.output


def test_the_pmo_sample_folder(invoke, tmp_path):
    out_docx, out_md = tmp_path / "m.docx", tmp_path / "m.md"
    result = invoke("minutes", MEETING, "--templates", SAMPLE, "-o", out_docx, "-o", out_md)
    assert result.exit_code == 0, result.output
    assert style_props(out_docx, "Heading1") == ("Arial", "7B1E3A")
    assert style_props(out_docx, "Title") == ("Arial", "7B1E3A")
    doc = docx.Document(str(out_docx))
    assert doc.styles["Normal"].font.name == "Georgia" or style_props(out_docx, "Normal")[0] == "Georgia"
    assert "Actions agreed" in [p.text for p in doc.paragraphs]
    md = out_md.read_text(encoding="utf-8")
    assert md.startswith("# HRIS Core HR & Payroll Deployment · HRIS Steering Committee n°7\n")
    assert "**Minutes** · 24 November 2026 · 14:00–15:30 · Chair: Claire Martin" in md
    assert "## Attendance" in md and "## Actions agreed" in md  # other blocks from the built-in


def test_sample_scripts_rebuild_the_committed_files(tmp_path):
    import importlib.util

    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, SAMPLE / "src" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    rebuilt = load("restyle_minutes").build(builtin_dir() / "minutes.docx", tmp_path / "minutes.docx")
    assert rebuilt.read_bytes() == (SAMPLE / "minutes.docx").read_bytes()
    onepage = load("build_onepage").build(tmp_path / "onepage.docx", rebuilt)
    texts = [p.text for p in docx.Document(str(onepage)).paragraphs]
    assert "{{ meeting.title }}" in texts and "{%p for d in decisions %}" in texts
