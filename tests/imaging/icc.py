"""A minimal ICC v2 matrix/TRC display profile, written byte by byte (Pillow can only make sRGB).

Enough for littleCMS to convert with: the D50-adapted primaries of Display P3 and a 2.2 gamma.
"""

from __future__ import annotations

import struct

D50 = (0.9642, 1.0, 0.8249)
DISPLAY_P3 = {
    "rXYZ": (0.5151, 0.2412, -0.0011),
    "gXYZ": (0.2919, 0.6922, 0.0419),
    "bXYZ": (0.1572, 0.0666, 0.7841),
}


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(values: tuple[float, float, float]) -> bytes:
    return b"XYZ \0\0\0\0" + b"".join(_s15(v) for v in values)


def _desc(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    return (
        b"desc\0\0\0\0"
        + struct.pack(">I", len(ascii_text))
        + ascii_text
        + b"\0" * 8  # Unicode language and count
        + b"\0" * 3
        + b"\0" * 67  # ScriptCode code, count and its fixed 67 bytes
    )


def display_profile(description: str = "Display P3 (test)", gamma: float = 2.2) -> bytes:
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(gamma * 256)) + b"\0\0"
    tags = {
        "desc": _desc(description),
        "wtpt": _xyz(D50),
        **{name: _xyz(xyz) for name, xyz in DISPLAY_P3.items()},
        "rTRC": curve,
        "gTRC": curve,
        "bTRC": curve,
        "cprt": b"text\0\0\0\0" + b"No copyright, test data\0",
    }
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    entries, data = b"", b""
    for name, body in tags.items():
        body += b"\0" * (-len(body) % 4)
        entries += name.encode() + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = 128 + table_size + len(data)
    header = (
        struct.pack(">I", size)
        + b"lcms"
        + bytes([2, 0x10, 0, 0])
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2026, 1, 1, 0, 0, 0)
        + b"acsp"
        + b"\0" * 4
        + b"\0" * 4
        + b"\0" * 8
        + b"\0" * 8
        + struct.pack(">I", 0)
        + b"".join(_s15(v) for v in D50)
        + b"\0" * 4
        + b"\0" * 16
        + b"\0" * 28
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + entries + data
