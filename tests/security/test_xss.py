"""Hostile text typed into every free-text field of partners is shown escaped everywhere.

Each payload goes in through the forms, as a person would type it, and every page (and HTML
e-mail) that shows the field is then read: the markup must never come back as markup.
"""

import pytest
from django.urls import reverse

from partners.models import NotificationKind, Organization, User

from .xss_helpers import assert_escaped, ok

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
# A URL field accepts neither payload as such, but takes this one (no space, http scheme).
HOSTILE_URL = 'https://evil.test/"><script>alert(1)</script>'


@pytest.fixture
def hostile(
    request,
    client,
    curator,
    city_a,
    city_a_staff,
    innovator_b,
    django_capture_on_commit_callbacks,
):
    """Everything a hostile person can type into the partners forms, typed in."""
    payload = request.param
    signup = {
        "first_name": payload,
        "last_name": payload,
        "password1": "un-mot-de-passe-solide-42",
        "password2": "un-mot-de-passe-solide-42",
        "language": "fr",
        "organization_country": "CA",
    }
    with django_capture_on_commit_callbacks(execute=True):
        # X registers a company (to be verified), Y another (to be refused), Z asks to join city A.
        for email, name in [("x@evil.test", "X"), ("y@evil.test", "Y")]:
            ok(
                client.post(
                    reverse("partners:signup"),
                    {
                        **signup,
                        "email": email,
                        "choice": "create",
                        "organization_kind": "innovator",
                        "organization_name": f"{name} {payload}",
                        "organization_region": payload,
                        "organization_website": HOSTILE_URL,
                    },
                ),
                302,
            )
            client.logout()
        ok(
            client.post(
                reverse("partners:signup"),
                {
                    **signup,
                    "email": "z@evil.test",
                    "choice": "join",
                    "join_organization": city_a.pk,
                    "join_message": payload,
                },
            ),
            302,
        )
        client.logout()
        x_org = Organization.objects.get(name=f"X {payload}")
        y_org = Organization.objects.get(name=f"Y {payload}")

        x = User.objects.get(email="x@evil.test")
        client.force_login(x)
        profile = {"first_name": payload, "last_name": payload, "language": "fr"}
        profile |= {f"email_{kind}": "immediate" for kind in NotificationKind.values}
        ok(client.post(reverse("partners:profile"), profile), 302)
        ok(
            client.post(
                reverse("partners:organization_edit", kwargs={"slug": x_org.slug}),
                {
                    "name": f"X {payload}",
                    "description": payload,
                    "region": payload,
                    "country": "CA",
                    "website": HOSTILE_URL,
                },
            ),
            302,
        )

        client.force_login(curator)
        review = reverse("partners:curation_organization_review", kwargs={"slug": x_org.slug})
        ok(client.post(review, {"action": "verify"}), 302)
        review = reverse("partners:curation_organization_review", kwargs={"slug": y_org.slug})
        ok(client.post(review, {"action": "refuse", "reason": payload}), 302)

        client.force_login(innovator_b)
        ok(
            client.post(
                reverse("partners:organization_join", kwargs={"slug": x_org.slug}),
                {"message": payload},
            ),
            302,
        )
    client.logout()
    return {"payload": payload, "x_org": x_org, "y_org": y_org, "x": x}


@pytest.mark.parametrize("hostile", PAYLOADS, indirect=True, ids=["script", "attribute"])
def test_hostile_text_is_escaped_on_every_page_that_shows_it(
    client, hostile, curator, city_a, city_a_staff, mailoutbox
):
    payload, x_org = hostile["payload"], hostile["x_org"]
    slug = {"slug": x_org.slug}
    pages = [
        # (who reads, URL, shows the payload)
        (None, reverse("partners:organization_list"), True),
        (None, reverse("partners:organization_list") + "?q=" + payload, True),
        (None, reverse("partners:organization_detail", kwargs=slug), True),
        (hostile["x"], reverse("partners:dashboard"), True),
        (hostile["x"], reverse("partners:profile"), True),
        (hostile["x"], reverse("partners:organization_edit", kwargs=slug), True),
        (hostile["x"], reverse("partners:organization_members", kwargs=slug), True),
        (hostile["x"], reverse("partners:notifications"), True),
        (User.objects.get(email="y@evil.test"), reverse("partners:dashboard"), True),
        (
            User.objects.get(email="y@evil.test"),
            reverse("partners:notifications"),
            True,
        ),
        (city_a_staff, reverse("partners:dashboard"), True),
        (
            city_a_staff,
            reverse("partners:organization_members", kwargs={"slug": city_a.slug}),
            True,
        ),
        (city_a_staff, reverse("partners:notifications"), True),
        (curator, reverse("partners:notifications"), True),
        (
            curator,
            reverse("partners:organization_detail", kwargs={"slug": hostile["y_org"].slug}),
            True,
        ),
    ]
    for reader, url, shown in pages:
        client.logout()
        if reader:
            client.force_login(reader)
        html = ok(client.get(url)).content.decode()
        assert_escaped(html, payload, f"{url} for {reader or 'a visitor'}", shown=shown)

    # The curation queue, while an organisation with such a name waits.
    client.force_login(curator)
    Organization.objects.filter(pk=x_org.pk).update(status=Organization.Status.PENDING)
    html = ok(client.get(reverse("partners:curation_organizations"))).content.decode()
    assert_escaped(html, payload, "the curation queue")
    assert_escaped(html, HOSTILE_URL, "the curation queue (website)")
    for reader, url in [
        (curator, reverse("partners:organization_detail", kwargs=slug)),
        (hostile["x"], reverse("partners:organization_edit", kwargs=slug)),
    ]:
        client.logout()
        if reader:
            client.force_login(reader)
        assert_escaped(ok(client.get(url)).content.decode(), HOSTILE_URL, f"{url} (website)")

    assert mailoutbox, "the scenario sends e-mails"
    for message in mailoutbox:
        for body, mimetype in message.alternatives:
            if mimetype == "text/html":
                assert payload not in body, f"HTML e-mail {message.subject!r} renders the payload"
