from django.urls import path

from articles import views
from articles.feeds import LatestArticlesFeed

app_name = "articles"
urlpatterns = [
    path("chuyen-muc/<slug:slug>/", views.category_detail, name="category"),
    path("tin-tuc/<slug:slug>/", views.article_detail, name="detail"),
    path("rss/", LatestArticlesFeed(), name="feed"),
    path("rss/<slug:slug>/", LatestArticlesFeed(), name="category_feed"),
]
