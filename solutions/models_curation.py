"""Curation of matches: introductions with double opt-in, discussions, evaluation grids.

An `Introduction` puts a challenge's city and an innovator in contact about one match. Each side
answers; contacts are shared only once both accepted (double opt-in), and a refusal closes the
introduction (the match goes back to the shortlist). A match may be introduced again later: the
earlier, refused introductions stay as the record, and at most one introduction per match is
open or accepted at a time.

`MatchMessage` is the short private thread of an introduced match between the city's staff, the
innovator's members and curators.

An `EvaluationGrid` belongs to a challenge: weighted `EvaluationCriterion` rows (a numeric scale
or yes/no), `Evaluator` assignments (the city's staff and curators) and one `EvaluationSheet` per
evaluator × proposal, which carries the conflict-of-interest declaration, the private notes and
the `EvaluationScore` of each criterion.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = [
    "Introduction",
    "MatchMessage",
    "EvaluationGrid",
    "EvaluationCriterion",
    "Evaluator",
    "EvaluationSheet",
    "EvaluationScore",
]


class Introduction(models.Model):
    """A curator puts the city and the innovator of a match in contact; both must accept."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("En attente de réponse")
        ACCEPTED = "accepted", _("Acceptée")
        REFUSED = "refused", _("Refusée")

    match = models.ForeignKey(
        "solutions.Match", on_delete=models.CASCADE, related_name="introductions"
    )
    introduced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mise en relation par"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(
        _("message aux deux parties"),
        max_length=2000,
        blank=True,
        help_text=_("Pourquoi cette mise en relation : la ville et l'innovateur le liront."),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    city_answer = models.CharField(
        _("réponse de la ville"), max_length=10, choices=Answer, default=Answer.PENDING
    )
    city_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    city_answered_at = models.DateTimeField(null=True, blank=True)
    city_contact = models.CharField(
        _("coordonnées partagées par la ville"), max_length=300, blank=True
    )

    innovator_answer = models.CharField(
        _("réponse de l'innovateur"),
        max_length=10,
        choices=Answer,
        default=Answer.PENDING,
    )
    innovator_answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    innovator_answered_at = models.DateTimeField(null=True, blank=True)
    innovator_contact = models.CharField(
        _("coordonnées partagées par l'innovateur"), max_length=300, blank=True
    )
    refusal_reason = models.TextField(_("motif du refus"), max_length=2000, blank=True)
    closed_at = models.DateTimeField(_("fermée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("mise en relation")
        verbose_name_plural = _("mises en relation")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One live introduction per match; refused ones are kept as the record.
            models.UniqueConstraint(
                fields=["match"],
                condition=Q(closed_at__isnull=True),
                name="introduction_one_open_per_match",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.match_id} ({self.state})"

    @property
    def is_refused(self) -> bool:
        return self.Answer.REFUSED in (self.city_answer, self.innovator_answer)

    @property
    def is_accepted(self) -> bool:
        """Both sides accepted: contacts are shared and the discussion is open."""
        return self.city_answer == self.innovator_answer == self.Answer.ACCEPTED

    @property
    def state(self) -> str:
        if self.is_refused:
            return self.Answer.REFUSED
        if self.is_accepted:
            return self.Answer.ACCEPTED
        return self.Answer.PENDING


class MatchMessage(models.Model):
    """One message of the private discussion of an introduced match."""

    match = models.ForeignKey("solutions.Match", on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The side the author spoke for, kept even if they later leave their organisation.
    author_side = models.CharField(max_length=10)
    body = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("message de discussion")
        verbose_name_plural = _("messages de discussion")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["match", "created_at"])]

    def __str__(self) -> str:
        return f"{self.match_id} · {self.created_at:%Y-%m-%d %H:%M}"


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
