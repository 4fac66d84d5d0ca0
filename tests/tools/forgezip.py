#!/usr/bin/env python3
# Forges zips for tests/e2e/verify.sh (issue 11, part B): members that are not
# regular files, duplicate and unsafe names, zips whose local headers and
# central directory disagree, zip bombs and zips of many members.
#
#   forgezip.py SRC DST MODE [ARG...]
#   forgezip.py SRC < JOBS         (one "DST MODE [ARG...]" per line, shell-quoted)
#
# Most modes copy SRC's members into DST first.  Batches save Python's start
# up, which costs seconds on a busy machine.
import copy
import hashlib
import shlex
import struct
import sys
import zipfile
import zlib


CACHE = {}


def members(path):
    """The members of a zip, as (ZipInfo, bytes): copies, read once."""
    if path not in CACHE:
        z = zipfile.ZipFile(path)
        CACHE[path] = [(i, z.read(i.filename)) for i in z.infolist()]
    return [(copy.copy(i), d) for i, d in CACHE[path]]


def info(name, mode=0o100644, system=3, attr_low=0):
    """A ZipInfo with Unix mode bits (file type included)."""
    i = zipfile.ZipInfo(name, date_time=(2026, 1, 5, 12, 0, 0))
    i.create_system = system
    i.external_attr = (mode << 16) | attr_low
    i.compress_type = zipfile.ZIP_DEFLATED
    return i


def write(path, items, drop=()):
    """Writes items; members named in drop get no central directory entry."""
    z = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
    for i, data in items:
        z.writestr(i, data)
    for name in drop:
        for i in list(z.filelist):
            if i.filename == name:
                z.filelist.remove(i)
        del z.NameToInfo[name]
    z.close()


def sums_of(items):
    """A SHA256SUMS text for items (SHA256SUMS and its .asc left out)."""
    lines = []
    for i, data in sorted(items, key=lambda x: x[0].filename):
        if i.filename in ("SHA256SUMS", "SHA256SUMS.asc"):
            continue
        lines.append("%s  %s\n" % (hashlib.sha256(data).hexdigest(), i.filename))
    return "".join(lines).encode()


def replace_sums(items, text):
    return [(i, text if i.filename == "SHA256SUMS" else d) for i, d in items]


def patch(path, old, new, count=-1):
    b = open(path, "rb").read()
    assert old in b, old
    b = b.replace(old, new) if count < 0 else b.replace(old, new, count)
    open(path, "wb").write(b)


def raw_zip(path, entries):
    """Writes a zip by hand: entries are (name, raw deflate, crc, usize)."""
    out = open(path, "wb")
    central = b""
    for name, comp, crc, usize in entries:
        off = out.tell()
        n = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034b50, 20, 0, 8, 0, 0x5c25,
                              crc, len(comp), usize, len(n), 0) + n)
        out.write(comp)
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014b50, 0x0314, 20, 0,
                               8, 0, 0x5c25, crc, len(comp), usize, len(n), 0,
                               0, 0, 0, 0o100644 << 16, off) + n
    cd = out.tell()
    out.write(central)
    out.write(struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, len(entries),
                          len(entries), len(central), cd, 0))
    out.close()


def set_host(path, name, system):
    """Sets the "made by" system of member name in the central directory."""
    b = bytearray(open(path, "rb").read())
    i = b.index(b"PK\x01\x02")
    while b[i + 46:i + 46 + len(name)] != name.encode():
        i = b.index(b"PK\x01\x02", i + 1)
    b[i + 5] = system
    open(path, "wb").write(bytes(b))


def zeros(mib):
    """Raw deflate of mib MiB of zeros, made cheaply from one flushed MiB."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    seg = c.compress(b"\0" * (1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
    return seg * mib + c.flush(), 0     # verify must stop before any CRC


def forge(src, dst, mode, args):
    """Makes one forged zip."""
    if mode == "retype":            # NAME MODE: the member NAME gets file type MODE
        items = members(src)
        out = []
        for i, d in items:
            if i.filename == args[0]:
                i = info(i.filename, int(args[1], 8))
            out.append((i, d))
        write(dst, out)
    elif mode == "add":             # NAME MODE [SYSTEM [ATTR]]: one more member
        items = members(src)
        items.append((info(args[0], int(args[1], 8),
                           int(args[2]) if len(args) > 2 else 3,
                           int(args[3], 0) if len(args) > 3 else 0),
                      b"forged\n"))
        write(dst, items)
    elif mode == "addlisted":       # NAME: one more member, listed in SHA256SUMS
        items = members(src)
        items.append((info(args[0]), b"forged\n"))
        write(dst, replace_sums(items, sums_of(items)))
    elif mode == "method":          # a member compressed with bzip2, listed
        items = members(src)
        i = info("extra.txt")
        i.compress_type = zipfile.ZIP_BZIP2
        items.append((i, b"forged\n"))
        write(dst, replace_sums(items, sums_of(items)))
    elif mode == "unicodepath":     # an Info-ZIP Unicode Path field renames a member
        items = members(src)
        out = []
        for i, d in items:
            if i.filename == "coverage.csv":
                path = b"manuals/rules.pdf"
                body = b"\x01" + struct.pack("<I", zlib.crc32(b"coverage.csv")) + path
                i.extra = struct.pack("<HH", 0x7075, len(body)) + body
            out.append((i, d))
        write(dst, out)
    elif mode == "host":            # NAME SYSTEM: NAME "made by" another system
        write(dst, members(src))
        set_host(dst, args[0], int(args[1]))
    elif mode == "sums":            # FILE: SHA256SUMS replaced by FILE's bytes
        write(dst, replace_sums(members(src), open(args[0], "rb").read()))
    elif mode == "empty":           # no member at all
        zipfile.ZipFile(dst, "w").close()
    elif mode == "onlysums":        # an empty SHA256SUMS alone
        write(dst, [(info("SHA256SUMS"), b"")])
    elif mode == "hidden":          # a member between others, not in the directory
        items = members(src)
        items.insert(1, (info("evil.txt"), b"hidden from unzip\n"))
        write(dst, items, drop=["evil.txt"])
    elif mode == "localname":       # the local header names another file
        write(dst, members(src))
        patch(dst, b"coverage.csv", b"coverage.csx", 1)
    elif mode == "nul":             # a NUL byte inside a member's name
        items = members(src)
        items.append((info("manuals/rules.pdfXevil.txt"), b"forged\n"))
        write(dst, items)
        patch(dst, b"rules.pdfXevil", b"rules.pdf\0evil")
    elif mode == "prepend":         # bytes before the first member
        b = open(src, "rb").read()
        open(dst, "wb").write(b"MZ" + b"\0" * 100 + b)
    elif mode == "append":          # bytes after the end
        b = open(src, "rb").read()
        open(dst, "wb").write(b + b"trailing")
    elif mode == "comment":         # a zip comment
        write(dst, members(src))
        z = zipfile.ZipFile(dst, "a")
        z.comment = b"a comment"
        z.close()
    elif mode == "bomb-lie":        # MIB MiB of zeros declared as 1000 bytes
        comp, _ = zeros(int(args[0]))
        raw_zip(dst, [("bomb.bin", comp, 0, 1000)])
    elif mode == "bomb-big":        # N members of MIB MiB each, sizes declared
        comp, crc = zeros(int(args[1]))
        raw_zip(dst, [("b%03d.bin" % k, comp, crc, int(args[1]) << 20)
                      for k in range(int(args[0]))])
    elif mode == "claim":           # N: one member, a zip64 end claiming N members
        n = int(args[0])
        raw_zip(dst, [("x.txt", zlib.compress(b"x")[2:-4], zlib.crc32(b"x"), 1)])
        b = open(dst, "rb").read()
        end = b[-22:]
        cdsize, cd = struct.unpack("<II", end[12:20])
        z64 = struct.pack("<IQHHIIQQQQ", 0x06064b50, 44, 45, 45, 0, 0, n, n,
                          cdsize, cd)
        loc = struct.pack("<IIQI", 0x07064b50, 0, len(b) - 22, 1)
        eocd = struct.pack("<IHHHHIIH", 0x06054b50, 0, 0, 0xffff, 0xffff,
                           cdsize, cd, 0)
        open(dst, "wb").write(b[:-22] + z64 + loc + eocd)
    elif mode == "many":            # N tiny stored members and their SHA256SUMS
        n = int(args[0])
        z = zipfile.ZipFile(dst, "w", zipfile.ZIP_STORED)
        lines = []
        for k in range(n):
            name = "f/%06d.txt" % k
            data = b"%d\n" % k
            z.writestr(name, data)
            lines.append("%s  %s\n" % (hashlib.sha256(data).hexdigest(), name))
        z.writestr("SHA256SUMS", "".join(sorted(lines)))
        z.close()
    else:
        sys.exit("forgezip.py: unknown mode " + mode)


if len(sys.argv) > 3:
    forge(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
else:
    for line in sys.stdin:
        job = shlex.split(line)
        if job:
            forge(sys.argv[1], job[0], job[1], job[2:])
