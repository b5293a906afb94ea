"""
What an editor and a reviewer may do to a case and its parts in the admin. (The roles
themselves, groups of permissions, are made in ``campaigns/roles.py``.)

A reviewer, who may publish, may do all the model permissions allow. An editor may change,
delete and restore a case only while it is a draft or in review, and set only those statuses;
and may add, change, delete and restore its figures, participants and images only while their
case is such a case.
"""

from django.core.exceptions import PermissionDenied

from ..models import EDITABLE_BY_EDITORS, Campaign, Status


def can_publish(request):
    """Whether this curator may publish, send back, unpublish and withdraw (a reviewer)."""
    return request.user.has_perm("campaigns.publish_campaign")


def may_edit_campaign(request, campaign):
    """Whether this curator may change the case (None: a new row, or no case)."""
    return campaign is None or campaign.status in EDITABLE_BY_EDITORS or can_publish(request)


class RestorePermissions:
    """Who may restore a version or recover a deleted row (``HistoryAdminMixin``): a reviewer
    anything, an editor only what ``may_restore`` allows for each row of this admin's model."""

    def may_restore(self, request, object_id, stored):
        """Whether an editor may put back row ``object_id`` as ``stored`` (its stored version
        with its fields read; None: the row did not exist then, and would be deleted)."""
        raise NotImplementedError

    def check_restore(self, request, state):
        if can_publish(request):
            return
        for (model, object_id), stored in state.items():
            if model is self.model and not self.may_restore(request, object_id, stored):
                raise PermissionDenied


class CampaignPermissions(RestorePermissions):
    """A case's own admin: an editor may change or delete a case only while it is not public,
    and moves it between draft and review only."""

    def has_publish_permission(self, request):
        return can_publish(request)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_edit_campaign(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_edit_campaign(request, obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not can_publish(request):
            # An editor moves a case between draft and review only: any other status sent
            # by a crafted form is refused as an invalid choice.
            kwargs["choices"] = [
                (value, label) for value, label in Status.choices if value in EDITABLE_BY_EDITORS
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def may_restore(self, request, object_id, stored):
        # An editor may restore (or recover) a case only from and to a status they could
        # set themselves; its parts go with it (``history.prepare`` leaves other cases' alone).
        current = Campaign.objects.filter(pk=object_id).first()
        return may_edit_campaign(request, current) and (
            stored is None or stored.fields.get("status") in EDITABLE_BY_EDITORS
        )


class CampaignPartPermissions(RestorePermissions):
    """The parts of a case (figures, participants, images) follow their case: an editor may
    change them only while the case is not public, and may attach them only to such a case.
    On an inline, ``obj`` is the case itself."""

    def _case_of(self, obj):
        return obj if isinstance(obj, Campaign) else getattr(obj, "campaign", None)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and may_edit_campaign(
            request, self._case_of(obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and may_edit_campaign(
            request, self._case_of(obj)
        )

    def has_add_permission(self, request, *args):
        obj = args[0] if args else None
        return super().has_add_permission(request, *args) and may_edit_campaign(
            request, self._case_of(obj)
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "campaign" and field is not None and not can_publish(request):
            field.queryset = field.queryset.filter(status__in=EDITABLE_BY_EDITORS)
        return field

    def may_restore(self, request, object_id, stored):
        # The part's case now and its case in the version put back must both be editable.
        current = self.model._base_manager.filter(pk=object_id).first()
        cases = {getattr(current, "campaign_id", None)}
        if stored is not None:
            cases.add(stored.fields.get("campaign"))
        editable = Campaign.objects.filter(pk__in=[pk for pk in cases if pk])
        return all(may_edit_campaign(request, case) for case in editable)
