"""grow_catalogue: grown cases for measuring, valid, repeatable, and never mixed into real work."""

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import transaction

from campaigns.growing import GrowthRefused, grow_catalogue
from campaigns.models import Campaign, Figure, Participation, Status
from tests import factories

pytestmark = pytest.mark.django_db


def grown_titles(seed):
    """The titles a run of 40 cases with ``seed`` grows, the database left as it was."""
    with transaction.atomic():
        grow_catalogue(count=40, seed=seed)
        titles = list(Campaign.objects.order_by("slug").values_list("title", "title_zh"))
        transaction.set_rollback(True)
    return titles


def test_grown_cases_have_everything_a_case_has_and_pass_validation():
    report = grow_catalogue(count=60, seed=7, draft_share=0.25)

    assert report.counts["campaigns"] == 60
    campaigns = Campaign.objects.all()
    assert campaigns.count() == 60
    for campaign in campaigns:
        campaign.full_clean()
        assert campaign.title and campaign.title_zh and campaign.summary
        assert campaign.platforms.exists()
        assert campaign.sources.count() == 1
        assert campaign.tags.count() == 2
        assert campaign.participations.filter(role="organiser").exists()
    for figure in Figure.objects.all():
        figure.full_clean()
    assert Figure.objects.count() == 120
    assert len(set(Figure.objects.values_list("unit", flat=True))) > 3
    assert 0 < Campaign.objects.filter(status=Status.DRAFT).count() < 60
    assert len(set(Campaign.objects.values_list("start_date__year", flat=True))) > 5


def test_the_same_seed_grows_the_same_cases_and_another_seed_others():
    assert grown_titles(seed=3) == grown_titles(seed=3)
    assert grown_titles(seed=3) != grown_titles(seed=4)


def test_a_second_run_continues_the_numbering():
    grow_catalogue(count=5, seed=1)
    grow_catalogue(count=5, seed=1)

    assert Campaign.objects.filter(slug__startswith="grown-1-").count() == 10
    assert Participation.objects.values("campaign").distinct().count() == 10


def test_a_database_with_real_campaigns_is_refused_unless_asked(db):
    factories.CampaignFactory(slug="a-real-case")

    with pytest.raises(CommandError, match="1 campaigns that are neither seeded nor grown"):
        call_command("grow_catalogue", "5")
    assert Campaign.objects.count() == 1

    call_command("grow_catalogue", "5", "--yes", verbosity=0)
    assert Campaign.objects.count() == 6


def test_a_database_with_admin_changes_is_refused(admin_user):
    LogEntry.objects.create(
        user=admin_user,
        content_type=ContentType.objects.get_for_model(Campaign),
        object_id="1",
        object_repr="A case",
        action_flag=ADDITION,
    )

    with pytest.raises(GrowthRefused, match="1 changes made in the admin"):
        grow_catalogue(count=5)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [(["0"], "N must be at least 1."), (["5", "--drafts", "2"], "--drafts is a share")],
)
def test_the_command_refuses_nonsense(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("grow_catalogue", *arguments)
