from django.urls import path

from . import views

app_name = "cahiers"

urlpatterns = [
    path("", views.cahier_list, name="list"),
    path("create/", views.cahier_create, name="create"),
    path("import/", views.edition_import, name="import"),
    path("<int:pk>/", views.cahier_outline, name="outline"),
    path("<int:pk>/chapters/", views.chapter_add, name="chapter_add"),
    path("<int:pk>/publish/", views.cahier_publish, name="publish"),
    path("<int:pk>/anonymise/", views.edition_anonymise, name="anonymise"),
    path("<int:pk>/draft/", views.cahier_draft, name="draft"),
    path("<int:pk>/draft/progress/", views.cahier_draft_progress, name="draft_progress"),
    path("<int:pk>/exports/", views.cahier_export, name="export"),
    path("<int:pk>/exports/progress/", views.cahier_export_progress, name="export_progress"),
    path("exports/<int:run_id>/download/", views.export_download, name="export_download"),
    # Stable: the reader's pages link here (the newest export of the published text).
    path("<int:pk>/download/<slug:format>/", views.public_download, name="public_download"),
    path("chapters/<int:chapter_id>/sections/", views.section_add, name="section_add"),
    path("chapters/<int:chapter_id>/status/", views.chapter_status, name="chapter_status"),
    path("chapters/<int:chapter_id>/move/<slug:direction>/", views.chapter_move, name="chapter_move"),
    path("sections/<int:section_id>/", views.section_edit, name="section"),
    path("sections/<int:section_id>/preview/", views.section_preview, name="preview"),
    path("sections/<int:section_id>/history/", views.section_history, name="history"),
    path("sections/<int:section_id>/restore/", views.section_restore, name="restore"),
    path("sections/<int:section_id>/status/", views.section_status, name="section_status"),
    path("sections/<int:section_id>/move/<slug:direction>/", views.section_move, name="section_move"),
]
