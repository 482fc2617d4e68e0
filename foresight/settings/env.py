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
