"""The catalogue's version: one row whose number goes up with every change readers can see.

Cached pages and API answers are keyed by it, and ETags and Last-Modified come from it, so no
reader is ever served a page older than the last change, whichever app server cached it and
whether or not the servers share a cache. It lives in the database, where the change itself is:
the number goes up in the change's own transaction, so a page rendered before the change
commits is cached under the old number, which no request asks for once it has committed.

Only changes to what readers can see move it on (``derived.py``): a published case, its parts,
the rows public pages show, and their deletion, not the edits of a draft, so that the public
validators never tell when drafts are edited. Curators' previews and the admin are never
cached (``caching.py``), so they do not depend on it.

With a read replica (``socialgood/replica.py``) a reader's request reads the row from the
replica, like the page it keys, and before the page: a replica only moves forward, so the page
is at least as new as the number it is cached under. A lagging replica serves the catalogue of a
moment ago under that moment's number; reading the number from the primary instead would cache
the replica's older page under the newer number, where every server would then find it.

The row also keeps the catalogue's summary (``summary.py``) with the number it was counted at.

Each change also draws a new random ``epoch``, and caches are keyed by both (``key``): a
database restored from a backup brings its number back, and the next change would otherwise
reuse a number the lost changes had already used, so that pages cached for those changes
would be served again; with the epoch no key is ever reused.
"""

import datetime
import secrets

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ROW = 1
"""The primary key of the one row."""


def new_epoch():
    """A random token no earlier change drew."""
    return secrets.token_hex(8)


class CatalogueVersion(models.Model):
    """How many times the public catalogue has changed, and when it last did."""

    number = models.BigIntegerField(_("number"), default=1)
    epoch = models.CharField(_("epoch"), max_length=16, default=new_epoch)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    summary = models.JSONField(_("catalogue summary"), default=dict, blank=True)
    summary_of = models.BigIntegerField(_("summary of version"), null=True, blank=True)
    # The words of published cases' titles, sorted, that a search finding nothing may be
    # corrected to (``search/offers.py``): added to by every write, made again by a recount,
    # null until first made.
    title_words = models.JSONField(_("words of titles"), null=True, blank=True)

    class Meta:
        verbose_name = _("catalogue version")
        verbose_name_plural = _("catalogue versions")

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

    @property
    def key(self):
        """What caches and validators are keyed by: the number and the epoch it was drawn in."""
        return f"{self.number}.{self.epoch}"

    @classmethod
    def bump(cls):
        """Record a change to the catalogue, now (``derived.py`` calls it once per unit of work
        that changed what readers see)."""
        now = timezone.now()
        # Last-Modified is in whole seconds: a change in the same second as the one before
        # is dated a second later, so that a client holding the page from before it, asking
        # If-Modified-Since, is not told it has the current page.
        changed_at = Greatest(Value(now), F("changed_at") + datetime.timedelta(seconds=1))
        moved = cls.objects.filter(pk=ROW).update(
            number=F("number") + 1, changed_at=changed_at, epoch=new_epoch()
        )
        if not moved:
            cls.objects.get_or_create(pk=ROW, defaults={"changed_at": now})

    @classmethod
    def current(cls):
        """The catalogue's version as it stands (the row is made if missing), without its
        summary and its words of titles: every request reads the version, few need the
        summary (``summary.py``) or the words (``search/offers.py``)."""
        version = cls.objects.defer("summary", "title_words").filter(pk=ROW).first()
        if version is None:
            version, _created = cls.objects.get_or_create(pk=ROW)
        return version
