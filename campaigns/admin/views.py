"""Admin views outside any one model's admin."""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404
from django.utils.translation import gettext as _


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" address (/admin/r/…), for those who may view the row only.

    Django's own redirects any staff member to the row's public address, which tells a staff
    member without permissions the slug of a draft. Here anyone who may not view rows of that
    model gets the same "not found" as for a row that does not exist.
    """
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    model_admin = admin.site._registry.get(model)
    if model_admin is None or not model_admin.has_view_permission(request):
        raise Http404(_("There is nothing to view at this address."))
    return shortcut(request, content_type_id, object_id)
