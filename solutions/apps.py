from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolutionsConfig(AppConfig):
    name = "solutions"
    verbose_name = _("Solutions et jumelages")

    def ready(self) -> None:
        from partners.dashboard import (
            register_dashboard_section,
            register_organization_section,
        )

        from . import tasks  # noqa: F401 - connects matching to `challenge_published`
        from .dashboard import city_section, innovator_section, organization_section

        register_dashboard_section(innovator_section)
        register_dashboard_section(city_section)
        register_organization_section(organization_section)
        from .pilots_selectors import register_hooks as register_pilot_hooks

        register_pilot_hooks()
