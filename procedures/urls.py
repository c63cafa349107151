from django.urls import path

from procedures import views

app_name = "procedures"
urlpatterns = [
    path("thu-tuc-hanh-chinh/", views.procedure_list, name="list"),
    path("thu-tuc-hanh-chinh/<slug:slug>/", views.procedure_detail, name="detail"),
]
