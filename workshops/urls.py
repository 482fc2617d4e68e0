from django.urls import path

from .views import facilitator, participant, scribe

app_name = "workshops"

urlpatterns = [
    # Participants: no account, the join code is in every URL.
    path("w/join/", participant.join, name="join"),
    path("w/<str:code>/join/", participant.join_workshop, name="join_workshop"),
    path("w/<str:code>/", participant.canvas, name="canvas"),
    path("w/<str:code>/live/", participant.canvas_live, name="canvas_live"),
    path("w/<str:code>/post/", participant.post_contribution, name="post"),
    path("w/<str:code>/table/", participant.choose_table, name="choose_table"),
    path("w/<str:code>/plus-one/<int:contribution_id>/", participant.plus_one, name="plus_one"),
    path("w/<str:code>/scribe/", scribe.scribe_board, name="scribe"),
    path("w/<str:code>/scribe/hide/<int:contribution_id>/", scribe.scribe_hide, name="scribe_hide"),
    path("w/<str:code>/scribe/group/", scribe.scribe_group, name="scribe_group"),
    path("w/<str:code>/scribe/merge/", scribe.scribe_merge, name="scribe_merge"),
    # Facilitators.
    path("facilitate/", facilitator.dashboard, name="dashboard"),
    path("facilitate/<int:pk>/", facilitator.control, name="control"),
    path("facilitate/<int:pk>/close/", facilitator.close_workshop, name="close"),
    path("facilitate/<int:pk>/phases/<int:phase_id>/<slug:action>/", facilitator.phase_action, name="phase_action"),
    path("facilitate/<int:pk>/tables/", facilitator.add_table, name="add_table"),
    path("facilitate/<int:pk>/tables/<int:table_id>/", facilitator.edit_table, name="edit_table"),
    path("facilitate/<int:pk>/participants/<int:participant_id>/", facilitator.seat_participant, name="seat"),
    path("facilitate/<int:pk>/qr.svg", facilitator.join_qr, name="join_qr"),
    path("facilitate/<int:pk>/projector/", facilitator.projector, name="projector"),
    path("facilitate/<int:pk>/projector/live/", facilitator.projector_live, name="projector_live"),
]
