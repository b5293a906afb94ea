"""
The revision history in the admin: every save, inline edit, action and deletion made in it is
a revision (``campaigns.history``), and every catalogue model's admin gets

- a history page: each revision with who, when, the comment and what changed, field by field
  (a case's page shows its figures, participants, images and tags changing with it);
- "restore this version" on each revision, as a new revision;
- a list of deleted rows to recover (a deleted case comes back with its parts).
"""

from contextlib import nullcontext

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import localize
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from reversion.models import Version

from .. import history
from ..correcting import NoteForm

RECOVERABLE_PER_PAGE = 100
"""Deleted rows listed on one page of the recover list."""


class HistoryAdminMixin:
    """Revisions for every change made through this admin, a history page with diffs,
    restore and recover."""

    object_history_template = "admin/campaigns/object_history.html"
    change_list_template = "admin/campaigns/change_list.html"

    def history_of(self, object_id) -> history.History:
        """The stored history shown on an object's history page."""
        return history.History.of_row(self.model, object_id)

    # ----------------------------------------------------------------------- recording

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with _recording(request):
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        with _recording(request):  # actions and list edits
            return super().changelist_view(request, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        with _recording(request):
            return super().delete_view(request, object_id, extra_context)

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        _comment(entry.get_change_message() or _("Added."))
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        _comment(entry.get_change_message() or _("Saved with no change."))
        return entry

    def log_deletions(self, request, queryset):
        objects = list(queryset)
        names = ", ".join(history.describe(obj) for obj in objects[:5])
        if len(objects) > 5:
            names += " " + _("and %(count)d more") % {"count": len(objects) - 5}
        _comment(_("Deleted %(names)s.") % {"names": names})
        return super().log_deletions(request, objects)

    # ----------------------------------------------------------------------- pages

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/<int:revision_id>/restore/",
                view(self.restore_view),
                name=f"{name}_restore",
            ),
            path("recover/", view(self.recover_list_view), name=f"{name}_recoverlist"),
            path(
                "recover/<int:version_id>/",
                view(self.recover_view),
                name=f"{name}_recover",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("There is no such %(name)s.") % {"name": self.opts.verbose_name})
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        stored = self.history_of(obj.pk)
        paginator = Paginator(stored.revision_ids(), history.REVISIONS_PER_PAGE)
        page = paginator.get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("History of %(name)s") % {"name": obj},
            "subtitle": None,
            "opts": self.opts,
            "object": obj,
            "entries": stored.entries(list(page.object_list)),
            "page_obj": page,
            "can_restore": self.has_change_permission(request, obj),
            "restore_url": f"admin:{self.opts.app_label}_{self.opts.model_name}_restore",
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def restore_view(self, request, object_id, revision_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("There is no such %(name)s.") % {"name": self.opts.verbose_name})
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        stored = self.history_of(obj.pk)
        if revision_id not in stored.revision_ids():
            raise Http404(
                _("That revision did not change this %(name)s.") % {"name": self.opts.verbose_name}
            )
        (entry,) = stored.entries([revision_id])
        return self._restore_or_confirm(
            request,
            stored,
            entry.revision,
            title=_("Restore %(name)s") % {"name": obj},
            comment=_("Restored to the version of %(date)s (revision %(id)d).")
            % {"date": _when(entry.revision), "id": revision_id},
            entry=entry,
            recover=False,
            back=reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_history",
                args=[quote(obj.pk)],
            ),
        )

    def recover_list_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        deleted = Version.objects.get_deleted(self.model).select_related("revision__user")
        paginator = Paginator(deleted.order_by("-pk"), RECOVERABLE_PER_PAGE)
        page = paginator.get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Recover deleted %(name)s") % {"name": self.opts.verbose_name_plural},
            "opts": self.opts,
            "page_obj": page,
            "recover_url": f"admin:{self.opts.app_label}_{self.opts.model_name}_recover",
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/campaigns/recover_list.html", context)

    def recover_view(self, request, version_id):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_deleted(self.model).select_related("revision__user"),
            pk=version_id,
        )
        stored = self.history_of(version.object_id)
        return self._restore_or_confirm(
            request,
            stored,
            version.revision,
            title=_("Recover %(name)s") % {"name": version.object_repr},
            comment=_("Recovered %(name)s, deleted in revision %(id)d.")
            % {"name": version.object_repr, "id": version.revision_id},
            entry=None,
            recover=True,
            back=reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_recoverlist"),
            object_id=version.object_id,
        )

    def check_restore(self, request, state):
        """Refuse (PermissionDenied) a restore this user may not make; roles add rules.
        ``state`` is what would be put back (``history.prepare``), with every row's fields."""

    def _restore_or_confirm(
        self, request, stored, revision, *, title, comment, entry, recover, back, object_id=None
    ):
        state = history.prepare(stored, revision.pk, recover=recover)
        self.check_restore(request, state)
        # Figures of a published case that would state something else: readers are told,
        # with a public note in both languages, previewed here as they will read it.
        data = request.POST if request.method == "POST" else None
        notes = NoteForm(data, corrections=history.corrections(state))
        if request.method == "POST" and notes.is_valid():
            try:
                history.restore(
                    stored,
                    revision.pk,
                    user=request.user,
                    comment=comment,
                    recover=recover,
                    note=notes.note(),
                )
            except history.RestoreError as error:
                self.message_user(
                    request,
                    _("Nothing was restored: %(problem)s") % {"problem": error},
                    messages.ERROR,
                )
                return HttpResponseRedirect(back)
            self.message_user(request, comment, messages.SUCCESS)
            pk = (
                object_id
                if object_id is not None
                else unquote(request.resolver_match.kwargs["object_id"])
            )
            return HttpResponseRedirect(
                reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[quote(pk)],
                )
            )
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "revision": revision,
            "entry": entry,
            "plan": history.plan(state),
            "notes": notes,
            "recover": recover,
            "back": back,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/campaigns/restore_confirm.html", context)


def _recording(request):
    """A revision for what a request writes (a GET writes nothing, and costs no savepoint)."""
    if request.method == "POST":
        return history.recording(user=request.user)
    return nullcontext()


def _comment(text):
    rec = history.current()
    if rec is not None:
        rec.set_comment(str(text))


def _when(revision):
    return localize(template_localtime(revision.date_created))
