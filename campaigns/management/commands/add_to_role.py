"""``manage.py add_to_role USER ROLE``: give a curator a role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from campaigns.roles import ROLES, sync_roles


def article(role):
    """The role with its article: "an Editor", "a Reviewer", "an Administrator"."""
    return f"{'an' if role[0] in 'AEIOU' else 'a'} {role}"


class Command(BaseCommand):
    """Give a curator a role (Editor, Reviewer or Administrator); they can then sign in."""

    help = (
        "Add a user to a curators' role: "
        + ", ".join(ROLES)
        + ". The user becomes staff, so they can sign in to /admin/. --remove takes the role "
        "away again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", help="One of: " + ", ".join(ROLES) + " (any case).")
        parser.add_argument("--remove", action="store_true", help="Take the role away.")

    def handle(self, *args, username, role, remove, **options):
        names = {name.lower(): name for name in ROLES}
        if role.lower() not in names:
            raise CommandError(f"There is no role {role!r}: choose one of {', '.join(ROLES)}.")
        role = names[role.lower()]
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(
                f"There is no user {username!r}. Make one first: manage.py createsuperuser, "
                "or add them in the admin under Users."
            ) from None
        sync_roles()
        group = Group.objects.get(name=role)
        if remove:
            user.groups.remove(group)
            self.stdout.write(self.style.SUCCESS(f"{username} is no longer {article(role)}."))
            return
        user.groups.add(group)
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        self.stdout.write(self.style.SUCCESS(f"{username} is now {article(role)}."))
