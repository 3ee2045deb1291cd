"""docs/showcases.md lists every showcase.yaml key with the text the schema declares."""

from __future__ import annotations

from pathlib import Path

from hallbuilder.config.showcase import iter_showcase_keys

DOCS = Path(__file__).resolve().parents[2] / "docs" / "showcases.md"


def test_every_showcase_key_is_in_the_docs_with_its_description():
    text = DOCS.read_text("utf-8")
    missing = [
        f"| `{path}` | {doc} |" for path, doc in iter_showcase_keys() if f"| `{path}` | {doc} |" not in text
    ]
    assert missing == []


def test_the_docs_name_only_keys_that_exist():
    documented = {
        line.split("`")[1] for line in DOCS.read_text("utf-8").splitlines() if line.startswith("| `")
    }
    assert documented == {path for path, _ in iter_showcase_keys()}
