"""`Match` links one challenge to one solution, whoever made the link: the matching engine
(origin auto), a curator, or the innovator's own proposal (origin innovator)."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from challenges.models import Challenge
from solutions.catalogue.models import MAX_AMOUNT, Solution, random_upload_path

# The innovator's pitch on a proposal.
PITCH_FIELDS = ("pitch", "fit", "cost_min", "cost_max", "currency", "timeline", "references")


def match_attachment_path(instance: "Match", filename: str) -> str:
    return random_upload_path("proposals", filename)


class Match(models.Model):
    """One challenge × one solution: a suggestion, a proposal, and what curators make of it."""

    class Origin(models.TextChoices):
        AUTO = "auto", _("Suggestion automatique")
        CURATOR = "curator", _("Ajouté par IVÉO")
        INNOVATOR = "innovator", _("Proposé par l'innovateur")

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggéré")
        PROPOSED = "proposed", _("Proposé")
        SHORTLISTED = "shortlisted", _("Présélectionné")
        INTRODUCED = "introduced", _("Mise en relation faite")
        PILOT = "pilot", _("Projet pilote")
        DECLINED = "declined", _("Décliné")
        WITHDRAWN = "withdrawn", pgettext_lazy("proposal", "Retiré")

    # An innovator's live proposal (what the city reviews).
    ACTIVE_PROPOSAL_STATUSES = (
        Status.PROPOSED,
        Status.SHORTLISTED,
        Status.INTRODUCED,
        Status.PILOT,
    )
    WITHDRAWABLE_STATUSES = (Status.PROPOSED, Status.SHORTLISTED, Status.INTRODUCED)

    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="matches"
    )
    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="matches")
    origin = models.CharField(_("origine"), max_length=10, choices=Origin, default=Origin.AUTO)
    status = models.CharField(
        _("statut"),
        max_length=12,
        choices=Status,
        default=Status.SUGGESTED,
        db_index=True,
    )
    score = models.FloatField(_("score"), default=0.0)
    reasons = models.JSONField(_("raisons"), default=list, blank=True)
    # The innovator's pitch.
    pitch = models.TextField(
        _("la solution proposée"),
        max_length=5000,
        blank=True,
        help_text=_("Ce que vous proposez, concrètement."),
    )
    fit = models.TextField(_("comment elle répond au besoin"), max_length=5000, blank=True)
    cost_min = models.PositiveIntegerField(
        _("coût minimal estimé"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AMOUNT)],
    )
    cost_max = models.PositiveIntegerField(
        _("coût maximal estimé"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AMOUNT)],
    )
    # The currencies the portal offers, the challenge's own list.
    currency = models.CharField(
        _("devise"), max_length=3, choices=Challenge.Currency, default=Challenge.Currency.CAD
    )
    timeline = models.TextField(_("échéancier"), max_length=2000, blank=True)
    references = models.TextField(_("références"), max_length=3000, blank=True)
    attachment = models.FileField(
        _("document joint"), upload_to=match_attachment_path, max_length=200, blank=True
    )
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment_type = models.CharField(max_length=120, blank=True)
    terms_accepted_at = models.DateTimeField(_("conditions acceptées le"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposé le"), null=True, blank=True)
    decline_reason = models.TextField(_("motif du refus"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("jumelage")
        verbose_name_plural = _("jumelages")
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["challenge", "solution"], name="match_once"),
            models.CheckConstraint(
                condition=Q(cost_min__isnull=True)
                | Q(cost_max__isnull=True)
                | Q(cost_min__lte=models.F("cost_max")),
                name="match_cost_range",
            ),
        ]
        indexes = [models.Index(fields=["challenge", "status"])]

    def __str__(self) -> str:
        return f"{self.challenge_id} × {self.solution_id} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("solutions:proposal_detail", kwargs={"pk": self.pk})

    @property
    def is_proposal(self) -> bool:
        return self.proposed_at is not None and self.status != self.Status.SUGGESTED
