from django.urls import path

from . import api, staff_api
from .views import facilitator, formats, participant, scribe, stream

app_name = "workshops"

urlpatterns = [
    # Participants: no account, the join code is in every URL.
    path("w/join/", participant.join, name="join"),
    path("w/<joincode:code>/join/", participant.join_workshop, name="join_workshop"),
    path("w/<joincode:code>/", participant.canvas, name="canvas"),
    path("w/<joincode:code>/live/", participant.canvas_live, name="canvas_live"),
    path("w/<joincode:code>/stream/", stream.canvas_stream, name="canvas_stream"),
    path("w/<joincode:code>/scenarios/", participant.discover, name="discover"),
    path("w/<joincode:code>/post/", participant.post_contribution, name="post"),
    path("w/<joincode:code>/table/", participant.choose_table, name="choose_table"),
    path("w/<joincode:code>/plus-one/<int:contribution_id>/", participant.plus_one, name="plus_one"),
    path("w/<joincode:code>/mine/", participant.own_contributions, name="own_contributions"),
    path("w/<joincode:code>/mine/<int:contribution_id>/delete/", participant.delete_own_contribution, name="delete_own_contribution"),
    path("w/<joincode:code>/scribe/", scribe.scribe_board, name="scribe"),
    path("w/<joincode:code>/scribe/hide/<int:contribution_id>/", scribe.scribe_hide, name="scribe_hide"),
    path("w/<joincode:code>/scribe/group/", scribe.scribe_group, name="scribe_group"),
    path("w/<joincode:code>/scribe/merge/", scribe.scribe_merge, name="scribe_merge"),
    path("w/<joincode:code>/scribe/unmerge/<int:contribution_id>/", scribe.scribe_unmerge, name="scribe_unmerge"),
    path("w/<joincode:code>/scribe/synthesis/", scribe.scribe_synthesis, name="scribe_synthesis"),
    # The same for API clients (JSON in, JSON out).
    path("api/w/<joincode:code>/board/", api.BoardApi.as_view(), name="api_board"),
    path("api/w/<joincode:code>/contributions/", api.ContributionCreateApi.as_view(), name="api_contributions"),
    path("api/w/<joincode:code>/contributions/<int:contribution_id>/plus-one/", api.PlusOneApi.as_view(), name="api_plus_one"),
    # Facilitators' and editors' scripts (a personal API token, or the session).
    path("api/workshops/", staff_api.WorkshopListApi.as_view(), name="api_workshops"),
    path("api/workshops/<int:pk>/", staff_api.WorkshopDetailApi.as_view(), name="api_workshop"),
    path("api/workshops/<int:pk>/results/", staff_api.WorkshopResultsApi.as_view(), name="api_workshop_results"),
    path("api/workshops/<int:pk>/phases/<int:phase_id>/contributions/", staff_api.PhaseContributionsApi.as_view(), name="api_phase_contributions"),
    path("api/workshops/<int:pk>/phases/<int:phase_id>/close/", staff_api.PhaseCloseApi.as_view(), name="api_phase_close"),
    # Facilitators.
    path("facilitate/", facilitator.dashboard, name="dashboard"),
    path("facilitate/<int:pk>/", facilitator.control, name="control"),
    path("facilitate/<int:pk>/live/<slug:part>/", facilitator.control_part, name="control_part"),
    path("facilitate/<int:pk>/close/", facilitator.close_workshop, name="close"),
    path("facilitate/<int:pk>/settings/", facilitator.workshop_settings, name="settings"),
    path("facilitate/<int:pk>/phases/<int:phase_id>/open/confirm/", facilitator.phase_open_confirm, name="phase_open_confirm"),
    path("facilitate/<int:pk>/phases/<int:phase_id>/<slug:action>/", facilitator.phase_action, name="phase_action"),
    path("facilitate/<int:pk>/tables/", facilitator.add_table, name="add_table"),
    path("facilitate/<int:pk>/tables/<int:table_id>/", facilitator.edit_table, name="edit_table"),
    path("facilitate/<int:pk>/participants/<int:participant_id>/", facilitator.seat_participant, name="seat"),
    path("facilitate/<int:pk>/participants/<int:participant_id>/remove/", facilitator.remove_participant, name="remove_participant"),
    path("facilitate/<int:pk>/qr.svg", facilitator.join_qr, name="join_qr"),
    path("facilitate/<int:pk>/projector/", facilitator.projector, name="projector"),
    path("facilitate/<int:pk>/projector/live/", facilitator.projector_live, name="projector_live"),
    path("facilitate/<int:pk>/results/", facilitator.results, name="results"),
    path("facilitate/<int:pk>/audit/", facilitator.audit_trail, name="audit_trail"),
    # Formats and canvases: data that facilitators edit, no deploy needed.
    path("facilitate/formats/", formats.index, name="formats"),
    path("facilitate/formats/new/", formats.format_new, name="format_new"),
    path("facilitate/formats/<int:pk>/", formats.format_edit, name="format_edit"),
    path("facilitate/formats/<int:pk>/duplicate/", formats.format_duplicate, name="format_duplicate"),
    path("facilitate/formats/<int:pk>/delete/", formats.format_delete, name="format_delete"),
    path("facilitate/formats/<int:pk>/share/", formats.format_share, name="format_share"),
    path("facilitate/formats/<int:pk>/phases/", formats.phase_add, name="phase_add"),
    path("facilitate/formats/<int:pk>/phases/<int:phase_id>/", formats.phase_edit, name="phase_edit"),
    path("facilitate/formats/<int:pk>/phases/<int:phase_id>/delete/", formats.phase_delete, name="phase_delete"),
    path("facilitate/formats/<int:pk>/phases/<int:phase_id>/move/<slug:direction>/", formats.phase_move, name="phase_move"),
    path("facilitate/formats/canvases/new/", formats.canvas_new, name="canvas_new"),
    path("facilitate/formats/canvases/<int:pk>/", formats.canvas_edit, name="canvas_edit"),
    path("facilitate/formats/canvases/<int:pk>/duplicate/", formats.canvas_duplicate, name="canvas_duplicate"),
    path("facilitate/formats/canvases/<int:pk>/delete/", formats.canvas_delete, name="canvas_delete"),
    path("facilitate/formats/canvases/<int:pk>/share/", formats.canvas_share, name="canvas_share"),
    path("facilitate/formats/canvases/<int:pk>/sections/", formats.section_add, name="section_add"),
    path("facilitate/formats/canvases/<int:pk>/sections/<int:section_id>/", formats.section_edit, name="section_edit"),
    path("facilitate/formats/canvases/<int:pk>/sections/<int:section_id>/delete/", formats.section_delete, name="section_delete"),
    path(
        "facilitate/formats/canvases/<int:pk>/sections/<int:section_id>/move/<slug:direction>/",
        formats.section_move,
        name="section_move",
    ),
]
