"""Pilot projects and their measurements.

A `PilotProject` starts from an introduced `Match` (one pilot per match): the city tries the
innovator's solution, with milestones and a measurement protocol (`Indicator` with a unit, a
baseline, a target and dated `Measurement` values). A completed or stopped pilot may become a
`CaseStudy` (`solutions.case_studies`); "copy this idea for my city" creates a draft challenge linked by `CaseStudyCopy`,
which gives the lineage: where an idea was copied and what those later pilots measured.

Every write goes through `solutions.pilots.services`; the denormalised fields (`Indicator.latest_value`,
`latest_on`, `gain`) are kept current there, so that the impact dashboard sums gains without
looking at each measurement."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from challenges.models import Challenge

MAX_PILOT_BUDGET = 1_000_000_000
MAX_VALUE = Decimal("1000000000000")  # a measured value, whatever the unit


class GainKind(models.TextChoices):
    ECONOMIC = "economic", _("Économique")
    ENVIRONMENTAL = "environmental", _("Environnemental")
    SOCIAL = "social", _("Social")


class IndicatorUnit(models.TextChoices):
    CAD = "CAD", _("dollars canadiens (CAD)")
    EUR = "EUR", _("euros (EUR)")
    KWH = "kWh", _("kilowattheures (kWh)")
    M3 = "m3", _("mètres cubes d'eau (m³)")
    TCO2E = "tCO2e", _("tonnes d'équivalent CO₂ (t CO₂e)")
    HOURS = "hours", _("heures")
    INCIDENTS = "incidents", _("incidents")
    RESIDENTS = "residents", _("résidents rejoints")
    FREE = "free", _("autre unité (précisez)")


# Short symbols shown next to numbers (the free unit shows its own text).
UNIT_SYMBOLS = {
    IndicatorUnit.CAD: "$ CA",
    IndicatorUnit.EUR: "€",
    IndicatorUnit.KWH: "kWh",
    IndicatorUnit.M3: "m³",
    IndicatorUnit.TCO2E: "t CO₂e",
    IndicatorUnit.HOURS: pgettext_lazy("unit", "h"),
    IndicatorUnit.INCIDENTS: pgettext_lazy("unit", "incidents"),
    IndicatorUnit.RESIDENTS: pgettext_lazy("unit", "résidents"),
}


class EvidenceLevel(models.TextChoices):
    DECLARED = "declared", _("Déclaré")
    MEASURED = "measured", _("Mesuré")
    VERIFIED = "verified", _("Vérifié par IVÉO")


class PilotProject(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planifié")
        RUNNING = "running", _("En cours")
        COMPLETED = "completed", _("Terminé")
        STOPPED = "stopped", _("Arrêté")

    class StopReason(models.TextChoices):
        TECHNICAL = "technical", _("Technique")
        PROCUREMENT = "procurement", _("Approvisionnement et contrats")
        DATA = "data", _("Données")
        ADOPTION = "adoption", _("Adoption par les usagers ou les équipes")
        BUDGET = "budget", _("Budget")
        OTHER = "other", _("Autre")

    class Payer(models.TextChoices):
        CITY = "city", _("La ville")
        INNOVATOR = "innovator", _("L'innovateur")
        SHARED = "shared", _("Partagé entre la ville et l'innovateur")
        GRANT = "grant", _("Subvention ou programme public")
        OTHER = "other", _("Autre")

    Currency = Challenge.Currency

    ACTIVE_STATUSES = (Status.PLANNED, Status.RUNNING)
    ENDED_STATUSES = (Status.COMPLETED, Status.STOPPED)

    match = models.OneToOneField(
        "solutions.Match",
        verbose_name=_("jumelage"),
        on_delete=models.PROTECT,
        related_name="pilot",
    )
    challenge = models.ForeignKey(
        "challenges.Challenge",
        verbose_name=_("enjeu"),
        on_delete=models.PROTECT,
        related_name="pilots",
    )
    solution = models.ForeignKey(
        "solutions.Solution",
        verbose_name=_("solution"),
        on_delete=models.PROTECT,
        related_name="pilots",
    )
    city = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("ville"),
        on_delete=models.PROTECT,
        related_name="city_pilots",
    )
    innovator = models.ForeignKey(
        "partners.Organization",
        verbose_name=_("innovateur"),
        on_delete=models.PROTECT,
        related_name="innovator_pilots",
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(
        _("objectifs et protocole"),
        max_length=10000,
        blank=True,
        help_text=_("Ce que le projet pilote veut démontrer et comment. Markdown accepté."),
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=Status,
        default=Status.PLANNED,
        db_index=True,
    )
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)
    budget = models.PositiveIntegerField(
        _("budget"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_PILOT_BUDGET)],
    )
    currency = models.CharField(_("devise"), max_length=3, choices=Currency, default=Currency.CAD)
    paid_by = models.CharField(_("qui paie"), max_length=10, choices=Payer, blank=True)
    funding_details = models.CharField(
        _("précisions sur le financement"), max_length=300, blank=True
    )
    stop_reason = models.CharField(
        _("motif de l'arrêt"), max_length=12, choices=StopReason, blank=True
    )
    lessons_learned = models.TextField(
        _("leçons apprises"),
        max_length=5000,
        blank=True,
        help_text=_(
            "Ce qui a fonctionné, ce qui n'a pas fonctionné : les échecs instruisent autant."
        ),
    )
    results_summary = models.TextField(_("résumé des résultats"), max_length=5000, blank=True)
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
    ended_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("projet pilote")
        verbose_name_plural = _("projets pilotes")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "city"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(start_date__lte=models.F("end_date")),
                name="pilot_dates_in_order",
            ),
            models.CheckConstraint(
                condition=~Q(status="stopped") | ~Q(stop_reason=""),
                name="pilot_stopped_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("solutions:pilot_detail", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def is_ended(self) -> bool:
        return self.status in self.ENDED_STATUSES

    @property
    def year(self) -> int | None:
        """The pilot's year on the dashboard: when it ended, else when it started."""
        for value in (
            self.end_date if self.is_ended else None,
            self.start_date,
            self.end_date,
        ):
            if value:
                return value.year
        return self.created_at.year if self.created_at else None


class Milestone(models.Model):
    pilot = models.ForeignKey(PilotProject, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("jalon"), max_length=200)
    due_date = models.DateField(_("échéance"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("avancement (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("jalon")
        verbose_name_plural = _("jalons")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="milestone_progress_max")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.progress >= 100


class Indicator(models.Model):
    """What the pilot measures, in one unit, from a baseline towards a target."""

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Plus c'est élevé, mieux c'est")
        DECREASE = "decrease", _("Plus c'est bas, mieux c'est")

    pilot = models.ForeignKey(PilotProject, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicateur"), max_length=200)
    kind = models.CharField(_("type de gain"), max_length=14, choices=GainKind)
    unit = models.CharField(_("unité"), max_length=10, choices=IndicatorUnit)
    custom_unit = models.CharField(
        _("unité libre"),
        max_length=40,
        blank=True,
        help_text=_("Seulement pour « autre unité » : par exemple « places de stationnement »."),
    )
    direction = models.CharField(
        _("sens de l'amélioration"),
        max_length=10,
        choices=Direction,
        default=Direction.DECREASE,
    )
    baseline = models.DecimalField(
        _("valeur de départ"),
        max_digits=19,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-MAX_VALUE), MaxValueValidator(MAX_VALUE)],
        help_text=_("Avant le projet pilote (0 si l'on part de rien)."),
    )
    target = models.DecimalField(
        _("cible"),
        max_digits=19,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(-MAX_VALUE), MaxValueValidator(MAX_VALUE)],
    )
    data_source = models.CharField(
        _("source des données"),
        max_length=300,
        blank=True,
        help_text=_("Par exemple : compteurs de la ville, relevés du fournisseur, sondage."),
    )
    evidence_level = models.CharField(
        _("niveau de preuve"),
        max_length=10,
        choices=EvidenceLevel,
        default=EvidenceLevel.DECLARED,
    )
    evidence_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_set_at = models.DateTimeField(null=True, blank=True)
    # Kept current by `solutions.pilots` whenever a measurement is added or removed.
    latest_value = models.DecimalField(max_digits=19, decimal_places=4, null=True, blank=True)
    latest_on = models.DateField(null=True, blank=True)
    gain = models.DecimalField(
        _("gain mesuré"),
        max_digits=20,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Amélioration entre la valeur de départ et la dernière mesure."),
    )

    class Meta:
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        ordering = ["pk"]
        indexes = [models.Index(fields=["kind", "unit"])]

    def __str__(self) -> str:
        return self.name

    @property
    def unit_label(self) -> str:
        if self.unit == IndicatorUnit.FREE:
            return self.custom_unit
        return str(UNIT_SYMBOLS.get(self.unit, self.unit))

    def compute_gain(self) -> Decimal | None:
        """The improvement from the baseline to the latest value, positive when better."""
        if self.baseline is None or self.latest_value is None:
            return None
        difference = self.latest_value - self.baseline
        return -difference if self.direction == self.Direction.DECREASE else difference

    @property
    def target_reached(self) -> bool | None:
        if self.target is None or self.latest_value is None:
            return None
        if self.direction == self.Direction.DECREASE:
            return self.latest_value <= self.target
        return self.latest_value >= self.target


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("date de la mesure"))
    value = models.DecimalField(
        _("valeur"),
        max_digits=19,
        decimal_places=4,
        validators=[MinValueValidator(-MAX_VALUE), MaxValueValidator(MAX_VALUE)],
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mesure")
        verbose_name_plural = _("mesures")
        ordering = ["measured_on", "pk"]

    def __str__(self) -> str:
        return f"{self.measured_on}: {self.value}"
