"""A cahier with one chapter of two sections; eve edits it, ed is another editor, alice facilitates."""

import pytest

from cahiers import services
from cahiers.models import Chapter
from tests import factories


@pytest.fixture
def eve(db):
    return factories.EditorFactory(username="eve")


@pytest.fixture
def ed(db):
    return factories.EditorFactory(username="ed")


@pytest.fixture
def alice(db):
    return factories.FacilitatorFactory(username="alice")


@pytest.fixture
def cahier(db):
    edition = factories.EditionFactory(title="Questions Numériques 2012/2013", slug="qn-2012")
    return services.cahier_create(edition=edition, title="Cahier d'enjeux 2012/2013")


@pytest.fixture
def chapter(cahier):
    return services.chapter_create(cahier=cahier, title="Introduction", kind=Chapter.Kind.INTRODUCTION)


@pytest.fixture
def section(chapter):
    return services.section_create(chapter=chapter, heading="Pourquoi ce cahier")


@pytest.fixture
def other_section(chapter):
    return services.section_create(chapter=chapter, heading="Comment le lire")
