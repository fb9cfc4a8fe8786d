"""Applying a validated catalogue: organisations, challenges and solutions written in one
transaction with bulk writes; challenges imported as published go through the publish pipeline."""

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from challenges.models import Challenge, ChallengeStatusChange, Domain
from challenges.services import (
    challenge_create,
    challenge_publish,
    challenge_update,
)
from partners.caching import content_changed
from partners.models import Organization
from solutions.catalogue.models import SOLUTION_EDITABLE_FIELDS, Solution, SolutionReference
from solutions.importer.validation import (
    CHUNK,
    SECTIONS,
    Catalog,
    CatalogError,
    Known,
    Problem,
    validate_catalog,
)


@dataclass
class Changes:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated)


@dataclass
class Report:
    organizations: Changes = field(default_factory=Changes)
    challenges: Changes = field(default_factory=Changes)
    solutions: Changes = field(default_factory=Changes)
    # Challenges this import publishes through the publish pipeline (notifications, matching).
    published: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return any(getattr(self, s).total for s in SECTIONS)

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            **{
                s: {
                    "created": len(getattr(self, s).created),
                    "updated": len(getattr(self, s).updated),
                    "unchanged": getattr(self, s).unchanged,
                }
                for s in SECTIONS
            },
            "published": self.published,
        }

    def lines(self, *, detail: int = 20) -> list[str]:
        labels = {
            "organizations": _("Organisations"),
            "challenges": _("Enjeux"),
            "solutions": _("Solutions"),
        }
        if self.dry_run:
            template = _(
                "%(section)s : %(created)s à créer, %(updated)s à mettre à jour, "
                "%(unchanged)s sans changement."
            )
            titles = (_("à créer"), _("à mettre à jour"))
        else:
            template = _(
                "%(section)s : %(created)s création(s), %(updated)s mise(s) à jour, "
                "%(unchanged)s sans changement."
            )
            titles = (_("créations"), _("mises à jour"))
        result = []
        for section in SECTIONS:
            changes = getattr(self, section)
            result.append(
                template
                % {
                    "section": labels[section],
                    "created": len(changes.created),
                    "updated": len(changes.updated),
                    "unchanged": changes.unchanged,
                }
            )
            for title, ids in zip(titles, (changes.created, changes.updated), strict=True):
                if ids and detail:
                    shown = ", ".join(ids[:detail])
                    more = len(ids) - detail
                    if more > 0:
                        shown += " " + _("(et %(count)s autres)") % {"count": more}
                    result.append(f"  {title} : {shown}")
        if self.published:
            label = _("Enjeux publiés (notifications et jumelage) : %(ids)s")
            if self.dry_run:
                label = _("Enjeux qui seraient publiés (notifications et jumelage) : %(ids)s")
            result.append(label % {"ids": ", ".join(self.published[:detail])})
        return result


def _chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _fetch_by_external_id(model, external_ids: list[str], **related) -> dict:
    found = {}
    queryset = model.objects.all()
    if related.get("select_related"):
        queryset = queryset.select_related(*related["select_related"])
    for chunk in _chunks(external_ids):
        found.update({o.external_id: o for o in queryset.filter(external_id__in=chunk)})
    return found


def _problem_from(error: ValidationError, section: str, record: dict) -> list[Problem]:
    if hasattr(error, "error_dict"):
        return [
            Problem(
                " ".join(messages),
                section,
                record["_index"],
                record["external_id"],
                name,
            )
            for name, messages in error.message_dict.items()
        ]
    return [Problem(" ".join(error.messages), section, record["_index"], record["external_id"])]


ORGANIZATION_FIELDS = (
    "name",
    "kind",
    "country",
    "region",
    "population",
    "website",
    "description",
    "status",
)


def _unique_slug(name: str, taken: set[str]) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug


def _apply_organizations(records: list[dict], changes: Changes) -> dict[str, Organization]:
    existing = _fetch_by_external_id(
        Organization, [r["external_id"] for r in records], select_related=["parent"]
    )
    taken = set(Organization.objects.values_list("slug", flat=True)) if records else set()
    for record in records:
        organization = existing.get(record["external_id"])
        values = {f: record[f] for f in ORGANIZATION_FIELDS if f in record}
        if organization is None:
            values.setdefault("status", Organization.Status.VERIFIED)
            organization = Organization(
                external_id=record["external_id"],
                slug=_unique_slug(values["name"], taken),
                **values,
            )
            organization.save()
            existing[record["external_id"]] = organization
            changes.created.append(record["external_id"])
            continue
        changed = [f for f, v in values.items() if getattr(organization, f) != v]
        for name in changed:
            setattr(organization, name, values[name])
        if changed:
            organization.save(update_fields=changed)
            changes.updated.append(record["external_id"])
    # Parents last: a parent may come later in the file.
    parents = {r["external_id"]: r["parent"] for r in records if "parent" in r}
    lookup = _organizations_by_external_id(set(parents.values()) - {None}, existing)
    for external_id, parent_id in parents.items():
        organization = existing[external_id]
        parent = lookup.get(parent_id) if parent_id else None
        if organization.parent_id != (parent.pk if parent else None):
            organization.parent = parent
            organization.save(update_fields=["parent"])
            if external_id not in changes.created and external_id not in changes.updated:
                changes.updated.append(external_id)
    changes.unchanged = len(records) - changes.total
    return existing


def _organizations_by_external_id(
    external_ids: set[str], already: dict[str, Organization] | None = None
) -> dict[str, Organization]:
    found = dict(already or {})
    missing = [e for e in external_ids if e not in found]
    found.update(_fetch_by_external_id(Organization, missing))
    return found


CHALLENGE_FIELDS = (
    "title",
    "summary",
    "description",
    "tags",
    "language",
    "visibility",
    "budget_min",
    "budget_max",
    "currency",
    "proposals_deadline",
    "gain_economic",
    "gain_environmental",
    "gain_social",
    "terms",
)
IMPORT_COMMENT = "import_catalog"


def _apply_challenges(
    records: list[dict], changes: Changes, report: Report, *, notify: bool
) -> None:
    if not records:
        return
    existing = _fetch_by_external_id(Challenge, [r["external_id"] for r in records])
    owners_of: dict[int, set[str]] = {}
    domains_of: dict[int, set[str]] = {}
    ids = [c.pk for c in existing.values()]
    for chunk in _chunks(ids):
        for challenge_id, ext in Challenge.owners.through.objects.filter(
            challenge_id__in=chunk
        ).values_list("challenge_id", "organization__external_id"):
            owners_of.setdefault(challenge_id, set()).add(ext)
        for challenge_id, slug in Challenge.domains.through.objects.filter(
            challenge_id__in=chunk
        ).values_list("challenge_id", "domain__slug"):
            domains_of.setdefault(challenge_id, set()).add(slug)
    referenced = {r["organization"] for r in records} | {
        o for r in records for o in r.get("co_owners", [])
    }
    organizations = _organizations_by_external_id(referenced)
    domains = {d.slug: d for d in Domain.objects.all()}
    problems: list[Problem] = []
    for record in records:
        challenge = existing.get(record["external_id"])
        owner_ids = [record["organization"], *record.get("co_owners", [])]
        owners = [organizations[o] for o in dict.fromkeys(owner_ids)]
        values = {f: record[f] for f in CHALLENGE_FIELDS if f in record}
        try:
            if challenge is None:
                challenge = challenge_create(
                    by=None,
                    owners=owners,
                    domains=[domains[s] for s in record.get("domains", [])],
                    external_id=record["external_id"],
                    **values,
                )
                changed = True
                changes.created.append(record["external_id"])
            else:
                changed_fields = {f: v for f, v in values.items() if getattr(challenge, f) != v}
                new_owners = None
                if set(owner_ids) != owners_of.get(challenge.pk, set()):
                    new_owners = owners
                new_domains = None
                if "domains" in record and set(record["domains"]) != domains_of.get(
                    challenge.pk, set()
                ):
                    new_domains = [domains[s] for s in record["domains"]]
                changed = bool(changed_fields or new_owners or new_domains is not None)
                if changed:
                    challenge_update(
                        challenge=challenge,
                        by=None,
                        owners=new_owners,
                        domains=new_domains,
                        **changed_fields,
                    )
            if _set_status(challenge, record, report, notify=notify):
                changed = True
            if changed and record["external_id"] not in changes.created:
                changes.updated.append(record["external_id"])
        except ValidationError as error:
            problems += _problem_from(error, "challenges", record)
    if problems:
        raise CatalogError(problems)
    changes.unchanged = len(records) - changes.total


def _set_status(challenge: Challenge, record: dict, report: Report, *, notify: bool) -> bool:
    """Bring the challenge to the record's status; True if anything changed.

    Publishing a challenge that still takes proposals goes through `challenge_publish` (the UI's
    pipeline: history, notifications, matching after the commit), unless `notify` is off. Other
    statuses, and challenges whose deadline is over, are recorded directly with their history:
    they are the archive of past challenges, nobody is to be alerted about them.
    """
    S = Challenge.Status
    target = record.get("status")
    published_at = record.get("published_at")
    changed = False
    if target is not None and target != challenge.status:
        source = challenge.status
        takes_proposals = (
            challenge.proposals_deadline is None
            or challenge.proposals_deadline >= timezone.localdate()
        )
        if (
            target == S.PUBLISHED
            and notify
            and takes_proposals
            and source in (S.DRAFT, S.SUBMITTED)
        ):
            challenge_publish(challenge=challenge, by=None, comment=IMPORT_COMMENT)
            report.published.append(record["external_id"])
        else:
            challenge.status = target
            if target in Challenge.PUBLIC_STATUSES and challenge.published_at is None:
                challenge.published_at = published_at or timezone.now()
            challenge.save(update_fields=["status", "published_at", "updated_at"])
            ChallengeStatusChange.objects.create(
                challenge=challenge,
                from_status=source,
                to_status=target,
                by=None,
                comment=IMPORT_COMMENT,
            )
        changed = True
    if published_at is not None and challenge.published_at != published_at:
        challenge.published_at = published_at
        challenge.save(update_fields=["published_at"])
        changed = True
    return changed


SOLUTION_FIELDS = (*SOLUTION_EDITABLE_FIELDS, "status")


def _apply_solutions(records: list[dict], changes: Changes) -> None:
    if not records:
        return
    now = timezone.now()
    existing = _fetch_by_external_id(Solution, [r["external_id"] for r in records])
    ids = [s.pk for s in existing.values()]
    domain_pk = dict(Domain.objects.values_list("slug", "pk"))
    current_domains: dict[int, set[int]] = {}
    current_refs: dict[int, list[tuple]] = {}
    through = Solution.domains.through
    for chunk in _chunks(ids):
        for solution_id, domain_id in through.objects.filter(solution_id__in=chunk).values_list(
            "solution_id", "domain_id"
        ):
            current_domains.setdefault(solution_id, set()).add(domain_id)
        for row in (
            SolutionReference.objects.filter(solution_id__in=chunk)
            .order_by("pk")
            .values_list("solution_id", "name", "year", "kind", "organization_id")
        ):
            current_refs.setdefault(row[0], []).append(row[1:])
    referenced = {r["organization"] for r in records} | {
        ref["organization"]
        for r in records
        for ref in r.get("references", [])
        if ref["organization"]
    }
    organizations = _organizations_by_external_id(referenced)
    # A reference named exactly like a city of the portal is linked to it (see services).
    by_name: dict[str, int] = {}
    if any(r.get("references") for r in records):
        by_name = {
            name.lower(): pk
            for name, pk in Organization.objects.exclude(
                kind=Organization.Kind.INNOVATOR
            ).values_list("name", "pk")
        }

    def wanted_references(record: dict) -> list[tuple]:
        rows = []
        for ref in record["references"]:
            organization = organizations.get(ref["organization"]) if ref["organization"] else None
            name = ref["name"] or organization.name
            org_pk = organization.pk if organization else by_name.get(name.lower())
            rows.append((name, ref["year"], ref["kind"], org_pk))
        return rows

    to_create: list[tuple[Solution, dict]] = []
    to_update: list[Solution] = []
    new_domains: dict[str, set[int]] = {}
    new_refs: dict[str, list[tuple]] = {}
    for record in records:
        values = {f: record[f] for f in SOLUTION_FIELDS if f in record}
        values["organization_id"] = organizations[record["organization"]].pk
        solution = existing.get(record["external_id"])
        domains = {domain_pk[s] for s in record["domains"]} if "domains" in record else None
        refs = wanted_references(record) if "references" in record else None
        if solution is None:
            values.setdefault("status", Solution.Status.PUBLISHED)
            solution = Solution(external_id=record["external_id"], **values)
            if solution.status == Solution.Status.PUBLISHED:
                solution.published_at = now
            to_create.append((solution, record))
            new_domains[record["external_id"]] = domains or set()
            new_refs[record["external_id"]] = refs or []
            changes.created.append(record["external_id"])
            continue
        changed = [f for f, v in values.items() if getattr(solution, f) != v]
        for name in changed:
            setattr(solution, name, values[name])
        if domains is not None and domains != current_domains.get(solution.pk, set()):
            new_domains[record["external_id"]] = domains
        if refs is not None and refs != current_refs.get(solution.pk, []):
            new_refs[record["external_id"]] = refs
        if changed or record["external_id"] in new_domains or record["external_id"] in new_refs:
            if solution.status == Solution.Status.PUBLISHED and solution.published_at is None:
                solution.published_at = now
            solution.updated_at = now
            to_update.append(solution)
            changes.updated.append(record["external_id"])
    Solution.objects.bulk_create([s for s, _r in to_create], batch_size=500)
    if to_update:
        Solution.objects.bulk_update(
            to_update,
            [*SOLUTION_FIELDS, "organization_id", "published_at", "updated_at"],
            batch_size=500,
        )
    pk_of = {s.external_id: s.pk for s, _r in to_create} | {s.external_id: s.pk for s in to_update}
    changed_domains = [pk_of[e] for e in new_domains if e in existing]
    for chunk in _chunks(changed_domains):
        through.objects.filter(solution_id__in=chunk).delete()
    through.objects.bulk_create(
        [
            through(solution_id=pk_of[e], domain_id=d)
            for e, domains in new_domains.items()
            for d in sorted(domains)
        ],
        batch_size=1000,
    )
    changed_refs = [pk_of[e] for e in new_refs if e in existing]
    for chunk in _chunks(changed_refs):
        SolutionReference.objects.filter(solution_id__in=chunk).delete()
    SolutionReference.objects.bulk_create(
        [
            SolutionReference(
                solution_id=pk_of[e],
                name=name,
                year=year,
                kind=kind,
                organization_id=org,
            )
            for e, rows in new_refs.items()
            for name, year, kind, org in rows
        ],
        batch_size=1000,
    )
    changes.unchanged = len(records) - changes.total


def catalog_apply(catalog: Catalog, *, notify: bool = True) -> Report:
    """Write the cleaned catalogue; call inside a transaction (`catalog_import` does)."""
    report = Report()
    _apply_organizations(catalog.organizations, report.organizations)
    _apply_challenges(catalog.challenges, report.challenges, report, notify=notify)
    _apply_solutions(catalog.solutions, report.solutions)
    content_changed()  # bulk writes send no signal: cached pages name the new version
    return report


def catalog_import(data: Any, *, dry_run: bool = False, notify: bool = True) -> Report:
    """Validate and import a parsed catalogue: all or nothing.

    Raises `CatalogError` (nothing written) when a record is invalid. With `dry_run`, everything
    is done in a transaction that is rolled back: the report says exactly what would change.
    """
    catalog, problems = validate_catalog(data, known=Known.from_database())
    if problems:
        raise CatalogError(problems)
    with transaction.atomic():
        report = catalog_apply(catalog, notify=notify)
        report.dry_run = dry_run
        if dry_run:
            transaction.set_rollback(True)
    return report
