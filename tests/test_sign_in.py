"""Signing in to the admin: the lockout after repeated failures (django-axes), for a user name
and for an address, the page that says so, unlocking by a command and in the admin, the log, and
where a sign-in lands."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import translation

from campaigns.admin.views import lockout
from campaigns.roles import ADMINISTRATOR, EDITOR, REVIEWER
from tests.factories import build_curator

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "the-right-password"


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user(
        "alice", password=PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, username, password, address="10.0.0.1", **extra):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": extra.pop("next", "/admin/")},
        REMOTE_ADDR=address,
        **extra,
    )


def fail(client, times, username="alice", address="10.0.0.1"):
    return [sign_in(client, username, "wrong", address).status_code for _ in range(times)]


def signed_in(client):
    return "_auth_user_id" in client.session


def test_four_failures_leave_the_form_and_the_right_password_then_signs_in(client, alice):
    assert fail(client, 4) == [200, 200, 200, 200]

    response = sign_in(client, "alice", PASSWORD)

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert signed_in(client)


def test_the_fifth_failure_for_a_user_locks_it_out_even_with_the_right_password(client, alice):
    assert fail(client, 5) == [200, 200, 200, 200, 429]

    refused = sign_in(client, "alice", PASSWORD)
    from_elsewhere = sign_in(Client(), "alice", PASSWORD, address="192.0.2.7")

    assert refused.status_code == from_elsewhere.status_code == 429
    assert not signed_in(client)
    assert "_auth_user_id" not in from_elsewhere.wsgi_request.session


def test_five_failures_from_one_address_lock_out_every_user_name_from_it(client, alice):
    for name in ["bob", "carol", "dave", "erin", "frank"]:
        sign_in(client, name, "guess", address="198.51.100.9")

    assert sign_in(client, "alice", PASSWORD, address="198.51.100.9").status_code == 429
    assert not signed_in(client)
    assert sign_in(client, "alice", PASSWORD, address="10.0.0.1").status_code == 302


def test_the_lockout_page_says_why_for_how_long_and_who_can_unlock(client, alice):
    fail(client, 5)

    response = sign_in(client, "alice", PASSWORD)
    page = response.content.decode()

    assert response.status_code == 429
    assert "admin/lockout.html" in [template.name for template in response.templates]
    assert "Sign-in paused" in page
    assert "There have been 5 failed sign-ins for this user name or from this address." in page
    assert "until 15 minutes have passed without another attempt" in page
    assert "ask a reviewer or an administrator to unlock your account" in page
    assert 'id="login-form"' not in page
    assert "no-store" in response["Cache-Control"]


def test_the_lockout_page_speaks_the_active_language(rf, alice):
    request = rf.post(LOGIN, {"username": "alice"})
    request.user = AnonymousUser()

    with translation.override("zh-hans"):
        page = lockout(request, credentials={"username": "alice"}).content.decode()

    assert '<html lang="zh-hans"' in page
    assert "社交媒体公益案例库" in page  # the admin's header: the site's name


def test_the_lockout_ends_after_the_cooling_off_period(client, alice):
    fail(client, 5)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME
    )

    assert sign_in(client, "alice", PASSWORD).status_code == 302
    assert signed_in(client)


def test_an_attempt_during_the_lockout_starts_the_cooling_off_again(client, alice):
    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=14))
    fail(client, 1)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=2))

    # 16 minutes after the fifth failure, but 2 after the last attempt
    assert sign_in(client, "alice", PASSWORD).status_code == 429
    assert not signed_in(client)


def test_axes_reset_username_unlocks_a_curator(client, alice, capsys):
    fail(client, 5)

    call_command("axes_reset_username", "alice")

    assert "1 attempts removed." in capsys.readouterr().out
    assert sign_in(client, "alice", PASSWORD).status_code == 302


def test_axes_reset_ip_unlocks_an_address(client, alice):
    fail(client, 5, username="mallory", address="198.51.100.9")

    call_command("axes_reset_ip", "198.51.100.9")

    assert sign_in(client, "alice", PASSWORD, address="198.51.100.9").status_code == 302


@pytest.mark.parametrize("role", [REVIEWER, ADMINISTRATOR])
def test_a_reviewer_or_an_administrator_unlocks_a_curator_in_the_admin(
    client, django_user_model, alice, role
):
    fail(client, 5)
    attempt = AccessAttempt.objects.get(username="alice")
    unlocker = Client()
    unlocker.force_login(build_curator(role.lower(), role))

    listing = unlocker.get(reverse("admin:axes_accessattempt_changelist"))
    deleted = unlocker.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200 and "alice" in listing.content.decode()
    assert deleted.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "alice", PASSWORD).status_code == 302


def test_an_editor_can_neither_see_nor_delete_sign_in_attempts(client, django_user_model, alice):
    fail(client, 5)
    attempt = AccessAttempt.objects.get(username="alice")
    editor = Client()
    editor.force_login(build_curator("editor", EDITOR))

    listing = editor.get(reverse("admin:axes_accessattempt_changelist"))
    deleted = editor.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )

    assert listing.status_code == deleted.status_code == 403
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert sign_in(client, "alice", PASSWORD).status_code == 429


def test_failed_sign_ins_and_the_lockout_are_logged(client, alice, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        fail(client, 5)

    failures = [r for r in caplog.records if "login failure by" in r.getMessage()]
    assert len(failures) == 5
    assert all(r.levelno == logging.WARNING for r in failures)
    assert "alice" in failures[0].getMessage() and "10.0.0.1" in failures[0].getMessage()
    assert any("Locking out" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "unsafe_next", ["https://evil.example.org/", "//evil.example.org/admin/", "javascript:alert(1)"]
)
def test_a_sign_in_with_an_unsafe_next_lands_on_the_admin_index(client, alice, unsafe_next):
    response = sign_in(client, "alice", PASSWORD, next=unsafe_next)

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_a_sign_in_with_a_safe_next_goes_there(client, alice):
    target = reverse("admin:campaigns_campaign_changelist")

    response = sign_in(client, "alice", PASSWORD, next=target)

    assert response["Location"] == target
