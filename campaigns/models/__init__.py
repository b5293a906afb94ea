"""
The catalogue: case studies (campaigns) of social media used for social good, the
organisations and platforms behind them, the figures that measure them and the sources
every figure comes from.

One module per family of models; everything is imported from here (``campaigns.models``).
"""

from .aliases import AliasKind, SearchAlias, SearchAliasQuerySet
from .base import (
    ChangeTracked,
    ChangeTrackedQuerySet,
    SlugQuerySet,
    SlugRule,
    count_of,
    slug_rule,
    validate_image_size,
)
from .campaign_queries import CampaignQuerySet
from .campaigns import Campaign
from .choices import (
    EDITABLE_BY_EDITORS,
    Approach,
    CampaignSort,
    Cause,
    CaveatKind,
    DatePrecision,
    DivisionLevel,
    FigureKind,
    FigureSort,
    FigureSubject,
    Format,
    Language,
    OrganisationKind,
    Outcome,
    PlatformKind,
    Qualifier,
    Role,
    Scope,
    ScopeFilter,
    SourceKind,
    Status,
    TitleKind,
    format_codes,
    formats_text,
    unknown_format_codes,
)
from .corrections import Correction, CorrectionQuerySet
from .dates import (
    format_partial_date,
    partial_date_end,
    partial_iso_date,
    validate_partial_date,
)
from .evidence import (
    Evidence,
    EvidencedText,
    EvidenceQuerySet,
    SubjectEvidence,
    SubjectEvidenceQuerySet,
    sentences,
)
from .figures import Figure, FigureQuerySet
from .history import CampaignVersion, CampaignVersionQuerySet, Removal
from .organisations import Organisation, OrganisationQuerySet, Platform, PlatformQuerySet
from .parts import CampaignImage, CampaignImageQuerySet, Participation, ParticipationQuerySet
from .places import CHINA, Division, DivisionQuerySet, province_code
from .sources import Source, SourceQuerySet
from .suggestions import Suggestion, SuggestionKind, SuggestionQuerySet, SuggestionStatus
from .summary import CatalogueSummary
from .tags import Tag, TaggedCampaign, TaggedCampaignQuerySet, TagQuerySet
from .units import PERCENT, Unit, UnitQuerySet
from .version import CatalogueVersion

__all__ = [
    "EDITABLE_BY_EDITORS",
    "AliasKind",
    "SearchAlias",
    "SearchAliasQuerySet",
    "sentences",
    "Approach",
    "Campaign",
    "CatalogueSummary",
    "CatalogueVersion",
    "CampaignImage",
    "CampaignImageQuerySet",
    "CampaignQuerySet",
    "CampaignSort",
    "CampaignVersion",
    "CampaignVersionQuerySet",
    "Cause",
    "CaveatKind",
    "ChangeTracked",
    "ChangeTrackedQuerySet",
    "Correction",
    "CorrectionQuerySet",
    "CHINA",
    "DatePrecision",
    "Division",
    "DivisionLevel",
    "DivisionQuerySet",
    "Evidence",
    "SubjectEvidence",
    "SubjectEvidenceQuerySet",
    "EvidenceQuerySet",
    "EvidencedText",
    "Figure",
    "FigureKind",
    "FigureQuerySet",
    "FigureSort",
    "FigureSubject",
    "Format",
    "TitleKind",
    "Language",
    "Organisation",
    "OrganisationKind",
    "OrganisationQuerySet",
    "Participation",
    "ParticipationQuerySet",
    "Platform",
    "PlatformKind",
    "PlatformQuerySet",
    "Outcome",
    "Qualifier",
    "Removal",
    "Role",
    "Scope",
    "ScopeFilter",
    "SlugQuerySet",
    "SlugRule",
    "Source",
    "SourceKind",
    "SourceQuerySet",
    "Status",
    "Suggestion",
    "SuggestionKind",
    "SuggestionQuerySet",
    "SuggestionStatus",
    "Tag",
    "TagQuerySet",
    "TaggedCampaign",
    "TaggedCampaignQuerySet",
    "PERCENT",
    "Unit",
    "UnitQuerySet",
    "count_of",
    "format_partial_date",
    "format_codes",
    "formats_text",
    "unknown_format_codes",
    "partial_date_end",
    "partial_iso_date",
    "province_code",
    "slug_rule",
    "validate_image_size",
    "validate_partial_date",
]
