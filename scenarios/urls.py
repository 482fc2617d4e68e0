from django.urls import path

from . import views

app_name = "scenarios"
urlpatterns = [
    path("", views.library, name="library"),
    path("new/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/status/", views.set_status, name="set_status"),
    path("<int:pk>/timeline/", views.timeline_add, name="timeline_add"),
    path("<int:pk>/timeline/<int:event_pk>/edit/", views.timeline_edit, name="timeline_edit"),
    path("<int:pk>/timeline/<int:event_pk>/delete/", views.timeline_delete, name="timeline_delete"),
]
