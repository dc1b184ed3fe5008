"""Zip entries that do not depend on when or by whom they were written, so the same content gives the same bytes."""

from __future__ import annotations

import struct
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
LOCAL_HEADER = 30  # bytes of a local file header before its name and extra field


def fixed_entry(name: str) -> zipfile.ZipInfo:
    """A deflated entry with a fixed timestamp and plain file permissions."""
    entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    return entry


def copy_entry(source: zipfile.ZipFile, name: str, target: zipfile.ZipFile) -> None:
    """An entry of source into target as a fixed entry, its deflated bytes copied as they are: the bytes writestr
    would give (zipfile deflates at zlib's default level, as the copied entry was), without inflating and deflating
    them again. Anything but a plain deflated entry is read and written."""
    info = source.getinfo(name)
    if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1 or info.file_size >= zipfile.ZIP64_LIMIT:
        target.writestr(fixed_entry(name), source.read(name))
        return
    source.fp.seek(info.header_offset)
    header = source.fp.read(LOCAL_HEADER)
    if header[:4] != zipfile.stringFileHeader:
        raise zipfile.BadZipFile(f"{name}: bad local file header")
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    source.fp.seek(info.header_offset + LOCAL_HEADER + name_length + extra_length)
    raw = source.fp.read(info.compress_size)
    entry = fixed_entry(name)
    entry.CRC, entry.compress_size, entry.file_size = info.CRC, len(raw), info.file_size
    entry.header_offset = target.fp.tell()
    target.fp.write(entry.FileHeader(zip64=False))
    target.fp.write(raw)
    target.filelist.append(entry)
    target.NameToInfo[name] = entry
    target.start_dir = target.fp.tell()
    target._didModify = True  # the central directory is written on close
