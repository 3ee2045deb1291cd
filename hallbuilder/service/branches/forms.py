"""The achievement form: read, checked field by field, with messages a branch secretary can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from werkzeug.datastructures import FileStorage, MultiDict

from hallbuilder.service.branches.photos import Photo, PhotoRefused, photo_size, read_photo

MAX_PHOTOS = 9
# Decoding costs memory and time by pixels, not by bytes: a 1 MB PNG can hold 40 megapixels. Nine 12-megapixel
# phone photos fit in one form; nine of 40 do not.
MAX_FORM_PIXELS = 120_000_000
LIMITS = {"title": 200, "category": 50, "text": 5000}


@dataclass
class AchievementForm:
    values: dict[str, Any]
    photos: list[Photo] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_form(form: MultiDict, files: MultiDict, existing_photos: int = 0) -> AchievementForm:
    values = {key: (form.get(key) or "").strip() for key in ("title", "date", "category", "text")}
    errors = []
    if not values["title"]:
        errors.append("Title: write what was achieved, in a few words.")
    for key, limit in LIMITS.items():
        if len(values[key]) > limit:
            errors.append(f"{key.title()}: at most {limit} characters (now {len(values[key])}).")
    try:
        values["date"] = date.fromisoformat(values["date"])
    except ValueError:
        errors.append(f"Date: expected a date such as 2026-11-01, got '{values['date']}'.")
    uploads = [item for item in files.getlist("photos") if isinstance(item, FileStorage) and item.filename]
    if existing_photos + len(uploads) > MAX_PHOTOS:
        errors.append(f"Photos: at most {MAX_PHOTOS} per achievement; remove some first.")
        uploads = []
    photos, problems = read_photos([(upload.filename or "photo", upload.read()) for upload in uploads])
    errors += problems
    return AchievementForm(values, photos, errors)


def read_photos(files: list[tuple[str, bytes]]) -> tuple[list[Photo], list[str]]:
    """Every photo's size is read from its header first; none is decoded when together they are too many pixels."""
    problems, sizes = [], []
    for name, data in files:
        try:
            sizes.append(photo_size(name, data))
        except PhotoRefused as refused:
            problems.append(f"Photos: {refused}")
    total = sum(width * height for width, height in sizes)
    if total > MAX_FORM_PIXELS:
        problems.append(
            f"Photos: these {len(sizes)} photos hold {total / 1e6:.0f} megapixels together, more than one save "
            f"takes ({MAX_FORM_PIXELS / 1e6:.0f}); save fewer at a time and add the rest in a second edit."
        )
    if problems:
        return [], problems
    photos = []
    for name, data in files:
        try:
            photos.append(read_photo(name, data))
        except PhotoRefused as refused:
            problems.append(f"Photos: {refused}")
    return photos, problems
