from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_a_user_becomes_facilitator_and_can_create_workshops(outsider):
    assert not outsider.has_perm("workshops.create_workshop")
    call_command("grant_role", "charlie", "facilitator", stdout=StringIO())
    # A fresh object: django-rules caches a user's groups on the instance.
    assert get_user_model().objects.get(pk=outsider.pk).has_perm("workshops.create_workshop")


def test_the_role_is_taken_back(editor):
    call_command("grant_role", "eve", "editor", "--remove", stdout=StringIO())
    assert not get_user_model().objects.get(pk=editor.pk).has_perm("scenarios.edit_scenario")


def test_an_unknown_user_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("grant_role", "nobody", "editor")


def test_an_unknown_role_is_refused(outsider):
    with pytest.raises(CommandError):
        call_command("grant_role", "charlie", "king")
