"""Evidence for our sentences: the source's words behind each sentence of a case's texts, kept
by curators in the admin and shown to readers as marks that lead to numbered notes."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from campaigns.models import (
    Evidence,
    EvidencedText,
    Figure,
    Organisation,
    Participation,
    SubjectEvidence,
    sentences,
)
from tests import factories
from tests.pages import campaign_form_data, change_url, contains_html, form_data, page, text

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------- sentences


def test_english_sentences_end_at_a_full_stop_before_a_capital_but_not_after_abbreviations():
    found = sentences(
        "Weibo raised money, e.g. from fans. It took 72 hours!\n\n"
        "No. 3 in the list came later. China IWOM calls it “微博打拐”."
    )

    assert found == [
        "Weibo raised money, e.g. from fans.",
        "It took 72 hours!",
        "No. 3 in the list came later.",
        "China IWOM calls it “微博打拐”.",
    ]


def test_chinese_sentences_end_at_chinese_stops_and_keep_a_closing_quote():
    found = sentences("微博开放了募捐平台。“三天内筹得1.1亿元！”他说。 ", chinese=True)

    assert found == ["微博开放了募捐平台。", "“三天内筹得1.1亿元！”", "他说。"]


def test_an_empty_text_has_no_sentences():
    assert sentences("") == []
    assert sentences(None, chinese=True) == []


# --------------------------------------------------------------------------- the model


def test_evidence_is_checked_against_the_sentence_it_supports(yaan_case, gates_report):
    evidence = Evidence(
        campaign=yaan_case, field=EvidencedText.SUMMARY, sentence=2, source=gates_report
    )
    evidence.quote = "Sina Weibo opened up its online fundraising platform"

    with pytest.raises(ValidationError) as error:
        evidence.full_clean()

    assert error.value.message_dict["sentence"] == [
        "The English summary has 1 sentence(s): there is no sentence 2."
    ]
    evidence.sentence = 1
    evidence.full_clean()
    evidence.save()
    assert evidence.key == "yaan-earthquake-summary-1-1"
    assert evidence.supported_sentence() == yaan_case.summary


def test_a_quote_is_the_sources_words_for_one_point_not_a_passage(yaan_case, gates_report):
    evidence = Evidence(campaign=yaan_case, sentence=1, source=gates_report, quote="word " * 31)

    with pytest.raises(ValidationError) as error:
        evidence.full_clean()

    assert "31 is more than 30" in error.value.message_dict["quote"][0]
    evidence.quote = "字" * 61
    with pytest.raises(ValidationError) as error:
        evidence.full_clean()
    assert "61 is more than 60" in error.value.message_dict["quote"][0]
    evidence.quote = "  " + "word " * 30
    evidence.full_clean()
    assert evidence.quote == ("word " * 30).strip()


def test_evidence_of_a_note_names_a_participant_of_its_own_case(yaan_case, gates_report):
    evidence = Evidence(
        campaign=yaan_case, field=EvidencedText.NOTE, source=gates_report, quote="ran it"
    )
    with pytest.raises(ValidationError) as error:
        evidence.full_clean()
    assert "participation" in error.value.message_dict

    other = factories.ParticipationFactory(campaign=factories.CampaignFactory(slug="other"))
    evidence.participation = other
    with pytest.raises(ValidationError) as error:
        evidence.full_clean()
    assert error.value.message_dict["participation"] == [
        "This participant belongs to another case."
    ]

    evidence.participation = yaan_case.participations.get(note="ran the appeal")
    evidence.full_clean()
    evidence.save()
    assert evidence.key == "yaan-earthquake-note-one-foundation-1-1"
    assert evidence.supported_sentence() == "ran the appeal"


# --------------------------------------------------------------------------- the case page


@pytest.fixture
def evidenced_case(yaan_case, gates_report):
    """The Ya'an case with a two-sentence description, the first and the organiser's note
    backed by the Gates report."""
    yaan_case.description = (
        "When the earthquake struck Ya'an in April 2013, Sina opened its platform.\n\n"
        "Donors gave through it for three days."
    )
    yaan_case.description_zh = "2013年4月雅安地震后，新浪开放了平台。\n\n捐款人三天里通过它捐款。"
    yaan_case.save()
    factories.EvidenceFactory(
        key="yaan-description-1",
        campaign=yaan_case,
        field=EvidencedText.DESCRIPTION,
        sentence=1,
        source=gates_report,
        locator="¶ 3",
        quote="Sina Weibo opened up its online fundraising platform",
    )
    factories.EvidenceFactory(
        key="yaan-note-1",
        campaign=yaan_case,
        field=EvidencedText.NOTE,
        participation=yaan_case.participations.get(note="ran the appeal"),
        source=gates_report,
        quote="One Foundation ran the appeal",
    )
    return yaan_case


def test_each_sentence_with_evidence_has_a_mark_leading_to_its_note(client, evidenced_case):
    html = page(client, "/campaigns/yaan-earthquake/")

    # Numbered in reading order: the organiser's note (in the facts) before the description.
    assert contains_html(
        html,
        '<sup class="evidence-mark">[<a href="#evidence-1" id="evidence-mark-1" '
        'aria-label="Evidence 1">1</a>]</sup>',
    )
    assert contains_html(
        html,
        "<p>When the earthquake struck Ya'an in April 2013, Sina opened its platform."
        '<sup class="evidence-mark">[<a href="#evidence-2" id="evidence-mark-2" '
        'aria-label="Evidence 2">2</a>]</sup></p>',
    )
    notes = html[
        html.index('<section class="evidence"') : html.index('<section class="references"')
    ]
    assert contains_html(
        notes,
        '<span class="evidence-where">Description, sentence 1</span>',
    )
    assert contains_html(
        notes, '<q lang="en">Sina Weibo opened up its online fundraising platform</q>'
    )
    assert ", ¶ 3 [reference 1] ↩" in text(notes)
    assert contains_html(
        notes,
        '<a href="/sources/gates-2013/">' + "The Power of Social Media: "
        "New Case Studies From China</a>",
    )
    assert 'href="#ref-1"' in notes and 'href="#evidence-mark-2"' in notes


def test_a_sentence_without_evidence_is_marked_as_our_summary(client, evidenced_case):
    html = page(client, "/campaigns/yaan-earthquake/")

    unsourced = (
        '<sup class="unsourced-mark" title="Our summary: no passage of a source is attached '
        'to this sentence.">†</sup>'
    )
    assert contains_html(html, f"<p>Donors gave through it for three days.{unsourced}</p>")
    assert contains_html(
        html,
        '<p class="lede">Weibo let donors pay through any service and raised money within '
        f"three days.{unsourced}</p>",
    )
    assert "Sentences marked † are our summary" in text(html)


def test_a_chinese_page_shares_the_english_sentences_evidence(client, evidenced_case):
    html = page(client, "/zh-hans/campaigns/yaan-earthquake/")

    assert contains_html(
        html,
        "<p>2013年4月雅安地震后，新浪开放了平台。"
        '<sup class="evidence-mark">[<a href="#evidence-2" id="evidence-mark-2" '
        'aria-label="证据 2">2</a>]</sup></p>',
    )
    assert '<q lang="en">Sina Weibo opened up its online fundraising platform</q>' in html


def test_a_chinese_text_out_of_step_with_the_english_has_its_marks_after_it(client, evidenced_case):
    evidenced_case.description_zh = "2013年4月雅安地震后，新浪开放了平台，捐款人三天里通过它捐款。"
    evidenced_case.save()

    html = page(client, "/zh-hans/campaigns/yaan-earthquake/")

    assert contains_html(
        html,
        "<p>2013年4月雅安地震后，新浪开放了平台，捐款人三天里通过它捐款。"
        '<sup class="evidence-mark">[<a href="#evidence-2" id="evidence-mark-2" '
        'aria-label="证据 2">2</a>]</sup></p>',
    )
    assert (
        "unsourced-mark"
        not in html[html.index('id="description-heading"') :].split("</section>")[0]
    )


def test_a_case_without_evidence_marks_its_sentences_and_says_what_the_mark_means(
    client, yaan_case
):
    html = page(client, "/campaigns/yaan-earthquake/")

    assert html.count('class="unsourced-mark"') == 2  # the summary's and the description's
    assert "evidence-notes" not in html
    assert "Sentences marked † are our summary" in text(html)


# --------------------------------------------------------------------------- the admin


def test_a_curator_adds_evidence_beside_the_texts_and_sees_the_sentence_it_backs(
    admin_client, evidenced_case, gates_report
):
    response = admin_client.get(change_url(evidenced_case))
    data = form_data(response)
    prefix = "evidence"
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(index + 1),
            f"{prefix}-{index}-field": "description",
            f"{prefix}-{index}-sentence": "2",
            f"{prefix}-{index}-source": str(gates_report.pk),
            f"{prefix}-{index}-locator": "¶ 3",
            f"{prefix}-{index}-quote": "raised 110 million RMB in 72 hours",
            f"{prefix}-{index}-order": "0",
        }
    )

    response = admin_client.post(change_url(evidenced_case), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    added = Evidence.objects.get(campaign=evidenced_case, sentence=2)
    assert added.key == "yaan-earthquake-description-2-1"
    assert added.supported_sentence() == "Donors gave through it for three days."
    response = admin_client.get(change_url(evidenced_case))
    assert "Donors gave through it for three days." in response.content.decode()


def test_the_admin_refuses_evidence_for_a_sentence_the_text_does_not_have(
    admin_client, evidenced_case, gates_report
):
    data = form_data(admin_client.get(change_url(evidenced_case)))
    index = int(data["evidence-TOTAL_FORMS"])
    data.update(
        {
            "evidence-TOTAL_FORMS": str(index + 1),
            f"evidence-{index}-field": "summary",
            f"evidence-{index}-sentence": "4",
            f"evidence-{index}-source": str(gates_report.pk),
            f"evidence-{index}-quote": "words",
            f"evidence-{index}-order": "0",
        }
    )

    response = admin_client.post(change_url(evidenced_case), data)

    assert response.status_code == 200
    assert "The English summary has 1 sentence(s): there is no sentence 4." in (
        response.content.decode()
    )
    assert Evidence.objects.filter(campaign=evidenced_case).count() == 2


def test_the_participant_menu_offers_only_this_cases_participants(admin_client, evidenced_case):
    factories.ParticipationFactory(campaign=factories.CampaignFactory(slug="elsewhere"))

    response = admin_client.get(change_url(evidenced_case))

    inline = next(
        inline
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "evidence"
    )
    offered = inline.formset.forms[0].fields["participation"].queryset
    assert set(offered) == set(Participation.objects.filter(campaign=evidenced_case))


def test_a_new_case_is_saved_with_an_empty_evidence_inline(admin_client, source):
    campaign = factories.CampaignFactory.build(slug="brand-new", title="Brand new")
    response = admin_client.post(
        "/admin/campaigns/campaign/add/",
        campaign_form_data(campaign, sources=[source.pk], platforms=[], tags=""),
    )
    assert response.status_code == 302, response.context and response.context["errors"]


def test_evidence_is_translated_on_chinese_pages():
    with translation.override("zh-hans"):
        assert str(EvidencedText.DESCRIPTION.label) != "Description"


# --------------------------------------------------------------------------- open data


EVIDENCE_ITEMS = [
    {
        "key": "yaan-note-1",
        "text": "note",
        "participant": "one-foundation",
        "sentence": 1,
        "source": "gates-2013",
        "locator": "¶ 2",
        "quote": "One Foundation ran the appeal",
    },
    {
        "key": "yaan-description-1",
        "text": "description",
        "participant": None,
        "sentence": 1,
        "source": "gates-2013",
        "locator": "¶ 3",
        "quote": "Sina Weibo opened up its online fundraising platform",
    },
]
"""The evidence of ``evidenced_case`` as the API and the JSON download write it: summary,
description, then notes — each text's evidence by sentence."""


def test_the_api_gives_a_cases_evidence_in_reading_order(client, evidenced_case):
    response = client.get("/api/campaigns/yaan-earthquake")

    assert response.status_code == 200
    assert response.json()["evidence"] == sorted(
        EVIDENCE_ITEMS, key=lambda item: ["summary", "description", "note"].index(item["text"])
    )


def test_the_json_download_carries_the_evidence_and_the_csv_does_not(client, evidenced_case):
    download = b"".join(client.get("/campaigns/export.json").streaming_content)
    rows = json.loads(download)["campaigns"]
    [row] = [row for row in rows if row["slug"] == "yaan-earthquake"]
    assert [item["key"] for item in row["evidence"]] == ["yaan-description-1", "yaan-note-1"]

    csv_header = b"".join(client.get("/campaigns/export.csv").streaming_content).split(b"\n")[0]
    assert b"evidence" not in csv_header


def test_the_json_download_reads_evidence_in_one_query_per_chunk(
    client, evidenced_case, django_assert_max_num_queries
):
    for number in range(5):
        case = factories.CampaignFactory(
            slug=f"more-{number}", sources=[evidenced_case.sources.get()]
        )
        factories.EvidenceFactory(campaign=case)
    client.get("/campaigns/export.json")  # the session, the rate limit's first hit

    with django_assert_max_num_queries(12) as captured:
        b"".join(client.get("/campaigns/export.json").streaming_content)

    assert sum("campaigns_evidence" in query["sql"] for query in captured.captured_queries) == 1


def test_the_codebook_explains_the_evidence(client):
    html = page(client, "/data/")

    assert "In the JSON download only: the source's words behind its sentences" in text(html)


def test_a_figure_dated_by_its_document_says_so(client, yaan_case):
    Figure.objects.filter(key="yaan-donations").update(as_of_is_document_date=True)

    html = page(client, "/campaigns/yaan-earthquake/")
    assert "(the document's date)" in text(html)
    assert "（文献日期）" in text(page(client, "/zh-hans/campaigns/yaan-earthquake/"))
    assert "(the document's date)" in text(page(client, "/figures/"))


# --------------------------------------------------------------------------- descriptions


@pytest.fixture
def described_weibo(yaan_case, gates_report):
    """Sina Weibo, public through the Ya'an case, with a two-sentence description whose
    first sentence is backed by the Gates report."""
    weibo = yaan_case.platforms.get()
    weibo.description = "A microblogging service. It opened a fundraising platform in 2013."
    weibo.description_zh = "一个微博服务。2013年它开放了募捐平台。"
    weibo.save()
    SubjectEvidence.objects.create(
        platform=weibo,
        sentence=2,
        source=gates_report,
        locator="¶ 3",
        quote="Sina Weibo opened up its online fundraising platform",
    )
    return weibo


def test_a_platforms_description_marks_its_sentences_and_notes_their_evidence(
    client, described_weibo
):
    html = page(client, described_weibo.get_absolute_url())

    assert contains_html(
        html,
        '<p>A microblogging service.<sup class="unsourced-mark" title="Our summary: no '
        'passage of a source is attached to this sentence.">†</sup> It opened a fundraising '
        'platform in 2013.<sup class="evidence-mark">[<a href="#evidence-1" '
        'id="evidence-mark-1" aria-label="Evidence 1">1</a>]</sup></p>',
    )
    assert contains_html(
        html, '<q lang="en">Sina Weibo opened up its online fundraising platform</q>'
    )
    assert "Description, sentence 2" in text(html)


def test_an_organisations_description_carries_its_evidence_too(client, yaan_case, gates_report):
    foundation = Organisation.objects.get(slug="one-foundation")
    foundation.description = "A Chinese charity."
    foundation.save()
    evidence = SubjectEvidence(
        organisation=foundation, source=gates_report, quote="One Foundation", locator="¶ 4"
    )
    evidence.full_clean()
    evidence.save()

    html = page(client, "/organisations/one-foundation/")

    assert evidence.key == "organisation-one-foundation-1-1"
    assert 'href="#evidence-1"' in html and "“One Foundation”" not in html
    assert contains_html(html, '<q lang="en">One Foundation</q>')


def test_description_evidence_names_one_description_and_a_sentence_it_has(described_weibo):
    foundation = Organisation.objects.get(slug="one-foundation")
    evidence = SubjectEvidence(
        platform=described_weibo,
        organisation=foundation,
        source=described_weibo.evidence.get().source,
        quote="x",
    )
    with pytest.raises(ValidationError) as error:
        evidence.full_clean()
    assert error.value.message_dict["organisation"] == [
        "Name the organisation or the platform, one of them."
    ]

    evidence.organisation, evidence.sentence = None, 3
    with pytest.raises(ValidationError) as error:
        evidence.full_clean()
    assert error.value.message_dict["sentence"] == [
        "The English description has 2 sentence(s): there is no sentence 3."
    ]


def test_a_curator_adds_evidence_to_a_platforms_description_in_the_admin(
    admin_client, described_weibo, gates_report
):
    url = change_url(described_weibo)
    data = form_data(admin_client.get(url))
    index = int(data["evidence-TOTAL_FORMS"])
    data.update(
        {
            "evidence-TOTAL_FORMS": str(index + 1),
            f"evidence-{index}-sentence": "1",
            f"evidence-{index}-source": str(gates_report.pk),
            f"evidence-{index}-locator": "¶ 3",
            f"evidence-{index}-quote": "Sina Weibo",
            f"evidence-{index}-order": "0",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    added = SubjectEvidence.objects.get(platform=described_weibo, sentence=1)
    assert added.supported_sentence() == "A microblogging service."
    assert "A microblogging service." in admin_client.get(url).content.decode()


def test_the_export_carries_the_descriptions_evidence(described_weibo, tmp_path):
    from campaigns.exporting import export_catalogue

    export_catalogue(directory=tmp_path)

    records = json.loads((tmp_path / "evidence.json").read_text())
    assert [record["model"] for record in records] == ["campaigns.subjectevidence"]
    assert records[0]["fields"]["platform"] == ["sina-weibo"]


def test_a_curator_rewords_and_reorders_a_sentences_evidence_in_the_admin(
    admin_client, client, evidenced_case, gates_report
):
    factories.EvidenceFactory(
        key="yaan-description-1-second",
        campaign=evidenced_case,
        field=EvidencedText.DESCRIPTION,
        sentence=1,
        source=gates_report,
        quote="Second passage",
        order=1,
    )
    url = change_url(evidenced_case)
    data = form_data(admin_client.get(url))
    rows = {data[f"evidence-{index}-id"]: index for index in range(3)}
    first_row = rows[str(Evidence.objects.get(key="yaan-description-1").pk)]
    data[f"evidence-{first_row}-order"] = "2"
    data[f"evidence-{first_row}-quote"] = (
        "Sina Weibo opened up its online fundraising platform to accept"
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    html = page(client, "/campaigns/yaan-earthquake/")
    notes = html[html.index('<section class="evidence"') : html.index('class="references"')]
    assert notes.index("Second passage") < notes.index("to accept")


def test_the_api_gives_a_platforms_description_evidence(client, described_weibo):
    response = client.get("/api/platforms/sina-weibo")

    assert response.status_code == 200
    assert response.json()["evidence"] == [
        {
            "key": described_weibo.evidence.get().key,
            "sentence": 2,
            "source": "gates-2013",
            "locator": "¶ 3",
            "quote": "Sina Weibo opened up its online fundraising platform",
        }
    ]
    assert client.get("/api/organisations/one-foundation").json()["evidence"] == []
