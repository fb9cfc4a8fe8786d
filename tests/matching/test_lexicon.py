"""The lexicons: exact counts of the rows having each lexeme, whatever writes the rows, and
what they change in the ranking of a large catalogue (PostgreSQL)."""

import pytest
from django.db import connection

from challenges.models import Challenge
from solutions.matching.ranking import rank_solutions
from solutions.models import Solution

from ..factories import OrganizationFactory
from ..solutions.helpers import open_challenge, solution_of


def lexicon(table: str) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT word, ndoc FROM "{table}_lexicon" WHERE ndoc <> 0')
        return dict(cursor.fetchall())


def recount(table: str) -> dict[str, int]:
    """What the lexicon must say: counted again from the table."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT word, ndoc FROM ts_stat('SELECT search_document FROM \"{table}\"')")
        counts = dict(cursor.fetchall())
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        rows = cursor.fetchone()[0]
    return {**counts, "": rows} if rows else counts


def test_the_solutions_lexicon_follows_every_kind_of_write(postgres, innovator_org):
    assert lexicon("solutions_solution") == recount("solutions_solution")
    parking = solution_of(innovator_org)  # a form or the admin: one INSERT
    Solution.objects.bulk_create(  # the import: many rows in one statement
        [
            Solution(organization=innovator_org, name=f"Télérelève des compteurs {i}",
                     summary="Compteurs d'eau lus à distance.", description="Réseau LoRaWAN.")
            for i in range(3)
        ]
    )  # fmt: skip
    assert lexicon("solutions_solution") == recount("solutions_solution")
    assert lexicon("solutions_solution")["compteur"] == 3

    parking.description = "Des caméras lisent l'occupation des cases."
    parking.save()  # an edit: the words it lost and gained
    assert "camera" in lexicon("solutions_solution")
    Solution.objects.filter(name__startswith="Télérelève").update(trl=9)  # no word changes
    Solution.objects.filter(pk=parking.pk).update(summary="Stationnement intelligent")
    assert lexicon("solutions_solution") == recount("solutions_solution")

    Solution.objects.filter(name__startswith="Télérelève").delete()
    assert lexicon("solutions_solution") == recount("solutions_solution")
    assert "compteur" not in lexicon("solutions_solution")


@pytest.mark.django_db(transaction=True)
def test_a_truncated_table_has_an_empty_lexicon(postgres, innovator_org):
    """As Django's flush (and the transactional tests) empty the tables."""
    solution_of(innovator_org)
    assert lexicon("solutions_solution")[""] == 1
    with connection.cursor() as cursor:
        cursor.execute('TRUNCATE "solutions_solution" CASCADE')
    assert lexicon("solutions_solution") == {}


def test_the_challenges_lexicon_follows_the_catalogue(postgres, city_a):
    open_challenge([city_a], title="Déneigement des trottoirs", domains=["mobility"])
    Challenge.objects.filter(title__startswith="Déneigement").update(title="Sel de voirie")
    assert lexicon("challenges_challenge") == recount("challenges_challenge")
    assert "deneig" not in lexicon("challenges_challenge")


@pytest.fixture
def innovator_org(db):
    return OrganizationFactory(kind="innovator")


def test_words_no_solution_has_do_not_crowd_out_the_ones_that_matter(
    postgres, city_a, innovator_org
):
    """A long challenge full of words no document has (names, jargon, typos): in a catalogue
    large enough for frequencies to count, the shared words still decide."""
    Solution.objects.bulk_create(
        [
            Solution(organization=innovator_org, name=f"Plateforme de gestion {i}",
                     summary="Tableau de bord pour les services municipaux.",
                     description=f"Suivi des requêtes citoyennes, module {i}.",
                     status=Solution.Status.PUBLISHED)
            for i in range(700)
        ]
    )  # fmt: skip
    parking = solution_of(innovator_org, name="Capteurs de stationnement sur rue")
    absent = " ".join(f"zorglub{chr(97 + i)}{chr(97 + j)}" for i in range(8) for j in range(8))
    challenge = open_challenge(
        [city_a],
        title="Stationnement : trouver une place",
        summary=absent,
        description=f"{absent} Les capteurs de stationnement montreraient les places libres.",
        domains=[],
    )
    ranked = [s for s, _score, _reasons in rank_solutions(challenge, limit=3)]
    assert ranked and ranked[0] == parking
