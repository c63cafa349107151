from django.urls import path

from documents import consultation, views
from documents.feeds import LatestDocumentsFeed

app_name = "documents"
urlpatterns = [
    path("van-ban/", views.document_list, name="list"),
    path("van-ban/rss/", LatestDocumentsFeed(), name="feed"),
    path("van-ban/<slug:slug>/", views.document_detail, name="detail"),
    path("van-ban/<slug:slug>/tep/<int:pk>/", views.document_download, name="download"),
    path("du-thao/", consultation.draft_list, name="drafts"),
    path("du-thao/<slug:slug>/", consultation.draft_detail, name="draft"),
    path("du-thao/<slug:slug>/gop-y/", consultation.post_opinion, name="opinion"),
    path(
        "du-thao/<slug:slug>/tep/<int:pk>/",
        consultation.draft_download,
        name="draft_download",
    ),
]
