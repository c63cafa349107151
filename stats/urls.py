from django.contrib import admin
from django.urls import path

from stats import views

app_name = "stats"
urlpatterns = [
    # admin_view: the admin's login redirect, staff-of-this-site check, never_cache.
    path("", admin.site.admin_view(views.statistics), name="dashboard"),
]
