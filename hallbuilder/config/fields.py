"""marshmallow fields for hall.yaml: multilingual text, project-relative paths, angles."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath
from typing import Any

from marshmallow import ValidationError, fields

from hallbuilder.ids import id_problem
from hallbuilder.imaging.faces import FACE_NAMES, ORDER

LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def control_character(text: str) -> str:
    """A message naming the first control character in `text` (NUL, escape...; tabs and line breaks are fine),
    else "". Visitors' browsers and PostgreSQL cannot take them, so the hall is refused before it is built.
    """
    for position, ch in enumerate(text, start=1):
        if unicodedata.category(ch) in ("Cc", "Cs") and ch not in "\t\n\r":
            return (
                f"the text has a control character (U+{ord(ch):04X}) at character {position}; "
                "remove it (look for an escape such as \\0 or \\x1b in quotes)"
            )
    return ""


class Text(fields.Field):
    """A text in one language (a string) or several (a map language -> string), without control characters."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str | dict[str, str]:
        text = self._texts(value)
        for one in [text] if isinstance(text, str) else text.values():
            if problem := control_character(one):
                raise ValidationError(problem)
        return text

    def _texts(self, value: Any) -> str | dict[str, str]:
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, dict) and value:
            result = {}
            for language, text in value.items():
                if " " in str(language):
                    raise ValidationError(
                        f"'{language}' is not a language: inside {{ }} a comma ends a text; put a text that has commas in quotes"
                    )
                if not LANGUAGE.match(str(language)):
                    raise ValidationError(
                        f"'{language}' is not a language code (use codes like zh-CN, en, yue)"
                    )
                if not isinstance(text, str | int | float) or isinstance(text, bool):
                    raise ValidationError(f"the {language} text must be a string")
                result[str(language)] = str(text)
            return result
        raise ValidationError("expected a text, or a map of texts per language such as {zh-CN: ..., en: ...}")


class Id(fields.String):
    """An identifier used in URLs and by the service (the rule is in hallbuilder/ids.py)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        text = super()._deserialize(value, attr, data, **kwargs)
        problem = id_problem(text)
        if problem:
            raise ValidationError(problem)
        return text


class ProjectPath(fields.String):
    """A file inside the project, written relative to hall.yaml with '/' separators."""

    anchor = "hall.yaml"
    example = "photos/lobby.jpg"
    outside = "points outside the project; copy the file into the project folder"

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs).strip().replace("\\", "/")
        path = PurePosixPath(text)
        if path.is_absolute() or re.match(r"^[A-Za-z]:", text):
            raise ValidationError(
                f"'{text}' is an absolute path; write it relative to {self.anchor}, e.g. {self.example}"
            )
        if ".." in path.parts:
            raise ValidationError(f"'{text}' {self.outside}")
        if not text:
            raise ValidationError("empty path")
        return str(path)


class Photo(fields.Field):
    """A scene's photo: one file or a folder of cube faces (a path), or a list of the six face files."""

    def __init__(self, path_field: type[ProjectPath] = ProjectPath, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.path_field = path_field()

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str | list[str]:
        if not isinstance(value, list):
            return self.path_field.deserialize(value)
        if len(value) != len(FACE_NAMES):
            raise ValidationError(
                f"a list of cube faces has six files, in the order {ORDER}; got {len(value)}"
                " (or give the folder that holds them)"
            )
        paths, errors = [], {}
        for index, item in enumerate(value):
            try:
                paths.append(self.path_field.deserialize(item))
            except ValidationError as error:
                errors[index] = error.messages
        if errors:
            raise ValidationError(errors)
        twice = next((path for path in paths if paths.count(path) > 1), None)
        if twice:
            raise ValidationError(
                f"'{twice}' is listed twice; list six different faces, in the order {ORDER}"
            )
        return paths


class Angle(fields.Float):
    """Degrees, within [low, high]."""

    def __init__(self, low: float, high: float, **kwargs: Any) -> None:
        super().__init__(allow_nan=False, **kwargs)
        self.low, self.high = low, high

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, bool):
            raise ValidationError("expected a number of degrees")
        number = super()._deserialize(value, attr, data, **kwargs)
        if not self.low <= number <= self.high:
            raise ValidationError(
                f"{number:g} is out of range; expected {self.low:g} to {self.high:g} degrees"
            )
        return number
