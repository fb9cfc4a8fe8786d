"""`python manage.py seed_bench`: synthetic data at scale for the benchmarks.

100,000 challenges, 100,000 solutions and 20,000 people by default, written with bulk inserts
(the search vectors are generated columns: PostgreSQL fills them on insert). The texts are
recombined from the sentences of the labelled matching set (real municipal vocabulary) with a
long tail of rarer words, so that term frequencies look like a real catalogue's rather than a
handful of words repeated everywhere. Deterministic for a given `--seed`.

Meant for an empty (benchmark) database: it refuses to run when challenges already exist,
unless `--force`.
"""

import json
import random
import re
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from challenges.models import Challenge, Domain
from partners.caching import content_changed
from partners.models import Membership, Organization, User
from solutions.catalogue.models import Solution

SOURCE = Path(settings.BASE_DIR) / "tests" / "data" / "matching_catalogue.json"
CHUNK = 5000
REGIONS = [
    "Montérégie", "Estrie", "Capitale-Nationale", "Laurentides", "Lanaudière", "Mauricie",
    "Outaouais", "Bas-Saint-Laurent", "Occitanie", "Ontario",
]  # fmt: skip
SYLLABLES = "ba be bi bo bu ca co cu da de di do fa fe fi ga go la le li lo lu ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo za ze zo".split()


def _sentences(texts: list[str]) -> list[str]:
    pool = []
    for text in texts:
        pool += [s.strip() for s in re.split(r"(?<=[.;:!?])\s+", text) if len(s.strip()) > 20]
    return pool


class Corpus:
    """Sentences of the labelled set, plus a Zipf-like tail of 40,000 rare words."""

    def __init__(self, rng: random.Random):
        data = json.loads(SOURCE.read_text(encoding="utf-8"))
        self.rng = rng
        self.challenge_sentences = _sentences(
            [c["summary"] + " " + c["description"] for c in data["challenges"]]
        )
        self.solution_sentences = _sentences(
            [s["summary"] + " " + s["description"] for s in data["solutions"]]
        )
        self.titles = [c["title"] for c in data["challenges"]]
        self.names = [s["name"] for s in data["solutions"]]
        self.tags = sorted({t for r in data["challenges"] + data["solutions"] for t in r["tags"]})
        self.rare = [
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5))) for _ in range(40000)
        ]

    def rare_words(self, count: int) -> str:
        # Zipf-like: low indices are much more frequent.
        n = len(self.rare)
        return " ".join(
            self.rare[min(int(n * self.rng.random() ** 3), n - 1)] for _ in range(count)
        )

    def text(self, sentences: list[str], count: int) -> str:
        return " ".join(self.rng.sample(sentences, count)) + " " + self.rare_words(6)


class Command(BaseCommand):
    help = "Bulk-create synthetic challenges, solutions and people for the benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--challenges", type=int, default=100_000)
        parser.add_argument("--solutions", type=int, default=100_000)
        parser.add_argument("--users", type=int, default=20_000)
        parser.add_argument("--seed", type=int, default=2025)
        parser.add_argument("--force", action="store_true", help="even if challenges exist")

    def handle(self, *args, challenges: int, solutions: int, users: int, seed: int, **options):
        if Challenge.objects.exists() and not options["force"]:
            raise CommandError("The database already has challenges; use --force to add more.")
        started = time.monotonic()
        rng = random.Random(seed)
        corpus = Corpus(rng)
        domains = list(Domain.objects.all())
        if not domains:
            raise CommandError("No domains: run the migrations first.")
        with transaction.atomic():
            cities, innovators = self._organizations(rng, challenges, solutions)
            self._people(rng, users, cities + innovators)
            self._challenges(rng, corpus, challenges, cities, domains)
            self._solutions(rng, corpus, solutions, innovators, domains)
            content_changed()  # bulk inserts send no signal
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for table in ("challenges_challenge", "solutions_solution"):
                    cursor.execute(f'ANALYZE "{table}"')
        self.stdout.write(
            f"seed_bench: {challenges} challenges, {solutions} solutions, {users} people "
            f"in {time.monotonic() - started:.1f} s"
        )

    def _organizations(self, rng, challenges: int, solutions: int):
        tag = f"{rng.getrandbits(32):08x}"
        n_cities = max(challenges // 50, 1)
        n_innovators = max(solutions // 20, 1)
        rows = [
            Organization(
                kind=Organization.Kind.CITY,
                name=f"Ville {i}",
                slug=f"bench-{tag}-city-{i}",
                region=rng.choice(REGIONS),
                status=Organization.Status.VERIFIED,
                population=rng.randint(1000, 500000),
            )
            for i in range(n_cities)
        ] + [
            Organization(
                kind=Organization.Kind.INNOVATOR,
                name=f"Innovateur {i}",
                slug=f"bench-{tag}-innovator-{i}",
                region=rng.choice(REGIONS),
                status=Organization.Status.VERIFIED,
            )
            for i in range(n_innovators)
        ]
        created = Organization.objects.bulk_create(rows, batch_size=CHUNK)
        return created[:n_cities], created[n_cities:]

    def _people(self, rng, count: int, organizations: list[Organization]) -> None:
        tag = f"{rng.getrandbits(32):08x}"
        people = User.objects.bulk_create(
            [
                User(
                    email=f"bench-{tag}-{i}@example.org",
                    password="!",  # unusable
                    language=rng.choice(["fr", "fr", "en"]),
                )
                for i in range(count)
            ],
            batch_size=CHUNK,
        )
        Membership.objects.bulk_create(
            [
                Membership(
                    user=person,
                    organization=organizations[i % len(organizations)],
                    role=Membership.Role.MEMBER,
                )
                for i, person in enumerate(people)
            ],
            batch_size=CHUNK,
        )

    def _challenges(self, rng, corpus: Corpus, count: int, cities, domains) -> None:
        now = timezone.now()
        Owner = Challenge.owners.through
        ChallengeDomain = Challenge.domains.through
        for start in range(0, count, CHUNK):
            rows = Challenge.objects.bulk_create(
                [
                    Challenge(
                        title=f"{rng.choice(corpus.titles)} ({corpus.rare_words(1)})",
                        summary=corpus.text(corpus.challenge_sentences, 1),
                        description=corpus.text(corpus.challenge_sentences, 3),
                        tags=rng.sample(corpus.tags, 2),
                        language=rng.choice(["fr", "fr", "fr", "en"]),
                        status=Challenge.Status.PUBLISHED,
                        published_at=now,
                    )
                    for _ in range(start, min(start + CHUNK, count))
                ]
            )
            Owner.objects.bulk_create(
                [Owner(challenge_id=c.pk, organization_id=rng.choice(cities).pk) for c in rows]
            )
            ChallengeDomain.objects.bulk_create(
                [ChallengeDomain(challenge_id=c.pk, domain_id=rng.choice(domains).pk) for c in rows]
            )

    def _solutions(self, rng, corpus: Corpus, count: int, innovators, domains) -> None:
        now = timezone.now()
        SolutionDomain = Solution.domains.through
        for start in range(0, count, CHUNK):
            rows = Solution.objects.bulk_create(
                [
                    Solution(
                        organization_id=rng.choice(innovators).pk,
                        name=f"{rng.choice(corpus.names)} {corpus.rare_words(1).title()}",
                        summary=corpus.text(corpus.solution_sentences, 1),
                        description=corpus.text(corpus.solution_sentences, 3),
                        tags=rng.sample(corpus.tags, 2),
                        trl=rng.randint(4, 9),
                        language=rng.choice(["fr", "fr", "en"]),
                        status=Solution.Status.PUBLISHED,
                        published_at=now,
                    )
                    for _ in range(start, min(start + CHUNK, count))
                ]
            )
            SolutionDomain.objects.bulk_create(
                [SolutionDomain(solution_id=s.pk, domain_id=rng.choice(domains).pk) for s in rows]
            )
