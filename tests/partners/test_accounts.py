import re

import pytest
from django.urls import reverse

from partners.models import Membership, Notification, Organization, User
from tests.factories import OrganizationFactory, member_of

SIGNUP = {
    "first_name": "Inès",
    "last_name": "Lavoie",
    "email": "ines@startup.test",
    "password1": "un-mot-de-passe-solide-42",
    "password2": "un-mot-de-passe-solide-42",
    "language": "fr",
    "choice": "create",
    "organization_kind": "innovator",
    "organization_name": "Capteurs Lavoie inc.",
    "organization_region": "Estrie",
    "organization_country": "ca",
}


def test_sign_up_creates_a_person_and_an_unverified_organisation_and_tells_curators(
    client, curator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("partners:signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="ines@startup.test")
    organization = Organization.objects.get(name="Capteurs Lavoie inc.")
    assert organization.status == Organization.Status.PENDING
    assert organization.country == "CA"
    assert Membership.objects.get(user=user, organization=organization).role == "admin"
    assert [m.to for m in mailoutbox] == [[curator.email]]
    assert "Capteurs Lavoie inc." in mailoutbox[0].subject
    # Signed in straight away, and the dashboard says the organisation awaits verification.
    page = client.get(reverse("partners:dashboard")).content.decode()
    assert "IVÉO vérifie votre organisation" in page


def test_sign_up_with_an_existing_email_is_refused_and_creates_nothing(client, innovator_a):
    data = {**SIGNUP, "email": innovator_a.email.upper()}
    response = client.post(reverse("partners:signup"), data)
    assert response.status_code == 200
    assert "Un compte existe déjà" in response.content.decode()
    assert not Organization.objects.filter(name="Capteurs Lavoie inc.").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"password2": "autre-chose-99"}, "password2"),
        ({"password1": "12345678", "password2": "12345678"}, "password1"),
        ({"organization_name": ""}, "organization_name"),
        ({"organization_country": "Canada"}, "organization_country"),
        ({"choice": "join"}, "join_organization"),
        ({"email": "pas-une-adresse"}, "email"),
    ],
)
def test_sign_up_errors_are_shown_next_to_the_field_and_in_the_summary(client, db, changes, field):
    response = client.post(reverse("partners:signup"), {**SIGNUP, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert f'href="#id_{field}"' in html
    assert User.objects.count() == 0


def test_join_request_goes_to_the_organisation_admins_who_accept_it(
    client, city_a, city_a_staff, mailoutbox, django_capture_on_commit_callbacks
):
    data = {**SIGNUP, "choice": "join", "join_organization": city_a.pk, "join_message": "Bonjour"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("partners:signup"), data)
    newcomer = User.objects.get(email="ines@startup.test")
    membership = Membership.objects.get(user=newcomer, organization=city_a)
    assert membership.status == Membership.Status.PENDING
    assert [m.to for m in mailoutbox] == [[city_a_staff.email]]

    client.force_login(city_a_staff)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("partners:organization_members", kwargs={"slug": city_a.slug}),
            {"membership": membership.pk, "action": "accept"},
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert [m.to for m in mailoutbox] == [[newcomer.email]]


def test_a_member_who_is_not_admin_cannot_decide_join_requests(client, city_a):
    member = member_of(city_a)
    pending = member_of(city_a)
    Membership.objects.filter(user=pending).update(status=Membership.Status.PENDING)
    client.force_login(member)
    url = reverse("partners:organization_members", kwargs={"slug": city_a.slug})
    assert client.get(url).status_code == 404
    membership = Membership.objects.get(user=pending)
    client.post(url, {"membership": membership.pk, "action": "accept"})
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING


def test_an_admin_cannot_decide_requests_of_another_organisation(client, city_a_staff, city_b):
    pending = member_of(city_b)
    membership = Membership.objects.get(user=pending)
    Membership.objects.filter(pk=membership.pk).update(status=Membership.Status.PENDING)
    client.force_login(city_a_staff)
    # Even through its own organisation's URL, a membership of another organisation is not found.
    url = reverse("partners:organization_members", kwargs={"slug": "granby"})
    assert client.post(url, {"membership": membership.pk, "action": "accept"}).status_code == 404
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING


def test_log_in_with_email_and_log_out(client, innovator_a):
    response = client.post(
        reverse("partners:login"),
        {"username": "A@ACME.TEST", "password": "correct-horse-battery"},
    )
    assert response.status_code == 302
    assert client.get(reverse("partners:dashboard")).status_code == 200
    client.post(reverse("partners:logout"))
    assert client.get(reverse("partners:dashboard")).status_code == 302


def test_wrong_password_gives_a_clear_error(client, innovator_a):
    response = client.post(
        reverse("partners:login"), {"username": innovator_a.email, "password": "nope"}
    )
    assert response.status_code == 200
    assert "Adresse courriel ou mot de passe incorrect" in response.content.decode()


def test_password_reset_by_email_sets_a_new_password(client, innovator_a, mailoutbox):
    client.post(reverse("partners:password_reset"), {"email": innovator_a.email})
    assert len(mailoutbox) == 1
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+/)", mailoutbox[0].body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "nouveau-secret-2026", "new_password2": "nouveau-secret-2026"}
    )
    innovator_a.refresh_from_db()
    assert innovator_a.check_password("nouveau-secret-2026")


def test_password_reset_for_an_unknown_address_reveals_nothing(client, db, mailoutbox):
    response = client.post(reverse("partners:password_reset"), {"email": "nobody@nowhere.test"})
    assert response.status_code == 302
    assert mailoutbox == []


def test_profile_saves_language_and_email_preferences(client, innovator_a):
    client.force_login(innovator_a)
    data = {"first_name": "Ann", "last_name": "Acme", "language": "en"}
    data.update(
        {f"email_{kind}": "weekly" for kind in ["account", "review", "activity", "alert", "pilot"]}
    )
    data["email_match"] = "off"
    response = client.post(reverse("partners:profile"), data)
    assert response.status_code == 302
    innovator_a.refresh_from_db()
    assert innovator_a.language == "en"
    assert innovator_a.email_frequency("match") == "off"
    assert innovator_a.email_frequency("alert") == "weekly"
    # The next page is in English.
    page = client.get(reverse("partners:profile")).content.decode()
    assert 'lang="en-CA"' in page and "My profile" in page


def test_profile_requires_login(client, db):
    response = client.get(reverse("partners:profile"))
    assert response.status_code == 302
    assert reverse("partners:login") in response["Location"]


def test_language_switch_changes_the_page_and_is_saved_for_a_signed_in_user(client, innovator_a):
    client.force_login(innovator_a)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/organizations/"})
    assert response.status_code == 302 and response["Location"] == "/organizations/"
    page = client.get("/organizations/").content.decode()
    assert 'lang="en-CA"' in page and "Organizations" in page
    innovator_a.refresh_from_db()
    assert innovator_a.language == "en"


def test_language_switch_ignores_an_external_next_url(client, db):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_notifications_inbox_counts_unread_and_marks_read(client, innovator_a):
    Notification.objects.create(
        recipient=innovator_a,
        kind="account",
        event="e1",
        template="membership_accepted",
        context={"organization": "Ville de Granby"},
        url="/dashboard/",
    )
    client.force_login(innovator_a)
    page = client.get(reverse("partners:notifications")).content.decode()
    assert "1 non lue" in page
    assert "Vous faites maintenant partie de Ville de Granby" in page
    response = client.post(
        reverse("partners:notification_read"),
        {"id": Notification.objects.get().pk, "go": "/dashboard/"},
    )
    assert response["Location"] == "/dashboard/"
    assert Notification.objects.get().read_at is not None


def test_nobody_can_mark_someone_elses_notifications_read(client, innovator_a, innovator_b):
    note = Notification.objects.create(
        recipient=innovator_a, kind="account", event="e1", template="membership_accepted"
    )
    client.force_login(innovator_b)
    client.post(reverse("partners:notification_read"), {"id": note.pk})
    note.refresh_from_db()
    assert note.read_at is None


def test_unverified_organisations_page_is_hidden_from_visitors_but_not_members(
    client, unverified_user
):
    url = reverse("partners:organization_detail", kwargs={"slug": "jeune-pousse"})
    assert client.get(url).status_code == 404
    client.force_login(unverified_user)
    assert client.get(url).status_code == 200


def test_verified_organisation_profile_is_public(client, city_a):
    response = client.get(reverse("partners:organization_detail", kwargs={"slug": city_a.slug}))
    assert response.status_code == 200
    assert "Ville de Granby" in response.content.decode()


def test_only_admins_edit_the_organisation_profile(client, city_a, city_a_staff, city_b_staff):
    url = reverse("partners:organization_edit", kwargs={"slug": city_a.slug})
    client.force_login(city_b_staff)
    assert client.post(url, {"name": "Piraté", "country": "CA"}).status_code == 404
    city_a.refresh_from_db()
    assert city_a.name == "Ville de Granby"
    client.force_login(city_a_staff)
    response = client.post(
        url, {"name": "Ville de Granby (QC)", "country": "ca", "region": "Estrie"}
    )
    assert response.status_code == 302
    city_a.refresh_from_db()
    assert city_a.name == "Ville de Granby (QC)" and city_a.country == "CA"


def test_joining_from_an_organisation_page_creates_a_pending_request(client, innovator_a, city_a):
    client.force_login(innovator_a)
    client.post(
        reverse("partners:organization_join", kwargs={"slug": city_a.slug}), {"message": "Salut"}
    )
    assert Membership.objects.get(user=innovator_a, organization=city_a).status == "pending"


def test_organisation_directory_filters_by_kind_and_hides_pending_ones(
    client, city_a, innovator_a_org, unverified_user
):
    page = client.get(reverse("partners:organization_list"), {"kind": "city"}).content.decode()
    assert "Ville de Granby" in page and "Acme Mobilité" not in page
    page = client.get(reverse("partners:organization_list")).content.decode()
    assert "Jeune pousse" not in page


def test_every_organisation_kind_exists(db):
    assert set(Organization.Kind.values) == {"city", "innovator", "partner", "iveo"}
    partner = OrganizationFactory(
        kind="partner", name="Perpignan Méditerranée Métropole", country="FR"
    )
    commune = OrganizationFactory(name="Canet-en-Roussillon", country="FR", parent=partner)
    assert commune.parent == partner
