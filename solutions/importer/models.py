"""An uploaded CSV of solutions, kept between its preview and its commit."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SolutionImport(models.Model):
    """A curator's CSV of solutions, kept between the preview and the commit."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("téléversé le"), auto_now_add=True)
    file_name = models.CharField(_("fichier"), max_length=200)
    records = models.JSONField(default=list)
    committed_at = models.DateTimeField(_("importé le"), null=True, blank=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("import de solutions")
        verbose_name_plural = _("imports de solutions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.file_name
