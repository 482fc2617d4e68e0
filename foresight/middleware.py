"""French first: the browser's Accept-Language does not switch the UI, only the visitor's own choice does."""


class FrenchByDefaultMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Laptops in a French room often run an English OS; the FR/EN switch (a cookie) is the only way out.
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


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
