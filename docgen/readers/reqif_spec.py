"""ReqIF specifications (.reqif, .reqifz) exported by DOORS, Polarion, Jama...: one requirement per object.

Parsed by the ``reqif`` package after a defusedxml pass that refuses a DTD, entities and
external references (the package parses with lxml, which would resolve them). A ``.reqifz``
is a zip read member by member against a size budget. Each SPEC-OBJECT under a specification's
hierarchy is a requirement: id from ``ReqIF.ForeignID`` / ``ID``-like attributes (else the
object's IDENTIFIER), text from ``ReqIF.Text`` (else the first XHTML, else string, attribute;
XHTML flattened, bold kept as ``**``), level from a Priority/Level/Obligation attribute (else
its BCP 14 keyword). Chapter objects (``ReqIF.ChapterName``, a heading type) are sections,
numbered by the hierarchy (``2.1 Security``) unless their title holds a number.
"""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from pathlib import Path

from docgen.errors import InputError, Problem
from docgen.readers.matrix_columns import HEADING_KEYS, WONT, level_word, normalise, requirement_level
from docgen.readers.office_open import OfficeSource
from docgen.readers.table import ReadOptions

MB = 1024 * 1024
MAX_BYTES = 100 * MB
MAX_ENTRIES = 1000
MAX_RATIO = 200
_ID_NAMES = {"reqif.foreignid", "id", "identifier", "object identifier", "req id", "requirement id",
             "reqif.foreign id", "foreignid", "ref", "reference"}
_TEXT_NAMES = {"reqif.text", "object text", "text", "description", "requirement text", "exigence",
               "reqif.description"}
_CHAPTER_NAMES = {"reqif.chaptername", "object heading", "heading", "chapter name", "titre"}
_CATEGORY_NAMES = {"reqif.category", "category", "categorie"}
_HEADING_TYPE = re.compile(r"heading|chapter|section|title|titre|chapitre|kapitel", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d+(?:\.\d+)*\.?\s")


def _read_bytes(path: Path) -> bytes:
    """Return the ReqIF XML of ``path`` (the first .reqif member of a .reqifz), or raise InputError."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError.single(path, "file not found") from None
    if size > MAX_BYTES:
        raise InputError.single(path, f"refused: the file is larger than {MAX_BYTES // MB} MB")
    if path.suffix.lower() != ".reqifz":
        return path.read_bytes()
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise InputError.single(path, f"refused: holds more than {MAX_ENTRIES} entries (possible zip bomb)")
            member = next((i for i in infos if i.filename.lower().endswith(".reqif")), None)
            if member is None:
                raise InputError.single(path, "is not a ReqIF archive (no .reqif file inside)")
            if member.flag_bits & 0x1:
                raise InputError.single(path, "refused: the archive is encrypted (password-protected)")
            limit = min(MAX_BYTES, MAX_RATIO * max(member.compress_size, 1) + MB)
            chunks, produced = [], 0
            with archive.open(member) as stream:
                while chunk := stream.read(MB):
                    produced += len(chunk)
                    if produced > limit:
                        raise InputError.single(path, f"refused: {member.filename} expands beyond "
                                                      f"{limit // MB} MB (possible zip bomb)")
                    chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, zlib.error) as exc:
        raise InputError.single(path, f"is not a valid .reqifz (corrupt zip: {exc})") from None
    return b"".join(chunks)


def _check_xml(data: bytes, path: Path) -> None:
    """Raise InputError when ``data`` declares a DTD, entities or external references, or is not XML."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise InputError.single(path, "refused: declares a DTD or entities (XXE / entity expansion); "
                                      "ReqIF exports never need them") from None
    except ParseError as exc:
        raise InputError.single(path, f"is not well-formed XML ({exc})") from None


def xhtml_text(value: str) -> str:
    """Return an XHTML attribute value as one line of Markdown text (bold as ``**``, tags dropped)."""
    text = re.sub(r"<(/?)(?:\w+:)?(?:b|strong)\b[^>]*>", "**", value)
    text = re.sub(r"<(?:\w+:)?(?:br|/p|/div|/li|/h\d|/tr)\b[^>]*>", " ", text)
    text = re.sub(r"<[^>]+>", "", text)
    return " ".join(html.unescape(text).split()).strip()


class _Objects:
    """Reads a spec object's attributes by their definitions' long names."""

    def __init__(self, bundle) -> None:
        self.bundle = bundle
        self.definitions: dict[str, tuple[str, object]] = {}
        content = bundle.core_content.req_if_content if bundle.core_content else None
        for spec_type in (content.spec_types or []) if content else []:
            for definition in getattr(spec_type, "attribute_definitions", None) or []:
                self.definitions[definition.identifier] = (normalise(definition.long_name or definition.identifier),
                                                           definition)

    def values(self, obj) -> list[tuple[str, str, str]]:
        """Return (normalised attribute name, type name, text) of every attribute value of ``obj``."""
        out = []
        for attribute in obj.attributes:
            ref = attribute.definition_ref
            name, definition = self.definitions.get(ref, (normalise(ref), None))
            kind = attribute.attribute_type.name
            value = attribute.value
            if kind == "XHTML":
                text = xhtml_text(attribute.value_stripped_xhtml or str(value))
            elif kind == "ENUMERATION":
                text = ", ".join(self._enum(definition, ref) for ref in (value or []))
            else:
                text = "" if value is None else str(value).strip()
            out.append((name, kind, text))
        return out

    def _enum(self, definition, ref: str) -> str:
        try:
            datatype = self.bundle.lookup.get_data_type_by_ref(definition.datatype_definition)
            enum = datatype.values_map[ref]
            return enum.long_name or enum.key or ref
        except (AttributeError, KeyError):
            return ref

    def type_name(self, obj) -> str:
        try:
            return self.bundle.lookup.get_spec_type_by_ref(obj.spec_object_type).long_name or ""
        except (KeyError, AttributeError):
            return ""


def _pick(values: list[tuple[str, str, str]], names: set[str]) -> str:
    return next((text for name, _, text in values if name in names and text), "")


def _object_fields(objects: _Objects, obj) -> dict:
    """Return id, text, level, category and whether ``obj`` is a chapter heading."""
    values = objects.values(obj)
    text = _pick(values, _TEXT_NAMES) or next((t for _, k, t in values if k == "XHTML" and t), "")
    chapter = _pick(values, _CHAPTER_NAMES)
    heading = bool(chapter and not text) or bool(_HEADING_TYPE.search(objects.type_name(obj)))
    used = _ID_NAMES | _TEXT_NAMES | _CHAPTER_NAMES | _CATEGORY_NAMES
    if not text and not heading:
        text = next((t for n, k, t in values if k == "STRING" and t and n not in used
                     and HEADING_KEYS.get(n) != "level"), "") or _pick(values, {"reqif.name", "name"})
    return {
        "id": _pick(values, _ID_NAMES) or obj.identifier,
        "text": text,
        "title": chapter or text or _pick(values, {"reqif.name", "name"}),
        "level": level_word(next((t for n, _, t in values if HEADING_KEYS.get(n) == "level" and t), None)),
        "category": _pick(values, _CATEGORY_NAMES),
        "heading": heading,
    }


def read_reqif(path: Path, options: ReadOptions) -> OfficeSource:
    """Return the Source of a ReqIF (.reqif) or zipped ReqIF (.reqifz) specification, shaped like requirements.yaml.

    Raise InputError for an unsafe, malformed or empty file.
    """
    from reqif.parser import ReqIFParser

    path = Path(path)
    data = _read_bytes(path)
    _check_xml(data, path)
    try:
        bundle = ReqIFParser.parse_from_string(data.decode("utf-8-sig"))
    except Exception as exc:  # the reqif package raises its own and lxml's errors
        raise InputError.single(path, f"is not a ReqIF document the reqif package can read ({exc})") from None
    objects = _Objects(bundle)
    content = bundle.core_content.req_if_content if bundle.core_content else None
    specifications = (content.specifications or []) if content else []
    inside = path.suffix.lower() == ".reqifz"
    requirements: list[dict] = []
    lines: dict[str, int | str] = {}
    warnings: list[Problem] = []
    for specification in specifications:
        counters: list[int] = []
        chapters: dict[int, str] = {}  # hierarchy depth -> section name of the chapter there
        for node in bundle.iterate_specification_hierarchy(specification):
            try:
                obj = bundle.get_spec_object_by_ref(node.spec_object)
            except KeyError:
                continue
            fields = _object_fields(objects, obj)
            depth = node.level
            line = getattr(obj.xml_node, "sourceline", None)
            place = (f"line {line}" if inside else line) if line else None
            for deeper in [d for d in chapters if d >= depth]:
                del chapters[deeper]
            if fields["heading"]:
                del counters[depth:]
                counters.extend([0] * (depth - len(counters)))
                counters[depth - 1] += 1
                title = fields["title"]
                number = ".".join(str(n) for n in counters if n)
                chapters[depth] = title if _NUMBERED.match(title) else f"{number} {title}"
                continue
            if fields["level"] == WONT:
                warnings.append(Problem(str(path), f"{fields['id']} is won't have (out of scope): left out",
                                        place))
                continue
            index = len(requirements)
            entry = {"id": fields["id"], "text": fields["text"],
                     "level": requirement_level(fields["text"], fields["level"]),
                     "keywords": _keywords(fields["text"])}
            if chapters:
                entry["section"] = chapters[max(chapters)]
            if fields["category"]:
                entry["category"] = fields["category"]
            requirements.append({k: v for k, v in entry.items() if v != ""})
            if place:
                lines[f"requirements[{index}]"] = place
    if not requirements:
        raise InputError.single(path, "no requirement found (no SPEC-OBJECT under a SPECIFICATION's hierarchy)")
    header = bundle.req_if_header
    title = (specifications[0].long_name if len(specifications) == 1 else None) \
        or (header.title if header else None) or path.stem
    lines["requirements"] = lines.get("requirements[0]", 1)
    return OfficeSource(path=path, data={"specification": {"title": title}, "requirements": requirements},
                        lines=lines, format="reqif", warnings=warnings)


def _keywords(text: str) -> list[str]:
    from docgen.readers.spec_markdown.keywords import find_keywords

    return find_keywords(text)
