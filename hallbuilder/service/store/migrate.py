"""Alembic, driven from code: the scripts live in hallbuilder/service/migrations (no alembic.ini)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from hallbuilder.service.store.db import Database


def _config(database: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", "hallbuilder.service:migrations")
    return config


def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the schema to `revision`, keeping every row already stored."""
    config = _config(database)
    with database.writer.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()


def current_revision(database: Database) -> str | None:
    with database.reader.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(database: Database) -> str | None:
    return ScriptDirectory.from_config(_config(database)).get_current_head()
