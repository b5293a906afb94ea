"""
How a case page describes itself to machines: the OpenGraph and Twitter card tags a link
preview reads, and the schema.org JSON-LD (an Article about an Event, citing its sources) a
search engine reads, all in the page's language.
"""

import json

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .display import SITE_NAME, in_page_language, primary_name
from .downloads import LICENCE_URL
from .models import Role, partial_iso_date
from .share_images import HEIGHT, WIDTH, share_card

OPENGRAPH_LOCALES = {"en": "en_GB", "zh-hans": "zh_CN"}
SCHEMA_LANGUAGES = {"en": "en", "zh-hans": "zh-Hans"}


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
                "name": in_page_language(campaign, "location")[0] or campaign.country.name,
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
        "description": in_page_language(campaign, "summary")[0],
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


def campaign_meta(request, campaign):
    """What a case page's head says about it to link previews and search engines: its share
    image first (a public case's), then its own first image if it has one."""
    url = request.build_absolute_uri(campaign.get_absolute_url())
    images = list(campaign.images.all())
    image = images[0] if images else None
    image_url = request.build_absolute_uri(image.image.url) if image else None
    site_name = str(SITE_NAME)
    language = get_language()
    share = share_card(campaign) if campaign.is_public else None
    share_url = (
        request.build_absolute_uri(reverse("campaigns:share_image", args=[campaign.slug]))
        # A new image has a new address, so link previews that keep images fetch it again.
        + f"?v={share.key[:12]}"
        if share
        else None
    )
    return {
        "url": url,
        "title": primary_name(campaign),
        "description": in_page_language(campaign, "summary")[0],
        "site_name": site_name,
        "locale": OPENGRAPH_LOCALES.get(language, "en_GB"),
        "alternate_locales": [
            locale for code, locale in OPENGRAPH_LOCALES.items() if code != language
        ],
        "image_url": image_url,
        "image_alt": in_page_language(image, "alt_text")[0] if image else "",
        "share_image_url": share_url,
        "share_image_alt": share.alt_text if share else "",
        "share_image_width": WIDTH,
        "share_image_height": HEIGHT,
        "published": campaign.published_at,
        "modified": campaign.updated_at,
        "tags": [primary_name(tag) for tag in campaign.tags.all()],
        "json_ld": json_ld_script(
            campaign_json_ld(campaign, url, image_url or share_url, site_name)
        ),
    }
