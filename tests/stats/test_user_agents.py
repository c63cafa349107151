"""Which User-Agents are people's browsers, and which of those are phones."""

import pytest

from portal.client import is_bot
from stats.counting import is_mobile

CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
ANDROID_TABLET = (
    "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)
ZALO_IN_APP = (
    "Mozilla/5.0 (Linux; Android 12; SM-A125F Build/SP1A.210812.016; wv) "
    "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile "
    "Safari/537.36 Zalo android/12100675 ZaloTheme/light ZaloLanguage/vi"
)
FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
COCCOC_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "coc_coc_browser/124.0.0 Chrome/118.0.0.0 Safari/537.36"
)
EDGE_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
)
MAC_SAFARI = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Safari/605.1.15"
)
HEADLESS_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/120.0.0.0 Safari/537.36"
)

PHONES_AND_TABLETS = [CHROME_ANDROID, IPHONE, ANDROID_TABLET, ZALO_IN_APP]
DESKTOPS = [FIREFOX_LINUX, COCCOC_WINDOWS, EDGE_WINDOWS, MAC_SAFARI]


@pytest.mark.parametrize("user_agent", PHONES_AND_TABLETS + DESKTOPS)
def test_browsers_are_counted(user_agent):
    """Phones, tablets, in-app browsers and desktops are people's browsers."""
    assert not is_bot(user_agent)


@pytest.mark.parametrize(
    "user_agent",
    [
        # Ours: the rule the browser tests rely on, and what crawlerdetect misses.
        HEADLESS_CHROME,
        "curl/8.5.0",
        "Wget/1.21.4",
        "python-requests/2.32.3",
        "Python-urllib/3.11",
        "python-httpx/0.27.0",
        "Python/3.11 aiohttp/3.9.5",
        "wrk",
        "wrk/4.2.0",
        "",
        "   ",
        # crawlerdetect's own list: search engines, previewers, monitors.
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
        "ApacheBench/2.3",
        "Go-http-client/1.1",
    ],
)
def test_crawlers_scripts_and_headless_browsers_are_not(user_agent):
    """Not a person's browser: never counted."""
    assert is_bot(user_agent)


def test_an_overlong_user_agent_is_not_a_browser():
    """Over 512 characters: not counted, and not fed to the crawler patterns."""
    assert is_bot(FIREFOX_LINUX + " x" * 300)


@pytest.mark.parametrize("user_agent", PHONES_AND_TABLETS)
def test_phones_and_tablets_are_mobile(user_agent):
    assert is_mobile(user_agent)


@pytest.mark.parametrize("user_agent", DESKTOPS)
def test_desktops_are_not_mobile(user_agent):
    assert not is_mobile(user_agent)
