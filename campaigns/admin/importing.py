"""
The case list's "Import a catalogue file" page: upload a file, see what it would do (a dry run
with the loader's own messages), then confirm or cancel. A reviewer's job: a file can publish
cases. (Staging, checking and loading the file are ``campaigns/importing.py``.)

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
from ..loading import CorrectionNoteMissing, LoadError
from .policy import can_publish

TEMPLATE = "admin/campaigns/campaign/import.html"


class ImportForm(forms.Form):
    """A catalogue file to import in the admin (checked before anything is saved)."""

    file = forms.FileField(
        label=_("Catalogue file"),
        help_text=_("A .json file in the format export_catalogue writes and load_catalogue reads."),
    )


def import_view(model_admin, request):
    """Import a catalogue file: upload, see what it would do, confirm (or cancel)."""
    if not can_publish(request):
        raise PermissionDenied
    if request.method == "POST" and "confirm" in request.POST:
        return confirm(model_admin, request)
    if request.method == "POST" and "cancel" in request.POST:
        return cancel(request)
    return upload(model_admin, request)


def upload(model_admin, request):
    """The upload form; a valid upload is staged and checked (``dry_run``)."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, name = uploads.stage(form.cleaned_data["file"])
        except uploads.UploadError as error:
            form.add_error("file", str(error))
        else:
            return dry_run(model_admin, request, token, name)
    return _page(model_admin, request, form=form)


def dry_run(model_admin, request, token, name, sent=None):
    """What importing the staged upload would do, model by model, with the corrections
    readers would see (and the public note they need, previewed); to confirm or cancel. Or
    why it cannot be imported (and the upload is thrown away)."""
    _remember(request, token, name)
    try:
        report = uploads.check(token)
    except (uploads.UploadError, LoadError) as error:
        uploads.discard(token)
        _forget(request, token)
        return _page(model_admin, request, form=ImportForm(), refused=str(error), name=name)
    corrections = [loaded.correction for loaded in report.corrections]
    # The note as sent with a confirmation it was missing from, checked against them.
    notes = NoteForm(sent, corrections=corrections)
    return _page(
        model_admin,
        request,
        report=report,
        token=token,
        name=name,
        rows=_report_rows(report),
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
    try:
        report, name = uploads.run(token, user=request.user, note=notes.note())
    except CorrectionNoteMissing:
        # Back to the dry run, whose note form, now knowing the corrections, says what is missing.
        return dry_run(model_admin, request, token, _staged(request)[token], sent=request.POST)
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
