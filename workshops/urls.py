from django.urls import path

app_name = "workshops"
urlpatterns: list = []
