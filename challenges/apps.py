from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "challenges"
    verbose_name = _("Enjeux")

    def ready(self) -> None:
        from partners.dashboard import register_dashboard_section, register_organization_section

        from . import search  # noqa: F401 - registers the SQLite search function
        from .dashboard import dashboard_section, organization_section

        register_dashboard_section(dashboard_section)
        register_organization_section(organization_section)
