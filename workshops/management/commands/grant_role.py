"""Give (or take back) a staff role: `manage.py grant_role alice facilitator [--remove]`."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from core.roles import EDITORS, FACILITATORS

ROLES = {"facilitator": FACILITATORS, "editor": EDITORS}


class Command(BaseCommand):
    help = "Give a user the facilitator or editor role (a Django group), or take it back with --remove."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=sorted(ROLES))
        parser.add_argument("--remove", action="store_true", help="take the role back")

    def handle(self, *args, username, role, remove, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}: create it first (manage.py createsuperuser or the admin).")
        group, _created = Group.objects.get_or_create(name=ROLES[role])
        if remove:
            user.groups.remove(group)
            self.stdout.write(f"{username} is no longer {role}.")
        else:
            user.groups.add(group)
            self.stdout.write(f"{username} is now {role}.")
