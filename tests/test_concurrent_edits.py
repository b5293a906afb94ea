"""No lost update (campaigns/concurrent_edits.py): two curators who open the same change form
cannot overwrite each other. The second save is refused, saying who changed what and when, and
the form comes back holding the second curator's input merged with the first curator's changes,
so that saving it again keeps both."""

import pytest
from django.urls import reverse

from campaigns import services
from campaigns.models import Campaign, Correction, Figure, Source, Status, Tag
from campaigns.roles import REVIEWER
from tests.pages import form_data, post_checking_corrections

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:campaigns_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def alice(sign_in):
    return sign_in("alice", REVIEWER)


@pytest.fixture
def bob(sign_in):
    return sign_in("bob", REVIEWER)


def opened(client, obj):
    """The change form of ``obj`` as the curator's browser holds it."""
    response = client.get(change_url(obj))
    assert response.status_code == 200
    return form_data(response)


def save(client, obj, data):
    return client.post(change_url(obj), dict(data.lists()))


def errors_of(response):
    """The form's errors as the page shows them (the case's own, then its inline rows')."""
    errors = list(response.context["adminform"].form.non_field_errors())
    for formset in response.context.get("inline_admin_formsets", []):
        for form in formset.formset.forms:
            errors.extend(form.non_field_errors())
    return errors


def test_the_second_of_two_saves_of_a_case_is_refused_and_loses_neither_change(
    alice, bob, yaan_case
):
    alices_form, bobs_form = opened(alice, yaan_case), opened(bob, yaan_case)
    alices_form["title"] = "Weibo raised money after the Lushan earthquake"
    assert save(alice, yaan_case, alices_form).status_code == 302
    bobs_form["summary"] = "Donors gave through Weibo within three days of the earthquake."

    refused = save(bob, yaan_case, bobs_form)

    assert refused.status_code == 200, "nothing is saved over alice's change"
    yaan_case.refresh_from_db()
    assert yaan_case.title == "Weibo raised money after the Lushan earthquake"
    assert yaan_case.summary.startswith("Weibo let donors pay")
    errors = errors_of(refused)
    assert errors[0].startswith("This campaign was changed by alice at ")
    assert "since you opened it; nothing was saved" in errors[0]
    assert (
        "Title: “Weibo fundraising after the Ya'an earthquake” → “Weibo raised money after the "
        "Lushan earthquake”. You had left it as it was: the form now holds their value."
    ) in errors
    merged = form_data(refused)
    assert merged["title"] == "Weibo raised money after the Lushan earthquake"
    assert merged["summary"] == "Donors gave through Weibo within three days of the earthquake."

    assert save(bob, yaan_case, merged).status_code == 302
    yaan_case.refresh_from_db()
    assert yaan_case.title == "Weibo raised money after the Lushan earthquake"
    assert yaan_case.summary == "Donors gave through Weibo within three days of the earthquake."


def test_a_field_both_curators_changed_keeps_the_second_curators_input_to_merge(
    alice, bob, yaan_case
):
    alices_form, bobs_form = opened(alice, yaan_case), opened(bob, yaan_case)
    alices_form["location"] = "Lushan County, Ya'an, Sichuan"
    save(alice, yaan_case, alices_form)
    bobs_form["location"] = "Ya'an (Sichuan)"

    refused = save(bob, yaan_case, bobs_form)

    assert refused.status_code == 200
    assert (
        "Location: “Ya'an, Sichuan” → “Lushan County, Ya'an, Sichuan”. You changed it too: the "
        "form holds yours (“Ya'an (Sichuan)”); keep what should stay of both."
    ) in errors_of(refused)
    assert form_data(refused)["location"] == "Ya'an (Sichuan)"
    yaan_case.refresh_from_db()
    assert yaan_case.location == "Lushan County, Ya'an, Sichuan"


def test_the_same_change_made_by_both_curators_is_no_conflict(alice, bob, yaan_case):
    alices_form, bobs_form = opened(alice, yaan_case), opened(bob, yaan_case)
    alices_form["location"] = bobs_form["location"] = "Lushan County, Ya'an, Sichuan"
    save(alice, yaan_case, alices_form)
    bobs_form["summary"] = "A shorter summary."

    assert save(bob, yaan_case, bobs_form).status_code == 302
    yaan_case.refresh_from_db()
    assert (yaan_case.location, yaan_case.summary) == (
        "Lushan County, Ya'an, Sichuan",
        "A shorter summary.",
    )


def test_platforms_and_tags_changed_meanwhile_are_kept_too(alice, bob, yaan_case, kwai):
    alices_form, bobs_form = opened(alice, yaan_case), opened(bob, yaan_case)
    alices_form.setlist("platforms", [*alices_form.getlist("platforms"), str(kwai.pk)])
    alices_form["tags"] = "Earthquake, Sichuan"
    save(alice, yaan_case, alices_form)
    bobs_form["location"] = "Ya'an"

    refused = save(bob, yaan_case, bobs_form)

    errors = errors_of(refused)
    assert any(error.startswith("Platforms: Sina Weibo → Sina Weibo, Kwai.") for error in errors)
    assert any(error.startswith("Tags: earthquake → earthquake, sichuan.") for error in errors)
    assert save(bob, yaan_case, form_data(refused)).status_code == 302
    yaan_case.refresh_from_db()
    assert {platform.slug for platform in yaan_case.platforms.all()} == {"sina-weibo", "kwai"}
    assert set(yaan_case.tags.names()) == {"Earthquake", "Sichuan"}
    assert yaan_case.location == "Ya'an"


def test_a_stale_form_cannot_put_a_withdrawn_case_back_or_erase_the_reason(alice, bob, yaan_case):
    bobs_form = opened(bob, yaan_case)
    services.withdraw(campaigns=Campaign.objects.filter(pk=yaan_case.pk), reason="Unsourced.")
    bobs_form["summary"] = "Edited in a form opened before the withdrawal."

    refused = save(bob, yaan_case, bobs_form)

    assert refused.status_code == 200
    yaan_case.refresh_from_db()
    assert yaan_case.status == Status.WITHDRAWN
    assert yaan_case.withdrawal_reason == "Unsourced."
    errors = errors_of(refused)
    assert any(error.startswith("Status: Published → Withdrawn.") for error in errors)
    assert form_data(refused)["status"] == Status.WITHDRAWN


def test_a_figure_edited_inline_meanwhile_is_not_overwritten_nor_corrected_twice(
    alice, bob, yaan_case
):
    figure = Figure.objects.get(key="yaan-donations")
    alices_form, bobs_form = opened(alice, yaan_case), opened(bob, yaan_case)
    assert alices_form["figures-0-id"] == str(figure.pk)
    alices_form["figures-0-stated_as"] = "more than 110 million yuan"
    alices_form["figures-0-correction_note"] = "The source's own words."
    alices_form["figures-0-correction_note_zh"] = "来源原话。"
    saved = post_checking_corrections(alice, change_url(yaan_case), dict(alices_form.lists()))
    assert saved.status_code == 302
    bobs_form["figures-0-label"] = "Money raised"

    refused = save(bob, yaan_case, bobs_form)

    assert refused.status_code == 200
    errors = errors_of(refused)
    assert any(error.startswith("This figure was changed by alice at ") for error in errors)
    assert any(error.startswith("Stated as: “over 110 million RMB") for error in errors)
    figure.refresh_from_db()
    assert (figure.stated_as, figure.label) == ("more than 110 million yuan", "Donations raised")
    merged = form_data(refused)
    assert merged["figures-0-stated_as"] == "more than 110 million yuan"
    assert save(bob, yaan_case, merged).status_code == 302
    figure.refresh_from_db()
    assert (figure.stated_as, figure.label) == ("more than 110 million yuan", "Money raised")
    assert Correction.objects.filter(figure=figure).count() <= 1


def test_a_figure_on_its_own_page_is_guarded_too(alice, bob, yaan_case):
    figure = Figure.objects.get(key="yaan-donations")
    alices_form, bobs_form = opened(alice, figure), opened(bob, figure)
    alices_form.update(value="110000001", correction_note="Recounted.", correction_note_zh="重计。")
    assert post_checking_corrections(alice, change_url(figure), alices_form).status_code == 302
    bobs_form["label_zh"] = "善款"

    refused = save(bob, figure, bobs_form)

    assert refused.status_code == 200
    assert any(error.startswith("Value: “110000000” → “110000001”") for error in errors_of(refused))
    figure.refresh_from_db()
    assert figure.label_zh == "募集善款"


def test_two_saves_of_a_source_lose_nothing(alice, bob, gates_report):
    alices_form, bobs_form = opened(alice, gates_report), opened(bob, gates_report)
    alices_form["publisher"] = "Gates Foundation"
    save(alice, gates_report, alices_form)
    bobs_form["note"] = "Read in May 2013."

    refused = save(bob, gates_report, bobs_form)

    assert refused.status_code == 200
    assert errors_of(refused)[0].startswith("This source was changed by alice at ")
    assert save(bob, gates_report, form_data(refused)).status_code == 302
    gates_report.refresh_from_db()
    assert (gates_report.publisher, gates_report.note) == ("Gates Foundation", "Read in May 2013.")


def test_a_tag_is_guarded_too(alice, bob, yaan_case):
    tag = Tag.objects.get(slug="earthquake")
    alices_form, bobs_form = opened(alice, tag), opened(bob, tag)
    alices_form["name_zh"] = "地震"
    save(alice, tag, alices_form)
    bobs_form["name"] = "Earthquakes"

    assert save(bob, tag, bobs_form).status_code == 200
    tag.refresh_from_db()
    assert (tag.name, tag.name_zh) == ("Earthquake", "地震")


def test_a_row_deleted_meanwhile_is_said_so_and_does_not_come_back(bob, gates_report):
    bobs_form = opened(bob, gates_report)
    gates_report.delete()

    response = save(bob, gates_report, bobs_form)

    assert response.status_code == 302
    assert "Perhaps it was deleted?" in str(list(response.wsgi_request._messages)[0])
    assert not Source.objects.filter(slug="gates-2013").exists(), "nothing came back"


def test_an_inline_row_deleted_meanwhile_is_said_so_and_the_rest_is_not_saved(bob, yaan_case):
    bobs_form = opened(bob, yaan_case)
    Figure.objects.filter(key="yaan-donations").delete()
    bobs_form["figures-0-label"] = "Money raised"
    bobs_form["summary"] = "Changed with the figure."

    response = save(bob, yaan_case, bobs_form)

    assert response.status_code == 200
    assert errors_of(response) == [
        "Someone deleted this figure since you opened the page; it was not saved. Mark it for "
        "deletion (or reload the page) to save the rest."
    ]
    assert not Figure.objects.filter(key="yaan-donations").exists()
    yaan_case.refresh_from_db()
    assert yaan_case.summary.startswith("Weibo let donors pay")


def test_a_form_with_an_altered_snapshot_is_refused(alice, gates_report):
    form = opened(alice, gates_report)
    form["edit_token"] = form["edit_token"][:-3] + "abc"
    form["note"] = "Changed."

    response = save(alice, gates_report, form)

    assert response.status_code == 200
    assert errors_of(response) == ["This form was altered or is from another site: reload it."]
    gates_report.refresh_from_db()
    assert gates_report.note == ""


def test_one_curator_saving_twice_in_a_row_is_no_conflict(alice, yaan_case):
    form = opened(alice, yaan_case)
    form["summary"] = "First."
    assert save(alice, yaan_case, form).status_code == 302
    form = opened(alice, yaan_case)
    form["summary"] = "Second."
    assert save(alice, yaan_case, form).status_code == 302
    yaan_case.refresh_from_db()
    assert yaan_case.summary == "Second."
