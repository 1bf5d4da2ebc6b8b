"""Build samples/pmo-templates/minutes-onepage.docx: a one-page minutes summary with docxtpl tags.

Run ``python samples/pmo-templates/src/build_onepage.py``. The result is an ordinary Word file a
PMO would write by hand in Word: Jinja tags in the text, a table whose middle row repeats per
action (``{%tr for a in actions %}``), a paragraph shown only when a next meeting is known
(``{%p if next_meeting %}``) and Markdown free text as rich text (``{{r rich(a.text) }}``).
It is built on the restyled minutes.docx next to it, so it shares its fonts and colours.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FOLDER = HERE.parent


def build(dest: Path, base: Path | None = None) -> Path:
    """Write the one-page template to ``dest`` (on the styles of ``base`` when given); return ``dest``."""
    doc = docx.Document(str(base)) if base else docx.Document()
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    doc.add_paragraph("{{ meeting.title }}", style="Title")
    doc.add_paragraph("{{ L['minutes.kind'] }} · {{ date(meeting.date) }}"
                      "{% if time_span %} · {{ time_span }}{% endif %}"
                      "{% if meeting.location %} · {{ meeting.location }}{% endif %}", style="Subtitle")
    present = doc.add_paragraph()
    present.add_run("{{ L['attendance.present'] }}{{ L['common.colon'] }}").bold = True
    present.add_run("{{ attendees | selectattr('attendance', 'in', ['present', 'remote'])"
                    " | map(attribute='name') | join(', ') }}")

    doc.add_paragraph("{{ L['minutes.all_decisions'] }}", style="Heading 1")
    doc.add_paragraph("{%p for d in decisions %}")
    decision = doc.add_paragraph()
    decision.add_run("{{ d.id or loop.index }}  ").bold = True
    decision.add_run("{{r rich(d.text) }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p if not decisions %}")
    doc.add_paragraph("{{ L['minutes.no_decisions'] }}")
    doc.add_paragraph("{%p endif %}")

    doc.add_paragraph("{{ L['minutes.all_actions'] }}", style="Heading 1")
    heads = ["{{ L['common.id'] }}", "{{ L['minutes.action'] }}", "{{ L['common.owner'] }}",
             "{{ L['common.due'] }}", "{{ L['common.status'] }}"]
    cells = ["{{ a.id }}", "{{r rich(a.text) }}", "{{ a.owner or '' }}", "{{ short_date(a.due) }}",
             "{% cellbg status_colour(a) %}{{ status_word(a.status) }}"]
    table = doc.add_table(rows=4, cols=5)
    style_names = {s.name for s in doc.styles}
    if "docgen Table" in style_names:
        table.style = doc.styles["docgen Table"]
    else:
        table.style = doc.styles["Table Grid"]
    for i, width in enumerate([2.0, 7.5, 3.2, 2.3, 2.5]):
        table.columns[i].width = Cm(width)
        for row in table.rows:
            row.cells[i].width = Cm(width)
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, heads):
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        _shade(cell, "7B1E3A")
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for a in actions %}")
    for cell, text in zip(table.rows[2].cells, cells):
        cell.paragraphs[0].add_run(text).font.size = Pt(9.5)
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")

    doc.add_paragraph("{%p if next_meeting and next_meeting.date %}")
    nxt = doc.add_paragraph()
    nxt.add_run("{{ L['minutes.next_meeting'] }}{{ L['common.colon'] }}").bold = True
    nxt.add_run("{{ date(next_meeting.date) }}{% if next_meeting.start %}, {{ next_meeting.start }}"
                "{% endif %}{% if next_meeting.location %} · {{ next_meeting.location }}{% endif %}")
    doc.add_paragraph("{%p endif %}")
    _jinja_header_footer(doc)
    doc.core_properties.title = "{{ meeting.title }}"
    doc.save(str(dest))
    return dest


# The reference document's header/footer tokens, written as the Jinja a docxtpl template uses.
TOKENS = {"{title}": "{{ meeting.title }}", "{date}": "{{ date(meeting.date) }}",
          "{project}": "{{ meeting.project or '' }}", "{page}": "{{ L['common.page'] }}",
          "{of}": "{{ L['common.of'] }}", "{kind}": "{{ L['minutes.kind'] }}"}


def _jinja_header_footer(doc) -> None:
    for section in doc.sections:
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                for run in paragraph.runs:
                    for token, jinja in TOKENS.items():
                        if token in run.text:
                            run.text = run.text.replace(token, jinja)


def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


if __name__ == "__main__":
    base = FOLDER / "minutes.docx"
    out = build(FOLDER / "minutes-onepage.docx", base if base.exists() else None)
    sys.stdout.write(f"wrote {out}\n")
