"""Per-address limits on searches, downloads and the API (campaigns/ratelimits.py).

The suite runs with the limits off (socialgood/test_settings.py); these tests set small ones.
"""

import json

import pytest

from campaigns import ratelimits
from campaigns.security import PUBLIC_HEADER

LIMITS = {"searches": 3, "downloads": 2, "api": 4}


@pytest.fixture
def limits(settings):
    settings.RATE_LIMITS = dict(LIMITS)
    return settings.RATE_LIMITS


@pytest.fixture
def clock(monkeypatch):
    """The time the limits read, set by the test: ``clock.now = …``."""

    class Clock:
        now = 60 * 16_667 + 20.0  # 20 s into a minute

    monkeypatch.setattr(ratelimits.time, "time", lambda: Clock.now)
    return Clock


def search(client, number, **extra):
    return client.get(f"/campaigns/?q=earthquake+{number}", **extra)


@pytest.mark.django_db
def test_an_address_over_the_search_limit_gets_a_429_page_saying_when_to_come_back(
    client, yaan_case, limits, clock
):
    for number in range(LIMITS["searches"]):
        assert search(client, number).status_code == 200

    response = search(client, "one-too-many")

    assert response.status_code == 429
    assert response["Retry-After"] == "40"
    page = response.content.decode()
    assert "<h1>Too many requests</h1>" in page
    assert "Please wait 40 seconds and try again." in page
    assert (
        response[  # even the 429 carries the policy
            "Content-Security-Policy"
        ]
        == PUBLIC_HEADER
    )
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_429_page_is_in_the_reader_s_language(client, yaan_case, limits, clock):
    for number in range(LIMITS["searches"]):
        search(client, number)

    response = client.get("/zh-hans/campaigns/?q=earthquake")

    assert response.status_code == 429
    assert '<html lang="zh-Hans">' in response.content.decode()


@pytest.mark.django_db
def test_another_address_and_the_next_minute_are_not_limited(client, yaan_case, limits, clock):
    for number in range(LIMITS["searches"] + 1):
        search(client, number)

    assert search(client, "other", REMOTE_ADDR="10.1.2.3").status_code == 200
    clock.now += 40
    assert search(client, "next-minute").status_code == 200


@pytest.mark.django_db
def test_browsing_the_case_list_without_searching_is_not_limited(client, yaan_case, limits):
    for page in range(LIMITS["searches"] * 3):
        assert client.get(f"/campaigns/?sort=title&year_from={2000 + page}").status_code == 200


@pytest.mark.django_db
def test_a_search_served_from_the_page_cache_is_not_counted(client, yaan_case, limits):
    for _ in range(LIMITS["searches"] * 3):
        assert search(client, "same").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/campaigns/export.csv", "/figures/export.json"])
def test_downloads_are_limited_per_address(client, yaan_case, limits, path):
    for _ in range(LIMITS["downloads"]):
        response = client.get(path)
        assert response.status_code == 200
        b"".join(response.streaming_content)

    response = client.get(path)

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Too many requests" in response.content.decode()


@pytest.mark.django_db
def test_the_api_answers_429_in_json_with_retry_after(client, yaan_case, limits, clock):
    for offset in range(LIMITS["api"]):
        assert client.get(f"/api/campaigns?offset={offset}").status_code == 200

    response = client.get("/api/campaigns?offset=99")

    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "40"
    assert json.loads(response.content) == {
        "detail": "Too many requests: at most 4 a minute from one address. Try again in 40 seconds."
    }


@pytest.mark.django_db
def test_an_api_answer_served_from_the_cache_is_not_counted(client, yaan_case, limits):
    for _ in range(LIMITS["api"] * 3):
        assert client.get("/api/campaigns").status_code == 200


@pytest.mark.django_db
def test_a_limit_of_zero_is_no_limit(client, yaan_case, settings):
    settings.RATE_LIMITS = {"searches": 0, "downloads": 0, "api": 0}

    for number in range(20):
        assert client.get(f"/api/campaigns?offset={number}").status_code == 200
        assert search(client, number).status_code == 200


def test_the_default_limits_leave_room_for_any_person():
    from socialgood import settings as production

    assert production.RATE_LIMITS == {"searches": 60, "downloads": 30, "api": 120}


@pytest.mark.django_db
def test_by_default_a_forwarded_header_cannot_dodge_the_limit(client, yaan_case, limits):
    for number in range(LIMITS["searches"]):
        search(client, number, HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")

    response = search(client, "dodge", HTTP_X_FORWARDED_FOR="10.9.9.9")

    assert response.status_code == 429


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_last_forwarded_address_is_counted(
    client, yaan_case, limits, settings
):
    settings.CLIENT_ADDRESS_HEADER = "X-Forwarded-For"
    reader = {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7", "REMOTE_ADDR": "10.0.0.1"}
    for number in range(LIMITS["searches"]):
        assert search(client, number, **reader).status_code == 200

    # The reader cannot reset the count by putting another address first...
    spoofed = {**reader, "HTTP_X_FORWARDED_FOR": "9.9.9.9, 203.0.113.7"}
    assert search(client, "spoofed", **spoofed).status_code == 429
    # ...and another reader behind the same proxy has a count of their own.
    other = {**reader, "HTTP_X_FORWARDED_FOR": "198.51.100.2"}
    assert search(client, "other", **other).status_code == 200
