"""
The curators' roles: groups of permissions, made by a migration and kept in step after every
``migrate`` (``sync_roles``), so a permission added with a new model reaches its role.

- **Editor** writes and edits cases and their parts, submits them for review, and may delete a
  case only while it is not public. Editors cannot publish, unpublish or withdraw, and cannot
  change or delete a case once it is published or withdrawn (the admin enforces this per case).
  An editor's import of a catalogue file makes new cases drafts and may not change a published
  or withdrawn case (``loading.rules``).
- **Reviewer** does all an editor does, and approves and publishes, sends back with a note,
  unpublishes, withdraws and deletes; a reviewer's import may change published cases and
  publish new ones; reviewers alone edit the search aliases, which change what every reader's
  search finds at once (editors see them), and the units figures are counted in (editors
  choose among them).
- **Administrator** manages users and groups, sees (but does not edit) the catalogue, and, as
  reviewers do, adds units.

Reviewers and administrators also see the sign-in attempts and unlock a curator locked out by
too many failed sign-ins (django-axes: deleting the attempt unlocks); editors do not.

``createsuperuser`` makes the first login; ``manage.py add_to_role USER ROLE`` (or
``make role USER=… ROLE=…``) gives a person a role.
"""

from django.apps import apps as global_apps

EDITOR, REVIEWER, ADMINISTRATOR = "Editor", "Reviewer", "Administrator"

CATALOGUE = [
    "campaign",
    "figure",
    "participation",
    "campaignimage",
    "taggedcampaign",
    "evidence",
    "source",
    "organisation",
    "platform",
    "subjectevidence",
    "tag",
]
"""The catalogue's models, by model name."""

PARTS = ["figure", "participation", "campaignimage", "taggedcampaign", "evidence"]
"""The parts of a case an editor may delete (while the case is not public)."""

SEARCH_ALIASES = ["searchalias"]
"""The search aliases: they change what every reader's search finds at once, with no review, so
editors may look and only reviewers edit them."""

UNITS = ["unit"]
"""The units figures are counted in: a new one names figures on every page, so editors choose
among them and reviewers (and administrators) add them."""

WORKFLOW = ["suggestion"]
"""Models of the curators' own work: readers' suggestions."""

PUBLIC_RECORD = ["correction"]
"""What readers see about changes to published cases (corrections): editors may look, only
reviewers may reword or delete."""


def _codenames(actions, models):
    return [f"{action}_{model}" for model in models for action in actions]


SIGN_IN_ATTEMPTS = {
    "axes": [
        *_codenames(["view", "delete"], ["accessattempt"]),
        *_codenames(["view"], ["accesslog", "accessfailurelog"]),
    ]
}
"""Seeing failed sign-ins and unlocking (deleting an attempt), for reviewers and administrators."""


ROLES = {
    EDITOR: {
        "campaigns": [
            *_codenames(["view", "add", "change"], CATALOGUE),
            *_codenames(["delete"], ["campaign", *PARTS]),
            *_codenames(["view", "change"], WORKFLOW),
            *_codenames(["view"], PUBLIC_RECORD + SEARCH_ALIASES + UNITS),
        ],
    },
    REVIEWER: {
        "campaigns": [
            *_codenames(["view", "add", "change", "delete"], CATALOGUE),
            *_codenames(["view", "change", "delete"], WORKFLOW + PUBLIC_RECORD),
            *_codenames(["view", "add", "change", "delete"], SEARCH_ALIASES + UNITS),
            "publish_campaign",
        ],
        **SIGN_IN_ATTEMPTS,
    },
    ADMINISTRATOR: {
        "auth": _codenames(["view", "add", "change", "delete"], ["user", "group"]),
        "campaigns": [
            *_codenames(["view"], CATALOGUE + SEARCH_ALIASES),
            *_codenames(["view", "add", "change", "delete"], UNITS),
        ],
        **SIGN_IN_ATTEMPTS,
    },
}
"""Each role's permissions, by app label and codename (codenames not yet defined are skipped)."""


def sync_roles(apps=global_apps) -> None:
    """Make each role's group hold exactly its permissions (``apps``: a migration's models)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions_by_app in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = []
        for app_label, codenames in permissions_by_app.items():
            wanted += Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        group.permissions.set(wanted)


def sync_roles_after_migrate(sender, apps=global_apps, **kwargs) -> None:
    """``post_migrate``: keep the roles in step with the permissions the models define now."""
    sync_roles(apps)
