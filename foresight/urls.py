from allauth.account import views as allauth_views
from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter
from drf_spectacular.views import SpectacularJSONAPIView

from cahiers import api as cahier_api
from scenarios import api as scenario_api

from . import views
from .converters import JoinCodeConverter

# Registered before the apps' URLconfs are included: workshops and voting both route /w/<code>/.
register_converter(JoinCodeConverter, "joincode")

# Error pages in the visitor's language, JSON under /api/; a database outage answers 503.
handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error

# The admin signs in through allauth's sign-in, never its own form: its form would skip two-factor
# authentication (and the login rate limits). Signed-in staff reach it as before.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    # django-allauth's sign-in under the name every page and test already uses; logging out stays Django's
    # POST-only view (the nav's button). Then the rest of allauth: sign-up, e-mail confirmation, reset.
    path("accounts/login/", allauth_views.login, name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # A facilitator's or an editor's personal API tokens (core.tokens), before allauth's own pages.
    path("accounts/tokens/", include("core.urls")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    # JSON like the rest of /api/, its errors included.
    path("api/schema/", SpectacularJSONAPIView.as_view(), name="api-schema"),
    # The published cahiers as open data (cahiers.api).
    path("api/publications/", cahier_api.PublicationListApi.as_view(), name="api-publications"),
    path("api/publications/<slug:slug>/", cahier_api.PublicationApi.as_view(), name="api-publication"),
    # The scenario library for staff's scripts (scenarios.api).
    path("api/scenarios/", scenario_api.ScenarioListApi.as_view(), name="api-scenarios"),
    path("scenarios/", include("scenarios.urls")),
    path("cahiers/", include("cahiers.urls")),
    path("publications/", include("cahiers.reader_urls", namespace="publications")),
    path("", include("voting.urls")),
    path("", include("promises.urls")),
    path("", include("workshops.urls")),
]

if settings.BENCHMARK_VIEWS:
    # The room benchmark's ceiling (benchmarks/room_production.py): never routed otherwise.
    from . import benchmark_views

    urlpatterns += benchmark_views.urlpatterns
