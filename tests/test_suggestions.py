"""Suggestions from readers: the form from a case page and the footer, its checks (bad input,
the honeypot, the per-address limit, CSRF) and the curators' queue in the admin."""

import pytest
from django.test import Client
from django.urls import reverse

from campaigns.models import Suggestion, SuggestionKind, SuggestionStatus
from tests.test_history import text_of

pytestmark = pytest.mark.django_db

SUGGEST = "/suggest/"


def valid(**changes):
    data = {
        "kind": SuggestionKind.CAMPAIGN,
        "what": "The Tianjin blood donation drive on WeChat in 2019 raised 3,000 donors.",
        "where_stated": "https://news.example.org/tianjin-blood",
        "name": "",
        "email": "",
        "case": "",
        "website": "",
    }
    data.update(changes)
    return data


@pytest.fixture(autouse=True)
def fresh_rate_limit(empty_cache):
    """Every test starts with no suggestions counted."""


def test_the_footer_of_every_page_links_to_the_form(client, yaan_case):
    page = client.get("/").content.decode()

    assert f'href="{SUGGEST}">Suggest a case or a correction</a>' in page


def test_a_case_page_links_to_the_form_prefilled_with_the_case(client, yaan_case):
    page = client.get(yaan_case.get_absolute_url()).content.decode()
    link = f"{SUGGEST}?case={yaan_case.slug}"
    assert link in page

    form = client.get(link)

    assert form.status_code == 200
    assert form.context["form"].initial == {"case": yaan_case.slug, "kind": "correction"}
    assert f"About: {yaan_case.title}" in text_of(form).replace("&#x27;", "'")


def test_a_valid_suggestion_is_kept_for_the_curators_and_the_reader_told_what_next(client):
    response = client.post(SUGGEST, valid(name="Li Wei", email="li@example.org"), follow=True)

    assert response.redirect_chain == [(reverse("campaigns:suggest_thanks"), 302)]
    assert "Here is what happens next" in response.content.decode()
    suggestion = Suggestion.objects.get()
    assert suggestion.status == SuggestionStatus.NEW
    assert (suggestion.name, suggestion.email, suggestion.language) == (
        "Li Wei",
        "li@example.org",
        "en",
    )


def test_a_correction_is_kept_with_its_case(client, yaan_case):
    client.post(SUGGEST, valid(kind="correction", case=yaan_case.slug))

    assert Suggestion.objects.get().campaign == yaan_case


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"what": "short"}, "what", "Say a little more (at least 10 characters)."),
        ({"what": "x" * 4001}, "what", "Please keep it under 4000 characters"),
        ({"where_stated": ""}, "where_stated", "This field is required."),
        ({"where_stated": "abc"}, "where_stated", "Give a web address or a reference"),
        ({"where_stated": "https://"}, "where_stated", "That web address is not complete"),
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"kind": "praise"}, "kind", "Select a valid choice."),
        ({"kind": "correction"}, "kind", "Suggest a correction from the case's own page"),
        ({"case": "no-such-case"}, "case", "There is no published case at that address."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_kept(
    client, changes, field, message
):
    response = client.post(SUGGEST, valid(**changes))

    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert not Suggestion.objects.exists()


def test_a_draft_cannot_be_named_by_a_suggestion(client, draft_case):
    response = client.post(SUGGEST, valid(kind="correction", case=draft_case.slug))

    assert "case" in response.context["form"].errors
    assert not Suggestion.objects.exists()


def test_a_filled_honeypot_is_thanked_and_thrown_away(client):
    response = client.post(SUGGEST, valid(website="http://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == reverse("campaigns:suggest_thanks")
    assert not Suggestion.objects.exists()


def test_an_address_may_send_five_suggestions_an_hour(client, settings):
    for _ in range(settings.SUGGESTIONS_PER_HOUR):
        assert client.post(SUGGEST, valid()).status_code == 302

    response = client.post(SUGGEST, valid())

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600, "says how long to wait, as every 429 does"
    assert "Please wait an hour" in response.content.decode()
    assert Suggestion.objects.count() == settings.SUGGESTIONS_PER_HOUR
    other = client.post(SUGGEST, valid(), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


def test_a_post_without_a_csrf_token_is_refused(yaan_case):
    strict = Client(enforce_csrf_checks=True)

    assert strict.post(SUGGEST, valid()).status_code == 403
    assert not Suggestion.objects.exists()


def test_the_form_reads_in_chinese(client):
    page = client.get("/zh-hans" + SUGGEST).content.decode()

    assert "建议" in page and '<html lang="zh-Hans">' in page


def test_the_form_is_never_served_from_the_page_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    first = client.get(SUGGEST)
    second = Client().get(SUGGEST)

    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_curators_see_the_queue_and_accept_or_reject(admin_client, client, yaan_case):
    client.post(SUGGEST, valid(kind="correction", case=yaan_case.slug))
    suggestion = Suggestion.objects.get()

    queue = admin_client.get(reverse("admin:campaigns_suggestion_changelist"))
    home = admin_client.get(reverse("admin:index")).content.decode()
    admin_client.post(
        reverse("admin:campaigns_suggestion_changelist"),
        {"action": "accept", "_selected_action": [suggestion.pk]},
    )

    assert queue.status_code == 200
    assert reverse("admin:campaigns_campaign_change", args=[yaan_case.pk]) in (
        queue.content.decode()
    )
    assert "1 new suggestion from readers" in home
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED


@pytest.mark.parametrize("case", ["\x00", "../admin", "a" * 500, "Ya'an"])
def test_an_odd_case_in_the_address_or_the_form_is_a_clear_answer(client, case):
    assert client.get(SUGGEST, {"case": case}).status_code == 200

    response = client.post(SUGGEST, valid(kind="correction", case=case))

    assert response.status_code == 200
    assert "case" in response.context["form"].errors
