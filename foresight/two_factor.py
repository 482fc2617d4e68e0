"""Two-factor authentication for people with power (allauth.mfa: an authenticator app and recovery codes).

Facilitators and editors (`core.secure_account`) may turn it on from the menu; when the administrator
sets TWO_FACTOR_REQUIRED_FOR_STAFF, they must: until they have an authenticator app, every page but
the enrolment's own sends them there (foresight.middleware.TwoFactorRequiredMiddleware). Readers and
participants are never asked. Signing in with it is allauth's own stage (after the password, a code
from the app or one of the recovery codes).
"""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings

# What someone made to enrol may still open: the two-factor pages (enrol, recovery codes, the
# sign-in and re-authentication steps), the re-authentication that activating may ask first, the
# way out and the FR/EN switch. Named by URL name, so that moving a URL keeps it open.
OPEN_WHILE_ENROLLING = frozenset({"account_reauthenticate", "logout", "account_logout", "set_language"})


def may_enrol(user) -> bool:
    """Offered two-factor authentication: the menu's link."""
    return user.is_authenticated and user.has_perm("core.secure_account")


def must_enrol(user) -> bool:
    """Required to enrol before anything else: the administrator requires two-factor of people with
    power, this is one, and they have no authenticator app yet (recovery codes alone do not count:
    allauth makes them with the app and only asks for them at sign-in when the app is there)."""
    if not settings.TWO_FACTOR_REQUIRED_FOR_STAFF or not may_enrol(user):
        return False
    return not is_mfa_enabled(user, [Authenticator.Type.TOTP])


def open_while_enrolling(url_name: str | None) -> bool:
    return bool(url_name) and (url_name.startswith("mfa_") or url_name in OPEN_WHILE_ENROLLING)
