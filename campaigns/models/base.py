"""What every catalogue model shares: change times, slugs as natural keys, image checks."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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


class ChangeTrackedQuerySet(models.QuerySet):
    """Rows that record when they last changed: a bulk update records it too."""

    def update(self, **kwargs):
        """Update the rows and record the change in ``updated_at`` (unless a time is given)."""
        kwargs.setdefault("updated_at", timezone.now())
        return super().update(**kwargs)

    def touch(self):
        """Record that these rows changed now, as when a part of them (a tag, a participant)
        was added, edited or removed."""
        return self.update()


class ChangeTracked(models.Model):
    """A row that records when it last changed, so downloads and the API can answer 304s.

    This is the catalogue's one way of keeping change times: ``save()`` and the QuerySet's
    ``update()`` stamp ``updated_at``, ``touch()`` marks rows whose parts changed (see
    ``signals.py``). The field has a default instead of ``auto_now``, so rows Django's
    ``loaddata`` saves raw get a time too, and a new row keeps a time it was given (a
    catalogue file's); a row saved again is stamped with the time of that save.
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
