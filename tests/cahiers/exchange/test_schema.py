"""Every model of the apps an edition spans is in its document or left out for a stated reason, and
the kinds agree with the models (no reference to a kind written later that could not wait)."""

from django.apps import apps

from cahiers.exchange.schema import APPS, BY_MODEL, KINDS, LEFT_OUT, spec_of, specs


def test_every_model_of_the_edition_apps_is_a_kind_or_left_out_with_a_reason():
    models = {model._meta.label_lower: model for app in APPS for model in apps.get_app_config(app).get_models()}
    missing = sorted(label for label, model in models.items() if model not in BY_MODEL and label not in LEFT_OUT)
    assert missing == [], (
        f"{missing}: add a Kind to cahiers/exchange/schema.py KINDS (one line, after the kinds it points to), "
        "or say in LEFT_OUT why its rows are not an edition's"
    )
    assert all(reason for reason in LEFT_OUT.values())
    assert set(LEFT_OUT) <= set(models)


def test_every_kind_is_named_after_its_model_once():
    assert [kind.name for kind in KINDS] == [kind.model._meta.label_lower for kind in KINDS]
    assert len({kind.model for kind in KINDS}) == len(KINDS)


def test_the_kinds_agree_with_the_models():
    for kind in KINDS:
        spec_of(kind)  # raises SchemaError on a reference to no kind, or forward and not nullable
        assert set(kind.skip) <= {f.name for f in kind.model._meta.get_fields()}, kind.name
        assert set(kind.embedded) <= {f.name for f in specs()[kind.name].plain}, kind.name


def test_only_what_must_wait_is_deferred():
    deferred = {name: spec.deferred for name, spec in specs().items() if spec.deferred}
    assert deferred == {
        "workshops.contribution": ("merged_into",),
        "promises.keyword": ("merged_into",),
        "cahiers.section": ("latest_revision", "live_revision"),
        "cahiers.revision": ("based_on",),
    }
