"""Translations: every text of the hall in one table, exported for a translator and imported back.

from hallbuilder.config.translations import export_translations, import_translations
export_translations(Path("my-hall"), Path("texts.xlsx"))   # or .csv
changes = import_translations(Path("my-hall"), Path("texts.xlsx"))
"""

from __future__ import annotations

import os
from pathlib import Path

from hallbuilder.config.load import config_file
from hallbuilder.config.project import load_project
from hallbuilder.config.translations.excel import write_xlsx
from hallbuilder.config.translations.importing import Change, import_translations
from hallbuilder.config.translations.sheets import write_csv
from hallbuilder.config.translations.table import TextRow, TranslationTable, translation_table
from hallbuilder.errors import ConfigError

WRITERS = {".csv": write_csv, ".xlsx": write_xlsx}


def export_translations(project: Path, target: Path) -> TranslationTable:
    """Write the project's translation table to `target` (.csv or .xlsx); the project must load first."""
    writer = WRITERS.get(Path(target).suffix.lower())
    if writer is None:
        raise ConfigError(f"{target}: name the file .csv or .xlsx (the two kinds a translator can open)")
    project_dir = config_file(Path(project)).parent
    load_project(project_dir)
    table = translation_table(project_dir)
    target = Path(target)
    if not target.parent.is_dir():
        raise ConfigError(f"{target}: the folder {target.parent} does not exist; create it or choose another")
    partial = target.with_name(f".{target.name}.partial")
    try:
        writer(table, partial)
        os.replace(partial, target)
    except OSError as error:
        raise ConfigError(f"{target}: cannot write it ({error.strerror}); choose another file") from None
    finally:
        partial.unlink(missing_ok=True)
    return table


__all__ = [
    "Change",
    "TextRow",
    "TranslationTable",
    "export_translations",
    "import_translations",
    "translation_table",
]
