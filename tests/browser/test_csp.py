"""The Content-Security-Policy breaks nothing: the editor and the public scripts run."""

import pytest

from tests.factories import make_article, make_category, make_unit

VIOLATION_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def watch(page):
    """Collect CSP violations from events and from the console."""
    messages = []
    page.add_init_script(VIOLATION_LISTENER)
    page.on(
        "console",
        lambda message: (
            messages.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return messages


def violations(page, console):
    return page.evaluate("window.__cspViolations") + console


@pytest.fixture
def editor(transactional_db, django_user_model):
    from django.contrib.auth.models import Permission

    from portal.models import Membership
    from tests.factories import default_site

    make_unit()
    make_category(name="Tin tức")
    user = django_user_model.objects.create_user(
        "bientap", password="mat-khau-rat-dai-123", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="articles")
    )
    Membership.objects.create(site=default_site(), user=user)
    return user


def test_ckeditor_loads_in_the_admin_without_csp_violations(
    live_server, page, editor, artifacts
):
    """Log in, open "add article": the editor is there, typing works, no violation."""
    console = watch(page)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "mat-khau-rat-dai-123")
    page.click("input[type=submit]")
    page.goto(live_server.url + "/admin/articles/article/add/")
    editable = page.locator(".ck-editor__editable").first
    editable.wait_for(state="visible", timeout=15000)
    editable.click()
    page.keyboard.type("Nội dung thử")
    assert "Nội dung thử" in editable.inner_text()
    page.screenshot(path=artifacts / "csp-ckeditor.png")
    assert violations(page, console) == []


def test_public_scripts_run_without_csp_violations(live_server, page, transactional_db):
    """The article page (rating and comment scripts) and the search page."""
    make_unit()
    article = make_article(category=make_category())
    console = watch(page)
    page.goto(live_server.url + article.get_absolute_url())
    page.click("button[name=stars][value='4']")
    page.wait_for_selector("[data-rating-live]:not(:empty)", state="attached")
    page.goto(live_server.url + "/tim-kiem/?q=hoi+nghi")
    assert violations(page, console) == []
