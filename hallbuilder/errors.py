"""One exception family. Only the CLI edge turns these into messages and exit codes.

Every message is written for staff who are not programmers: it names the file, the key and the fix.
"""

from __future__ import annotations


class HallError(Exception):
    """Base of every error a user can cause and fix. `exit_code` is what the CLI returns."""

    exit_code = 1

    def __init__(self, message: str, *, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []

    def lines(self) -> list[str]:
        """The lines to show: the problems one per line, or the message."""
        return self.problems or [self.message]


class ConfigError(HallError):
    """hall.yaml (or a showcase.yaml) is invalid. Carries every problem found, one per line."""

    exit_code = 2


class PhotoError(HallError):
    """A panorama photo cannot be used (unreadable, truncated, not 2:1, too small, too large)."""

    exit_code = 2


class MediaError(HallError):
    """Narration, an image or a video cannot be used."""

    exit_code = 2


class BuildError(HallError):
    """The build failed for a reason other than the input (disk full, missing viewer bundle...)."""


class PublishError(HallError):
    """Publishing failed: missing credentials, unreachable endpoint, refused upload..."""


class ServiceError(HallError):
    """The hall service cannot start or run a command (bad DATABASE_URL, missing tour.json...)."""
