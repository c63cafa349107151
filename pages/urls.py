from django.urls import path

from pages import views

app_name = "pages"
urlpatterns = [
    path("trang/<slug:slug>/", views.page_detail, name="detail"),
]
