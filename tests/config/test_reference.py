from pathlib import Path

from hallbuilder.config.reference import reference
from hallbuilder.config.schema import iter_documented_keys

DOCS = Path(__file__).resolve().parents[2] / "docs" / "hall-yaml.md"
TEMPLATE = Path(__file__).resolve().parents[2] / "hallbuilder" / "templates" / "hall.yaml"


def test_every_key_is_documented_in_the_schema():
    undocumented = [path for path, text in iter_documented_keys() if not text]
    assert undocumented == []


def test_docs_are_generated_from_the_current_schema():
    assert DOCS.read_text("utf-8") == reference(), (
        "run: python -m hallbuilder.config.reference > docs/hall-yaml.md"
    )


def test_every_key_in_the_new_template_has_a_comment():
    """Each key the schema knows is explained by a comment on (at least) one line of the `new` template."""
    lines = TEMPLATE.read_text("utf-8").splitlines()
    leaf_names = {path.rsplit(".", 1)[-1] for path, _ in iter_documented_keys()} - {"x", "y"}
    unexplained = [
        name
        for name in sorted(leaf_names)
        if not any(f"{name}:" in line and "#" in line.split(f"{name}:", 1)[1] for line in lines)
    ]
    assert unexplained == []
