"""Machine-readable descriptions of a case page: OpenGraph, Twitter card and schema.org JSON-LD."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from campaigns.exports import LICENCE_URL
from campaigns.models import DatePrecision, Role

from .catalogue import primary_name

register = template.Library()

OPENGRAPH_LOCALES = {"en": "en_GB", "zh-hans": "zh_CN"}
SCHEMA_LANGUAGES = {"en": "en", "zh-hans": "zh-Hans"}


def partial_iso_date(value, precision):
    """A date as ISO 8601 only as precisely as it is known: 2012, 2013-04 or 2013-04-20."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def organisation_ld(organisation):
    return {"@type": "Organization", "name": organisation.name, "url": organisation.website or None}


def campaign_json_ld(campaign, url, image_url, site_name):
    """The case as a schema.org Article about an Event, citing its sources."""
    participants = list(campaign.participations.all())
    event = {
        "@type": "Event",
        "name": campaign.title,
        "alternateName": campaign.title_zh or None,
        "startDate": partial_iso_date(campaign.start_date, campaign.start_precision),
        "endDate": partial_iso_date(campaign.end_date, campaign.end_precision),
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode",
        "location": (
            {
                "@type": "Place",
                "name": campaign.location or campaign.country.name,
                "address": (
                    {"@type": "PostalAddress", "addressCountry": campaign.country.code}
                    if campaign.country
                    else None
                ),
            }
            if campaign.location or campaign.country
            else None
        ),
        "organizer": [
            organisation_ld(p.organisation) for p in participants if p.role == Role.ORGANISER
        ],
        "contributor": [
            organisation_ld(p.organisation) for p in participants if p.role != Role.ORGANISER
        ],
    }
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": campaign.title,
        "alternativeHeadline": campaign.title_zh or None,
        "description": campaign.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": SCHEMA_LANGUAGES.get(get_language(), get_language()),
        "datePublished": campaign.published_at.isoformat() if campaign.published_at else None,
        "dateModified": campaign.updated_at.isoformat() if campaign.updated_at else None,
        "keywords": [primary_name(tag) for tag in campaign.tags.all()],
        "image": image_url,
        "license": LICENCE_URL,
        "publisher": {"@type": "Organization", "name": site_name},
        "about": event,
        "citation": [
            {
                "@type": "CreativeWork",
                "name": source.title,
                "url": source.url or None,
                "publisher": source.publisher or None,
                "author": source.author or None,
                "datePublished": partial_iso_date(source.published_on, source.published_precision),
            }
            for source in campaign.sources.all()
        ],
    }
    return without_empty(article)


def without_empty(value):
    """The value with None, empty strings and empty lists or objects left out, recursively."""
    if isinstance(value, dict):
        cleaned = {key: without_empty(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [
            item
            for item in (without_empty(item) for item in value)
            if item not in (None, "", [], {})
        ]
    return value


def json_ld_script(data):
    """A <script type="application/ld+json"> element, escaped so no text can end it early."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # <, > and & are escaped above, so the text cannot end the script
    )


@register.simple_tag(takes_context=True)
def campaign_meta(context, campaign):
    """What a case page's head says about it to link previews and search engines."""
    request = context["request"]
    url = request.build_absolute_uri(campaign.get_absolute_url())
    images = list(campaign.images.all())
    image = images[0] if images else None
    image_url = request.build_absolute_uri(image.image.url) if image else None
    site_name = _("Social Media for Social Good")
    language = get_language()
    return {
        "url": url,
        "title": campaign.title if language == "en" or not campaign.title_zh else campaign.title_zh,
        "description": campaign.summary,
        "site_name": site_name,
        "locale": OPENGRAPH_LOCALES.get(language, "en_GB"),
        "alternate_locales": [
            locale for code, locale in OPENGRAPH_LOCALES.items() if code != language
        ],
        "image_url": image_url,
        "image_alt": image.alt_text if image else "",
        "published": campaign.published_at,
        "modified": campaign.updated_at,
        "tags": [primary_name(tag) for tag in campaign.tags.all()],
        "json_ld": json_ld_script(campaign_json_ld(campaign, url, image_url, site_name)),
    }
