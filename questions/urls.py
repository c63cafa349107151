from django.urls import path

from questions import views

app_name = "questions"
urlpatterns = [
    path("", views.question_list, name="list"),
    path("gui-cau-hoi/", views.ask, name="ask"),
    path("da-gui/", views.sent, name="sent"),
    path("tra-cuu/", views.track, name="track"),
    path("cau-hoi/<slug:slug>/", views.question_detail, name="detail"),
]
