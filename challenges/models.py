from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Domain(models.Model):
    """The taxonomy of municipal domains (created by a data migration, editable by curators)."""

    slug = models.SlugField(_("identifiant"), max_length=50, unique=True)
    name_fr = models.CharField(_("nom en français"), max_length=120)
    name_en = models.CharField(_("nom en anglais"), max_length=120)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("domaine")
        verbose_name_plural = _("domaines")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "fr").startswith("en") else self.name_fr
