"""PDF through LibreOffice, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from docgen.errors import OutputError
from docgen.output import atomic_write_bytes

INSTALL_HINT = ("LibreOffice is needed for PDF output; install it, e.g. on Debian/Ubuntu: "
                "apt-get install -y --no-install-recommends libreoffice-writer-nogui "
                "libreoffice-impress-nogui")


def soffice() -> str:
    """Return the path of LibreOffice's soffice, or raise OutputError saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise OutputError(INSTALL_HINT)
    return found


def convert_to_pdf(source: Path, dest: Path, timeout: int = 180) -> Path:
    """Convert the Office file ``source`` to PDF at ``dest`` with LibreOffice; return ``dest``."""
    exe = soffice()
    with tempfile.TemporaryDirectory(prefix="docgen-pdf-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", tmp, str(source)]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
        except (subprocess.SubprocessError, OSError) as exc:
            raise OutputError(f"{source}: LibreOffice could not convert it to PDF ({exc})") from None
        produced = Path(tmp, source.with_suffix(".pdf").name)
        if not produced.is_file():
            raise OutputError(f"{source}: LibreOffice produced no PDF")
        return atomic_write_bytes(dest, produced.read_bytes())


def convert_many(pairs: list[tuple[Path, Path]], timeout: int = 600) -> list[Path]:
    """Convert each (Office file, PDF) of ``pairs`` with a single LibreOffice process; return the PDFs written.

    One process for the whole batch: LibreOffice's start-up costs more than a conversion.
    """
    if not pairs:
        return []
    exe = soffice()
    written = []
    with tempfile.TemporaryDirectory(prefix="docgen-pdf-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        staged = []
        for index, (source, _) in enumerate(pairs):
            # Distinct names: two inputs may share a file name in different folders.
            link = Path(tmp, f"{index:05d}-{Path(source).name}")
            link.symlink_to(Path(source).resolve())
            staged.append(link)
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(Path(tmp, "pdf"))] + [str(s) for s in staged]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
        except (subprocess.SubprocessError, OSError) as exc:
            raise OutputError(f"LibreOffice could not convert the batch to PDF ({exc})") from None
        for (_, dest), link in zip(pairs, staged):
            produced = Path(tmp, "pdf", link.with_suffix(".pdf").name)
            if produced.is_file():
                written.append(atomic_write_bytes(Path(dest), produced.read_bytes()))
    return written
