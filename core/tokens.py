"""Personal API tokens: create (the secret shown once), revoke, and find the token a request carries.

A secret is `agora_` and 40 random URL-safe characters; only its SHA-256 is stored (`ApiToken.digest`),
so a leaked database gives no usable token. The rule `core.manage_api_tokens` says who has tokens.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken

SECRET_PREFIX = "agora_"


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class CreatedToken:
    token: ApiToken
    secret: str  # shown once; never stored


def token_create(*, user, name: str, scope: str, expires_at: datetime | None = None) -> CreatedToken:
    """A new token for `user`. Writes one row, locks nothing (the token is new and the user's own)."""
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": [_("The expiry must be in the future.")]})
    secret = SECRET_PREFIX + secrets.token_urlsafe(30)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        scope=scope,
        prefix=secret[: len(SECRET_PREFIX) + 4],
        digest=digest_of(secret),
        expires_at=expires_at,
    )
    return CreatedToken(token=token, secret=secret)


@transaction.atomic
def token_revoke(*, user, token_id: int) -> ApiToken:
    """Revoke one of `user`'s tokens (404 code if it is not theirs). Locks: the token's row."""
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=user).first()
    if token is None:
        raise ValidationError(_("No such token."), code="not_found")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def tokens_of(user) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user))


def token_for_secret(secret: str) -> ApiToken | None:
    """The usable token with this secret, its user loaded; None if unknown, revoked or expired."""
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(digest=digest_of(secret)).first()
    now = timezone.now()
    if token is None or not token.is_usable(now) or not token.user.is_active:
        return None
    # At most once a minute: a script polling every second should not write every second.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
