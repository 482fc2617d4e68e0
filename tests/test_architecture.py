"""The apps depend on each other in one direction only (README, "Architecture"):
core <- scenarios <- workshops <- voting <- promises <- cahiers <- demo, and foresight, the configuration, above them all.
import-linter checks every import, those inside functions included, against the layers in pyproject.toml."""

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from importlinter.cli import EXIT_STATUS_SUCCESS, lint_imports

PYPROJECT = settings.BASE_DIR / "pyproject.toml"


def importlinter_config() -> dict:
    return tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]


def test_no_app_imports_an_app_above_it():
    # The report (which module imports which, and on what line) is printed, so a failure shows it.
    assert lint_imports(config_filename=str(PYPROJECT), no_cache=True, no_logo=True) == EXIT_STATUS_SUCCESS


def test_every_app_of_the_project_has_its_layer():
    """A new app (cahiers) left out of the layers would be checked against nothing."""
    config = importlinter_config()
    (contract,) = config["contracts"]
    ours = {app.name for app in apps.get_app_configs() if Path(app.path).parent == settings.BASE_DIR}
    assert contract["type"] == "layers"
    assert set(contract["layers"]) == ours | {"foresight"}
    assert set(config["root_packages"]) == set(contract["layers"])


def test_the_shared_vocabulary_and_the_demo_sit_at_the_two_ends():
    layers = importlinter_config()["contracts"][0]["layers"]
    assert layers[-1] == "core"
    assert layers.index("demo") < min(layers.index(app) for app in ("voting", "workshops", "scenarios", "core"))
