"""Curation of matches: introductions with double opt-in, discussions (evaluation grids: `solutions.evaluations`).

An `Introduction` puts a challenge's city and an innovator in contact about one match. Each side
answers; contacts are shared only once both accepted (double opt-in), and a refusal closes the
introduction (the match goes back to the shortlist). A match may be introduced again later: the
earlier, refused introductions stay as the record, and at most one introduction per match is
open or accepted at a time.

`MatchMessage` is the short private thread of an introduced match between the city's staff, the
innovator's members and curators."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


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
