from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.api_tokens, name="api_tokens"),
    path("<int:token_id>/revoke/", views.api_token_revoke, name="api_token_revoke"),
]
