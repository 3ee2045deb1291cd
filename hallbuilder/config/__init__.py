"""hall.yaml: the schema (marshmallow), loading with every problem collected, and cross-checks."""

from hallbuilder.config.load import CONFIG_NAME, HallConfig
from hallbuilder.config.project import load_hall, load_project

__all__ = ["CONFIG_NAME", "HallConfig", "load_hall", "load_project"]
