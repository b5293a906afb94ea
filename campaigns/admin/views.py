"""Admin views outside any one model's admin."""

import datetime
from collections import defaultdict

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from reversion.models import Revision, Version

from .. import auditing, history, services
from ..models import Campaign, Figure, Removal, Source, Status, dates
from ..security import ADMIN_HEADER, with_policy
from ..views.campaigns import may_preview


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" address (/admin/r/…), for those who may view the row only.

    Django's own redirects any staff member to the row's public address, which tells a staff
    member without permissions the slug of a draft. Here anyone who may not view rows of that
    model, or (for a case that is not published) may not preview cases, gets the same "not
    found" as for a row that does not exist.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    model_admin = admin.site._registry.get(model)
    if model_admin is None or not model_admin.has_view_permission(request):
        raise Http404(_("There is nothing to view at this address."))
    if model is Campaign and not may_preview(request.user):
        campaign_id = _typed_id(object_id)  # a row id typed in the address, or None
        hidden = Campaign.objects.exclude(status=Status.PUBLISHED)
        if campaign_id is None or hidden.filter(pk=campaign_id).exists():
            raise Http404(_("There is nothing to view at this address."))
    return shortcut(request, content_type_id, object_id)


ACTIVITY_PER_PAGE = 50
"""Revisions on one page of the activity list."""

SHOWN_PER_REVISION = 3
"""Rows named for each revision; the rest are counted."""


def activity(request):
    """Recent revisions across the catalogue: who, when, what, the comment; filterable by
    curator and by model. A fixed number of queries however large the revisions."""
    if not request.user.has_perm("campaigns.view_campaign"):
        raise PermissionDenied
    revisions = (
        Revision.objects.exclude(comment=history.BASELINE)  # bookkeeping, not an action
        .select_related("user")
        .order_by("-pk")
    )
    models_by_name = {model._meta.model_name: model for model in history.TRACKED_MODELS}
    chosen_model = models_by_name.get(request.GET.get("model", ""))
    if chosen_model is not None:
        content_type = ContentType.objects.get_for_model(chosen_model)
        revisions = revisions.filter(
            Exists(Version.objects.filter(revision=OuterRef("pk"), content_type=content_type))
        )
    chosen_user = request.GET.get("user", "")
    if chosen_user == "none":
        revisions = revisions.filter(user__isnull=True)
    elif chosen_user:
        user_id = _typed_id(chosen_user)
        revisions = revisions.filter(user_id=user_id) if user_id else revisions.none()
    page = Paginator(revisions, ACTIVITY_PER_PAGE).get_page(request.GET.get("page"))
    entries = _entries(list(page.object_list))
    users = (
        get_user_model()
        .objects.filter(Exists(Revision.objects.filter(user=OuterRef("pk"))))
        .order_by("username")
    )
    context = {
        **admin.site.each_context(request),
        "title": _("Recent activity"),
        "entries": entries,
        "page_obj": page,
        "users": users,
        "models": [
            (name, model._meta.verbose_name_plural) for name, model in models_by_name.items()
        ],
        "chosen_model": request.GET.get("model", ""),
        "chosen_user": chosen_user,
        "query": {key: value for key, value in request.GET.items() if key != "page"},
    }
    return TemplateResponse(request, "admin/campaigns/activity.html", context)


def _typed_id(text):
    """A row's id typed in the address or sent by a form, or None when it is not one."""
    try:
        number = int(text)
    except ValueError:
        return None
    return number if 0 < number < 2**63 and text.isascii() else None


def _history_url(model, row):
    """Where a stored row's history is: its own admin's history page, or (a tag on a case,
    which has no admin of its own) its case's."""
    if model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}_history"
        return reverse(name, args=[row["object_id"]])
    if row["campaign_version__campaign_id"]:
        return reverse(
            "admin:campaigns_campaign_history", args=[row["campaign_version__campaign_id"]]
        )
    return None


def _entries(revisions):
    """Each revision with how many rows of each model it saved and the first few by name."""
    ids = [revision.pk for revision in revisions]
    counts = defaultdict(list)
    for row in (
        Version.objects.filter(revision_id__in=ids)
        .order_by()
        .values("revision_id", "content_type_id")
        .annotate(rows=Count("pk"))
    ):
        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
        counts[row["revision_id"]].append((model._meta.verbose_name_plural, row["rows"]))
    named = defaultdict(list)
    first = (
        Version.objects.filter(revision_id__in=ids)
        .annotate(
            place=Window(RowNumber(), partition_by=[F("revision_id")], order_by=F("pk").asc())
        )
        .filter(place__lte=SHOWN_PER_REVISION)
        .values(
            "revision_id",
            "content_type_id",
            "object_id",
            "object_repr",
            "campaign_version__campaign_id",
        )
    )
    for row in first:
        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
        named[row["revision_id"]].append(
            (model._meta.verbose_name, row["object_repr"], _history_url(model, row))
        )
    removed = defaultdict(int)
    for row in (
        Removal.objects.filter(revision_id__in=ids)
        .order_by()
        .values("revision_id")
        .annotate(rows=Count("pk"))
    ):
        removed[row["revision_id"]] = row["rows"]
    return [
        {
            "revision": revision,
            "counts": sorted(counts[revision.pk], key=lambda pair: -pair[1]),
            "named": named[revision.pk],
            "removed": removed[revision.pk],
        }
        for revision in revisions
    ]


def audit(request):
    """The audit's findings (``auditing.audit()``), grouped by rule, each with a link to its
    record's change page when the curator may view that record; for anyone who may view cases.
    The catalogue is read in a fixed number of queries however large it is."""
    if not request.user.has_perm("campaigns.view_campaign"):
        raise PermissionDenied
    may_view = {}

    def change_url(finding):
        model = type(finding.record)
        if model not in may_view:
            model_admin = admin.site._registry.get(model)
            may_view[model] = bool(model_admin and model_admin.has_view_permission(request))
        return finding.admin_url() if may_view[model] else None

    groups = [
        (rule, [(finding, change_url(finding)) for finding in findings])
        for rule, findings in auditing.audit()
    ]
    context = {
        **admin.site.each_context(request),
        "title": _("Audit: claims the catalogue cannot back"),
        "groups": groups,
        "total": sum(len(findings) for _rule, findings in groups),
    }
    return TemplateResponse(request, "admin/campaigns/audit.html", context)


CHECKING_PER_PAGE = 50
"""Rows on one page of each list of "What needs checking"."""

SOURCES_CHECKED_FOR = datetime.timedelta(days=365)
"""How long a source's check holds before it is listed to be checked again."""


def checking(request):
    """What needs checking again: published cases' figures at least ``FIGURES_OLD_AFTER_YEARS``
    old, sources never checked or not for a year, published cases with no figure; each list
    paged on its own (a count and a page each, however large the catalogue). A POST marks a
    source checked today, by this curator, in the history. For editors and reviewers."""
    if not request.user.has_perm("campaigns.change_source"):
        raise PermissionDenied
    if request.method == "POST":
        _mark_checked(request)
        return HttpResponseRedirect(request.get_full_path())
    old_after = settings.FIGURES_OLD_AFTER_YEARS
    # Ages are counted in calendar years: a figure is old_after years old from 1 January.
    old_before = datetime.date(dates.today().year - old_after + 1, 1, 1)
    lists = {
        "figures": Figure.objects.dated_before(old_before),
        "sources": Source.objects.unchecked_since(timezone.now() - SOURCES_CHECKED_FOR),
        "cases": Campaign.objects.without_figures().order_by("title", "pk"),
    }
    pages = {
        name: Paginator(rows, CHECKING_PER_PAGE).get_page(request.GET.get(name))
        for name, rows in lists.items()
    }
    context = {
        **admin.site.each_context(request),
        "title": _("What needs checking"),
        "old_after": old_after,
        "pages": pages,
        "pagers": {name: _pager(request, name, page) for name, page in pages.items()},
    }
    return TemplateResponse(request, "admin/campaigns/checking.html", context)


def _pager(request, name, page):
    """The addresses of the previous and next pages of one list (``?<name>=<number>``), the
    other lists staying on their pages."""

    def address(number):
        query = request.GET.copy()
        query[name] = number
        return "?" + query.urlencode()

    return {
        "previous": address(page.previous_page_number()) if page.has_previous() else "",
        "next": address(page.next_page_number()) if page.has_next() else "",
    }


def _mark_checked(request):
    """Mark the source the form names checked now by this curator, and say so."""
    source_id = _typed_id(request.POST.get("source", ""))
    source = Source.objects.filter(pk=source_id).first() if source_id else None
    if source is None:
        messages.error(
            request,
            _("There is no such source (it may have been deleted meanwhile): nothing was marked."),
        )
        return
    services.mark_source_checked(source=source, user=request.user)
    messages.success(request, _("“%(title)s” is marked checked today.") % {"title": source.title})


@with_policy(ADMIN_HEADER)  # the sign-in page's look, whichever route axes answered from
def lockout(request, original_response=None, credentials=None):
    """The page a sign-in refused by django-axes gets (``AXES_LOCKOUT_CALLABLE``): 429 in the
    admin's look, saying why, for how long and who can unlock (README, "Sign-in lockout")."""
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in paused"),
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": max(1, round(cool_off.total_seconds() / 60)) if cool_off else 0,
    }
    response = TemplateResponse(
        request, "admin/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    add_never_cache_headers(response)
    return response.render()
