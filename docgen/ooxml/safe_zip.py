"""The one guarded door through which docgen opens an Office file (.docx, .pptx, .xlsx).

Templates and reference documents are data people pass around, so nothing in a package is
trusted before it has been checked here: the file is read once, its zip directory is parsed
with a bound on the entries, and every member is inflated through zlib with a running byte
budget, whatever sizes the zip headers declare. :func:`checked_package` raises TemplateError
(exit 2, nothing written) for

- macro-enabled files: a ``.pptm``/``.docm``/``.xlsm``-like name, a ``vbaProject.bin`` part or a
  macro-enabled content type;
- encrypted or password-protected files (an OLE compound file, D0 CF 11 E0 ...) and encrypted
  zip entries;
- zip bombs: more than 100 MB inflated in all, a member above its limit, a compression ratio
  beyond 200:1, more than 10,000 entries or a huge zip directory;
- path-traversal or otherwise unsafe member names, duplicate members;
- corrupt or truncated zips (bad CRC, sizes that lie, unsupported compression);
- XML parts that are not well-formed or that declare a DTD or entities (XXE, "billion laughs").

The checked bytes are what callers hand to python-pptx/python-docx, so the file is never read
twice and cannot change between the check and its use.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn
from xml.parsers import expat

from docgen.errors import TemplateError

MB = 1024 * 1024
MAX_EXPANDED = 100 * MB  # inflated bytes of all members together: templates are a few MB at most
MAX_FILE = 100 * MB  # the file on disk
MAX_MEMBER = 100 * MB  # one binary member (an embedded picture or video)
MAX_XML_MEMBER = 32 * MB  # one XML part: python-pptx/python-docx hold it as a tree several times larger
MAX_ENTRIES = 10_000
MAX_DIRECTORY = 4 * MB  # the zip central directory (a real package's is a few KB)
MAX_RATIO = 200  # inflated / compressed, checked once a member has produced RATIO_FLOOR bytes
RATIO_FLOOR = 4 * MB
_CHUNK = 256 * 1024
MAX_CACHED = 8 * MB  # files checked once per process while unchanged

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MACRO_SUFFIXES = (".docm", ".dotm", ".pptm", ".potm", ".ppsm", ".ppam", ".xlsm", ".xltm", ".xlam")
MAX_DEPTH = 2  # levels of embedded packages checked (a deck's chart workbook is level 1)
_NESTED = (".xlsx", ".docx", ".pptx", ".zip", *MACRO_SUFFIXES)
_DRIVE = re.compile(r"^[A-Za-z]:")
_CHECKED: dict[tuple[str, str, int, int], CheckedPackage] = {}  # (path, kind, mtime, size) -> passed


@dataclass(frozen=True)
class Kind:
    """One kind of Office package: the application and noun that word messages, its main part."""

    app: str
    noun: str
    suffix: str
    main_part: str


KINDS = {
    "docx": Kind("Word", "document", ".docx", "word/document.xml"),
    "pptx": Kind("PowerPoint", "presentation", ".pptx", "ppt/presentation.xml"),
    "xlsx": Kind("Excel", "workbook", ".xlsx", "xl/workbook.xml"),
}


@dataclass(frozen=True)
class CheckedPackage:
    """An Office package that passed every check: the file's bytes as read once, and its parts."""

    path: Path
    data: bytes
    parts: dict[str, bytes]

    def stream(self) -> io.BytesIO:
        """Return a fresh binary stream over the checked bytes (for python-pptx, python-docx)."""
        return io.BytesIO(self.data)


def checked_package(path: str | Path, kind: str) -> CheckedPackage:
    """Return the Office package at ``path`` after checking it, or raise TemplateError.

    ``kind`` is "docx", "pptx" or "xlsx"; it words the messages and names the main part the
    package must hold. The file is read once; see the module docstring for what is refused.
    A small file that passed is kept while it is unchanged (same size and modification
    time), so a batch filling one template many times checks it once.
    """
    path = Path(path)
    spec = KINDS[kind]
    suffix = path.suffix.lower()
    if suffix in MACRO_SUFFIXES:
        raise TemplateError(f"{path}: refused: macro-enabled {spec.app} file ({suffix}); "
                            f"save it as {spec.suffix} without macros")
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise TemplateError(f"{path}: template not found") from None
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if stat.st_size > MAX_FILE:
        raise TemplateError(f"{path}: refused: the file is larger than {MAX_FILE // MB} MB")
    key = (str(path.resolve()), kind, stat.st_mtime_ns, stat.st_size)
    hit = _CHECKED.get(key)
    if hit is not None:
        return hit
    checked = checked_bytes(_read(path), kind, path)
    if stat.st_size <= MAX_CACHED:
        if len(_CHECKED) >= 16:
            _CHECKED.pop(next(iter(_CHECKED)))
        _CHECKED[key] = checked
    return checked


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read ({exc.strerror or exc})") from None


def checked_bytes(data: bytes, kind: str, path: str | Path) -> CheckedPackage:
    """Return the package ``data`` (named ``path`` in messages) after checking it, or raise TemplateError."""
    path = Path(path)
    spec = KINDS[kind]
    where = f"{path}: "
    corrupt = f"{where}is not a valid {spec.app} file (corrupt zip"
    if data[:8] == OLE_MAGIC:
        raise TemplateError(f"{where}refused: an encrypted (password-protected) or legacy binary Office file, "
                            f"not a {spec.suffix}; remove the password and save it as {spec.suffix}")
    if len(data) > MAX_FILE:
        raise TemplateError(f"{where}refused: the file is larger than {MAX_FILE // MB} MB")
    members = _members(data, where, corrupt)
    if spec.main_part not in {i.filename for i in members}:
        raise TemplateError(f"{where}is not a {spec.app} {spec.noun} (no {spec.main_part})")
    parts, _ = _inflate_all(data, members, MAX_EXPANDED, where, corrupt, depth=0)
    content_types = parts.get("[Content_Types].xml")
    if content_types is None:
        raise TemplateError(f"{corrupt}: no [Content_Types].xml)")
    if b"macroenabled" in content_types.lower():
        raise TemplateError(f"{where}refused: holds macros (a macro-enabled content type); save it as {spec.suffix}")
    for name, blob in parts.items():
        check_xml(blob, name, where)
    return CheckedPackage(path, data, parts)


def _members(data: bytes, where: str, corrupt: str) -> list[zipfile.ZipInfo]:
    """Return the file members of the zip ``data`` after the directory, name and declared-size checks."""
    _check_directory(data, where, corrupt)
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, struct.error,
            NotImplementedError, UnicodeDecodeError):
        raise TemplateError(f"{corrupt})") from None
    if len(infos) > MAX_ENTRIES:
        raise TemplateError(f"{where}refused: holds more than {MAX_ENTRIES:,} entries (possible zip bomb)")
    return _check_names(infos, where, corrupt)


def _check_directory(data: bytes, where: str, corrupt: str) -> None:
    """Raise TemplateError when the end-of-directory record announces too many entries or too big a directory.

    Checked before :mod:`zipfile` builds one object per entry, so a million-entry archive
    costs nothing. Returns nothing; a missing record is left for :mod:`zipfile` to report.
    """
    tail_start = max(0, len(data) - (22 + 65535))
    pos = data.rfind(b"PK\x05\x06", tail_start)
    if pos < 0 or pos + 22 > len(data):
        return
    entries, directory = struct.unpack("<HI", data[pos + 10:pos + 16])
    locator = pos - 20
    if locator >= 0 and data[locator:locator + 4] == b"PK\x06\x07":
        (record,) = struct.unpack("<Q", data[locator + 8:locator + 16])
        if data[record:record + 4] != b"PK\x06\x06" or record + 56 > len(data):
            raise TemplateError(f"{corrupt}: bad zip64 directory)")
        entries, directory = struct.unpack("<QQ", data[record + 32:record + 48])
    if entries > MAX_ENTRIES:
        raise TemplateError(f"{where}refused: holds more than {MAX_ENTRIES:,} entries (possible zip bomb)")
    if directory > MAX_DIRECTORY:
        raise TemplateError(f"{where}refused: its zip directory is larger than {MAX_DIRECTORY // MB} MB "
                            "(possible zip bomb)")


def unsafe_name(name: str) -> bool:
    """Return True when the member name ``name`` could escape a folder or is not a plain part name."""
    if not name or "\x00" in name or "\\" in name or name.startswith("/") or _DRIVE.match(name):
        return True
    return any(segment in ("..", ".") for segment in name.split("/"))


def _check_names(infos: list[zipfile.ZipInfo], where: str, corrupt: str) -> list[zipfile.ZipInfo]:
    """Return the file members of ``infos`` after refusing unsafe names, macros, encryption and lies in sizes."""
    members = []
    seen: set[str] = set()
    declared = 0
    for info in infos:
        name = info.orig_filename
        if unsafe_name(name.rstrip("/") if info.is_dir() else name):
            raise TemplateError(f"{where}refused: unsafe member name {name!r} (path traversal)")
        if info.is_dir():
            continue
        if name.rsplit("/", 1)[-1].lower() == "vbaproject.bin":
            raise TemplateError(f"{where}refused: holds macros (vbaProject.bin)")
        if info.flag_bits & 0x1:
            raise TemplateError(f"{where}refused: holds encrypted (password-protected) zip entries")
        if name in seen:
            raise TemplateError(f"{corrupt}: member {name!r} appears twice)")
        seen.add(name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise TemplateError(f"{corrupt}: unsupported compression in {name!r})")
        declared += info.file_size
        if declared > MAX_EXPANDED or info.file_size > _member_limit(name):
            raise _bomb(where)
        members.append(info)
    return members


def _member_limit(name: str) -> int:
    return MAX_XML_MEMBER if _is_xml_name(name) else MAX_MEMBER


def _is_xml_name(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _bomb(where: str) -> TemplateError:
    return TemplateError(f"{where}refused: expands to more than {MAX_EXPANDED // MB} MB (possible zip bomb)")


def _inflate_all(data: bytes, members: list[zipfile.ZipInfo], budget: int, where: str, corrupt: str,
                 depth: int) -> tuple[dict[str, bytes], int]:
    """Return every member inflated and the budget left, counting real bytes whatever the headers say.

    An embedded package (a chart's workbook, an embedded document) is checked the same way
    against what is left of the one budget, down to ``MAX_DEPTH`` levels.
    """
    parts: dict[str, bytes] = {}
    for info in members:
        raw = _raw_member(data, info, corrupt)
        blob = _inflate(raw, info, min(budget, _member_limit(info.filename)), where, corrupt)
        budget -= len(blob)
        if len(blob) != info.file_size:
            raise TemplateError(f"{corrupt}: {info.filename!r} is not the size its header declares)")
        if zlib.crc32(blob) != info.CRC:
            raise TemplateError(f"{corrupt}: bad CRC in {info.filename!r})")
        if blob[:4] == b"PK\x03\x04" and info.filename.lower().endswith(_NESTED):
            budget = _check_nested(blob, info.filename, budget, where, depth + 1)
        parts[info.filename] = blob
    return parts, budget


def _check_nested(blob: bytes, name: str, budget: int, where: str, depth: int) -> int:
    """Return the budget left after checking the package embedded as member ``name`` (macros, bombs, names)."""
    inner = f"{where}{name}: "
    if depth > MAX_DEPTH:
        raise TemplateError(f"{inner}refused: packages nested more than {MAX_DEPTH} deep (possible zip bomb)")
    if name.lower().endswith(MACRO_SUFFIXES):
        raise TemplateError(f"{inner}refused: holds macros (an embedded macro-enabled file)")
    corrupt = f"{inner}is not a valid embedded package (corrupt zip"
    _, left = _inflate_all(blob, _members(blob, inner, corrupt), budget, inner, corrupt, depth)
    return left


def _raw_member(data: bytes, info: zipfile.ZipInfo, corrupt: str) -> memoryview:
    """Return the compressed bytes of ``info`` in ``data``, located through its local header."""
    start = info.header_offset
    header = data[start:start + 30]
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise TemplateError(f"{corrupt}: no local header for {info.filename!r})")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    begin = start + 30 + name_len + extra_len
    end = begin + info.compress_size
    if end > len(data):
        raise TemplateError(f"{corrupt}: {info.filename!r} is truncated)")
    return memoryview(data)[begin:end]


def _inflate(raw: memoryview, info: zipfile.ZipInfo, limit: int, where: str, corrupt: str) -> bytes:
    """Return ``raw`` inflated, refusing as soon as it passes ``limit`` bytes or the ratio looks like a bomb."""
    if info.compress_type == zipfile.ZIP_STORED:
        if len(raw) > limit:
            raise _bomb(where)
        return bytes(raw)
    inflater = zlib.decompressobj(-15)
    out: list[bytes] = []
    produced = consumed = 0
    try:
        for offset in range(0, len(raw), _CHUNK):
            pending: bytes | memoryview = raw[offset:offset + _CHUNK]
            consumed += len(pending)
            while pending:
                piece = inflater.decompress(pending, _CHUNK)
                produced += len(piece)
                if produced > limit or (produced > RATIO_FLOOR and produced > MAX_RATIO * consumed):
                    raise _bomb(where)
                out.append(piece)
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        while not inflater.eof:  # the input ended: drain what zlib still holds
            piece = inflater.decompress(b"", _CHUNK)
            if not piece:
                break
            produced += len(piece)
            if produced > limit:
                raise _bomb(where)
            out.append(piece)
    except zlib.error:
        raise TemplateError(f"{corrupt}: {info.filename!r} does not inflate)") from None
    if not inflater.eof:
        raise TemplateError(f"{corrupt}: {info.filename!r} is truncated)")
    return b"".join(out)


class _Refused(Exception):
    """Raised from an expat handler when an XML part declares a DTD or an entity."""


def _refuse(*_args: object) -> NoReturn:
    raise _Refused()


def check_xml(blob: bytes, name: str, where: str = "") -> None:
    """Raise TemplateError when the XML part ``blob`` declares a DTD/entities or (for .xml/.rels) is malformed.

    Office never writes a DTD in a package, so any DOCTYPE or ENTITY is refused before a
    parser could resolve an external entity (XXE) or expand nested ones ("billion laughs").
    Members with other extensions are checked only when they look like XML, and only for
    declarations (legacy VML, for one, is often not well-formed). Returns nothing.
    """
    is_xml = _is_xml_name(name)
    if not is_xml and blob[:64].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00")[:1] != b"<":
        return
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    try:
        parser.Parse(blob, True)
    except _Refused:
        raise TemplateError(f"{where}refused: {name} declares a DTD or entities (XXE / entity expansion); "
                            "Office files never do") from None
    except expat.ExpatError as exc:
        if is_xml:
            raise TemplateError(f"{where}{name} is not well-formed XML ({exc})") from None


def xml_text(blob: bytes, name: str, where: str = "") -> str:
    """Return the XML part ``blob`` as text, or raise TemplateError when it is not UTF-8 (what Office writes)."""
    try:
        return blob.decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateError(f"{where}{name} is not UTF-8 text (save the file again in Office)") from None
