"""The studio: staff lay out a hall in the browser while hall.yaml stays the source of truth."""

from hallbuilder.studio.app import create_app

__all__ = ["create_app"]
