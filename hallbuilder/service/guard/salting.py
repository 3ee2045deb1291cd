"""The daily salt of visitor and address hashes, split between the database and the secret key.

The database keeps one random seed per UTC day, shared by every worker and host, deleted after 48 hours. The
salt is HMAC-SHA256(secret key, seed). So a copy of the database alone cannot rebuild a hash (the secret key is
not in it), the secret key alone cannot either (it needs the day's seed), and once a seed is deleted nobody can
rebuild that day's salt, even with the secret key. A salt derived from the secret key and the date alone would
never be forgotten: whoever holds the key could rebuild every past day's salt.
"""

from __future__ import annotations

import hashlib
import hmac


def daily_salt(secret_key: str, seed: str) -> str:
    return hmac.new(
        secret_key.encode(), f"hallbuilder.daily-salt\n{seed}".encode(), hashlib.sha256
    ).hexdigest()
