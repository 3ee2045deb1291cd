"""Six cube faces as a scene's photo: how they are named in a folder, and their order in a list.

Pure rules on names (no pixels, no heavy imports), shared by hall.yaml's checks and the build.

A face is found in a folder by the last word of its file name (words split at `_`, `-`, `.` and spaces,
case ignored): `front.jpg`, `lobby_f.jpg` and `Lobby-Front.JPG` are all the front face: the words and
letters krpano (`pano_f.jpg` ... `pano_d.jpg`) and Marzipano name cube faces with. OpenGL's
px/nx/py/ny/pz/nz names are refused: tools disagree on which of them faces forward and which way each is
turned, so a guess would put the floor on the wall.

Orientation is that of the same tools (and of the tiler, geometry.py): each face seen from inside the
cube, upright and not mirrored; the up face's bottom edge meets the front's top edge and the down face's
top edge meets the front's bottom edge (looking up or down from facing the front, the face is upright).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hallbuilder.errors import PhotoError
from hallbuilder.imaging.plan import FACES

# What staff call each face (FACES are the viewer's names for the same faces, in the same order)
FACE_NAMES = dict(zip(FACES, ("front", "right", "back", "left", "up", "down"), strict=True))
ALIASES = {
    "front": ("front", "f"),
    "right": ("right", "r"),
    "back": ("back", "b"),
    "left": ("left", "l"),
    "top": ("up", "u", "top"),
    "bottom": ("down", "d", "bottom"),
}
FACE_OF_WORD = {word: face for face, words in ALIASES.items() for word in words}
AMBIGUOUS_WORDS = {"px", "nx", "py", "ny", "pz", "nz", "posx", "negx", "posy", "negy", "posz", "negz"}
FACE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp")
ORDER = ", ".join(FACE_NAMES.values())
NAMING = (
    "name the six files by face: front, right, back, left, up, down (or f, r, b, l, u, d, e.g. lobby_u.jpg)"
)


@dataclass(frozen=True)
class CubeFaces:
    """The six face files of one scene, in FACES order (front, right, back, left, top/up, bottom/down)."""

    files: tuple[Path, ...]

    def __post_init__(self) -> None:
        if len(self.files) != len(FACES):
            raise ValueError(f"a cube has {len(FACES)} faces, got {len(self.files)}")

    def by_face(self) -> dict[str, Path]:
        return dict(zip(FACES, self.files, strict=True))


def face_of(file_name: str) -> str | None:
    """The face (FACES name) a file is named after, if any: its last word is a face's name."""
    path = Path(file_name)
    if path.suffix.lower() not in FACE_SUFFIXES:
        return None
    word = re.split(r"[-_. ]+", path.stem.lower())[-1]
    return FACE_OF_WORD.get(word)


def find_faces(folder: Path) -> tuple[CubeFaces | None, list[str]]:
    """(the faces, []) or (None, problems) for a folder of cube faces.

    Each problem reads after the folder's name ("photos/lobby has no up face ...") and says the fix.
    """
    found: dict[str, list[Path]] = {face: [] for face in FACES}
    ambiguous, images = [], []
    for path in sorted(Path(folder).iterdir()):
        if not path.is_file() or path.suffix.lower() not in FACE_SUFFIXES:
            continue
        images.append(path.name)
        face = face_of(path.name)
        if face:
            found[face].append(path)
        elif re.split(r"[-_. ]+", path.stem.lower())[-1] in AMBIGUOUS_WORDS:
            ambiguous.append(path.name)
    if ambiguous:
        return None, [
            f"has cube faces named {', '.join(ambiguous[:6])}: such names do not say which way each face is "
            f"turned; {NAMING}, oriented as docs/hall-yaml.md (scenes.photo) says"
        ]
    problems = []
    for face, paths in found.items():
        if len(paths) > 1:
            names = " and ".join(path.name for path in paths)
            problems.append(f"has two files for the {FACE_NAMES[face]} face ({names}); keep one")
    missing = [FACE_NAMES[face] for face, paths in found.items() if not paths]
    if missing:
        present = [path.name for paths in found.values() for path in paths]
        which = " or ".join([", ".join(missing[:-1]), missing[-1]] if len(missing) > 1 else missing)
        if present:
            problems.append(f"has no {which} face (found {', '.join(present)}); {NAMING}")
        elif len(images) == len(FACES):  # e.g. face0..face5: numbered, and numberings differ between tools
            problems.append(
                f"holds {', '.join(images)}, not named by face; {NAMING}, or list the six files as the photo, in the order "
                f"{ORDER}"
            )
        else:
            problems.append(
                f"is a folder without cube faces; {NAMING}, or give the equirectangular photo file"
            )
    if problems:
        return None, problems
    return CubeFaces(tuple(paths[0] for paths in found.values())), []


def photo_or_faces(path: Path) -> Path | CubeFaces:
    """A photo file as it is, a folder as the six cube faces it holds (PhotoError if it does not)."""
    if not Path(path).is_dir():
        return Path(path)
    cube, problems = find_faces(path)
    if cube is None:
        raise PhotoError(f"{path} {problems[0]}")
    return cube
