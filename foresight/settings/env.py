"""Reading the environment strictly: a typo must fail loudly, not mean False."""

import environ
from django.core.exceptions import ImproperlyConfigured

env = environ.Env()

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def strict_bool(name: str, default: bool) -> bool:
    raw = env.str(name, default=None)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true or false)")


SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5


def strong_secret_key(key: str, *, refused: str) -> str:
    """The key, or ImproperlyConfigured when it is `refused` (the development key, public in the
    source), or short or repetitive: Django's own bar in check --deploy (50 characters, 5 different
    ones, not startproject's django-insecure-), which only warns. The message never shows the key."""
    hint = "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(64))'"
    if key == refused:
        raise ImproperlyConfigured(f"SECRET_KEY is the development key, public in the source: {hint}")
    if len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS or key.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            f"SECRET_KEY is too weak (at least {SECRET_KEY_MIN_LENGTH} characters, "
            f"{SECRET_KEY_MIN_UNIQUE_CHARACTERS} different ones, not django-insecure-…): {hint}"
        )
    return key
