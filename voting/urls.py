from django.urls import path

from . import api, staff_api, views

app_name = "voting"
urlpatterns = [
    # Participants (w/<join code>/...).
    path("w/<joincode:code>/vote/", views.cast, name="cast"),
    path("w/<joincode:code>/vote/live/", views.cast_live, name="cast_live"),
    path("w/<joincode:code>/vote/tables/", views.pick_table, name="pick_table"),
    path("w/<joincode:code>/vote/<int:ballot_pk>/", views.vote, name="vote"),
    path("api/w/<joincode:code>/ballots/<int:ballot_pk>/vote/", api.VoteCastApi.as_view(), name="api_vote"),
    path("api/workshops/<int:pk>/ballots/", staff_api.BallotListApi.as_view(), name="api_ballots"),
    path("api/workshops/<int:pk>/ballots/<int:ballot_pk>/results/", staff_api.BallotResultsApi.as_view(), name="api_ballot_results"),
    # Facilitator.
    path("facilitate/records/", views.records, name="records"),
    path("facilitate/<int:workshop_pk>/record.<str:fmt>", views.export_record, name="export_record"),
    path("facilitate/<int:workshop_pk>/ballots/", views.ballots, name="ballots"),
    path("facilitate/<int:workshop_pk>/ballots/export.<str:fmt>", views.export_workshop, name="export_workshop"),
    path("facilitate/<int:workshop_pk>/ballots/map/", views.cartography_page, name="map"),
    path("facilitate/<int:workshop_pk>/ballots/map.svg", views.cartography_export, name="map_svg"),
    path("facilitate/<int:workshop_pk>/ballots/<int:ballot_pk>/", views.ballot, name="ballot"),
    path("facilitate/<int:workshop_pk>/ballots/<int:ballot_pk>/projector/", views.projector, name="projector"),
    path("facilitate/<int:workshop_pk>/ballots/<int:ballot_pk>/tally/", views.tally, name="tally"),
    path("facilitate/<int:workshop_pk>/ballots/<int:ballot_pk>/export.<str:fmt>", views.export_ballot, name="export_ballot"),
    path("facilitate/<int:workshop_pk>/ballots/<int:ballot_pk>/<str:action>/", views.ballot_action, name="action"),
]
