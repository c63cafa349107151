from django.urls import path

from comments import views

app_name = "comments"
urlpatterns = [
    path("tin-tuc/<slug:slug>/binh-luan/", views.post_comment, name="post"),
    path("tin-tuc/<slug:slug>/danh-gia/", views.rate_article, name="rate"),
]
