"""hall.yaml: the schema (marshmallow), loading with every problem collected, cross-checks, and the typed hall
model (model.py) that the rest of the program reads."""

from hallbuilder.config.load import CONFIG_NAME
from hallbuilder.config.model import Hall
from hallbuilder.config.project import load_hall, load_project

__all__ = ["CONFIG_NAME", "Hall", "load_hall", "load_project"]
