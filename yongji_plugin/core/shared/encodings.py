"""Which text encoding a Shapefile's table (.dbf) is written in, decided before QGIS reads it.

Many Chinese tools write Shapefiles in GBK without a ``.cpg`` file and without a code page byte;
QGIS then decodes them as UTF-8 (or the system's code page) and every name comes out as mojibake
(``�����ֵ�``), which a check would pass on into its tables and reports. So the plugin decides the
encoding itself, in this order, and names it (encoding and how it was decided) wherever it reads
the file:

1. ``user``: the encoding the user chose (load dialog, Processing ``ENCODING``); it must decode the
   table's text, else that is an error.
2. ``cpg``: the ``.cpg`` file beside the ``.shp`` (``UTF-8``, ``GBK``, ``936``, ``ANSI 936``, …).
3. ``code page byte``: the dBASE language driver id (LDID), byte 29 of the ``.dbf`` header
   (0x4D = GBK, 0x4F = Big5, 0x57 "current ANSI code page" says nothing and is skipped).
4. ``detected``: UTF-8 when the text decodes as UTF-8, else GBK, else GB18030.

A declared encoding (2, 3) that does not decode the text is passed over with a note: a ``.cpg``
saying UTF-8 beside a GBK table is a real mistake of real tools. Text that decodes under no
candidate is an error naming the file, record and field: never silent mojibake.

Detection reads the text bytes itself (dBASE is a simple fixed-width format: a 32-byte header,
32-byte field descriptors, fixed-length records). It looks at every text field of every record
up to ``SAMPLE_BYTES`` of records; a larger table is sampled in ``SAMPLE_BLOCKS`` evenly spaced
runs of whole records covering the same amount, so text that only appears late in the file is
still seen. UTF-8 is tried first because GBK text of realistic length is almost never valid
UTF-8 (its trail bytes rarely follow UTF-8's patterns), while UTF-8 text often is valid GBK.

Layers are then opened through GDAL's ``ENCODING`` open option in the QGIS data source
(``path.shp|option:ENCODING=GBK``), which QGIS 3.22 to 3.44 pass on to GDAL and keep in the
layer's source, so copies of a layer read the same text.
"""

import codecs
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ...i18n import tr
from .errors import PlanError

USER, CPG, LDID, DETECTED = "user", "cpg", "code page byte", "detected"
LAYER = "layer"  # the encoding set in a project layer's properties (sites: see core.site_check.site_encoding)
DETECTION_ORDER = ("UTF-8", "GBK", "GB18030")
# what the user may choose (besides automatic); GDAL passes these names to iconv, Python to codecs
CHOICES = ("UTF-8", "GBK", "GB18030", "Big5", "CP1252", "ISO-8859-1")
SAMPLE_BYTES = 16 * 1024 * 1024
SAMPLE_BLOCKS = 64
ENCODING_PROPERTY = "yongji/encoding"  # "GBK|detected" on layers the plugin opened

# dBASE language driver ids (byte 29) and their Windows code pages, as dBASE/ESRI and GDAL read
# them; 0 (none) and 0x57 (the writer's "current ANSI code page") say nothing.
LDID_CODE_PAGES = {
    0x01: 437,
    0x02: 850,
    0x03: 1252,
    0x08: 865,
    0x09: 437,
    0x0A: 850,
    0x0B: 437,
    0x0D: 437,
    0x0E: 850,
    0x0F: 437,
    0x10: 850,
    0x11: 437,
    0x12: 850,
    0x13: 932,
    0x14: 850,
    0x15: 437,
    0x16: 850,
    0x17: 865,
    0x18: 437,
    0x19: 437,
    0x1A: 850,
    0x1B: 437,
    0x1C: 863,
    0x1D: 850,
    0x1F: 852,
    0x22: 852,
    0x23: 852,
    0x24: 860,
    0x25: 850,
    0x26: 866,
    0x37: 850,
    0x40: 852,
    0x4D: 936,
    0x4E: 949,
    0x4F: 950,
    0x50: 874,
    0x58: 1252,
    0x59: 1252,
    0x64: 852,
    0x65: 866,
    0x66: 865,
    0x67: 861,
    0x6A: 737,
    0x6B: 857,
    0x6C: 863,
    0x78: 950,
    0x79: 949,
    0x7A: 936,
    0x7B: 932,
    0x7C: 874,
    0x7D: 1255,
    0x7E: 1256,
    0x86: 737,
    0x87: 852,
    0x88: 857,
    0xC8: 1250,
    0xC9: 1251,
    0xCA: 1254,
    0xCB: 1253,
    0xCC: 1257,
}
# code pages by the names Chinese users know them
CODE_PAGE_NAMES = {936: "GBK", 950: "Big5", 54936: "GB18030", 65001: "UTF-8", 28591: "ISO-8859-1"}


@dataclass(frozen=True)
class Encoding:
    """A table's encoding (a name GDAL and Python both know) and how it was decided."""

    name: str
    how: str
    note: str = ""  # why a declared encoding was passed over

    def describe(self) -> str:
        """ "GBK, detected", as the load dialog and every report name it."""
        hows = {
            USER: tr("chosen by the user"),
            CPG: tr(".cpg file"),
            LDID: tr("code page byte"),
            DETECTED: tr("detected"),
            LAYER: tr("the layer's own setting"),
        }
        text = f"{self.name}, {hows.get(self.how, self.how)}"
        return f"{text}; {self.note}" if self.note else text

    def stamp(self) -> str:
        return f"{self.name}|{self.how}"


@dataclass
class DbfText:
    """What detection needs of a .dbf: the LDID, the text fields and their raw values."""

    path: Path
    ldid: int
    fields: list[tuple[bytes, int, int, int]]  # text fields: (raw name, offset in record, length, field index)
    names: bytes  # every field name's raw bytes, one per line: names are text too
    record_length: int
    records: list[tuple[int, bytes]]  # (record number, raw record) of the sample

    def values(self) -> Iterator[tuple[int, int, bytes, bool]]:
        """(record number, field index, value bytes without padding, whether the value fills its
        field) of every non-ASCII text value: a full field may end in a character cut in half."""
        for number, record in self.records:
            for _name, offset, length, index in self.fields:
                value = record[offset : offset + length].rstrip(b" \x00")
                if value and not value.isascii():
                    yield number, index, value, len(value) == length

    def field_name(self, index: int) -> str:
        """A field's name for a message (its raw bytes as best they read)."""
        raw = next((name for name, _o, _l, i in self.fields if i == index), b"")
        for codec in DETECTION_ORDER:
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                continue
        return raw.decode("latin-1")


def dbf_of(shapefile) -> Optional[Path]:
    """The .dbf beside a .shp (any case of the suffix), or the path itself if it is one."""
    path = Path(shapefile)
    if path.suffix.lower() == ".dbf":
        return path if path.is_file() else None
    for suffix in (".dbf", ".DBF", ".Dbf"):
        candidate = path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def cpg_of(shapefile) -> Optional[Path]:
    path = Path(shapefile)
    for suffix in (".cpg", ".CPG", ".Cpg"):
        candidate = path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def read_dbf_text(path: Path) -> DbfText:
    """The header, text fields and a sample of records (see the module) of a dBASE file."""
    with open(path, "rb") as handle:
        header = handle.read(32)
        if len(header) < 32:
            raise PlanError(tr("{file} is not a dBASE table (.dbf): its header is cut short").format(file=path))
        count, header_length, record_length = struct.unpack("<IHH", header[4:12])
        descriptors = handle.read(max(header_length - 32, 0))
        fields, names = _text_fields(descriptors)
        records = list(_sample_records(handle, header_length, record_length, count))
    return DbfText(path, header[29], fields, names, record_length, records)


def _text_fields(descriptors: bytes) -> tuple[list[tuple[bytes, int, int, int]], bytes]:
    fields, names, offset = [], [], 1  # each record starts with its deletion flag
    for index, start in enumerate(range(0, len(descriptors) - 31, 32)):
        descriptor = descriptors[start : start + 32]
        if descriptor[0] == 0x0D:
            break
        raw_name = descriptor[:11].split(b"\x00")[0]
        length = descriptor[16]
        names.append(raw_name)
        if descriptor[11:12] in (b"C", b"c"):
            fields.append((raw_name, offset, length, index))
        offset += length
    return fields, b"\n".join(names)


def _sample_records(handle, header_length: int, record_length: int, count: int) -> Iterator[tuple[int, bytes]]:
    """Whole records: all of them up to SAMPLE_BYTES, else SAMPLE_BLOCKS evenly spaced runs from
    the first record to the last."""
    if record_length <= 0 or count <= 0:
        return
    per_block = max(1, SAMPLE_BYTES // SAMPLE_BLOCKS // record_length)
    if count * record_length <= SAMPLE_BYTES:
        starts, per_block = [0], count
    else:  # the first run at the start, the last one ending at the last record
        last = count - per_block
        starts = sorted({round(i * last / (SAMPLE_BLOCKS - 1)) for i in range(SAMPLE_BLOCKS)})
    for start in starts:
        handle.seek(header_length + start * record_length)
        data = handle.read(per_block * record_length)
        for i in range(len(data) // record_length):
            yield start + i, data[i * record_length : (i + 1) * record_length]


def python_name(name: str) -> Optional[str]:
    """A .cpg's or user's encoding name as a Python codec name, or None if unknown.

    ESRI writes code page numbers (``936``, ``ANSI 936``, ``88591`` for ISO-8859-1), others names.
    """
    text = name.strip().lstrip("\ufeff").strip()
    latin = re.fullmatch(r"(?:ISO)?[-_ ]?8859[-_ ]?(\d+)", text, re.IGNORECASE)
    if latin:
        return _lookup(f"iso-8859-{latin.group(1)}")
    digits = re.fullmatch(r"(?:ANSI|CP|WINDOWS|IBM)?[\s-]*(\d+)", text, re.IGNORECASE)
    if digits:
        number = int(digits.group(1))
        return _lookup(CODE_PAGE_NAMES.get(number) or f"cp{number}")
    return _lookup(text)


def _lookup(name: str) -> Optional[str]:
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def display_name(codec: str) -> str:
    """The name shown and passed to GDAL: UTF-8, GBK, GB18030, Big5, CP1252, … (iconv knows them)."""
    canonical = codecs.lookup(codec).name
    known = {
        "utf-8": "UTF-8",
        "gbk": "GBK",
        "gb18030": "GB18030",
        "big5": "Big5",
        "gb2312": "GB2312",
        "latin-1": "ISO-8859-1",
        "iso8859-1": "ISO-8859-1",
    }
    if canonical in known:
        return known[canonical]
    if canonical.startswith("cp"):
        return canonical.upper()
    return canonical.upper().replace("ISO8859-", "ISO-8859-")


def decodes(shapefile, name: str) -> bool:
    """Whether the encoding ``name`` decodes every text value of the Shapefile's table (sample)."""
    codec, dbf = python_name(name), dbf_of(shapefile)
    return codec is not None and (dbf is None or first_undecodable(read_dbf_text(dbf), codec) is None)


def first_undecodable(text: DbfText, codec: str) -> Optional[tuple[int, int, bytes]]:
    """The first (record, field index, value) the codec cannot decode, or None: it decodes them all."""
    try:
        text.names.decode(codec)
    except UnicodeDecodeError:
        return -1, -1, text.names
    for number, index, value, full in text.values():
        try:  # a value that fills its field may end in a character the writer cut in half
            codecs.getincrementaldecoder(codec)().decode(value, final=not full)
        except UnicodeDecodeError:
            return number, index, value
    return None


def decide_encoding(shapefile, choice: str = "") -> Encoding:
    """The encoding to read a Shapefile's table in (see the module for the order)."""
    dbf = dbf_of(shapefile)
    if choice and python_name(choice) is None:
        raise PlanError(tr("Unknown text encoding {name} chosen for {file}").format(name=choice, file=shapefile))
    if dbf is None:  # no table: nothing to decode
        return Encoding(display_name(python_name(choice)), USER) if choice else Encoding("UTF-8", DETECTED)
    text = read_dbf_text(dbf)
    if choice:
        return _chosen(text, choice)
    notes = []
    for how, codec, source in _declared(shapefile, text):
        if codec is None:
            notes.append(tr("the {source} names an unknown encoding").format(source=source))
        elif first_undecodable(text, codec) is None:
            return Encoding(display_name(codec), how, "; ".join(notes))
        else:
            notes.append(
                tr("the {source} says {name}, which does not decode the text").format(
                    source=source, name=display_name(codec)
                )
            )
    for codec in DETECTION_ORDER:
        if first_undecodable(text, codec) is None:
            return Encoding(display_name(codec), DETECTED, "; ".join(notes))
    raise PlanError(_undecodable_message(text, DETECTION_ORDER[-1], ", ".join(DETECTION_ORDER)))


def _declared(shapefile, text: DbfText) -> Iterator[tuple[str, Optional[str], str]]:
    cpg = cpg_of(shapefile)
    if cpg is not None:
        content = cpg.read_bytes().decode("latin-1").strip()
        if content:
            yield CPG, python_name(content), tr(".cpg file ({content})").format(content=content)
    code_page = LDID_CODE_PAGES.get(text.ldid)
    if code_page is not None:
        yield LDID, python_name(str(code_page)), tr("code page byte (0x{ldid:02X})").format(ldid=text.ldid)


def _chosen(text: DbfText, choice: str) -> Encoding:
    codec = python_name(choice)
    if first_undecodable(text, codec) is not None:
        raise PlanError(_undecodable_message(text, codec, display_name(codec)))
    return Encoding(display_name(codec), USER)


def _undecodable_message(text: DbfText, codec: str, tried: str) -> str:
    record, index, value = first_undecodable(text, codec) or (-1, -1, b"")
    where = (
        tr("a field name")
        if record < 0
        else tr("feature {fid} (record {record}), field {field}").format(
            fid=record, record=record + 1, field=text.field_name(index)
        )
    )
    return tr(
        "{file}: its text decodes in none of the encodings tried ({tried}): {where} holds the bytes "
        "{bytes}. Choose the file's encoding by hand, or repair the file."
    ).format(file=text.path, tried=tried, where=where, bytes=value[:24].hex(" "))
