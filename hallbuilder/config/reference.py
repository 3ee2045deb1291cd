"""docs/hall-yaml.md is generated from the schema's docs: `python -m hallbuilder.config.reference > docs/hall-yaml.md`."""

from __future__ import annotations

from hallbuilder.config.schema import iter_documented_keys

INTRO = """# hall.yaml reference

Every key of `hall.yaml`, generated from the schema (`python -m hallbuilder.config.reference`).
Texts (title, subtitle, description, label, text) take one string or a map per language: `{zh-CN: ..., en: ...}`.
Paths are relative to hall.yaml and must stay inside the project. Angles are degrees: yaw 0 is the photo's
centre and right is positive (-180 to 360); pitch up is positive (-90 to 90).

| key | what it is |
|---|---|
"""


def reference() -> str:
    rows = [f"| `{path}` | {text} |" for path, text in iter_documented_keys()]
    return INTRO + "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(reference(), end="")
