"""A case study: a completed pilot's measured results, published for other cities to copy."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from challenges.models import Challenge
from solutions.pilots.models import PilotProject


class CaseStudy(models.Model):
    """A finished pilot told for other cities: the need, the solution, results, cost, lessons."""

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        NETWORK = "network", _("Réseau : membres vérifiés seulement")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Brouillon")
        PUBLISHED = "published", _("Publiée")

    Language = Challenge.Language

    pilot = models.OneToOneField(
        PilotProject,
        verbose_name=_("projet pilote"),
        on_delete=models.PROTECT,
        related_name="case_study",
    )
    title = models.CharField(_("titre"), max_length=200)
    summary = models.TextField(_("résumé"), max_length=600, blank=True)
    need = models.TextField(_("le besoin"), max_length=10000, help_text=_("Markdown accepté."))
    solution_text = models.TextField(
        _("la solution"), max_length=10000, blank=True, help_text=_("Markdown accepté.")
    )
    results = models.TextField(
        _("les résultats"),
        max_length=10000,
        blank=True,
        help_text=_("Markdown accepté."),
    )
    lessons = models.TextField(
        _("leçons apprises"),
        max_length=10000,
        blank=True,
        help_text=_("Markdown accepté."),
    )
    cost_note = models.CharField(
        _("précisions sur le coût"),
        max_length=500,
        blank=True,
        help_text=_("Le budget du projet pilote est affiché ; ajoutez ce qui aide à le comparer."),
    )
    contacts = models.TextField(
        _("personnes-ressources"),
        max_length=2000,
        blank=True,
        help_text=_("Qui joindre à la ville et chez l'innovateur, avec leur accord."),
    )
    language = models.CharField(_("langue"), max_length=2, choices=Language, default=Language.FR)
    visibility = models.CharField(
        _("visibilité"), max_length=10, choices=Visibility, default=Visibility.PUBLIC
    )
    status = models.CharField(
        _("statut"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("étude de cas")
        verbose_name_plural = _("études de cas")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["status", "visibility", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("solutions:case_study_detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class CaseStudyCopy(models.Model):
    """A "copy this idea for my city": the draft challenge it created, and from which case study."""

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="copies")
    challenge = models.OneToOneField(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="copied_from"
    )
    city = models.ForeignKey(
        "partners.Organization",
        on_delete=models.CASCADE,
        related_name="case_study_copies",
    )
    copied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("copiée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("reprise d'une étude de cas")
        verbose_name_plural = _("reprises d'études de cas")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.case_study_id} → {self.challenge_id}"
