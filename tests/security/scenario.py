"""Objects that the permission matrix, the accessibility pages and the fuzz tests point at.

Each is owned by city A or innovator A (the roles of tests/conftest.py), so that every other
role is the one that must be refused. Imported into the conftest of tests/security,
tests/browser and tests/fuzz; fixtures of other apps' objects go next to these.
"""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from partners.delivery import unsubscribe_token
from partners.models import Membership, NotificationKind, Organization
from partners.notifications import notify
from tests.factories import MembershipFactory, UserFactory

__all__ = [
    "notification_a",
    "pending_organization",
    "join_request_city_a",
    "unsubscribe_token_a",
    "reset_link_a",
]


@pytest.fixture
def notification_a(innovator_a):
    """An unread notification of innovator A."""
    notify(
        recipients=[innovator_a],
        kind=NotificationKind.ACCOUNT,
        event="security-matrix:welcome",
        template="organization_verified",
        context={"organization": "Acme Mobilité"},
        url="/dashboard/",
    )
    return innovator_a.notifications.get()


@pytest.fixture
def pending_organization(unverified_user):
    """The organisation of the unverified user, waiting for a curator."""
    return Organization.objects.get(memberships__user=unverified_user)


@pytest.fixture
def join_request_city_a(city_a):
    """Someone asks to join city A; its administrators (and curators) decide."""
    return MembershipFactory(
        organization=city_a,
        user=UserFactory(email="candidate@granby.test"),
        status=Membership.Status.PENDING,
        message="Je travaille au service de l'urbanisme.",
    )


@pytest.fixture
def unsubscribe_token_a(innovator_a):
    return unsubscribe_token(innovator_a, NotificationKind.ACCOUNT)


@pytest.fixture
def reset_link_a(innovator_a):
    """The kwargs of innovator A's password-reset link, as the e-mail would give it."""
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(innovator_a.pk)),
        "token": default_token_generator.make_token(innovator_a),
    }
