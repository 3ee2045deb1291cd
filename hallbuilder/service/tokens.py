"""Signed edit tokens: a visitor may change or delete their own comment for 15 minutes, nothing else."""

from __future__ import annotations

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

EDIT_SECONDS = 15 * 60


class TokenProblem(Exception):
    """Why a token cannot be used; the message is for the visitor."""


def _serializer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt="hallbuilder.comment-edit")


def make(secret: str, hall_id: str, comment_id: int) -> str:
    return _serializer(secret).dumps([hall_id, comment_id])


def check(secret: str, token: str | None, hall_id: str, comment_id: int, max_age: int = EDIT_SECONDS) -> None:
    """Raise TokenProblem unless `token` was made for this comment less than `max_age` seconds ago."""
    if not token:
        raise TokenProblem("Send the edit token you received when posting, in the X-Edit-Token header.")
    try:
        signed = _serializer(secret).loads(token, max_age=max_age)
    except SignatureExpired:
        raise TokenProblem("Comments can only be changed for 15 minutes after posting.") from None
    except BadSignature:
        raise TokenProblem("This edit token is not valid.") from None
    if signed != [hall_id, comment_id]:
        raise TokenProblem("This edit token belongs to another comment.")
