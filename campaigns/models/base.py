"""What every catalogue model shares: change times, slugs as natural keys, safe image fields."""

import json
import re
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, models
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce, Lower
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from pypinyin import lazy_pinyin

from ..images import clean_image, clean_name

IDS_PER_STATEMENT = 900
"""The most ids one statement is given (``id IN (…)``): a load notes tens of thousands, and
SQLite takes 999 values a statement in older builds, 32,766 in newer ones."""


def in_chunks(ids):
    """``ids`` in order, ``IDS_PER_STATEMENT`` at a time (a list of each); ``None`` left out."""
    ids = sorted(pk for pk in ids if pk is not None)
    return [
        ids[start : start + IDS_PER_STATEMENT] for start in range(0, len(ids), IDS_PER_STATEMENT)
    ]


def validate_image_size(file):
    """Refuse uploads larger than settings.MAX_IMAGE_UPLOAD_BYTES.

    Only new uploads are measured: a stored file passed when it was uploaded, and measuring it
    again would crash the form if the file has since gone missing from the media folder.
    """
    if getattr(file, "_committed", False):
        return
    limit = settings.MAX_IMAGE_UPLOAD_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The image is %(size)s; the limit is %(limit)s."),
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )


def validate_safe_image(file):
    """Refuse a new upload that is not a still PNG, JPEG, WebP or GIF image under
    settings.MAX_IMAGE_PIXELS (see ``campaigns/images.py``); one too large in bytes is left to
    ``validate_image_size``, which names its size, and is never decoded."""
    if getattr(file, "_committed", False) or file.size > settings.MAX_IMAGE_UPLOAD_BYTES:
        return
    clean_image(file)


class SafeImageFormField(forms.ImageField):
    """An image upload checked by ``campaigns/images.py`` before Django's own check, which
    would call a decompression bomb "not an image"."""

    def to_python(self, data):
        """The upload, refused with ``campaigns/images.py``'s message when it is not safe."""
        if data not in self.empty_values and hasattr(data, "read"):
            validate_image_size(data)
            clean_image(data)
            data.seek(0)
        return super().to_python(data)


class SafeImageField(models.ImageField):
    """An image field whose uploads are checked and written again from their pixels before
    they are stored: no metadata, no trailing bytes, nothing over the pixel limit (see
    ``campaigns/images.py``). Checked in ``full_clean()``; cleaned in ``pre_save()``, so a
    save without ``full_clean()`` stores a clean file too, or raises the same
    ``ValidationError``."""

    default_validators = [validate_image_size, validate_safe_image]

    def pre_save(self, model_instance, add):
        """Store a new upload's clean bytes, under a name with its format's extension."""
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            clean = clean_image(file)
            file.file = ContentFile(clean.content)
            file.name = clean_name(file.name, clean)
        return super().pre_save(model_instance, add)

    def formfield(self, **kwargs):
        """The admin's field for it, which checks the upload before Django's own check."""
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})


COUNTED_EXACTLY_UP_TO = 1000
"""A list longer than this may be given an estimated length (``count_or_estimate``)."""


class ChangeTrackedQuerySet(models.QuerySet):
    """Rows that record when they last changed: a bulk update records it too."""

    def update(self, **kwargs):
        """Update the rows and record the change in ``updated_at`` (unless a time is given).
        What follows a change (counts, the catalogue's version …) is reported by the caller
        to ``derived.py``, as every write path does."""
        kwargs.setdefault("updated_at", timezone.now())
        return super().update(**kwargs)

    def count_or_estimate(self, exact_up_to=None):
        """(How many rows there are, whether that is the database's estimate): counted up to
        ``exact_up_to``; past it, on PostgreSQL, the planner's estimate (rounded to two
        significant digits, and never below what was counted), since counting tens of
        thousands of matches of a broad search costs more than the page. SQLite has no
        estimate: it counts."""
        if exact_up_to is None:
            exact_up_to = COUNTED_EXACTLY_UP_TO
        rows = self.order_by().values("pk")
        if connection.vendor != "postgresql":
            return rows.count(), False
        counted = rows[: exact_up_to + 1].count()
        if counted <= exact_up_to:
            return counted, False
        sql, params = rows.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        guess = int(plan[0]["Plan"]["Plan Rows"])
        return max(counted, round(guess, 2 - len(str(guess)))), True


def reading_order(text):
    """A key that sorts names as readers expect: without regard to capitals ("agriculture"
    before "COVID-19"), and Chinese by its pinyin (地震 dìzhèn before 公益 gōngyì)."""
    text = str(text)
    if any("\u4e00" <= char <= "\u9fff" for char in text):
        text = " ".join(lazy_pinyin(text))
    return text.casefold()


READING_KEY_LENGTH = 300


def in_reading_order(queryset, english_field):
    """``queryset`` in the order the page's readers expect: by the Chinese sort key on Chinese
    pages, else by the English name without regard to capitals."""
    if (translation.get_language() or "").startswith("zh"):
        return queryset.order_by("reading_key_zh", "pk")
    return queryset.order_by(Lower(english_field), "pk")


class ReadingOrder(models.Model):
    """A name kept with the key Chinese pages sort it by: the pinyin of its Chinese name, or its
    English name without capitals when it has none, as the page shows it. (English pages sort
    by the English name without capitals, which needs no key of its own.)"""

    reading_key_zh = models.CharField(
        _("Chinese sort key"),
        max_length=READING_KEY_LENGTH,
        editable=False,
        blank=True,
        db_index=True,
        serialize=False,
    )

    reading_fields = ("name", "name_zh")
    """The (English, Chinese) fields the key is made from."""

    class Meta:
        abstract = True

    def fill_reading_key(self):
        """Set the Chinese pages' sort key from the names."""
        english, chinese = (getattr(self, name) or "" for name in self.reading_fields)
        self.reading_key_zh = reading_order(chinese or english)[:READING_KEY_LENGTH]


class ChangeTracked(models.Model):
    """A row that records when it last changed, so downloads and the API can answer 304s.

    This is the catalogue's one way of keeping change times: ``save()`` and the QuerySet's
    ``update()`` stamp ``updated_at``; a case whose parts changed is stamped by ``derived.py``.
    The field has a default instead of ``auto_now``, so rows Django's ``loaddata`` saves raw
    get a time too, and a new row keeps a time it was given (a catalogue file's); a row saved
    again is stamped with the time of that save.
    """

    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Save the row; a row that already exists is stamped as changed now."""
        if not self._state.adding:
            self.updated_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)


class SlugQuerySet(ChangeTrackedQuerySet):
    """Rows found by their slug, which is their natural key in fixtures."""

    def get_by_natural_key(self, slug):
        """Find a row by its slug."""
        return self.get(slug=slug)


def count_of(rows, link, distinct=None):
    """How many of ``rows`` point at the outer row through ``link``, as a subquery.

    For annotations such as "published campaigns per platform": the count is taken per row
    of the outer query, so it costs what that row's own links cost, and joining two
    relations in one query never multiplies one count by the other. ``distinct`` names a
    field counted once each (a campaign an organisation took part in under two roles).
    """
    counted = Count(distinct, distinct=True) if distinct else Count("*")
    per_row = (
        rows.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(count=counted)
        .values("count")
    )
    return Coalesce(Subquery(per_row, output_field=IntegerField()), 0)


@dataclass(frozen=True)
class SlugRule:
    """What a slug of one model can look like, read from its field: its characters and length.

    The site and the API check an address's slug with it before looking it up, so a tag's
    Chinese slug (新冠疫情) is found wherever a tag is, and a slug the model could never hold
    is refused without a query.
    """

    pattern: str
    max_length: int

    def matches(self, value):
        """Whether ``value`` could be such a slug."""
        return len(value) <= self.max_length and re.fullmatch(self.pattern, value) is not None


def slug_rule(model, field_name="slug"):
    """The ``SlugRule`` of ``model``'s slug field (its figure key, its tag slug …)."""
    field = model._meta.get_field(field_name)
    characters = r"[-\w]" if getattr(field, "allow_unicode", False) else r"[-a-zA-Z0-9_]"
    return SlugRule(pattern=f"^{characters}+$", max_length=field.max_length)
