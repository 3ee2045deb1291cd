"""The gunicorn entry point: `gunicorn -w 4 -b 127.0.0.1:8000 hallbuilder.service.wsgi:app`.

Settings come from environment variables (see config.py); run `hallbuilder service migrate` first.
"""

from __future__ import annotations

from hallbuilder.service.app import create_app

app = create_app()
