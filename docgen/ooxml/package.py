"""Reproducible OOXML zip packages: fixed entry order, fixed dates, fixed core-property times."""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.output import atomic_write_bytes

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

# 1980-01-01 is the earliest date a zip entry can hold; any fixed value makes bytes repeatable.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_FIRST = "[Content_Types].xml"


def read_parts(path: Path) -> dict[str, bytes]:
    """Return every part of the zip package at ``path``, by name."""
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist() if not info.is_dir()}


@dataclass(frozen=True)
class Deflated:
    """A part compressed while it was produced: its CRC-32, its size and its raw deflate stream."""

    crc: int
    size: int
    packed: bytes


_STREAM_CHUNK = 1 << 20  # characters of XML joined, encoded and compressed at a time


class _Packer:
    """One raw deflate stream, compressed on a helper thread while the caller makes more text.

    zlib releases the GIL while it compresses, so on two cores the compression of a long part
    costs no wall time. Pieces are compressed in order on one thread (the stream is the one of
    compressing them all at once); at most three pieces wait. :meth:`finish` returns the part.
    """

    def __init__(self) -> None:
        self._zlib = zlib.compressobj(6, zlib.DEFLATED, -15)
        self.crc = self.size = 0
        self._packed: list[bytes] = []
        self._waiting: deque = deque()
        self._pool: ThreadPoolExecutor | None = None  # made for the first full piece (small parts need none)

    def feed(self, data: bytes) -> None:
        """Add ``data`` to the stream (compressed on the helper thread)."""
        self.crc, self.size = zlib.crc32(data, self.crc), self.size + len(data)
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(1, thread_name_prefix="docgen-deflate")
        self._waiting.append(self._pool.submit(self._zlib.compress, data))
        while len(self._waiting) > 2:
            self._packed.append(self._waiting.popleft().result())

    def finish(self, data: bytes) -> Deflated:
        """Return the whole stream, ``data`` its last piece."""
        self.crc, self.size = zlib.crc32(data, self.crc), self.size + len(data)
        while self._waiting:
            self._packed.append(self._waiting.popleft().result())
        self._packed += [self._zlib.compress(data), self._zlib.flush()]
        return Deflated(self.crc, self.size, b"".join(self._packed))

    def close(self) -> None:
        """Stop the helper thread (after the piece it is compressing)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def deflate_stream(chunks: Iterable[str]) -> Deflated:
    """Return the part made of the XML text ``chunks`` (UTF-8), compressed as they come.

    The part is never held whole: a 50,000-row table is tens of megabytes of XML but a few
    megabytes compressed. The deflate stream is the one compressing the whole text at once gives.
    """
    packer = _Packer()
    held = 0
    pending: list[str] = []
    try:
        for chunk in chunks:
            pending.append(chunk)
            held += len(chunk)
            if held >= _STREAM_CHUNK:
                packer.feed("".join(pending).encode("utf-8"))
                pending, held = [], 0
        return packer.finish("".join(pending).encode("utf-8"))
    finally:
        packer.close()


def package_bytes(parts: Mapping[str, bytes | Deflated]) -> bytes:
    """Return a zip archive holding ``parts`` with content types first, then names in order.

    Entries carry a fixed date, so the same parts give the same bytes. A part is bytes, or
    :class:`Deflated` when it was compressed while produced (:func:`deflate_stream`).
    Compressed data is cached by content: the parts every document shares with its template
    (styles, themes, slide layouts) are deflated once per process, not once per document.
    """
    names = sorted(parts, key=lambda n: (n != _FIRST, n))
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in names:
        data = parts[name]
        if isinstance(data, Deflated):
            crc, packed, size = data.crc, data.packed, data.size
        else:
            (crc, packed), size = _deflated(data), len(data)
        encoded = name.encode("utf-8")
        flags = 0x800 if not encoded.isascii() else 0  # bit 11: the name is UTF-8
        fields = (20, flags, 8, _DOS_TIME, _DOS_DATE, crc, len(packed), size, len(encoded))
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0)
        chunks += [header, encoded, packed]
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0,
                                   0o644 << 16, offset) + encoded)
        offset += len(header) + len(encoded) + len(packed)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(directory),
                      offset, 0)
    return b"".join(chunks) + directory + end


_DOS_DATE = (ZIP_DATE[0] - 1980) << 9 | ZIP_DATE[1] << 5 | ZIP_DATE[2]
_DOS_TIME = ZIP_DATE[3] << 11 | ZIP_DATE[4] << 5 | ZIP_DATE[5] // 2
_DEFLATED: dict[bytes, tuple[int, bytes]] = {}
_CACHE_LIMIT = 16 * 1024 * 1024
_CACHED_PART = 4 * 1024 * 1024  # larger parts are a document's own body, not shared template parts


def _deflated(data: bytes) -> tuple[int, bytes]:
    """Return the CRC-32 and raw deflate stream of ``data`` (cached for parts seen before)."""
    hit = _DEFLATED.get(data)
    if hit is not None:
        return hit
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    result = (zlib.crc32(data), packer.compress(data) + packer.flush())
    # Small parts are cheap to compress and mostly per-document; large ones are a document's body.
    if 2048 <= len(data) <= _CACHED_PART:
        if sum(len(k) for k in _DEFLATED) + len(data) > _CACHE_LIMIT:
            _DEFLATED.clear()
        _DEFLATED[data] = result
    return result


def write_package(parts: dict[str, bytes], dest: Path) -> Path:
    """Write ``parts`` as a reproducible zip package to ``dest`` atomically; return ``dest``."""
    return atomic_write_bytes(dest, package_bytes(parts))


def normalise_file(path: Path, when: datetime | None = None) -> Path:
    """Rewrite an OOXML file saved by another library so its bytes are reproducible.

    Core-property times are set to ``when`` (see :func:`document_time`), zip entries are
    re-ordered and re-dated. Returns ``path``.
    """
    parts = read_parts(path)
    if "docProps/core.xml" in parts:
        parts["docProps/core.xml"] = fix_core_times(parts["docProps/core.xml"], when)
    return write_package(parts, path)


def document_time(day: date | None = None) -> datetime:
    """Return the timestamp stored in documents: SOURCE_DATE_EPOCH, else ``day``, else 2000-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).replace(tzinfo=None)
    if day is not None:
        return datetime(day.year, day.month, day.day)
    return datetime(2000, 1, 1)


_W3CDTF = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
_PRINTED = re.compile(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>")


def fix_core_times(core_xml: bytes, when: datetime | None = None) -> bytes:
    """Return ``core_xml`` with created/modified set to ``when`` and lastPrinted removed."""
    stamp = (when or document_time()).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    core_xml = _W3CDTF.sub(lambda m: m.group(1) + stamp + m.group(3), core_xml)
    return _PRINTED.sub(b"", core_xml)


def core_properties_xml(title: str, subject: str = "", creator: str = "docgen",
                        keywords: str = "", when: datetime | None = None) -> bytes:
    """Return a docProps/core.xml part with the given properties and fixed times."""
    from docgen.ooxml.xmltext import esc

    stamp = (when or document_time()).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{esc(title)}</dc:title><dc:subject>{esc(subject)}</dc:subject>"
        f"<dc:creator>{esc(creator)}</dc:creator><cp:keywords>{esc(keywords)}</cp:keywords>"
        f"<cp:lastModifiedBy>docgen</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode("utf-8")
