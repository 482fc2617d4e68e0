"""Every cahiers rule, for every role, with the cahier in draft, in review and published."""

import pytest
import rules

from core.rules import Visitor
from tests import factories

from cahiers import services
from cahiers.models import Cahier, Comment, ExportRun, Section, Status
from core.rules import access
from tests.rules_world import ROLES, STAFF

STATES = ["draft", "in_review", "published"]
ALWAYS = set(STATES)
EDITORS = {"editor", "superuser"}

# rule: (target, roles it lets in, states it lets them in)
RULES = {
    "cahiers.view_cahiers": (None, EDITORS, ALWAYS),
    "cahiers.create_cahier": (None, EDITORS, ALWAYS),
    "cahiers.edit_cahier": ("section", EDITORS, ALWAYS),
    "cahiers.publish_cahier": ("cahier", EDITORS, ALWAYS),
    "cahiers.moderate_comment": ("comment", EDITORS, ALWAYS),
    "cahiers.export_cahier": ("cahier", EDITORS, ALWAYS),
    "cahiers.import_edition": (None, EDITORS, ALWAYS),
    # Names are replaced once the cahier is out, not before.
    "cahiers.anonymise_edition": ("cahier", EDITORS, {"published"}),
}
# What the pages enforce (403): without the timing part, which the service checks under its locks.
ACCESS = {**RULES, "cahiers.anonymise_edition": ("cahier", EDITORS, ALWAYS)}
READ = {
    # Readers read the published cahier; before that, the editors only.
    "cahiers.read_cahier": {"draft": EDITORS, "in_review": EDITORS, "published": set(ROLES)},
    # Anyone with an account comments on the published text; a participant has none, and nobody
    # comments before it is published (the editors neither).
    "cahiers.comment": {"draft": set(), "in_review": set(), "published": STAFF},
}
# rule: (version, status of the export) -> the roles it lets download, per state of the cahier
DOWNLOAD = {
    # The published text's finished export: anyone's once the cahier is published.
    ("published", "done"): {"draft": EDITORS, "in_review": EDITORS, "published": set(ROLES)},
    # The working text is the editors' only, published or not.
    ("working", "done"): {"draft": EDITORS, "in_review": EDITORS, "published": EDITORS},
    # An export not finished has nothing to give readers.
    ("published", "running"): {"draft": EDITORS, "in_review": EDITORS, "published": EDITORS},
}


@pytest.fixture
def in_state(world):
    cahier = services.cahier_create(edition=world.workshop.edition, title="Cahier d'enjeux")
    chapter = services.chapter_create(cahier=cahier, title="Introduction", kind="introduction")
    section = services.section_create(chapter=chapter, heading="Pourquoi")
    services.section_save(section=section, text="Le texte.", author=None, based_on=None)
    reader = factories.UserFactory(username="reader")

    def put(state):
        if state == "in_review":
            Cahier.objects.filter(pk=cahier.pk).update(status=Status.IN_REVIEW)
        elif state == "published":
            services.cahier_publish(cahier=cahier)
        live = Section.objects.get(pk=section.pk).live_revision
        comment = Comment.objects.create(section=section, revision=live, author=reader, text="Un commentaire.")
        return {
            None: None,
            "cahier": Cahier.objects.get(pk=cahier.pk),
            "section": Section.objects.select_related("chapter__cahier").get(pk=section.pk),
            "comment": Comment.objects.select_related("section__chapter__cahier").get(pk=comment.pk),
        }

    return put


def _row(check, world, target):
    return {role: check(world.visitor(role), target) for role in ROLES}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("rule", sorted(RULES))
def test_only_editors_make_the_cahier_in_every_state(world, in_state, rule, state):
    target_name, roles, states = RULES[rule]
    target = in_state(state)[target_name]
    expected = {role: role in roles and state in states for role in ROLES}
    assert _row(lambda visitor, obj: rules.has_perm(rule, visitor, obj), world, target) == expected
    _target, access_roles, access_states = ACCESS[rule]
    expected_access = {role: role in access_roles and state in access_states for role in ROLES}
    assert _row(lambda visitor, obj: access(rule).test(visitor, obj), world, target) == expected_access


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("target_name", ["cahier", "section", "comment"])
@pytest.mark.parametrize("rule", sorted(READ))
def test_everyone_reads_the_published_cahier_and_signed_in_readers_comment_on_it(world, in_state, state, target_name, rule):
    target = in_state(state)[target_name]
    expected = {role: role in READ[rule][state] for role in ROLES}
    assert _row(lambda visitor, obj: rules.has_perm(rule, visitor, obj), world, target) == expected
    assert _row(lambda visitor, obj: access(rule).test(visitor, obj), world, target) == expected


@pytest.mark.parametrize("state", STATES)
def test_a_reader_with_an_account_and_no_role_reads_and_comments_once_published_and_moderates_nothing(world, in_state, state):
    reader = Visitor(user=factories.UserFactory(username="reader"))
    objects = in_state(state)
    published = state == "published"
    assert rules.has_perm("cahiers.read_cahier", reader, objects["cahier"]) is published
    assert rules.has_perm("cahiers.comment", reader, objects["section"]) is published
    assert not rules.has_perm("cahiers.moderate_comment", reader, objects["comment"])
    assert not rules.has_perm("cahiers.edit_cahier", reader, objects["section"])


def test_a_facilitator_who_is_not_an_editor_is_refused_every_editor_action(world, in_state):
    objects = in_state("draft")
    for rule in RULES:
        assert not rules.has_perm(rule, world.visitor("facilitator"), objects[RULES[rule][0]])


def test_every_cahiers_rule_is_in_the_matrix():
    registered = {name for name in rules.permissions.permissions if name.startswith("cahiers.")}
    assert registered == set(RULES) | set(READ) | {"cahiers.download_export"}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", sorted(DOWNLOAD))
def test_anyone_downloads_the_published_texts_export_of_a_published_cahier_and_only_editors_the_rest(world, in_state, state, kind):
    cahier = in_state(state)["cahier"]
    version, status = kind
    run = ExportRun(cahier=cahier, format="pdf", version=version, status=status)
    expected = {role: role in DOWNLOAD[kind][state] for role in ROLES}
    assert _row(lambda visitor, obj: rules.has_perm("cahiers.download_export", visitor, obj), world, run) == expected
    assert _row(lambda visitor, obj: access("cahiers.download_export").test(visitor, obj), world, run) == expected
