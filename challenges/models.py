"""What cities need: the domain taxonomy, challenges (enjeux) and what hangs off them.

A challenge is co-owned by one or more cities (`owners`); every owner's staff may edit it.
Its lifecycle is changed only by `services.challenge_transition`, which records every change
as a `ChallengeStatusChange`. On PostgreSQL the table also has a generated `search_document`
tsvector column (migration 0005), unknown to the ORM and kept current by PostgreSQL itself.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
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


MAX_BUDGET = 1_000_000_000


class Challenge(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Brouillon")
        SUBMITTED = "submitted", _("Soumis à IVÉO")
        PUBLISHED = "published", _("Publié")
        IN_PILOT = "in_pilot", _("En projet pilote")
        CLOSED = "closed", _("Fermé")
        ARCHIVED = "archived", _("Archivé")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        NETWORK = "network", _("Réseau : membres vérifiés seulement")

    class Language(models.TextChoices):
        FR = "fr", _("Français")
        EN = "en", _("English")

    class Currency(models.TextChoices):
        CAD = "CAD", _("Dollar canadien (CAD)")
        EUR = "EUR", _("Euro (EUR)")

    # Statuses a visitor may see (once the challenge is public).
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.IN_PILOT, Status.CLOSED)

    external_id = models.CharField(
        _("identifiant externe"), max_length=100, unique=True, null=True, blank=True
    )
    owners = models.ManyToManyField(
        "partners.Organization",
        verbose_name=_("villes responsables"),
        related_name="challenges",
        help_text=_("Un enjeu commun peut appartenir à plusieurs villes."),
    )
    title = models.CharField(_("titre"), max_length=200)
    summary = models.TextField(_("résumé"), max_length=600, blank=True)
    description = models.TextField(
        _("description"), max_length=20000, help_text=_("Mise en forme Markdown acceptée.")
    )
    domains = models.ManyToManyField(
        Domain, verbose_name=_("domaines"), related_name="challenges", blank=True
    )
    tags = models.JSONField(_("mots-clés"), default=list, blank=True)
    language = models.CharField(_("langue"), max_length=2, choices=Language, default=Language.FR)
    status = models.CharField(
        _("statut"), max_length=12, choices=Status, default=Status.DRAFT, db_index=True
    )
    visibility = models.CharField(
        _("visibilité"), max_length=10, choices=Visibility, default=Visibility.PUBLIC
    )
    budget_min = models.PositiveIntegerField(
        _("budget minimal"), null=True, blank=True, validators=[MaxValueValidator(MAX_BUDGET)]
    )
    budget_max = models.PositiveIntegerField(
        _("budget maximal"), null=True, blank=True, validators=[MaxValueValidator(MAX_BUDGET)]
    )
    currency = models.CharField(_("devise"), max_length=3, choices=Currency, default=Currency.CAD)
    proposals_deadline = models.DateField(_("date limite des propositions"), null=True, blank=True)
    gain_economic = models.TextField(_("gains économiques attendus"), max_length=1000, blank=True)
    gain_environmental = models.TextField(
        _("gains environnementaux attendus"), max_length=1000, blank=True
    )
    gain_social = models.TextField(_("gains sociaux attendus"), max_length=1000, blank=True)
    terms = models.TextField(
        _("conditions pour les innovateurs"),
        max_length=5000,
        blank=True,
        help_text=_(
            "Propriété intellectuelle, confidentialité : un innovateur doit les accepter avant "
            "de proposer une solution."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("enjeu")
        verbose_name_plural = _("enjeux")
        ordering = ["-published_at", "-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "visibility", "-published_at"]),
            models.Index(fields=["proposals_deadline"]),
            # The catalogue's counts at 100,000 challenges scan this narrow index instead of the
            # table, whose rows carry the long texts and the search vector (its default sort
            # has a PostgreSQL-only index: migration 0006).
            models.Index(
                fields=["visibility", "status", "language", "proposals_deadline", "id"],
                name="challenge_catalogue_counts",
                condition=Q(status__in=["published", "in_pilot", "closed"]),
            ),
            # The latest change: the version of cached catalogue counts and similar lists.
            models.Index(fields=["updated_at"], name="challenge_updated_at"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget_min__isnull=True)
                | Q(budget_max__isnull=True)
                | Q(budget_min__lte=models.F("budget_max")),
                name="challenge_budget_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("challenges:detail", kwargs={"pk": self.pk})

    @property
    def is_public_status(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def is_open_for_proposals(self) -> bool:
        """Published and the deadline (if any) not passed, in the portal's time zone."""
        if self.status != self.Status.PUBLISHED:
            return False
        return self.proposals_deadline is None or self.proposals_deadline >= timezone.localdate()

    @property
    def days_left(self) -> int | None:
        if self.proposals_deadline is None:
            return None
        return (self.proposals_deadline - timezone.localdate()).days


class ChallengeStatusChange(models.Model):
    """One lifecycle change: who, when, from, to and an optional comment."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(_("de"), max_length=12, choices=Challenge.Status, blank=True)
    to_status = models.CharField(_("à"), max_length=12, choices=Challenge.Status)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    comment = models.TextField(_("commentaire"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        verbose_name = _("changement de statut")
        verbose_name_plural = _("changements de statut")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.challenge_id}: {self.from_status} → {self.to_status}"


def attachment_path(instance: "ChallengeAttachment", filename: str) -> str:
    # The stored name is random: the original name is kept in `name` and only sent by the view.
    import secrets

    extension = filename.rsplit(".", 1)[-1].lower()[:8] if "." in filename else "bin"
    return f"challenges/{timezone.now():%Y/%m}/{secrets.token_urlsafe(18)}.{extension}"


class Attachment(models.Model):
    """A file attached to something (a challenge, a solution): what every attachment records.

    Concrete attachments add the owner's foreign key, `file` with their own `upload_to`, and
    `get_absolute_url` to the view that checks who may download it.
    """

    file = models.FileField(_("fichier"), max_length=200)
    name = models.CharField(_("nom du fichier"), max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField(_("taille"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        abstract = True
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name


class ChallengeAttachment(Attachment):
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fichier"), upload_to=attachment_path, max_length=200)

    def get_absolute_url(self) -> str:
        return reverse(
            "challenges:attachment", kwargs={"pk": self.challenge_id, "attachment_pk": self.pk}
        )


class Question(models.Model):
    """A verified innovator asks, the city or a curator answers; answers are public."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organization = models.ForeignKey(
        "partners.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("question"), max_length=3000)
    created_at = models.DateTimeField(_("posée le"), auto_now_add=True)
    answer = models.TextField(_("réponse"), max_length=5000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class ChallengeUpdate(models.Model):
    """News that the city posts on a published challenge, sent to its followers."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("mise à jour"), max_length=5000)
    created_at = models.DateTimeField(_("publiée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("mise à jour")
        verbose_name_plural = _("mises à jour")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text[:80]


class ChallengeFollow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="challenge_follows"
    )
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suivi d'un enjeu")
        verbose_name_plural = _("suivis d'enjeux")
        constraints = [
            models.UniqueConstraint(fields=["user", "challenge"], name="challenge_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.challenge_id}"
