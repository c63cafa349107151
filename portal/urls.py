from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from portal import views
from portal.uploads import upload_image

urlpatterns = [
    path("", views.home, name="home"),
    path("tim-kiem/", views.search, name="search"),
    path("bao-ve-du-lieu-ca-nhan/", views.privacy_notice, name="privacy"),
    path("robots.txt", views.robots_txt),
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    path("", include("pages.urls")),
    path("admin/thong-ke/", include("stats.urls")),
    # The name django-ckeditor-5's widget reverses, served by our checked upload.
    path("ckeditor5/image_upload/", upload_image, name="ck_editor_5_upload_file"),
    path("captcha/", include("captcha.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
