from urllib.request import urlopen

import pytest
from django.db import connection

from tests.factories import make_article
from tests.live import gunicorn


@pytest.mark.django_db(transaction=True)
def test_pages_survive_a_database_restart():
    """gunicorn keeps its connection; when PostgreSQL drops it, the next page still loads."""
    article = make_article()
    with gunicorn() as base:
        url = base + article.get_absolute_url()
        assert urlopen(url).status == 200
        # What the app server sees when PostgreSQL restarts: its connections die.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            assert cursor.fetchone()[0] >= 1
        assert urlopen(url).status == 200


@pytest.mark.django_db
def test_server_error_page_is_vietnamese_and_needs_no_database(client, settings):
    from portal.views import server_error

    response = server_error(None)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Cổng thông tin đang gặp sự cố" in html
    assert "Bỏ qua để đến nội dung chính" in html
