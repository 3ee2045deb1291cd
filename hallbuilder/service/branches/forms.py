"""The achievement form: read, checked field by field, with messages a branch secretary can act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from werkzeug.datastructures import FileStorage, MultiDict

from hallbuilder.service.branches.photos import Photo, PhotoRefused, read_photo

MAX_PHOTOS = 9
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
    photos = []
    for upload in uploads:
        try:
            photos.append(read_photo(upload.filename or "photo", upload.read()))
        except PhotoRefused as refused:
            errors.append(f"Photos: {refused}")
    return AchievementForm(values, photos, errors)
