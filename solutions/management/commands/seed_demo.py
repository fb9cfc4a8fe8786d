"""`manage.py seed_demo`: realistic bilingual demo content, safe to run again."""

from django.core.management.base import BaseCommand

from challenges.demo import seed_challenges
from partners.demo import DEMO_PASSWORD, accounts_summary, seed_partners
from solutions.demo.catalogue import seed_solutions
from solutions.demo.pilots import seed_pilots
from solutions.matching.services import matches_refresh


class Command(BaseCommand):
    help = "Create or refresh the demo content (organisations, accounts, challenges, solutions)."

    def handle(self, *args, **options):
        orgs = seed_partners()
        seed_challenges(orgs)
        seed_solutions(orgs)
        seed_pilots(orgs)
        matches_refresh()  # the engine's suggestions, now that the solutions exist
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready. Demo accounts (password: {DEMO_PASSWORD}):")
        )
        for email, role in accounts_summary():
            self.stdout.write(f"  {email:28} {role}")
