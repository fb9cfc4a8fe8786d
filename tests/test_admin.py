"""Django admin covers every model of the portal, and each admin page opens."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

APPS = ("partners", "challenges", "solutions")


def _covered_models() -> set:
    covered = set()
    for model, model_admin in admin.site._registry.items():
        covered.add(model)
        covered.update(inline.model for inline in model_admin.inlines)
    return covered


def test_every_model_has_an_admin():
    covered = _covered_models()
    missing = [
        f"{m._meta.app_label}.{m.__name__}"
        for app in APPS
        for m in apps.get_app_config(app).get_models()
        if m not in covered
    ]
    assert missing == []


@pytest.mark.parametrize(
    "model",
    [m for app in APPS for m in apps.get_app_config(app).get_models() if m in admin.site._registry],
    ids=lambda m: m.__name__,
)
def test_admin_list_and_add_pages_open(admin_client, model):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(url).status_code == 200
    add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
    assert admin_client.get(add).status_code in (200, 403)
