"""Demo pilot projects and case studies (`seed_pilots`, called by `manage.py seed_demo`).

- Terrebonne's communicating water meters with Fuite Zéro: completed, two indicators (m³ of
  water and dollars), one verified by IVÉO, published as a public case study;
- Sherbrooke copies that case study ("copy this idea for my city"), publishes the challenge and
  runs its own pilot with Fuite Zéro, completed: the case study shows both results;
- Trois-Rivières' riverbank stabilisation with Lab Ville durable: stopped (technical), with the
  lessons learned, published as a case study;
- Perpignan's leak detection with HydroVigie: completed, measured in euros and m³ (kept apart
  from dollars on the impact dashboard), a network-only case study;
- Laval's smart street lighting with ÉcoLumen and Victoriaville's textiles with Recyclo: running,
  with milestones and first measurements.

Safe to run again: a pilot is looked up by its title, a copy by its case study and city.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from challenges.models import Challenge, Domain
from challenges.services import challenge_create, challenge_transition
from partners.models import Organization, User
from solutions.case_studies import services as case_studies
from solutions.case_studies.models import CaseStudy, CaseStudyCopy
from solutions.catalogue.models import Solution
from solutions.curation.models import Introduction
from solutions.pilots import services as pilots
from solutions.pilots.models import Milestone, PilotProject
from solutions.proposals.models import Match

S = PilotProject.Status


def _ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


def _match(challenge: Challenge, solution: Solution) -> Match:
    """The match of a past pilot, introduced with both sides' acceptance."""
    match, _created = Match.objects.get_or_create(
        challenge=challenge,
        solution=solution,
        defaults={"origin": Match.Origin.CURATOR, "status": Match.Status.INTRODUCED, "score": 0.8},
    )
    now = timezone.now()
    if not match.introductions.exists():
        Introduction.objects.create(
            match=match,
            city_answer=Introduction.Answer.ACCEPTED,
            city_answered_at=now,
            innovator_answer=Introduction.Answer.ACCEPTED,
            innovator_answered_at=now,
        )
    return match


def _past_pilot(
    challenge: Challenge,
    solution: Solution,
    *,
    status: str,
    started: date,
    ended: date | None,
    **fields,
) -> PilotProject:
    """A pilot of an earlier year, on a challenge that the demo already closed or put in pilot."""
    match = _match(challenge, solution)
    Match.objects.filter(pk=match.pk).update(status=Match.Status.PILOT)
    return PilotProject.objects.create(
        match=match,
        challenge=challenge,
        solution=solution,
        city=challenge.owners.first(),
        innovator=solution.organization,
        status=status,
        start_date=started,
        end_date=ended,
        ended_at=timezone.now() if status in PilotProject.ENDED_STATUSES else None,
        **fields,
    )  # fmt: skip


def _measure(pilot, curator, *, values: list[tuple[int, str]], evidence: str = "", **fields):
    indicator = pilots.indicator_save(pilot=pilot, by=curator, **fields)
    for days_ago, value in values:
        pilots.measurement_add(
            indicator=indicator, by=curator, measured_on=_ago(days_ago), value=Decimal(value)
        )
    if evidence:
        pilots.indicator_set_evidence(indicator=indicator, by=curator, level=evidence)
    return indicator


def _publish_study(pilot: PilotProject, curator: User, **fields) -> CaseStudy:
    study = CaseStudy.objects.filter(pilot=pilot).first()
    if study is None:
        study = case_studies.case_study_create(pilot=pilot, by=curator, **fields)
    return case_studies.case_study_publish(case_study=study, by=curator)


def _terrebonne(challenges, solutions, curator) -> PilotProject | None:
    title = "Compteurs communicants chez 40 grands consommateurs"
    found = PilotProject.objects.filter(title=title).first()
    if found or "terrebonne-2025-pilote-eau" not in challenges:
        return found
    pilot = _past_pilot(
        challenges["terrebonne-2025-pilote-eau"], solutions["fz-compteurs-eau"],
        status=S.RUNNING, started=_ago(600), ended=None, title=title, budget=48000,
        currency="CAD", paid_by=PilotProject.Payer.SHARED,
        funding_details="60 % Ville, 40 % Fuite Zéro",
        description="Installer 40 compteurs communicants chez les industries et commerces qui "
        "consomment le plus, et alerter en cas de consommation anormale.",
    )  # fmt: skip
    _measure(
        pilot, curator, name="Eau consommée par les 40 sites (par mois)", kind="environmental",
        unit="m3", direction="decrease", baseline=Decimal("52000"), target=Decimal("45000"),
        data_source="Télérelève des compteurs, moyenne mensuelle",
        values=[(420, "49800"), (300, "46100"), (240, "44300")], evidence="verified",
    )  # fmt: skip
    _measure(
        pilot, curator, name="Coût de l'eau produite pour ces sites (par mois)",
        kind="economic", unit="CAD", direction="decrease", baseline=Decimal("31200"),
        target=Decimal("27000"), data_source="Service des finances",
        values=[(300, "27700"), (240, "26600")], evidence="measured",
    )  # fmt: skip
    Milestone.objects.bulk_create(
        [
            Milestone(pilot=pilot, title="Installation des compteurs", due_date=_ago(560),
                      progress=100),
            Milestone(pilot=pilot, title="Alertes de surconsommation en service",
                      due_date=_ago(500), progress=100),
        ]
    )  # fmt: skip
    pilots.pilot_transition(
        pilot=pilot, to=S.COMPLETED, by=curator, on=_ago(230),
        results_summary="Une fuite sur trois repérée en moins de 48 h ; 15 % d'eau en moins.",
        lessons_learned="Prévoir l'accès aux chambres de compteurs avec les entreprises dès le "
        "départ ; la télérelève doit passer par le réseau cellulaire.",
    )  # fmt: skip
    _publish_study(
        pilot,
        curator,
        visibility="public",
        contacts="Service de l'eau, Ville de Terrebonne\nFuite Zéro, équipe projets",
    )
    return pilot


def _sherbrooke_copy(study: CaseStudy, solutions, curator, orgs) -> None:
    title = "Compteurs communicants : reprise à Sherbrooke"
    staff = User.objects.filter(email="ville2@demo.iveo.ca").first()
    city = orgs.get("ville-de-sherbrooke")
    if staff is None or city is None or PilotProject.objects.filter(title=title).exists():
        return
    copy = CaseStudyCopy.objects.filter(case_study=study, city=city).first()
    challenge = (
        copy.challenge
        if copy
        else case_studies.case_study_copy(case_study=study, by=staff, city=city)
    )
    if challenge.status == Challenge.Status.DRAFT:
        challenge_transition(challenge=challenge, to=Challenge.Status.SUBMITTED, by=staff)
        challenge_transition(challenge=challenge, to=Challenge.Status.PUBLISHED, by=curator)
    match = _match(challenge, solutions["fz-compteurs-eau"])
    pilot = pilots.pilot_start(
        match=match, by=curator, city=city, title=title, start_date=_ago(200), budget=35000,
        currency="CAD", paid_by=PilotProject.Payer.CITY,
    )  # fmt: skip
    pilots.pilot_transition(pilot=pilot, to=S.RUNNING, by=curator, on=_ago(200))
    _measure(
        pilot, curator, name="Eau consommée par les 25 sites (par mois)", kind="environmental",
        unit="m3", direction="decrease", baseline=Decimal("30500"), target=Decimal("27000"),
        data_source="Télérelève des compteurs", values=[(120, "28400"), (40, "26900")],
        evidence="measured",
    )  # fmt: skip
    pilots.pilot_transition(
        pilot=pilot, to=S.COMPLETED, by=curator, on=_ago(30),
        results_summary="Mêmes résultats qu'à Terrebonne, en moins de temps grâce à leur guide.",
    )  # fmt: skip


def _trois_rivieres(challenges, solutions, curator) -> None:
    title = "Stabilisation végétale des berges du Saint-Maurice"
    if PilotProject.objects.filter(title=title).exists():
        return
    if "trois-rivieres-2025-rives" not in challenges:
        return
    pilot = _past_pilot(
        challenges["trois-rivieres-2025-rives"], solutions["lvd-berges"], status=S.RUNNING,
        started=_ago(700), ended=None, title=title, budget=65000, currency="CAD",
        paid_by=PilotProject.Payer.GRANT, funding_details="Programme de résilience climatique",
    )  # fmt: skip
    _measure(
        pilot, curator, name="Recul de la berge (mètres par an)", kind="environmental",
        unit="free", custom_unit="mètres de berge", direction="decrease",
        baseline=Decimal("1.8"), target=Decimal("0.5"), data_source="Relevés par drone",
        values=[(500, "1.6")],
    )  # fmt: skip
    pilots.pilot_transition(
        pilot=pilot, to=S.STOPPED, by=curator, on=_ago(420), stop_reason="technical",
        lessons_learned="Les boutures de saules n'ont pas résisté à la crue printanière, "
        "arrivée trois semaines plus tôt que prévu. Planter à l'automne et protéger le pied "
        "de berge la première année ; la méthode reste prometteuse sur les pentes douces.",
    )  # fmt: skip
    _publish_study(pilot, curator, visibility="public")


def _perpignan(orgs, solutions, curator) -> None:
    title = "Détection acoustique des fuites à Perpignan"
    if PilotProject.objects.filter(title=title).exists() or "perpignan-mediterranee" not in orgs:
        return
    challenge = Challenge.objects.filter(external_id="perpignan-2025-fuites").first()
    if challenge is None:
        challenge = challenge_create(
            by=None, owners=[orgs["perpignan-mediterranee"]],
            domains=list(Domain.objects.filter(slug="water")),
            external_id="perpignan-2025-fuites",
            title="Réduire les pertes d'eau du réseau de distribution",
            summary="Un rendement de réseau de 76 % : trop d'eau perdue avant les robinets.",
            description="L'agglomération cherche à localiser plus vite les fuites invisibles.",
            language="fr", currency=Challenge.Currency.EUR, budget_max=80000,
        )  # fmt: skip
        challenge_transition(challenge=challenge, to=Challenge.Status.PUBLISHED, by=None)
    match = _match(challenge, solutions["hv-correlateurs"])
    pilot = pilots.pilot_start(
        match=match, by=curator, title=title, start_date=_ago(330), budget=52000,
        currency="EUR", paid_by=PilotProject.Payer.SHARED,
    )  # fmt: skip
    pilots.pilot_transition(pilot=pilot, to=S.RUNNING, by=curator, on=_ago(330))
    _measure(
        pilot, curator, name="Pertes d'eau du secteur pilote (par mois)", kind="environmental",
        unit="m3", direction="decrease", baseline=Decimal("18000"), target=Decimal("14000"),
        data_source="Sectorisation, débits de nuit", values=[(200, "15900"), (90, "14800")],
        evidence="verified",
    )  # fmt: skip
    _measure(
        pilot, curator, name="Coût de l'eau perdue (par mois)", kind="economic", unit="EUR",
        direction="decrease", baseline=Decimal("9400"), data_source="Régie des eaux",
        values=[(90, "7700")],
    )  # fmt: skip
    pilots.pilot_transition(pilot=pilot, to=S.COMPLETED, by=curator, on=_ago(60))
    _publish_study(pilot, curator, visibility="network")


def _running(challenges, solutions, curator) -> None:
    plans = [
        ("laval-2026-eclairage", "el-lampadaires", "Éclairage adaptatif dans deux quartiers",
         ("Consommation de l'éclairage de rue (par mois)", "energy", "kWh", "decrease",
          "86000", "60000", [(90, "71000"), (30, "66500")])),
        ("victoriaville-2026-textiles", "rc-textiles", "Conteneurs à textiles connectés",
         ("Résidents desservis par un conteneur à moins de 1 km", "social", "residents",
          "increase", "0", "12000", [(45, "7400")])),
    ]  # fmt: skip
    for challenge_id, solution_id, title, measure in plans:
        if PilotProject.objects.filter(title=title).exists() or challenge_id not in challenges:
            continue
        pilot = _past_pilot(
            challenges[challenge_id], solutions[solution_id], status=S.RUNNING,
            started=_ago(150), ended=_ago(-120), title=title, budget=90000, currency="CAD",
            paid_by=PilotProject.Payer.CITY,
        )  # fmt: skip
        name, kind, unit, direction, baseline, target, values = measure
        kind = "environmental" if kind == "energy" else kind
        _measure(
            pilot, curator, name=name, kind=kind, unit=unit, direction=direction,
            baseline=Decimal(baseline), target=Decimal(target), values=values,
        )  # fmt: skip
        Milestone.objects.bulk_create(
            [
                Milestone(pilot=pilot, title="Installation", due_date=_ago(120), progress=100),
                Milestone(pilot=pilot, title="Bilan de mi-parcours", due_date=_ago(-15),
                          progress=60),
                Milestone(pilot=pilot, title="Rapport final", due_date=_ago(-120), progress=0),
            ]
        )  # fmt: skip


@transaction.atomic
def seed_pilots(orgs: dict[str, Organization]) -> list[PilotProject]:
    """Create the demo pilots and case studies once; a second run changes nothing."""
    curator = User.objects.filter(email="curateur@demo.iveo.ca").first()
    if curator is None:
        return []
    challenges = Challenge.objects.in_bulk(field_name="external_id")
    solutions = Solution.objects.select_related("organization").in_bulk(field_name="external_id")
    needed = {"fz-compteurs-eau", "lvd-berges", "hv-correlateurs", "el-lampadaires", "rc-textiles"}
    if not needed <= set(solutions):
        return []
    terrebonne = _terrebonne(challenges, solutions, curator)
    study = CaseStudy.objects.filter(pilot=terrebonne).first() if terrebonne else None
    if study is not None:
        _sherbrooke_copy(study, solutions, curator, orgs)
    _trois_rivieres(challenges, solutions, curator)
    _perpignan(orgs, solutions, curator)
    _running(challenges, solutions, curator)
    return list(PilotProject.objects.all())
