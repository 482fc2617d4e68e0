"""The reader's pages, mounted at /publications/ under the namespace "publications"."""

from django.urls import path

from . import reader_views as views

app_name = "publications"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.cahier, name="cahier"),
    path("<slug:slug>/<int:chapter_id>/", views.chapter, name="chapter"),
    path("<slug:slug>/<int:chapter_id>/sections/<int:section_id>/comments/", views.comment, name="comment"),
    path("<slug:slug>/<int:chapter_id>/comments/<int:comment_id>/hide/", views.comment_hide, name="comment_hide"),
    path("<slug:slug>/<int:chapter_id>/comments/<int:comment_id>/restore/", views.comment_restore, name="comment_restore"),
]
