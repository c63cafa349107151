from django.urls import path

from schedule import views

app_name = "schedule"
urlpatterns = [
    path("", views.week_page, name="week"),
    path("lich.ics", views.feed, name="feed"),
]
