"""`/ping/`: the web benchmark's baseline, a tiny answer through every middleware."""

from django.urls import reverse


def test_ping_answers_plain_text_without_the_database(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("ping"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content == b"ok\n"
    assert response["X-Content-Type-Options"] == "nosniff"  # the security middleware ran


def test_ping_is_read_only(client):
    assert client.post(reverse("ping")).status_code == 405
