"""Who uses the portal: people, their organisations, memberships and notifications.

This app imports neither `challenges` nor `solutions`: a notification refers to what it
announces through a template name, a context and a URL, never through a foreign key.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    FR = "fr", _("Français")
    EN = "en", _("English")


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immédiatement")
    DAILY = "daily", _("Résumé quotidien")
    WEEKLY = "weekly", _("Résumé hebdomadaire")
    OFF = "off", _("Jamais (seulement dans le portail)")


class NotificationKind(models.TextChoices):
    """Families of notifications; a user picks an e-mail frequency for each."""

    ACCOUNT = "account", _("Mon compte et mes organisations")
    REVIEW = "review", _("Révision des enjeux")
    ACTIVITY = "activity", _("Enjeux suivis : questions, réponses et mises à jour")
    MATCH = "match", _("Jumelages et propositions")
    ALERT = "alert", _("Alertes sur les nouveaux enjeux")
    PILOT = "pilot", _("Projets pilotes")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


class User(AbstractUser):
    """A person; signs in with an e-mail address."""

    username = None
    email = models.EmailField(_("adresse courriel"), unique=True)
    language = models.CharField(
        _("langue préférée"), max_length=2, choices=Language, default=Language.FR
    )
    email_frequencies = models.JSONField(
        _("fréquence des courriels"),
        default=dict,
        blank=True,
        help_text=_("Par type de notification ; immédiatement si rien n'est choisi."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def email_frequency(self, kind: str) -> str:
        value = self.email_frequencies.get(kind, EmailFrequency.IMMEDIATE)
        return value if value in EmailFrequency.values else EmailFrequency.IMMEDIATE


class Organization(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("Ville ou municipalité")
        INNOVATOR = "innovator", _("Innovateur")
        PARTNER = "partner", _("Partenaire")
        IVEO = "iveo", _("IVÉO")

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente de vérification")
        VERIFIED = "verified", _("Vérifiée")
        REFUSED = "refused", _("Refusée")

    kind = models.CharField(_("type"), max_length=12, choices=Kind)
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant d'adresse"), max_length=220, unique=True)
    external_id = models.CharField(
        _("identifiant externe"), max_length=100, unique=True, null=True, blank=True
    )
    description = models.TextField(_("présentation"), blank=True, max_length=5000)
    region = models.CharField(_("région"), max_length=120, blank=True)
    country = models.CharField(
        _("pays"),
        max_length=2,
        default="CA",
        validators=[
            RegexValidator(r"^[A-Z]{2}$", _("Code de pays ISO à deux lettres, p. ex. CA."))
        ],
    )
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    website = models.URLField(_("site web"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("organisation mère"),
        help_text=_("Par exemple l'agglomération dont fait partie une commune."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    status = models.CharField(
        _("statut"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    refusal_reason = models.TextField(_("motif du refus"), blank=True, max_length=2000)
    reviewed_at = models.DateTimeField(_("vérifiée le"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vérifiée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        through_fields=("organization", "user"),
        related_name="organizations",
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:organization_detail", kwargs={"slug": self.slug})

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrateur")
        MEMBER = "member", _("Membre")

    class Status(models.TextChoices):
        PENDING = "pending", _("Demande en attente")
        ACTIVE = "active", _("Active")
        REFUSED = "refused", _("Refusée")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rôle"), max_length=10, choices=Role, default=Role.MEMBER)
    status = models.CharField(
        _("statut"), max_length=10, choices=Status, default=Status.ACTIVE, db_index=True
    )
    message = models.TextField(_("message de la demande"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("appartenance")
        verbose_name_plural = _("appartenances")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organization} ({self.get_role_display()})"


class Notification(models.Model):
    """One message to one person about one event: the in-app inbox and the e-mail record.

    Unique per (recipient, event), so announcing the same event twice notifies nobody twice.
    The text is rendered from `template` and `context` in the recipient's language, both in the
    inbox and in the e-mail.
    """

    class EmailStatus(models.TextChoices):
        PENDING = "pending", _("À envoyer")
        SENT = "sent", _("Envoyé")
        DIGEST = "digest", _("Dans un résumé")
        SKIPPED = "skipped", _("Non envoyé (préférence)")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("type"), max_length=12, choices=NotificationKind)
    event = models.CharField(_("événement"), max_length=120)
    template = models.CharField(max_length=80)
    context = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)
    email_status = models.CharField(
        max_length=10, choices=EmailStatus, default=EmailStatus.PENDING, db_index=True
    )
    sending_since = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(_("envoyée par courriel le"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "event"], name="notification_once")
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self) -> str:
        return f"{self.recipient} · {self.event}"


class Subscription(models.Model):
    """What a person follows: new published challenges that fit are notified (kind "alert").

    Plain values only (this app knows nothing of challenges): domain slugs, region names,
    keywords, or a saved catalogue search (its query string). `solutions` matches them against
    each newly published challenge.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    name = models.CharField(_("nom de l'alerte"), max_length=120, blank=True)
    domains = models.JSONField(_("domaines"), default=list, blank=True)
    regions = models.JSONField(_("régions"), default=list, blank=True)
    keywords = models.JSONField(_("mots-clés"), default=list, blank=True)
    query = models.CharField(_("recherche enregistrée"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("alerte")
        verbose_name_plural = _("alertes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name or f"{self.user} · {self.pk}"


class Job(models.Model):
    """A piece of background work that must happen once, recorded when it is done.

    The periodic sweep looks for work whose job is missing or not done (the broker was down,
    a worker died) and queues it again; `name` and `key` are plain strings (for example
    "match-challenge" and a challenge id), so this app needs to know nothing of the others.
    """

    name = models.CharField(max_length=60)
    key = models.CharField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("tâche de fond")
        verbose_name_plural = _("tâches de fond")
        constraints = [models.UniqueConstraint(fields=["name", "key"], name="job_once")]
        indexes = [models.Index(fields=["name", "done_at"])]

    def __str__(self) -> str:
        return f"{self.name}:{self.key}"


class ContentVersion(models.Model):
    """One number that grows after every committed change of what the portal shows.

    Cached pages and fragments name it in their keys (`partners.caching`), so that a change
    (a challenge edited, an organisation renamed, a question answered) shows at once, in every
    web process, whatever cache is configured.
    """

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("version du contenu")
        verbose_name_plural = _("versions du contenu")

    def __str__(self) -> str:
        return str(self.value)
