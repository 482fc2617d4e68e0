"""French first: the browser's Accept-Language does not switch the UI, only the visitor's own choice does."""


class FrenchByDefaultMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Laptops in a French room often run an English OS; the FR/EN switch (a cookie) is the only way out.
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
