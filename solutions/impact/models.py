"""Cached renderings of the impact dashboard, per scope, filters and language."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImpactSnapshot(models.Model):
    """The impact dashboard's figures, rendered once for a key (audience, filters, language).

    Summing 100,000 challenges takes a few hundred milliseconds; a snapshot serves the same
    page to the next visitors for a few minutes (`solutions.impact.SNAPSHOT_SECONDS`). Writes to
    pilots clear the snapshots; other changes show once the snapshot expires.
    """

    key = models.CharField(max_length=200, unique=True)
    html = models.TextField()
    computed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("instantané du tableau d'impact")
        verbose_name_plural = _("instantanés du tableau d'impact")

    def __str__(self) -> str:
        return self.key
