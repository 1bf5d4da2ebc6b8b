"""Open generated .docx/.pptx files in LibreOffice and read back what it printed (PDF, text, PNG pages, fonts).

Used by the office tests: ``render(path)`` converts one file, ``render_all(paths)`` several in one LibreOffice
start. Each call uses its own throw-away LibreOffice profile, so test runs can go in parallel. A file that
LibreOffice cannot open, that is not a real package of the kind its extension says, or that yields no page
raises ``OfficeError`` (``soffice`` itself exits 0 in all those cases). Only soffice and poppler-utils are needed.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

TIMEOUT = 120
POPPLER = ("pdfinfo", "pdftotext", "pdftoppm", "pdffonts")
# What LibreOffice must use to export each kind: a .docx read as plain text would still give a Writer PDF,
# so the package itself is checked too.
KINDS = {
    ".docx": ("word/document.xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
              "writer_pdf_Export"),
    ".pptx": ("ppt/presentation.xml",
              "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
              "impress_pdf_Export"),
}


class OfficeError(AssertionError):
    """A file LibreOffice could not open, or that gave no usable PDF (an assertion failure in a test)."""


@dataclass(frozen=True)
class Word:
    """One word LibreOffice printed, with its box in PDF points (origin top left)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Page:
    """The size of one PDF page in points and the words printed on it."""

    width: float
    height: float
    words: list[Word]


@dataclass
class Rendered:
    """What LibreOffice made of one file: the PDF, its page count, the text of each page, PNG pages, fonts."""

    source: Path
    pdf: Path
    pages: int
    texts: list[str]
    pngs: list[Path] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    slides: int | None = None  # visible slides of a .pptx, None for a .docx

    @property
    def text(self) -> str:
        """Return the text of every page, pages separated by a form feed (as ``pdftotext -layout`` writes it)."""
        return "\f".join(self.texts)

    @property
    def words(self) -> str:
        """Return the text of every page with each run of white space made one space."""
        return " ".join(self.text.split())

    def boxes(self) -> list[Page]:
        """Return every page with the boxes of the words printed on it (``pdftotext -bbox``)."""
        return word_boxes(self.pdf)


def soffice_missing() -> str | None:
    """Return a message naming what the office tests need and is not installed, or None when all is there."""
    missing = []
    if shutil.which("soffice") is None:
        missing.append("LibreOffice (soffice) is not installed")
    tools = [tool for tool in POPPLER if shutil.which(tool) is None]
    if tools:
        missing.append(f"poppler-utils ({', '.join(tools)}) is not installed")
    return "; ".join(missing) or None


needs_office = pytest.mark.skipif(soffice_missing() is not None, reason=soffice_missing() or "")


def package_errors(path: Path) -> list[str]:
    """Return why ``path`` is not a real OOXML package of the kind its extension says (empty list when it is)."""
    ext = path.suffix.lower()
    if ext not in KINDS:
        return [f"{path.name}: not a .docx or .pptx file name"]
    main_part, content_type, _ = KINDS[ext]
    if path.stat().st_size == 0:
        return [f"{path.name}: file is empty, not a {ext} package"]
    if not zipfile.is_zipfile(path):
        return [f"{path.name}: not a zip archive, so not a {ext} package"]
    errors = []
    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
            if bad is not None:
                errors.append(f"{path.name}: zip member {bad!r} is corrupt")
            names = set(zf.namelist())
            if "[Content_Types].xml" not in names:
                errors.append(f"{path.name}: no [Content_Types].xml in the package")
            elif content_type not in zf.read("[Content_Types].xml").decode("utf-8", "replace"):
                errors.append(f"{path.name}: [Content_Types].xml does not declare a {ext} main part")
            if main_part not in names:
                errors.append(f"{path.name}: main part {main_part} is missing")
    except (zipfile.BadZipFile, OSError) as exc:
        errors.append(f"{path.name}: cannot read the zip package: {exc}")
    return errors


def visible_slides(path: Path) -> int:
    """Return the number of slides of a .pptx that are not hidden (``show="0"``), read with python-pptx."""
    from pptx import Presentation

    return sum(1 for slide in Presentation(path).slides if slide._element.get("show") not in ("0", "false"))


def render(path: Path, outdir: Path | None = None, *, resolution: int = 50, timeout: float = TIMEOUT) -> Rendered:
    """Return what LibreOffice printed for one .docx or .pptx; raise OfficeError when it is not a good document."""
    return render_all([path], outdir, resolution=resolution, timeout=timeout)[0]


def render_all(paths: list[Path], outdir: Path | None = None, *, resolution: int = 50,
               timeout: float = TIMEOUT) -> list[Rendered]:
    """Return what LibreOffice printed for each file, converted in one soffice call (``timeout`` seconds per file).

    Outputs go to ``outdir/<n>-<file name>/`` (a fresh temporary folder when ``outdir`` is None): the PDF named
    after the file, ``page-<n>.png`` at ``resolution`` dpi (none when 0) and ``text.txt``. Raise OfficeError
    naming every file that is not a real package of its kind, that LibreOffice did not convert, or whose PDF
    has no page, a page count other than its visible slides (.pptx) or that pdftoppm could not render.
    """
    paths = [Path(p) for p in paths]
    errors = [e for p in paths for e in package_errors(p)]
    if errors:
        raise OfficeError("; ".join(errors))
    outdir = Path(outdir) if outdir is not None else Path(tempfile.mkdtemp(prefix="docgen-office-"))
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="docgen-soffice-") as work_name:
        work = Path(work_name)
        # Private copies with distinct names: two inputs with one stem cannot overwrite each other's PDF.
        copies = []
        for n, path in enumerate(paths, 1):
            copy = work / "in" / f"{n}{path.suffix.lower()}"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(path, copy)
            copies.append(copy)
        log = _soffice(copies, work / "pdf", work / "profile", timeout * len(paths))
        results = []
        for n, (path, copy) in enumerate(zip(paths, copies), 1):
            produced = work / "pdf" / f"{n}.pdf"
            if not produced.is_file():
                errors.append(f"{path.name}: LibreOffice did not convert it: {_tail(log)}")
                continue
            used = re.search(rf"{re.escape(str(copy))} -> .*? using filter\s*:\s*(\S+)", log)
            if used and used.group(1) != KINDS[copy.suffix][2]:
                errors.append(f"{path.name}: LibreOffice exported it with {used.group(1)}, "
                              f"not {KINDS[copy.suffix][2]}")
                continue
            folder = outdir / f"{n}-{path.name}"
            shutil.rmtree(folder, ignore_errors=True)  # no PNG page of an earlier run left behind
            folder.mkdir()
            pdf = folder / f"{path.stem}.pdf"
            shutil.move(produced, pdf)
            result, problems = _read_pdf(path, pdf, resolution)
            errors += problems
            results.append(result)
    if errors:
        raise OfficeError("; ".join(errors))
    return results


def _soffice(files: list[Path], outdir: Path, profile: Path, timeout: float) -> str:
    """Return what ``soffice --convert-to pdf`` printed for ``files``; raise OfficeError when it timed out."""
    cmd = ["soffice", f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--invisible",
           "--nologo", "--nodefault", "--norestore", "--nolockcheck",
           "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            env=env, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        raise OfficeError(f"LibreOffice did not finish within {timeout:g} s (killed)") from None
    return out.decode("utf-8", "replace")


def _tail(log: str) -> str:
    """Return the last meaningful lines LibreOffice printed, on one line (at most 300 characters)."""
    lines = [line for line in log.splitlines() if line.strip() and "javaldx" not in line]
    return " ".join(" ".join(lines).split())[-300:] or "no PDF written"


def _read_pdf(source: Path, pdf: Path, resolution: int) -> tuple[Rendered, list[str]]:
    """Return the Rendered record of ``pdf`` and the problems found in it (no page, slides/pages mismatch...)."""
    errors = []
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    pages = int(found.group(1)) if info.returncode == 0 and found else 0
    if not pages:
        errors.append(f"{source.name}: the PDF has no page ({(info.stderr or info.stdout).strip()})")
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True).stdout.decode("utf-8", "replace")
    (pdf.parent / "text.txt").write_text(text, encoding="utf-8")
    texts = text.split("\f")
    if text.endswith("\f"):
        texts.pop()  # pdftotext ends every page, the last one too, with a form feed
    if len(texts) != pages:
        errors.append(f"{source.name}: pdftotext found {len(texts)} pages, pdfinfo {pages}")
    pngs: list[Path] = []
    if resolution > 0 and pages:
        subprocess.run(["pdftoppm", "-png", "-r", str(resolution), str(pdf), str(pdf.parent / "page")],
                       capture_output=True, check=True)
        pngs = sorted(pdf.parent.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        if len(pngs) != pages:
            errors.append(f"{source.name}: pdftoppm wrote {len(pngs)} PNGs for {pages} pages")
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    fonts = sorted({line.split()[0].split("+", 1)[-1] for line in listing if line.strip()})
    slides = None
    if source.suffix.lower() == ".pptx":
        slides = visible_slides(source)
        if slides != pages:
            errors.append(f"{source.name}: the deck has {slides} visible slides but the PDF has {pages} pages")
    return Rendered(source, pdf, pages, texts, pngs, fonts, slides), errors


def word_boxes(pdf: Path) -> list[Page]:
    """Return every page of ``pdf`` with the box of each word on it, from ``pdftotext -bbox``."""
    import html

    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
    pages = []
    for chunk in xhtml.split("<page ")[1:]:
        width, height = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', chunk).groups())
        words = [Word(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in
                 word.findall(chunk)]
        pages.append(Page(width, height, words))
    return pages
