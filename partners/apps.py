from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Organisations et personnes")

    def ready(self) -> None:
        from . import lookups  # noqa: F401 - registers IntegerFieldIn
        from .caching import connect_signals

        connect_signals()
