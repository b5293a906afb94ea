"""The admin's "What needs checking": old figures of published cases, sources not checked for a
year, published cases with no figure; and marking a source checked, in the history."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from campaigns.models import Campaign, CatalogueVersion, DatePrecision, Source, Status
from tests import factories

pytestmark = pytest.mark.django_db

CHECKING = reverse("admin_checking")


@pytest.fixture
def to_check(yaan_case, today):
    """The Ya'an case's figure (April 2013), one as of 2024 and one as of 2023 on another case,
    a draft's figure of 2010, a source checked last month, and a published case with none."""
    today(datetime.date(2026, 6, 1))
    recent = factories.CampaignFactory(slug="recent", title="Recent case")
    for year, month in ((2024, 1), (2023, 12)):
        factories.FigureFactory(
            key=f"as-of-{year}",
            campaign=recent,
            stated_as=f"videos as of {year}",
            as_of=datetime.date(year, month, 1),
            as_of_precision=DatePrecision.MONTH,
        )
    draft = factories.CampaignFactory(slug="a-draft", status=Status.DRAFT)
    factories.FigureFactory(
        key="drafts-figure", campaign=draft, stated_as="a draft's", as_of=datetime.date(2010, 1, 1)
    )
    Source.objects.filter(campaigns=recent).update(
        checked_at=timezone.now() - datetime.timedelta(days=30)
    )
    factories.CampaignFactory(slug="no-figures", title="A case with no figure")


def section(html, section_id):
    """The part of the page in the list ``section_id``."""
    start = html.index(f'id="{section_id}"')
    end = html.find('<div class="module"', start)
    return html[start : end if end > 0 else None]


def test_the_page_lists_old_figures_oldest_first_unchecked_sources_and_cases_with_no_figure(
    editor, to_check, settings
):
    settings.FIGURES_OLD_AFTER_YEARS = 3
    response = editor.get(CHECKING)
    html = response.content.decode()

    assert response.status_code == 200
    figures = section(html, "old-figures")
    assert "Figures 3 years old or more (2)" in figures
    assert figures.index("over 110 million RMB") < figures.index("videos as of 2023")
    assert "April 2013 (13 years ago)" in figures
    assert "December 2023 (3 years ago)" in figures
    assert "videos as of 2024" not in figures and "a draft&#x27;s" not in figures
    sources = section(html, "unchecked-sources")
    assert "Sources never checked or not checked for a year (" in sources
    assert Source.objects.get(campaigns__slug="yaan-earthquake").title in sources
    assert Source.objects.get(campaigns__slug="recent").title not in sources
    cases = section(html, "cases-without-figures")
    assert "A case with no figure" in cases
    assert "Recent case" not in cases and "Ya'an" not in cases


def test_anonymous_readers_are_sent_to_sign_in(client):
    response = client.get(CHECKING)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_curator_who_may_only_view_is_refused(viewer):
    assert viewer.get(CHECKING).status_code == 403


def test_marking_a_source_checked_records_who_and_when_in_the_history(reviewer, to_check):
    source = Source.objects.get(campaigns__slug="yaan-earthquake")
    before = timezone.now()

    response = reviewer.post(CHECKING, {"source": source.pk}, follow=True)

    source.refresh_from_db()
    assert response.status_code == 200
    assert f"“{source.title}” is marked checked today." in response.content.decode()
    assert source.checked_by.username == "reviewer"
    assert source.checked_at >= before
    version = Version.objects.get_for_object(source).first()
    assert version.revision.user.username == "reviewer"
    assert version.revision.comment == f"Checked the source “{source.title}”"
    assert version.field_dict["checked_by_id"] == source.checked_by_id
    stored = version.field_dict["checked_at"]  # stored to the millisecond, as JSON holds it
    assert abs(stored - source.checked_at) < datetime.timedelta(milliseconds=1)
    assert source.title not in section(response.content.decode(), "unchecked-sources")


def test_marking_a_source_checked_leaves_what_readers_see_and_the_cached_pages_alone(
    editor, to_check
):
    source = Source.objects.get(campaigns__slug="yaan-earthquake")
    version = CatalogueVersion.current().number

    editor.post(CHECKING, {"source": source.pk})

    assert CatalogueVersion.current().number == version
    assert Source.objects.get(pk=source.pk).updated_at == source.updated_at


def test_a_source_checked_twice_has_a_revision_for_each_check(editor, to_check):
    source = Source.objects.get(campaigns__slug="yaan-earthquake")

    editor.post(CHECKING, {"source": source.pk})
    editor.post(CHECKING, {"source": source.pk})

    versions = Version.objects.get_for_object(source)
    assert [v.revision.comment for v in versions][:2] == [
        f"Checked the source “{source.title}”"
    ] * 2


@pytest.mark.parametrize("given", ["999999", "not-a-number", ""])
def test_marking_a_source_that_does_not_exist_says_so(editor, to_check, given):
    response = editor.post(CHECKING, {"source": given}, follow=True)

    assert response.status_code == 200
    assert "There is no such source" in response.content.decode()
    assert not Source.objects.filter(checked_by__isnull=False).exclude(campaigns__slug="recent")


def test_the_page_takes_a_fixed_number_of_queries_however_many_rows(
    editor, to_check, django_assert_num_queries
):
    editor.get(CHECKING)
    with django_assert_num_queries(10) as captured:
        editor.get(CHECKING)
    for n in range(5):
        factories.FigureFactory(
            key=f"more-{n}",
            campaign=Campaign.objects.get(slug="recent"),
            as_of=datetime.date(2001, 1, 1),
        )
        factories.CampaignFactory(slug=f"more-{n}")
    with django_assert_num_queries(len(captured)):
        editor.get(CHECKING)


def test_the_admin_index_links_to_the_page(editor):
    assert f'href="{CHECKING}"' in editor.get(reverse("admin:index")).content.decode()


def test_a_sources_admin_page_shows_who_checked_it_and_when_but_not_as_a_field(reviewer, to_check):
    source = Source.objects.get(campaigns__slug="yaan-earthquake")
    reviewer.post(CHECKING, {"source": source.pk})

    html = reviewer.get(reverse("admin:campaigns_source_change", args=[source.pk])).content.decode()

    assert "Last checked by" in html
    assert ">reviewer</a></div>" in html
    assert 'name="checked_at"' not in html


def test_an_export_leaves_out_who_checked_a_source_and_loads_into_an_empty_catalogue(
    yaan_case, tmp_path
):
    """Who checked a source, and when, is the curators' record, not the catalogue's: an export
    leaves it out (as it does who published a case), and the export loads into an empty one."""
    import io
    import json

    from django.core.management import call_command

    from campaigns.models import Figure

    curator = factories.build_curator("checker", "Editor")
    Source.objects.update(checked_at=timezone.now(), checked_by=curator)
    call_command("export_catalogue", str(tmp_path), stdout=io.StringIO())
    exported = json.loads((tmp_path / "sources.json").read_text())
    assert {(row["fields"]["checked_at"], row["fields"]["checked_by"]) for row in exported} == {
        (None, None)
    }

    Figure.objects.all().delete()
    Campaign.objects.all().delete()
    Source.objects.all().delete()
    files = sorted(str(path) for path in tmp_path.glob("*.json"))
    call_command("load_catalogue", *files, stdout=io.StringIO())
    loaded = Source.objects.get()
    assert (loaded.checked_at, loaded.checked_by) == (None, None)
    assert Campaign.objects.get().slug == "yaan-earthquake"
