"""The one rule for identifiers (hall, scene, zone, hotspot, branch ids), shared by hall.yaml, the build and
the service, so an id that hall.yaml accepts is one the service stores (its columns hold 64 characters).

Ids appear in URLs (`#scene=<id>`, `listen/<id>.html`, `/api/halls/<id>/…`), so they are plain ASCII.
Neutral ground: this module imports nothing of hallbuilder, and both the service and the build import it.
"""

from __future__ import annotations

import re

MAX_LENGTH = 64
# lower-case letters and digits, then also '-'; BODY unanchored, for patterns that contain an id
BODY = rf"[a-z0-9][a-z0-9-]{{0,{MAX_LENGTH - 1}}}"
PATTERN = rf"^{BODY}\Z"  # \Z, not $, so a trailing newline is not accepted
ID = re.compile(PATTERN)
# the same rule written for JSON Schema (tour.schema.json), whose regular expressions have no \Z
JSON_PATTERN = f"^{BODY}$"
HELP = "use lower-case letters, digits and '-' only, e.g. 'history-hall'"


def article(noun: str) -> str:
    """'an id', 'a branch id'."""
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def is_id(value: object) -> bool:
    """True for a string that follows the rule."""
    return isinstance(value, str) and ID.match(value) is not None


def id_problem(text: str, what: str = "id") -> str | None:
    """Why `text` is not an id (`what`: "id", "branch id" …), said so staff can fix it; None when it is one."""
    if is_id(text):
        return None
    if len(text) > MAX_LENGTH and is_id(text[:MAX_LENGTH]):
        return (
            f"'{text}' is {len(text)} characters long: {article(what)} has at most {MAX_LENGTH} "
            "(the hall service stores no longer ones); shorten it"
        )
    return f"'{text}' is not a valid {what}: {HELP}"
