"""Random and hostile bodies posted to every form of partners: never a 500, never half a write.

Each example starts from the state the previous ones left (one test transaction), so every
assertion compares the database just before and just after the request.
"""

from django.contrib.messages import get_messages
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from partners.models import (
    Membership,
    Notification,
    NotificationKind,
    Organization,
    User,
)
from tests.factories import OrganizationFactory, member_of
from tests.security.matrix import database_state, state_difference

from .strategies import form_data, hostile_text, hostile_value, overrides

SIGNUP = {
    "first_name": "Inès",
    "last_name": "Lavoie",
    "email": "ines@capteurs.test",
    "password1": "un-mot-de-passe-solide-42",
    "password2": "un-mot-de-passe-solide-42",
    "language": "fr",
    "choice": "create",
    "organization_kind": "innovator",
    "organization_name": "Capteurs Lavoie",
    "organization_region": "Estrie",
    "organization_country": "CA",
    "organization_population": "",
    "organization_website": "",
    "join_organization": "",
    "join_message": "",
}
PROFILE = {"first_name": "Ana", "last_name": "Roy", "language": "en"} | {
    f"email_{kind}": "daily" for kind in NotificationKind.values
}
ORGANIZATION = {
    "name": "Ville de Granby",
    "description": "Une ville de la Montérégie.",
    "region": "Montérégie",
    "country": "CA",
    "population": "70000",
    "website": "https://granby.test",
}


def post(client, url: str, data: dict):
    response = client.post(url, data)
    assert response.status_code < 500, f"{response.status_code} for {data!r}"
    return response


def unchanged(before: dict) -> None:
    assert state_difference(before, database_state()) == [], "an invalid POST wrote rows"


@given(data=form_data(SIGNUP), email=st.emails())
@example(
    data={**SIGNUP, "first_name": "a\x00b", "organization_name": "x" * 5000},
    email="a@b.test",
)
@example(data={**SIGNUP, "choice": "join", "join_message": "a\x00b"}, email="a@b.test")
def test_sign_up_never_fails_and_writes_all_or_nothing(client, city_a, data, email):
    if "email" in data and data["email"] == SIGNUP["email"]:
        data["email"] = email  # valid bodies must not all collide on one address
    if data.get("choice") == "join":
        data.setdefault("join_organization", str(city_a.pk))
    users = set(User.objects.values_list("pk", flat=True))
    organizations = set(Organization.objects.values_list("pk", flat=True))
    before = database_state()

    response = post(client, reverse("partners:signup"), data)
    if response.status_code == 200:
        unchanged(before)
        return
    assert response.status_code == 302
    new_users = User.objects.exclude(pk__in=users)
    assert new_users.count() == 1
    user = new_users.get()
    new_organizations = Organization.objects.exclude(pk__in=organizations)
    if new_organizations.exists():
        organization = new_organizations.get()
        assert organization.status == Organization.Status.PENDING
        assert Membership.objects.filter(
            user=user, organization=organization, role="admin"
        ).exists()
    else:
        assert Membership.objects.filter(user=user, status=Membership.Status.PENDING).count() == 1
    client.logout()


@given(data=form_data(PROFILE))
@example(data={**PROFILE, "last_name": "a\x00b"})
def test_profile_never_fails_and_an_invalid_one_changes_nothing(client, innovator_a, data):
    client.force_login(innovator_a)
    before = database_state()
    response = post(client, reverse("partners:profile"), data)
    if response.status_code == 200:
        unchanged(before)
    else:
        assert response.status_code == 302
        innovator_a.refresh_from_db()
        assert innovator_a.language == data["language"]


@given(data=form_data(ORGANIZATION))
@example(data={**ORGANIZATION, "description": "a\x00b"})
@example(data={**ORGANIZATION, "population": "99999999999999999999999"})
def test_organisation_edit_never_fails_and_an_invalid_one_changes_nothing(
    client, city_a_staff, city_a, data
):
    client.force_login(city_a_staff)
    before = database_state()
    response = post(
        client,
        reverse("partners:organization_edit", kwargs={"slug": city_a.slug}),
        data,
    )
    if response.status_code == 200:
        unchanged(before)
    else:
        assert response.status_code == 302
        city_a.refresh_from_db()
        assert city_a.country == data["country"].upper()


@given(action=hostile_value | st.sampled_from(["refuse", "verify"]), reason=hostile_value)
def test_curation_review_never_fails_and_records_a_decision_whole(client, curator, action, reason):
    organization = OrganizationFactory(
        kind=Organization.Kind.INNOVATOR, status=Organization.Status.PENDING
    )
    admin = member_of(organization, role=Membership.Role.ADMIN)
    client.force_login(curator)
    before = database_state()
    url = reverse("partners:curation_organization_review", kwargs={"slug": organization.slug})
    assert post(client, url, {"action": action, "reason": reason}).status_code == 302
    organization.refresh_from_db()
    if organization.status == Organization.Status.PENDING:
        unchanged(before)
        return
    assert organization.reviewed_by == curator and organization.reviewed_at is not None
    if organization.status == Organization.Status.REFUSED:
        assert organization.refusal_reason.strip()
    assert Notification.objects.filter(
        recipient=admin, event__contains=f":{organization.pk}:"
    ).exists()


@given(message=hostile_value)
@example(message="a\x00b")
@example(message="x" * 5000)
def test_join_request_never_fails_and_keeps_one_request(client, innovator_b, city_a, message):
    client.force_login(innovator_b)
    url = reverse("partners:organization_join", kwargs={"slug": city_a.slug})
    before = database_state()
    response = post(client, url, {"message": message})
    assert response.status_code == 302
    requests = Membership.objects.filter(user=innovator_b, organization=city_a)
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    if requests.exists():
        assert requests.count() == 1
        assert len(requests.get().message) <= 1000
    else:
        # A message that is too long or holds a NUL is refused with an error; nothing written.
        assert shown and "envoyée" not in shown[-1]
        unchanged(before)


@given(data=overrides(["membership", "action"]))
@example(data={"membership": "", "action": "accept"})
@example(data={"membership": "1\x00", "action": "refuse"})
def test_membership_decisions_never_fail(client, city_a_staff, city_a, join_request_city_a, data):
    client.force_login(city_a_staff)
    url = reverse("partners:organization_members", kwargs={"slug": city_a.slug})
    before = database_state()
    response = post(client, url, data)
    assert response.status_code in (302, 404)
    if response.status_code == 404:
        unchanged(before)


@given(username=hostile_text, password=hostile_text)
@example(username="a\x00b@x.test", password="a\x00b")
@example(username="x" * 5000, password="x")
def test_login_never_fails(client, innovator_a, username, password):
    response = post(client, reverse("partners:login"), {"username": username, "password": password})
    assert response.status_code in (200, 429)


@given(data=overrides(["email"]))
@example(data={"email": "a\x00b@x.test"})
def test_password_reset_never_fails(client, innovator_a, data):
    before = database_state()
    response = post(client, reverse("partners:password_reset"), data)
    assert response.status_code in (200, 302)
    unchanged(before)
