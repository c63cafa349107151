from django.urls import path

from organisation import views

app_name = "organisation"
urlpatterns = [
    path("to-chuc/", views.organisation_page, name="page"),
    path("en/organisation/", views.organisation_page_en, name="page_en"),
]
