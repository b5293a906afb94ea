"""The catalogue's codes: every fixed list a field chooses from, as the codebook lists them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    """How much of a date is known: sources often say only "April 2013" or "2012"."""

    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


class DivisionLevel(models.TextChoices):
    """The levels of China's administrative divisions (GB/T 2260) the catalogue places cases
    at: a province-level division, a prefecture-level one within it, a county-level one."""

    PROVINCE = "province", _("province-level")
    PREFECTURE = "prefecture", _("prefecture-level")
    COUNTY = "county", _("county-level")


class Language(models.TextChoices):
    """The language a source is written in."""

    ENGLISH = "en", _("English")
    CHINESE = "zh", _("Chinese")
    OTHER = "other", _("Other")


class SourceKind(models.TextChoices):
    """What sort of document a source is."""

    BLOG_POST = "blog_post", _("Blog post")
    NEWS_ARTICLE = "news_article", _("News article")
    REPORT = "report", _("Report")
    BOOK = "book", _("Book")
    STATISTICS = "statistics", _("Statistics")
    PRESS_RELEASE = "press_release", _("Press release")
    WEB_PAGE = "web_page", _("Web page")


class OrganisationKind(models.TextChoices):
    """What sort of body an organisation is; individuals front many campaigns."""

    COMPANY = "company", _("Company")
    NONPROFIT = "nonprofit", _("Nonprofit or foundation")
    GOVERNMENT = "government", _("Government body")
    ACADEMIC = "academic", _("Academic or research body")
    ALLIANCE = "alliance", _("Alliance or network")
    MEDIA = "media", _("Media")
    COMMUNITY = "community", _("Community group")
    INDIVIDUAL = "individual", _("Individual")


class PlatformKind(models.TextChoices):
    """What a platform mainly does."""

    MICROBLOG = "microblog", _("Microblog")
    MESSAGING = "messaging", _("Messaging")
    SHORT_VIDEO = "short_video", _("Short video")
    LIVE_STREAMING = "live_streaming", _("Live streaming")
    SEARCH = "search", _("Search")
    E_COMMERCE = "e_commerce", _("E-commerce")
    SOCIAL_NETWORK = "social_network", _("Social network")
    NEWS_FEED = "news_feed", _("News feed")
    PETITION = "petition", _("Petition")


class Cause(models.TextChoices):
    """The public cause a campaign serves."""

    DISASTER_RELIEF = "disaster_relief", _("Disaster relief")
    PUBLIC_HEALTH = "public_health", _("Public health")
    CHILD_PROTECTION = "child_protection", _("Child protection")
    RURAL_LIVELIHOODS = "rural_livelihoods", _("Rural livelihoods and agriculture")
    CLIMATE_ENVIRONMENT = "climate_environment", _("Climate and environment")
    EDUCATION = "education", _("Education")
    CIVIC_ENGAGEMENT = "civic_engagement", _("Civic engagement")
    PUBLIC_SERVICES = "public_services", _("Public services")
    PHILANTHROPY_SECTOR = "philanthropy_sector", _("Philanthropy sector")
    SOCIAL_CONNECTION = "social_connection", _("Social connection")
    COMMERCE_MARKETING = "commerce_marketing", _("Commerce and marketing")


class Approach(models.TextChoices):
    """How a campaign used social media."""

    FUNDRAISING = "fundraising", _("Fundraising")
    AWARENESS = "awareness", _("Awareness")
    CROWDSOURCED_INFORMATION = "crowdsourced_information", _("Crowdsourced information")
    INFORMATION_SHARING = "information_sharing", _("Alerts and information sharing")
    # Selling, by whatever format: a live stream or a short video is a ``Format``.
    LIVE_COMMERCE = "live_commerce", _("Selling online")
    VOLUNTEER_COORDINATION = "volunteer_coordination", _("Volunteer coordination")
    ADVOCACY = "advocacy", _("Advocacy")
    ORGANISATIONAL_CHANGE = "organisational_change", _("Organisational change")
    BRAND_ENGAGEMENT = "brand_engagement", _("Brand engagement")
    PRODUCT_LAUNCH = "product_launch", _("Product launch")


class Format(models.TextChoices):
    """What form a campaign's use of social media took: a live stream, short videos, posts
    on a microblog… A case may take several (``Campaign.formats``), and none when its sources
    do not say. Apart from its approach: selling farm produce is one approach, by live stream
    or by short video."""

    LIVE_STREAM = "live_stream", _("Live stream")
    SHORT_VIDEO = "short_video", _("Short video")
    MICROBLOG_POST = "microblog_post", _("Microblog post")
    PHOTO = "photo", _("Photos")
    AUDIO_MESSAGE = "audio_message", _("Audio message")
    MESSAGING = "messaging", _("Messaging app or group")
    SOCIAL_NETWORK_GROUP = "social_network_group", _("Social network group")
    ONLINE_STORE = "online_store", _("Online store or shopping link")
    ONLINE_DONATION = "online_donation", _("Online donations")
    SEARCH = "search", _("Search")
    WEBSITE = "website", _("Website or web page")
    ONLINE_GAME = "online_game", _("Online game")


FORMAT_SEPARATOR = ","
"""How a case's formats are written in its one column: codes joined by commas, in the order
of ``Format``."""


FORMAT_CODES = tuple(Format.values)
"""The format codes in their order (``Format.values`` makes its list again at every use, and
a download reads the formats of every row)."""


def format_codes(text):
    """The format codes written in ``text`` (a case's ``formats``), in the order of ``Format``;
    codes not in the list are left out."""
    written = {code.strip() for code in (text or "").split(FORMAT_SEPARATOR)}
    return [code for code in FORMAT_CODES if code in written]


def unknown_format_codes(text):
    """The codes written in ``text`` that are not formats, in the order written."""
    written = [code.strip() for code in (text or "").split(FORMAT_SEPARATOR) if code.strip()]
    return [code for code in written if code not in FORMAT_CODES]


def formats_text(codes):
    """A case's ``formats`` column for these codes: known codes, each once, in list order."""
    return FORMAT_SEPARATOR.join(code for code in FORMAT_CODES if code in set(codes))


class Role(models.TextChoices):
    """The part an organisation or person played in a campaign."""

    ORGANISER = "organiser", _("Organiser")
    PARTNER = "partner", _("Partner")
    PLATFORM_OPERATOR = "platform_operator", _("Platform operator")
    FUNDER = "funder", _("Funder")
    CHAMPION = "champion", _("Champion or influencer")
    BENEFICIARY = "beneficiary", _("Beneficiary")
    TARGET = "target", _("Target of the campaign")


class FigureKind(models.TextChoices):
    """What a figure measures."""

    MONEY = "money", _("Money")
    COUNT = "count", _("Count")
    PERCENTAGE = "percentage", _("Percentage")
    MASS = "mass", _("Mass")
    DURATION = "duration", _("Duration")


class Outcome(models.TextChoices):
    """What kind of outcome an amount is, where the unit alone does not say: money raised for
    a cause is not money taken in sales, and a chart never puts the two side by side."""

    DONATIONS = "donations", _("Donations")
    SALES = "sales", _("Sales")


class Qualifier(models.TextChoices):
    """How exact a figure is, as the source states it."""

    EXACTLY = "exactly", _("exactly")
    OVER = "over", _("over")
    AT_LEAST = "at_least", _("at least")
    ABOUT = "about", _("about")
    NEARLY = "nearly", _("nearly")
    UP_TO = "up_to", _("up to")
    UNDER = "under", _("under")


class CaveatKind(models.TextChoices):
    """Why a figure needs a caveat: what a reader citing it should know about how it is stated."""

    DERIVED = "derived", _("Derived from words, not stated as a number")
    UNIT_ASSUMED = "unit_assumed", _("Unit assumed, not given by the source")
    SOURCE_INCONSISTENT = "source_inconsistent", _("Source inconsistent")
    AS_OF_ESTIMATED = "as_of_estimated", _("As-of date estimated")


class Scope(models.TextChoices):
    """Whether a case serves a public cause, or is one a source lists beside them that does
    not: a commercial campaign (a brand launch in a digest of social-good campaigns) or another
    online trend, neither commercial nor for a public cause (users posting photos in search of
    a date)."""

    SOCIAL_GOOD = "social_good", _("Social good")
    COMMERCIAL = "commercial", _("Commercial or marketing")
    OTHER_TREND = "other_trend", _("Other online trend")


class ScopeFilter(models.TextChoices):
    """Which scopes a list of cases holds: social good by default; every scope, or one of the
    others alone, on request."""

    SOCIAL_GOOD = "social_good", _("Social good only")
    ALL = "all", _("Every scope")
    COMMERCIAL = "commercial", _("Commercial or marketing only")
    OTHER_TREND = "other_trend", _("Other online trends only")


class TitleKind(models.TextChoices):
    """What a source's recorded title is: its title, its title with the source's own
    misspelling kept, or a description of the work standing in for a title it lacks."""

    TITLE = "title", _("Its title")
    SIC = "sic", _("Its title as written, [sic]")
    DESCRIPTION = "description", _("A description of the work")


class Status(models.TextChoices):
    """Where a campaign is in review: draft → in review → published, or withdrawn after it was
    public. Only published campaigns are ever shown to the public; a withdrawn one's address
    says it was withdrawn (410)."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


EDITABLE_BY_EDITORS = (Status.DRAFT, Status.IN_REVIEW)
"""The statuses in which an editor (no publish permission) may change or delete a case, or
import into it: a case a reviewer has not yet passed."""


class CampaignSort(models.TextChoices):
    """The orders a list of campaigns can be shown in (the site's list, downloads and API)."""

    RELEVANCE = "relevance", _("Best match")
    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")
    TITLE = "title", _("Title A–Z")
    FIGURES = "figures", _("Most figures")


class FigureSubject(models.TextChoices):
    """What a figure is about: a case's outcome, a platform or organisation, or the sector."""

    CAMPAIGNS = "cases", _("Case outcomes")
    PLATFORMS = "platforms", _("Platforms and organisations")
    SECTOR = "sector", _("The whole sector")


class FigureSort(models.TextChoices):
    """The orders a table of figures can be shown in (the site's table, downloads and API)."""

    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")
    LARGEST = "largest", _("Largest first")
    SMALLEST = "smallest", _("Smallest first")
    LABEL = "label", _("Label A–Z")
