"""What innovators offer, and how it meets a city's need.

`Solution` is an innovator's offer in the public catalogue; on PostgreSQL its table also has a
generated `search_document` tsvector column (migration 0002), unknown to the ORM and kept current
by PostgreSQL itself. `Match` links one challenge to one solution, whoever made the link: the
matching engine (origin auto), a curator, or the innovator's own proposal (origin innovator).
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from challenges.models import Attachment

MAX_AMOUNT = 1_000_000_000


class Trl(models.IntegerChoices):
    """Technology readiness levels, worded for municipal buyers."""

    BASIC = 1, _("TRL 1 — principes de base observés")
    CONCEPT = 2, _("TRL 2 — concept technologique formulé")
    PROOF = 3, _("TRL 3 — preuve de concept expérimentale")
    LAB = 4, _("TRL 4 — validation en laboratoire")
    RELEVANT = 5, _("TRL 5 — validation en environnement représentatif")
    DEMONSTRATED = 6, _("TRL 6 — démonstration en environnement représentatif")
    PROTOTYPE = 7, _("TRL 7 — prototype démontré en conditions réelles")
    QUALIFIED = 8, _("TRL 8 — système complet et qualifié")
    PROVEN = 9, _("TRL 9 — déployé et éprouvé en conditions réelles")


class Region(models.TextChoices):
    """Where a solution is offered. Broad areas contain the narrower ones (see `REGION_PARENTS`)."""

    INTERNATIONAL = "international", _("Partout dans le monde")
    CANADA = "canada", _("Partout au Canada")
    QUEBEC = "quebec", _("Partout au Québec")
    BAS_SAINT_LAURENT = "bas-saint-laurent", "Bas-Saint-Laurent"
    SAGUENAY = "saguenay-lac-saint-jean", "Saguenay–Lac-Saint-Jean"
    CAPITALE_NATIONALE = "capitale-nationale", "Capitale-Nationale"
    MAURICIE = "mauricie", "Mauricie"
    ESTRIE = "estrie", "Estrie"
    MONTREAL = "montreal", "Montréal"
    OUTAOUAIS = "outaouais", "Outaouais"
    ABITIBI = "abitibi-temiscamingue", "Abitibi-Témiscamingue"
    COTE_NORD = "cote-nord", "Côte-Nord"
    NORD_DU_QUEBEC = "nord-du-quebec", "Nord-du-Québec"
    GASPESIE = "gaspesie-iles-de-la-madeleine", "Gaspésie–Îles-de-la-Madeleine"
    CHAUDIERE_APPALACHES = "chaudiere-appalaches", "Chaudière-Appalaches"
    LAVAL = "laval", "Laval"
    LANAUDIERE = "lanaudiere", "Lanaudière"
    LAURENTIDES = "laurentides", "Laurentides"
    MONTEREGIE = "monteregie", "Montérégie"
    CENTRE_DU_QUEBEC = "centre-du-quebec", "Centre-du-Québec"
    ONTARIO = "ontario", "Ontario"
    OTHER_CANADA = "other-canada", _("Autres provinces canadiennes")
    EUROPE = "europe", _("Partout en Europe")
    FRANCE = "france", _("Partout en France")
    OCCITANIE = "occitanie", "Occitanie"
    OTHER_FRANCE = "other-france", _("Autres régions de France")


QUEBEC_REGIONS = [
    r
    for r in Region.values
    if r
    not in {
        "international",
        "canada",
        "quebec",
        "ontario",
        "other-canada",
        "europe",
        "france",
        "occitanie",
        "other-france",
    }
]
# Each region's broader areas: a solution offered "everywhere in Quebec" serves Montérégie.
REGION_PARENTS: dict[str, list[str]] = {
    "international": [],
    "canada": ["international"],
    "quebec": ["canada", "international"],
    "ontario": ["canada", "international"],
    "other-canada": ["canada", "international"],
    "europe": ["international"],
    "france": ["europe", "international"],
    "occitanie": ["france", "europe", "international"],
    "other-france": ["france", "europe", "international"],
    **{r: ["quebec", "canada", "international"] for r in QUEBEC_REGIONS},
}


class PriceModel(models.TextChoices):
    SUBSCRIPTION = "subscription", _("Abonnement (logiciel en service)")
    LICENSE = "license", _("Licence")
    PURCHASE = "purchase", _("Achat d'équipement")
    PER_USE = "per_use", _("Paiement à l'usage")
    PROJECT = "project", _("Prix par projet")
    FREE = "free", _("Gratuit ou libre")
    OTHER = "other", _("Autre")


class Language(models.TextChoices):
    FR = "fr", _("Français")
    EN = "en", _("English")


# What an innovator edits on a solution: forms, services and the catalogue import share it.
SOLUTION_EDITABLE_FIELDS = (
    "name",
    "summary",
    "description",
    "tags",
    "trl",
    "price_model",
    "price_details",
    "regions_served",
    "languages",
    "language",
    "website",
)


class Solution(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Brouillon")
        PUBLISHED = "published", _("Publiée")

    organization = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="solutions",
        limit_choices_to={"kind": "innovator"},
    )
    external_id = models.CharField(
        _("identifiant externe"), max_length=100, unique=True, null=True, blank=True
    )
    name = models.CharField(_("nom"), max_length=200)
    summary = models.TextField(_("résumé"), max_length=600, blank=True)
    description = models.TextField(
        _("description"),
        max_length=20000,
        help_text=_("Mise en forme Markdown acceptée."),
    )
    domains = models.ManyToManyField(
        "challenges.Domain",
        verbose_name=_("domaines"),
        related_name="solutions",
        blank=True,
    )
    tags = models.JSONField(_("mots-clés"), default=list, blank=True)
    trl = models.PositiveSmallIntegerField(
        _("maturité (TRL)"),
        choices=Trl,
        null=True,
        blank=True,
        help_text=_("Niveau de maturité technologique, de 1 (principe) à 9 (éprouvé)."),
    )
    price_model = models.CharField(
        _("modèle de prix"), max_length=20, choices=PriceModel, blank=True
    )
    price_details = models.CharField(_("précisions sur le prix"), max_length=300, blank=True)
    regions_served = models.JSONField(_("régions desservies"), default=list, blank=True)
    languages = models.JSONField(_("langues de service"), default=list, blank=True)
    language = models.CharField(
        _("langue de la fiche"), max_length=2, choices=Language, default=Language.FR
    )
    website = models.URLField(_("site web"), blank=True, max_length=300)
    status = models.CharField(
        _("statut"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["status", "organization"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("solutions:detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def region_labels(self) -> list[str]:
        labels = dict(Region.choices)
        return [str(labels.get(code, code)) for code in self.regions_served]

    def language_labels(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels.get(code, code)) for code in self.languages]


class SolutionReference(models.Model):
    """A city or organisation where the solution is deployed or was piloted."""

    class Kind(models.TextChoices):
        DEPLOYED = "deployed", _("Déployée")
        PILOTED = "piloted", _("Projet pilote")

    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="references")
    organization = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("organisation du portail"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="solution_references",
    )
    name = models.CharField(_("ville ou organisation"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("année"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind, default=Kind.DEPLOYED)

    class Meta:
        verbose_name = _("référence")
        verbose_name_plural = _("références")
        ordering = ["-year", "name", "pk"]

    def __str__(self) -> str:
        return self.name


def random_upload_path(prefix: str, filename: str) -> str:
    # The stored name is random: the original name is kept in a field and only sent by a view.
    extension = filename.rsplit(".", 1)[-1].lower()[:8] if "." in filename else "bin"
    return f"{prefix}/{timezone.now():%Y/%m}/{secrets.token_urlsafe(18)}.{extension}"


def solution_attachment_path(instance: "SolutionAttachment", filename: str) -> str:
    return random_upload_path("solutions", filename)


IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")


class SolutionAttachment(Attachment):
    """A document or an image of a solution; visible to whoever may see the solution."""

    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fichier"), upload_to=solution_attachment_path, max_length=200)

    def get_absolute_url(self) -> str:
        return reverse(
            "solutions:attachment",
            kwargs={"pk": self.solution_id, "attachment_pk": self.pk},
        )

    @property
    def is_image(self) -> bool:
        return self.content_type in IMAGE_TYPES
