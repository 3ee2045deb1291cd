"""hall.yaml: the schema (marshmallow), loading with every problem collected, and cross-checks."""

from hallbuilder.config.load import CONFIG_NAME, HallConfig, load_hall

__all__ = ["CONFIG_NAME", "HallConfig", "load_hall"]
