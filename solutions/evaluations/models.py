"""Evaluation of proposals.

An `EvaluationGrid` belongs to a challenge: weighted `EvaluationCriterion` rows (a numeric scale
or yes/no), `Evaluator` assignments (the city's staff and curators) and one `EvaluationSheet` per
evaluator × proposal, which carries the conflict-of-interest declaration, the private notes and
the `EvaluationScore` of each criterion."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EvaluationGrid(models.Model):
    """How a challenge's proposals are evaluated: criteria, evaluators and their sheets."""

    challenge = models.OneToOneField(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="evaluation_grid"
    )
    instructions = models.TextField(_("consignes aux évaluateurs"), max_length=3000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("grille d'évaluation")
        verbose_name_plural = _("grilles d'évaluation")

    def __str__(self) -> str:
        return str(self.challenge_id)


class EvaluationCriterion(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Note sur une échelle")
        YES_NO = "yes_no", _("Oui ou non")

    grid = models.ForeignKey(EvaluationGrid, on_delete=models.CASCADE, related_name="criteria")
    label = models.CharField(_("critère"), max_length=200)
    description = models.TextField(_("précisions"), max_length=1000, blank=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind, default=Kind.SCALE)
    scale_max = models.PositiveSmallIntegerField(
        _("note maximale"),
        default=5,
        validators=[MinValueValidator(2), MaxValueValidator(10)],
        help_text=_("Pour une échelle : de 0 à cette note (entre 2 et 10)."),
    )
    weight = models.PositiveSmallIntegerField(
        _("poids"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Importance relative du critère, de 1 à 100."),
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("critère d'évaluation")
        verbose_name_plural = _("critères d'évaluation")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label

    @property
    def maximum(self) -> int:
        return 1 if self.kind == self.Kind.YES_NO else self.scale_max


class Evaluator(models.Model):
    """A person assigned to evaluate a challenge's proposals (the city's staff or a curator)."""

    grid = models.ForeignKey(EvaluationGrid, on_delete=models.CASCADE, related_name="evaluators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="evaluator_assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigné le"), auto_now_add=True)

    class Meta:
        verbose_name = _("évaluateur")
        verbose_name_plural = _("évaluateurs")
        ordering = ["assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["grid", "user"], name="evaluator_once_per_grid")
        ]

    def __str__(self) -> str:
        return f"{self.grid_id} · {self.user_id}"


class EvaluationSheet(models.Model):
    """One evaluator's view of one proposal: conflict declaration, scores and private notes."""

    evaluator = models.ForeignKey(Evaluator, on_delete=models.CASCADE, related_name="sheets")
    match = models.ForeignKey(
        "solutions.Match", on_delete=models.CASCADE, related_name="evaluation_sheets"
    )
    conflict = models.BooleanField(_("conflit d'intérêts déclaré"), default=False)
    conflict_details = models.TextField(
        _("nature du conflit d'intérêts"), max_length=1000, blank=True
    )
    notes = models.TextField(_("notes privées"), max_length=5000, blank=True)
    declared_at = models.DateTimeField(_("déclaration faite le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("fiche d'évaluation")
        verbose_name_plural = _("fiches d'évaluation")
        constraints = [models.UniqueConstraint(fields=["evaluator", "match"], name="sheet_once")]

    def __str__(self) -> str:
        return f"{self.evaluator_id} · {self.match_id}"


class EvaluationScore(models.Model):
    sheet = models.ForeignKey(EvaluationSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        EvaluationCriterion, on_delete=models.CASCADE, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(
        pgettext_lazy("score", "note"), validators=[MaxValueValidator(10)]
    )

    class Meta:
        verbose_name = pgettext_lazy("score", "note")
        verbose_name_plural = pgettext_lazy("score", "notes")
        constraints = [models.UniqueConstraint(fields=["sheet", "criterion"], name="score_once")]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"
