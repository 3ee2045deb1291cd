"""The gunicorn entry point: `gunicorn -w 4 -b 127.0.0.1:8000 hallbuilder.service.wsgi:app`.

Settings come from environment variables (see config.py); run `hallbuilder service migrate` first.
"""

from __future__ import annotations

import os
import sys

from hallbuilder.errors import ServiceError
from hallbuilder.service.app import create_app

if not os.environ.get("HALLBUILDER_SECRET_KEY"):
    print(
        "hallbuilder service: HALLBUILDER_SECRET_KEY is not set; each worker makes its own, so edit tokens and "
        "admin logins break between workers. Set the same secret on every worker (see docs/service.md).",
        file=sys.stderr,
    )

# gunicorn's exit code for "worker failed to boot": the master stops instead of starting workers forever.
BOOT_ERROR = 3

try:
    app = create_app()
except ServiceError as error:  # a setting is wrong: one line naming the variable, no traceback
    print(f"hallbuilder service: {error.message}", file=sys.stderr)
    sys.exit(BOOT_ERROR)
