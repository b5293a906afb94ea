"""
How a case is cited and described to machines: "Cite this case" (APA and BibTeX), and the
OpenGraph, Twitter card and schema.org JSON-LD a case page's head carries.
"""

import json
import re

from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override

from .display import SITE_NAME, in_page_language, primary_name
from .downloads import LICENCE_URL
from .models import Role, partial_iso_date


def bibtex_escape(text):
    """Text safe inside a BibTeX field: braces dropped, TeX's other special characters escaped.

    Braces are dropped rather than escaped because BibTeX counts even an escaped brace, so a
    lone one in a title would leave the entry unbalanced.
    """
    specials = {
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
        "\\": r"\textbackslash{}",
    }
    text = str(text).replace("{", "").replace("}", "")
    return re.sub(r"[&%$#_~^\\]", lambda match: specials[match.group()], text)


ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
"""Month names for the APA citation, which is English whichever language the page is in."""


def citations(campaign, url):
    """What "Cite this case" needs: APA's parts and a BibTeX entry for the version the reader
    sees, dated by when the case last changed (not by today: a page is the same until the case
    changes, and a citation should name that version).

    APA is an English style, so the citation (catalogue name, dates, title) is English on the
    Chinese pages too; only the page around it is translated.
    """
    updated = timezone.localtime(campaign.updated_at).date()
    with override("en"):
        publisher = str(SITE_NAME)
    bibtex = "\n".join(
        [
            f"@misc{{socialgood-{campaign.slug},",
            f"  author = {{{{{bibtex_escape(publisher)}}}}},",
            f"  title = {{{{{bibtex_escape(campaign.title)}}}}},",
            f"  year = {{{updated.year}}},",
            f"  howpublished = {{\\url{{{url}}}}},",
            f"  url = {{{url}}},",
            f"  month = {{{updated.month}}},",
            f"  urldate = {{{updated.isoformat()}}},",
            f"  note = {{Version of {updated.isoformat()}}}",
            "}",
        ]
    )
    return {
        "publisher": publisher,
        "updated": f"{updated.year}, {ENGLISH_MONTHS[updated.month - 1]} {updated.day}",
        "version": updated.isoformat(),
        "url": url,
        "bibtex": bibtex,
    }


# --------------------------------------------------------------------------- machines

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
    """What a case page's head says about it to link previews and search engines."""
    url = request.build_absolute_uri(campaign.get_absolute_url())
    images = list(campaign.images.all())
    image = images[0] if images else None
    image_url = request.build_absolute_uri(image.image.url) if image else None
    site_name = str(SITE_NAME)
    language = get_language()
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
        "published": campaign.published_at,
        "modified": campaign.updated_at,
        "tags": [primary_name(tag) for tag in campaign.tags.all()],
        "json_ld": json_ld_script(campaign_json_ld(campaign, url, image_url, site_name)),
    }
