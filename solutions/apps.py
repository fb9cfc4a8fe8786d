from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolutionsConfig(AppConfig):
    name = "solutions"
    verbose_name = _("Solutions et jumelages")

    def ready(self) -> None:
        from challenges.selectors import register_case_study_provider
        from partners.dashboard import (
            register_dashboard_section,
            register_organization_section,
        )
        from solutions import tasks  # noqa: F401 - connects matching to `challenge_published`
        from solutions.case_studies import dashboard as case_studies_dashboard
        from solutions.case_studies.selectors import case_studies_for_challenge
        from solutions.catalogue import dashboard as catalogue_dashboard
        from solutions.pilots import dashboard as pilots_dashboard
        from solutions.proposals import dashboard as proposals_dashboard

        register_dashboard_section(proposals_dashboard.innovator_section)
        register_dashboard_section(proposals_dashboard.city_section)
        register_organization_section(catalogue_dashboard.organization_section)
        register_case_study_provider(case_studies_for_challenge)
        register_dashboard_section(pilots_dashboard.dashboard_section)
        register_organization_section(case_studies_dashboard.organization_section)
