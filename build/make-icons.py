#!/usr/bin/env python3
"""Draws DispatchDesk's icon (a cement silo over a weighbridge on a blue tile) with the standard library only,
and writes build/icon.png (512x512) and build/icon.ico (16-256 px, PNG-compressed entries, Windows Vista+).
Run from anywhere: python3 build/make-icons.py. Deterministic: the same files every time."""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
BLUE, WHITE, AMBER, SHADOW = (28, 78, 128), (245, 247, 250), (242, 177, 52), (18, 52, 88)


def rounded_box(x, y, x0, y0, x1, y1, r):
    """True inside the rectangle [x0,x1]x[y0,y1] with corner radius r (unit coordinates)."""
    cx, cy = min(max(x, x0 + r), x1 - r), min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1


def colour_at(x, y):
    """The icon in unit coordinates (0..1, y down); None is transparent."""
    if not rounded_box(x, y, 0.02, 0.02, 0.98, 0.98, 0.2):
        return None
    # Silo: a conical roof over a tall body, with an amber band.
    if 0.34 <= x <= 0.66 and 0.30 <= y <= 0.74:
        return AMBER if 0.46 <= y <= 0.52 else WHITE
    if 0.16 <= y <= 0.30 and abs(x - 0.5) <= (y - 0.16) / 0.14 * 0.18:
        return WHITE
    # Legs and the weighbridge deck under them.
    if 0.74 <= y <= 0.80 and (0.36 <= x <= 0.42 or 0.58 <= x <= 0.64):
        return WHITE
    if 0.80 <= y <= 0.85 and 0.18 <= x <= 0.82:
        return AMBER
    if 0.85 <= y <= 0.88 and 0.18 <= x <= 0.82:
        return SHADOW
    return BLUE


def render(size, samples=3):
    """RGBA rows, anti-aliased by averaging samples x samples points per pixel."""
    rows = []
    n = samples * samples
    for py in range(size):
        row = bytearray()
        for px in range(size):
            r = g = b = a = 0
            for sy in range(samples):
                for sx in range(samples):
                    c = colour_at((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
                    if c:
                        r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
            row += bytes((r // a, g // a, b // a, 255 * a // n)) if a else b"\0\0\0\0"
        rows.append(bytes(row))
    return rows


def png(size):
    raw = b"".join(b"\0" + row for row in render(size))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(sizes):
    images = [png(s) for s in sizes]
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    for size, data in zip(sizes, images):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(images)


if __name__ == "__main__":
    with open(os.path.join(HERE, "icon.png"), "wb") as f:
        f.write(png(512))
    with open(os.path.join(HERE, "icon.ico"), "wb") as f:
        f.write(ico([16, 24, 32, 48, 64, 128, 256]))
    print("wrote build/icon.png and build/icon.ico")
