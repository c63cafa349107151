from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from portal import views
from portal.media import serve_media
from portal.sitemaps import sitemap
from portal.uploads import upload_image

urlpatterns = [
    path("", views.home, name="home"),
    path("tim-kiem/", views.search, name="search"),
    path("bao-ve-du-lieu-ca-nhan/", views.privacy_notice, name="privacy"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon),
    path("", include("articles.urls")),
    path("", include("comments.urls")),
    path("", include("organisation.urls")),
    path("hoi-dap/", include("questions.urls")),
    path("lich-cong-tac/", include("schedule.urls")),
    path("", include("documents.urls")),
    path("", include("procedures.urls")),
    path("", include("pages.urls")),
    path("admin/thong-ke/", include("stats.urls")),
    # The name django-ckeditor-5's widget reverses, served by our checked upload.
    path("ckeditor5/image_upload/", upload_image, name="ck_editor_5_upload_file"),
    path("captcha/", include("captcha.urls")),
    path("admin/", admin.site.urls),
]

if settings.SERVE_MEDIA:
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_media)]

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
