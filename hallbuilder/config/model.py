"""The hall as the rest of the program sees it: typed, immutable values made once from the validated YAML.

hall.yaml and every showcase.yaml are checked first (schema.py, checks.py, showcase.py); from_yaml.py then turns
them into these values, and the build, the checks and the commands read attributes instead of looking keys up by
string. Every item keeps the file and line that declared it (`where`), so a problem found later, such as a photo
that does not decode, is still reported on its line: `hall.yaml:25 scenes[0].photo: ...`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar, Literal

from hallbuilder.config.problems import format_path
from hallbuilder.config.source import KeyPath

Texts = Mapping[str, str]  # language -> text; a plain string in the YAML is a text in the default language
MediaKind = Literal["image", "audio", "video"]


@dataclass(frozen=True)
class Where:
    """The place that declared an item: a file as messages name it, its line, and the key path in it."""

    file: str
    line: int | None
    path: KeyPath = ()

    def problem(self, message: str) -> str:
        """`hall.yaml:25 scenes[0].photo: message` (the shape of every configuration problem)."""
        place = f"{self.file}:{self.line}" if self.line else self.file
        label = format_path(self.path)
        return f"{place} {label}: {message}" if label else f"{place}: {message}"


@dataclass(frozen=True)
class MediaFile:
    """A narration, image or video a YAML file names: the project-relative path and where it is named."""

    path: str
    kind: MediaKind  # the MediaStore conversion it goes through
    where: Where


@dataclass(frozen=True)
class Photo:
    """A scene's 360° photo: one file, a folder of six cube faces, or a list of the six face files."""

    path: str | tuple[str, ...]
    where: Where


@dataclass(frozen=True)
class View:
    yaw: float
    pitch: float
    fov: float


@dataclass(frozen=True)
class Music:
    """Background music (the hall's, or a scene's own): converted like narration, looped by the viewer."""

    audio: MediaFile
    volume: float


@dataclass(frozen=True)
class Nadir:
    """The logo patched over the tripod at the bottom of `scenes` (None: every scene)."""

    logo: str  # project-relative
    size: float  # degrees across
    scenes: tuple[str, ...] | None
    where: Where

    def covers(self, scene_id: str) -> bool:
        return self.scenes is None or scene_id in self.scenes


@dataclass(frozen=True)
class Narration:
    language: str
    audio: MediaFile | None
    transcript: str | None
    where: Where


@dataclass(frozen=True, kw_only=True)
class BaseHotspot:
    """What every hotspot has; `id` is the one given or `<scene>-<position>`."""

    type: ClassVar[str]
    id: str
    yaw: float
    pitch: float
    title: Texts | None = None
    text: Texts | None = None
    where: Where


@dataclass(frozen=True, kw_only=True)
class LinkHotspot(BaseHotspot):
    """Walk to another scene (of the hall or a branch room)."""

    type: ClassVar[str] = "link"
    target: str
    label: Texts | None = None


@dataclass(frozen=True, kw_only=True)
class InfoHotspot(BaseHotspot):
    """A panel with text, photos or a video."""

    type: ClassVar[str] = "info"
    images: tuple[MediaFile, ...] = ()
    video: MediaFile | None = None


@dataclass(frozen=True, kw_only=True)
class ShowcaseHotspot(BaseHotspot):
    """Opens a branch's showcase."""

    type: ClassVar[str] = "showcase"
    branch: str
    label: Texts | None = None


Hotspot = LinkHotspot | InfoHotspot | ShowcaseHotspot


@dataclass(frozen=True)
class Scene:
    """One panorama; a branch room has `branch` set and is in the `showcases` zone."""

    id: str
    title: Texts
    description: Texts | None
    zone: str | None
    photo: Photo
    view: View
    north: float
    narration: Mapping[str, Narration]
    hotspots: tuple[Hotspot, ...]
    where: Where
    branch: str | None = None
    music: Music | None = None
    limits: Mapping[str, float] | None = None  # view limits as written (config/limits.py merges them)


@dataclass(frozen=True)
class Zone:
    id: str
    title: Texts
    description: Texts | None
    where: Where


@dataclass(frozen=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True)
class FloorPlan:
    image: MediaFile
    points: Mapping[str, Point]  # scene id -> where it is on the plan, in the image's pixels
    where: Where


@dataclass(frozen=True)
class Announcement:
    title: Texts
    text: Texts
    date: date
    where: Where


@dataclass(frozen=True)
class BuildSettings:
    tile_size: int
    quality: int


@dataclass(frozen=True)
class Achievement:
    """One entry of a branch's timeline; `pulled` is the service's id of an achievement submitted online."""

    title: Texts
    date: date
    photos: tuple[MediaFile, ...]
    where: Where
    category: Texts | None = None
    text: Texts | None = None
    video: MediaFile | None = None
    scene: str | None = None
    pulled: int | None = None


@dataclass(frozen=True)
class Showcase:
    """A branch's showcase; `where` is None for a branch known only from the service (--pull-showcases)."""

    branch: str
    name: Texts
    motto: Texts | None
    logo: MediaFile | None
    introduction: Texts | None
    achievements: tuple[Achievement, ...]
    scenes: tuple[Scene, ...]  # the branch's own rooms, as scenes of the hall
    where: Where | None


@dataclass(frozen=True)
class Hall:
    """A valid hall project: hall.yaml, and the branches' showcases with their rooms joined to the hall's scenes."""

    project_dir: Path
    id: str
    title: Texts
    subtitle: Texts | None
    description: Texts | None
    languages: tuple[str, ...]
    start: str
    cover: MediaFile | None
    url: str | None
    zones: tuple[Zone, ...]
    scenes: tuple[Scene, ...]  # hall.yaml's scenes, then each branch's rooms
    floorplan: FloorPlan | None
    announcements: tuple[Announcement, ...]
    service_url: str | None
    build: BuildSettings
    showcases: tuple[Showcase, ...]
    where: Where
    music: Music | None = None
    limits: Mapping[str, float] | None = None  # hall-wide view limits as written
    nadir: Nadir | None = None

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def scene(self, scene_id: str) -> Scene:
        return next(scene for scene in self.scenes if scene.id == scene_id)
