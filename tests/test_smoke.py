import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "partners:login",
        "partners:signup",
        "partners:organization_list",
        "partners:password_reset",
    ],
)
def test_public_pages_render_in_french(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert 'lang="fr-CA"' in response.content.decode()
