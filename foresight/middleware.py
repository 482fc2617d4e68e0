"""French first: the browser's Accept-Language does not switch the UI, only the visitor's own choice does.
Two-factor first: a facilitator or editor made to enrol does nothing else until they have."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from .two_factor import must_enrol, open_while_enrolling


class FrenchByDefaultMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Laptops in a French room often run an English OS; the FR/EN switch (a cookie) is the only way out.
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """When the administrator requires two-factor authentication of people with power
    (settings.TWO_FACTOR_REQUIRED_FOR_STAFF), a facilitator or editor who has not enrolled yet is sent
    to the enrolment page with a message, whatever they asked for (an htmx request navigates there);
    the API answers 403 with the message in JSON. Readers, participants and anonymous visitors pass
    untouched (foresight.two_factor)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Off by default: then not a query more on any request (the room's 2-second polls included).
        if not settings.TWO_FACTOR_REQUIRED_FOR_STAFF:
            return None
        match = request.resolver_match
        if open_while_enrolling(match.url_name if match else None) or not must_enrol(request.user):
            return None
        message = _(
            "Your account runs workshops or edits publications: the administrator requires two-factor "
            "authentication for it. Activate an authenticator app to continue."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=403)
        messages.warning(request, message)
        enrol = reverse("mfa_activate_totp")
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(enrol)
        return HttpResponseRedirect(enrol)


# What no page of Agora uses, so that no page (nor a script slipped into one) may ask for it: the camera,
# the microphone, the location of someone in the room, payments, devices. "()" denies it to every origin.
# Only features Chromium knows: an unknown one is an error in every page's console.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class PermissionsPolicyMiddleware:
    """The Permissions-Policy header beside the others (django-csp's CSP, SecurityMiddleware's), on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
