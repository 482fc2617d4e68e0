"""DRF authentication by personal API token: `Authorization: Bearer <secret>` (or `Token <secret>`).

A token stands for its user, who still passes every rule the pages ask (a facilitator's token reads
only the workshops they run). A read-only token may only read: `TokenScope` refuses its writes (403).
An unknown, revoked or expired token is a 401 with a JSON body, never a silent anonymous request.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions, permissions

from .models import ApiToken
from .tokens import token_for_secret

KEYWORDS = ("bearer", "token")


class ApiTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace").lower() not in KEYWORDS:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("The Authorization header is malformed: give the token after “Bearer ”."))
        token = token_for_secret(header[1].decode(errors="replace"))
        if token is None:
            raise exceptions.AuthenticationFailed(_("This API token is unknown, revoked or expired."))
        return token.user, token

    def authenticate_header(self, request):
        # Makes DRF answer 401 (with WWW-Authenticate) rather than 403 when the token is refused.
        return 'Bearer realm="api"'


class TokenScope(permissions.BasePermission):
    """A read-only token reads; its writes are refused. Sessions (the pages' own) are not limited here."""

    message = gettext_lazy("This API token is read-only.")

    def has_permission(self, request, view):
        token = request.auth
        if isinstance(token, ApiToken) and request.method not in permissions.SAFE_METHODS:
            return token.scope == ApiToken.Scope.WRITE
        return True


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = ApiTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "A personal API token (account settings)."}
