"""Accounts, by django-allauth: readers sign up (and confirm their e-mail), everyone signs in.

Three adjustments to allauth, each for a reason of ours:
- the sign-in field is posted as `username` (allauth calls it `login`): the staff's login form,
  their password managers and every client that posts `username` keep working, and the field takes
  a username or an e-mail address;
- without a safe ?next=, each role lands on its own page (`foresight.views.landing_url`), a reader
  on the publications;
- an account an administrator made (the staff, the demo's) has no e-mail address record to confirm:
  it signs in as before. An account that signed up here has one, and confirms it first;
- two-factor authentication's QR code is drawn by segno, as the join code's is (`MFAAdapter`).
- failed sign-ins are counted per account, whichever of its username or e-mail address was typed
  (allauth counts per string typed: failing with one and signing in with the other would go
  round the lockout), and the lockout says how long it lasts (ACCOUNT_RATE_LIMITS["login_failed"]).
"""

from __future__ import annotations

import io

import segno
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.models import EmailAddress
from allauth.account.stages import EmailVerificationStage
from allauth.mfa.adapter import DefaultMFAAdapter
from django.contrib import messages
from django.core.validators import MaxLengthValidator
from django.urls import reverse
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .views import landing_url

# The name the sign-in field is posted under.
LOGIN_FIELD_NAME = "username"


# The longest a username or an e-mail address may be (EmailField's 254 is the larger of the two).
LOGIN_MAX_LENGTH = 254


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form, its `login` field posted and rendered as `username`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["login"]
        # Counted by limits.js (the widget template turns maxlength into data-max), refused above.
        field.max_length = LOGIN_MAX_LENGTH
        field.validators.append(MaxLengthValidator(LOGIN_MAX_LENGTH))
        field.widget.attrs["maxlength"] = str(LOGIN_MAX_LENGTH)

    def add_prefix(self, field_name):
        # Only the name in the HTML and in the POST changes: allauth still reads cleaned_data["login"].
        return super().add_prefix(LOGIN_FIELD_NAME if field_name == "login" else field_name)


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # The lockout lasts minutes (ACCOUNT_RATE_LIMITS, "login_failed"), not forever: a facilitator
        # who mistyped their password is told to wait, not that the account is gone.
        "too_many_login_attempts": gettext_lazy(
            "Too many failed sign-ins on this account: wait a few minutes, then try again."
        ),
    }

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """The key failed sign-ins are counted under: the account's, whether its username or its
        e-mail address was typed (allauth's own key is the string typed)."""
        key = super()._get_login_attempts_cache_key(request, **credentials)
        login = (credentials.get("email") or credentials.get("username") or "").strip()
        if not login:
            return key
        account = (
            get_user_model().objects.filter(Q(username__iexact=login) | Q(email__iexact=login)).values_list("pk", flat=True).first()
        )
        return key if account is None else f"{get_current_site(request).domain}:account-{account}"

    def get_login_redirect_url(self, request) -> str:
        url = landing_url(request.user)
        if url != reverse("home"):
            return url
        if _is_reader(request.user):
            return reverse("publications:index")
        messages.info(
                request,
                _(
                    "You are logged in, but your account has no facilitator or editor role yet: "
                    "ask an administrator for one. To take part in a workshop, type its code."
                ),
            )
        return url

    def get_login_stages(self) -> list[str]:
        return [
            "foresight.accounts.AdministeredAccountsSkipVerification" if path.endswith(".EmailVerificationStage") else path
            for path in super().get_login_stages()
        ]


def _is_reader(user) -> bool:
    """An account that signed up here (it has an e-mail address record): a reader, not staff in waiting."""
    return EmailAddress.objects.filter(user_id=user.pk).exists()


class AdministeredAccountsSkipVerification(EmailVerificationStage):
    """allauth's e-mail verification, except for accounts with no e-mail address record at all:
    those were made by an administrator (createsuperuser, the admin, the demo), never by sign-up,
    which always records the address it must confirm."""

    def handle(self):
        user = self.login.user
        if user is not None and not self.login.signup and not EmailAddress.objects.filter(user_id=user.pk).exists():
            return None, True
        return super().handle()


class MFAAdapter(DefaultMFAAdapter):
    """allauth's two-factor adapter, its QR code drawn by segno (the library the join code's QR code
    uses) instead of the `qrcode` package: the same look, an SVG made here, nothing fetched. allauth
    puts it in the enrolment page as a data: URI, which the CSP's img-src allows."""

    def build_totp_svg(self, url: str) -> str:
        out = io.BytesIO()
        segno.make(url, error="m").save(out, kind="svg", scale=6, border=4, dark="#1b1f3b", xmldecl=False, svgns=True)
        return out.getvalue().decode("utf-8")
