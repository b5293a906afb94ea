"""
The case list's "Import a catalogue file" page: upload a file, see what it would do (a dry run
naming each row it would create or change, or every record it cannot load), then confirm or
cancel. (Staging, checking and loading the file are ``campaigns/importing.py``.)

Editors and reviewers may import, each as their role allows (``loading.rules``): an editor's
import makes new cases drafts and may not touch a published or withdrawn case; a reviewer's
may, and makes new cases drafts unless the reviewer unticks "Import new cases as drafts".

The uploads a curator has staged and not yet imported or cancelled are kept in the session
(``imports``: token → the file's name), so a curator confirms only their own.
"""

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import importing as uploads
from ..correcting import NoteForm
from ..loading import EDITOR, CorrectionNoteMissing, LoadError, LoadProblems, Rules
from .policy import can_publish

TEMPLATE = "admin/campaigns/campaign/import.html"


class ImportForm(forms.Form):
    """A catalogue file to import in the admin (checked before anything is saved)."""

    file = forms.FileField(
        label=_("Catalogue file"),
        help_text=_("A .json file of records, written as the sample file is."),
    )
    as_drafts = forms.BooleanField(
        label=_("Import new cases as drafts"),
        required=False,
        initial=True,
        help_text=_(
            "New cases are saved as drafts, for review, whatever status the file gives them. "
            "Untick to publish the cases the file marks as published."
        ),
    )

    def __init__(self, *args, reviewer, **kwargs):
        super().__init__(*args, **kwargs)
        if not reviewer:  # an editor's import always makes new cases drafts
            del self.fields["as_drafts"]


def rules_for(request, as_drafts):
    """What this curator's import may do: an editor's, what ``loading.EDITOR`` allows; a
    reviewer's anything, new cases made drafts if ``as_drafts``."""
    return Rules(new_cases_as_drafts=as_drafts) if can_publish(request) else EDITOR


def can_import(request):
    """Whether this curator may import (an editor or a reviewer: one who may add cases)."""
    return request.user.has_perm("campaigns.add_campaign")


def import_view(model_admin, request):
    """Import a catalogue file: upload, see what it would do, confirm (or cancel)."""
    if not can_import(request):
        raise PermissionDenied
    if request.method == "POST" and "confirm" in request.POST:
        return confirm(model_admin, request)
    if request.method == "POST" and "cancel" in request.POST:
        return cancel(request)
    return upload(model_admin, request)


def upload(model_admin, request):
    """The upload form; a valid upload is staged and checked (``dry_run``)."""
    form = ImportForm(request.POST or None, request.FILES or None, reviewer=can_publish(request))
    if request.method == "POST" and form.is_valid():
        try:
            token, name = uploads.stage(form.cleaned_data["file"])
        except uploads.UploadError as error:
            form.add_error("file", str(error))
        else:
            rules = rules_for(request, form.cleaned_data.get("as_drafts", True))
            return dry_run(model_admin, request, token, name, rules)
    return _page(model_admin, request, form=form)


def dry_run(model_admin, request, token, name, rules, sent=None):
    """What importing the staged upload would do, model by model, with the corrections
    readers would see (and the public note they need, previewed); to confirm or cancel. Or
    why it cannot be imported: every record that cannot be, each with its problem (and the
    upload is thrown away)."""
    _remember(request, token, name)
    try:
        report = uploads.check(token, rules=rules)
    except (uploads.UploadError, LoadError) as error:
        uploads.discard(token)
        _forget(request, token)
        problems = error.problems if isinstance(error, LoadProblems) else [str(error)]
        form = ImportForm(reviewer=can_publish(request))
        return _page(model_admin, request, form=form, refused=problems, name=name)
    corrections = [loaded.correction for loaded in report.corrections]
    # The note as sent with a confirmation it was missing from, checked against them.
    notes = NoteForm(sent, corrections=corrections)
    return _page(
        model_admin,
        request,
        report=report,
        token=token,
        name=name,
        rules=rules,
        rows=_report_rows(report),
        published_changes=sum(change.published for change in report.changes),
        notes=notes,
    )


def confirm(model_admin, request):
    """Import the staged upload the curator confirmed, in one transaction and one revision;
    if it changes a published figure and the public note is not written in both languages,
    back to its dry run, which says so."""
    token = request.POST.get("token", "")
    if token not in _staged(request):
        model_admin.message_user(
            request, _("That upload is not yours or has expired."), messages.ERROR
        )
        return HttpResponseRedirect(request.path)
    notes = NoteForm(request.POST)
    notes.is_valid()  # no corrections known yet: only the notes' lengths are checked
    # As the dry run was checked (an editor's import, whatever was sent, as an editor's).
    rules = rules_for(request, request.POST.get("as_drafts") == "1")
    try:
        report, name = uploads.run(token, user=request.user, note=notes.note(), rules=rules)
    except CorrectionNoteMissing:
        # Back to the dry run, whose note form, now knowing the corrections, says what is missing.
        name = _staged(request)[token]
        return dry_run(model_admin, request, token, name, rules, sent=request.POST)
    except (uploads.UploadError, LoadError) as error:
        model_admin.message_user(
            request,
            _("Nothing was imported: %(problem)s") % {"problem": error},
            messages.ERROR,
        )
        return HttpResponseRedirect(request.path)
    _forget(request, token)
    model_admin.message_user(
        request,
        _("Imported %(name)s: %(changed)s rows created or updated, in one revision.")
        % {"name": name, "changed": f"{report.changed:,}"},
        messages.SUCCESS,
    )
    return HttpResponseRedirect(reverse("admin:campaigns_campaign_changelist"))


def cancel(request):
    """Throw the staged upload away, back to the upload form."""
    token = request.POST.get("token", "")
    if token in _staged(request):
        uploads.discard(token)
        _forget(request, token)
    return HttpResponseRedirect(request.path)


def _page(model_admin, request, **context):
    request.current_app = model_admin.admin_site.name
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Import a catalogue file"),
        "opts": model_admin.opts,
        "limit": settings.IMPORT_MAX_BYTES,
        **context,
    }
    return TemplateResponse(request, TEMPLATE, context)


def _report_rows(report):
    """A dry run's counts, model by model, for the import page."""
    rows = []
    for label, counts in report.counts.items():
        model = apps.get_model(label)
        rows.append((model._meta.verbose_name_plural, counts))
    return rows


def _staged(request):
    """The uploads this curator has staged and not yet imported or cancelled: token → name."""
    return request.session.get("imports", {})


def _remember(request, token, name):
    staged = _staged(request)
    staged[token] = name
    request.session["imports"] = staged


def _forget(request, token):
    staged = _staged(request)
    staged.pop(token, None)
    request.session["imports"] = staged
