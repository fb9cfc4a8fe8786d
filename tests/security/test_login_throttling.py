"""Login throttling (django-axes): five failures lock the address + account pair for a while."""

from django.conf import settings
from django.urls import reverse

from tests.browser.i18n import require_english

from .test_headers import assert_security_headers

LOCKED_MESSAGE = (
    "Trop de tentatives de connexion ont échoué. Pour protéger ce compte, la connexion est "
    "bloquée pendant 15 minutes. Vous pouvez aussi réinitialiser votre mot de passe."
)
PASSWORD = "correct-horse-battery"


def fail_logins(client, email: str, times: int) -> list[int]:
    url = reverse("partners:login")
    return [
        client.post(url, {"username": email, "password": "wrong"}).status_code for _ in range(times)
    ]


def test_five_failed_logins_lock_the_account_with_a_clear_message(client, innovator_a):
    assert settings.AXES_FAILURE_LIMIT == 5
    # Four failures: the form again, with its error.
    assert fail_logins(client, innovator_a.email, 4) == [200] * 4
    # The fifth locks: a 429 page that says what happened and what to do.
    response = client.post(
        reverse("partners:login"), {"username": innovator_a.email, "password": "wrong"}
    )
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_MESSAGE.replace("'", "&#x27;") in page
    assert reverse("partners:password_reset") in page
    assert_security_headers(response)

    # Even the right password is refused while locked, and nobody is signed in.
    response = client.post(
        reverse("partners:login"), {"username": innovator_a.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("partners:dashboard")).status_code == 302


def test_the_lock_is_per_account_and_address_not_global(client, innovator_a, innovator_b):
    fail_logins(client, innovator_a.email, 5)
    response = client.post(
        reverse("partners:login"), {"username": innovator_b.email, "password": PASSWORD}
    )
    assert response.status_code == 302  # another account from the same address still signs in


def test_a_successful_login_clears_earlier_failures(client, innovator_a):
    fail_logins(client, innovator_a.email, 4)
    login = client.post(
        reverse("partners:login"), {"username": innovator_a.email, "password": PASSWORD}
    )
    assert login.status_code == 302
    client.post(reverse("partners:logout"))
    assert fail_logins(client, innovator_a.email, 4) == [200] * 4  # counting starts again


def test_the_locked_out_page_speaks_english_to_an_english_reader(client, innovator_a):
    english = require_english(LOCKED_MESSAGE)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    fail_logins(client, innovator_a.email, 5)
    response = client.post(
        reverse("partners:login"), {"username": innovator_a.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert english.replace("'", "&#x27;") in response.content.decode()
