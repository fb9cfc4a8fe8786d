"""`seed_demo`'s solutions: realistic content for every demo innovator, safe to run again."""

from django.core.management import call_command
from django.urls import reverse

from partners.models import User
from solutions.models import Match, Solution, SolutionReference


def test_seed_demo_is_idempotent_and_gives_innovators_solutions_and_proposals(db, client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    counts = (Solution.objects.count(), Match.objects.count(), SolutionReference.objects.count())
    assert counts[0] >= 40 and counts[1] >= 5
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (
        Solution.objects.count(),
        Match.objects.count(),
        SolutionReference.objects.count(),
    ) == counts
    # Every published demo solution is in the public catalogue, in both languages.
    response = client.get(reverse("solutions:catalogue"))
    assert response.context["page_obj"].paginator.count == counts[0]
    response = client.get(reverse("solutions:catalogue"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    # The demo innovator sees its proposal; the demo city sees proposals on its challenge.
    client.force_login(User.objects.get(email="innovateur@demo.iveo.ca"))
    page = client.get(reverse("solutions:my_proposals")).content.decode()
    assert "Trouver une place de stationnement" in page
    client.force_login(User.objects.get(email="ville@demo.iveo.ca"))
    assert "Bornes de recharge" in client.get(reverse("partners:dashboard")).content.decode()
