"""
The catalogue as the audit reads it: every table once, joined in Python, so the audit's rules
(``auditing.py``) read the same number of queries however large the catalogue is.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from .models import (
    Campaign,
    CampaignImage,
    Evidence,
    Figure,
    Organisation,
    Participation,
    Platform,
    Source,
    SubjectEvidence,
)


@dataclass
class Catalogue:
    """The whole catalogue, read once for the rules, with each case's parts by case id.

    Related rows are joined in Python from one query per table (no row is read twice), so the
    audit reads the same number of queries at any size: ``read()``.
    """

    campaigns: list
    figures: list
    sources: dict
    organisations: dict
    platforms: dict
    participations: list
    images: list
    evidence: list
    subject_evidence: list
    sources_of: dict = field(default_factory=lambda: defaultdict(list))
    platform_ids_of: dict = field(default_factory=lambda: defaultdict(set))
    participations_of: dict = field(default_factory=lambda: defaultdict(list))
    images_of: dict = field(default_factory=lambda: defaultdict(list))
    figures_of: dict = field(default_factory=lambda: defaultdict(list))
    figures_about_platform: dict = field(default_factory=lambda: defaultdict(list))
    figures_about_organisation: dict = field(default_factory=lambda: defaultdict(list))
    evidenced: dict = field(default_factory=lambda: defaultdict(set))
    """Each case's sentences with evidence: {case id: {(text, participation id, number)}}."""
    described: dict = field(default_factory=lambda: defaultdict(set))
    """The description sentences of organisations and platforms with evidence:
    {(model, id): {number}}."""

    @classmethod
    def read(cls):
        """Read the catalogue: eleven queries, one per table."""
        campaigns = list(Campaign.objects.defer("search_text", "search_document").order_by("slug"))
        catalogue = cls(
            campaigns=campaigns,
            figures=list(Figure.objects.order_by("key")),
            sources={source.pk: source for source in Source.objects.order_by("slug")},
            organisations={row.pk: row for row in Organisation.objects.order_by("slug")},
            platforms={row.pk: row for row in Platform.objects.order_by("slug")},
            participations=list(Participation.objects.order_by("campaign_id", "order", "pk")),
            images=list(CampaignImage.objects.order_by("campaign_id", "order", "pk")),
            evidence=list(Evidence.objects.order_by("campaign_id", "field", "sentence", "pk")),
            subject_evidence=list(SubjectEvidence.objects.order_by("sentence", "pk")),
        )
        catalogue._join()
        return catalogue

    def _join(self):
        """Join the rows read: each case's sources, platforms, participants, images and
        figures, and each figure's source and original."""
        by_id = {campaign.pk: campaign for campaign in self.campaigns}
        links = Campaign.sources.through.objects.values_list("campaign_id", "source_id")
        for campaign_id, source_id in links.order_by("campaign_id", "source_id"):
            self.sources_of[campaign_id].append(self.sources[source_id])
        links = Campaign.platforms.through.objects.values_list("campaign_id", "platform_id")
        for campaign_id, platform_id in links:
            self.platform_ids_of[campaign_id].add(platform_id)
        for participation in self.participations:
            participation.campaign = by_id[participation.campaign_id]
            participation.organisation = self.organisations[participation.organisation_id]
            self.participations_of[participation.campaign_id].append(participation)
        for image in self.images:
            image.campaign = by_id[image.campaign_id]
            self.images_of[image.campaign_id].append(image)
        for evidence in self.evidence:
            place = (evidence.field, evidence.participation_id, evidence.sentence)
            self.evidenced[evidence.campaign_id].add(place)
        for evidence in self.subject_evidence:
            if evidence.organisation_id is not None:
                subject = (Organisation, evidence.organisation_id)
            else:
                subject = (Platform, evidence.platform_id)
            self.described[subject].add(evidence.sentence)
        figures_by_id = {figure.pk: figure for figure in self.figures}
        for figure in self.figures:
            figure.source = self.sources[figure.source_id]
            figure.conversion_of = figures_by_id.get(figure.conversion_of_id)
            if figure.campaign_id is not None:
                figure.campaign = by_id[figure.campaign_id]
                self.figures_of[figure.campaign_id].append(figure)
            elif figure.platform_id is not None:
                self.figures_about_platform[figure.platform_id].append(figure)
            elif figure.organisation_id is not None:
                self.figures_about_organisation[figure.organisation_id].append(figure)

    def backing_figures(self, campaign):
        """The figures that can back a number in a case's text: the case's own, and those
        about its platforms or its participants that cite one of its sources."""
        source_ids = {source.pk for source in self.sources_of[campaign.pk]}
        about = [
            figure
            for platform_id in self.platform_ids_of[campaign.pk]
            for figure in self.figures_about_platform[platform_id]
        ] + [
            figure
            for participation in self.participations_of[campaign.pk]
            for figure in self.figures_about_organisation[participation.organisation_id]
        ]
        return self.figures_of[campaign.pk] + [
            figure for figure in about if figure.source_id in source_ids
        ]
