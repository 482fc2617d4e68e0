from django.urls import path

from . import views

app_name = "promises"

urlpatterns = [
    path("w/<joincode:code>/personas/", views.persona_create, name="persona_create"),
    path("w/<joincode:code>/personas/<int:persona_id>/", views.persona_update, name="persona_update"),
    path("w/<joincode:code>/personas/<int:persona_id>/delete/", views.persona_delete, name="persona_delete"),
    path("w/<joincode:code>/personas/<int:persona_id>/steps/", views.step_add, name="step_add"),
    path("w/<joincode:code>/personas/<int:persona_id>/steps/order/", views.steps_reorder, name="steps_reorder"),
    path("w/<joincode:code>/steps/<int:step_id>/", views.step_update, name="step_update"),
    path("w/<joincode:code>/steps/<int:step_id>/delete/", views.step_delete, name="step_delete"),
    path("w/<joincode:code>/steps/<int:step_id>/move/<slug:direction>/", views.step_move, name="step_move"),
    path("w/<joincode:code>/keywords/", views.keyword_add, name="keyword_add"),
    path("w/<joincode:code>/phrases/", views.phrase_propose, name="phrase_propose"),
    path("w/<joincode:code>/phrases/<int:phrase_id>/", views.phrase_update, name="phrase_update"),
    path("w/<joincode:code>/phrases/<int:phrase_id>/delete/", views.phrase_delete, name="phrase_delete"),
    path("w/<joincode:code>/commitments/", views.commitment_make, name="commitment_make"),
    path("facilitate/<int:pk>/keywords/", views.keywords_curate, name="keywords"),
    path("facilitate/<int:pk>/promise/", views.promise_page, name="promise"),
    path("facilitate/<int:pk>/report/", views.report_page, name="report"),
    path("facilitate/<int:pk>/report.md", views.report_markdown, name="report_markdown"),
    path("facilitate/<int:pk>/keywords/vote/", views.keywords_vote, name="keywords_vote"),
]
