"""Permission matrix of `partners` (and the project-level language switch). See README.md."""

from partners.models import NotificationKind

from .matrix import LOGIN, Entry, everyone, roles, writes

SIGNED_IN = roles(200, visitor=LOGIN)  # any signed-in person, visitors to the login page


def city_a(fx):
    return {"slug": fx("city_a").slug}


def pending(fx):
    return {"slug": fx("pending_organization").slug}


def signup_data(fx):
    return {
        "first_name": "Nadia",
        "last_name": "Roy",
        "email": "nadia@nouvelle.test",
        "password1": "un-mot-de-passe-solide-42",
        "password2": "un-mot-de-passe-solide-42",
        "language": "fr",
        "choice": "create",
        "organization_kind": "innovator",
        "organization_name": "Nouvelle pousse",
        "organization_country": "CA",
    }


def profile_data(fx):
    return {
        "first_name": "Prénom",
        "last_name": "Changé",
        "language": "en",
        **{f"email_{kind}": "weekly" for kind in NotificationKind.values},
    }


def organization_data(fx):
    return {
        "name": "Ville de Granby (profil modifié)",
        "description": "Une ville de la Montérégie.",
        "region": "Montérégie",
        "country": "CA",
        "population": "70000",
        "website": "https://granby.test",
    }


CITY_A_ADMINS_GET = roles(404, visitor=LOGIN, city_a_staff=200, curator=200)
CITY_A_ADMINS_POST = roles(404, visitor=LOGIN, city_a_staff=writes(302), curator=writes(302))

ENTRIES = [
    # --- Accounts -----------------------------------------------------------------------------
    Entry(
        "partners:signup",
        get=roles(302, visitor=200),  # signed in: sent to the dashboard
        post=roles(302, visitor=writes(302)),
        data=signup_data,
    ),
    Entry(
        "partners:login",
        get=roles(302, visitor=200),
        post=roles(302, visitor=200),  # a wrong password: the form again, nothing written
        data=lambda fx: {"username": fx("innovator_a").email, "password": "pas-le-bon"},
    ),
    Entry("partners:logout", get=everyone(405), post=everyone(302)),
    Entry(
        "partners:password_reset",
        get=everyone(200),
        post=everyone(302),  # an e-mail, no row
        data=lambda fx: {"email": fx("innovator_a").email},
    ),
    Entry("partners:password_reset_done", get=everyone(200)),
    # The link of the e-mail is the credential: whoever holds it is sent on to the form.
    Entry(
        "partners:password_reset_confirm",
        kwargs=lambda fx: fx("reset_link_a"),
        get=everyone(302),
    ),
    Entry(
        "partners:password_reset_confirm",
        label="invalid",
        kwargs=lambda fx: {"uidb64": "MQ", "token": "bad-token"},
        get=everyone(200),
        post=everyone(200),
        data=lambda fx: {
            "new_password1": "x-Y-z-123456",
            "new_password2": "x-Y-z-123456",
        },
    ),
    Entry("partners:password_reset_complete", get=everyone(200)),
    Entry(
        "partners:profile",  # always the signed-in person's own profile
        get=SIGNED_IN,
        post=roles(writes(302), visitor=LOGIN),
        data=profile_data,
    ),
    Entry(
        "partners:dashboard",
        get=SIGNED_IN,
        needs=("join_request_city_a", "notification_a"),
    ),
    # --- Notifications ------------------------------------------------------------------------
    Entry("partners:notifications", get=SIGNED_IN, needs=("notification_a",)),
    Entry(
        "partners:notification_read",
        get=roles(405, visitor=LOGIN),
        # Only innovator A's own notification is marked; anyone else's request changes nothing.
        post=roles(302, visitor=LOGIN, innovator_a=writes(302)),
        data=lambda fx: {"id": fx("notification_a").pk},
    ),
    Entry(
        "partners:unsubscribe",  # the signed token is the credential (RFC 8058 one-click)
        kwargs=lambda fx: {"token": fx("unsubscribe_token_a")},
        get=everyone(200),
        post=everyone(writes(200)),
    ),
    Entry(
        "partners:unsubscribe",
        label="forged",
        kwargs=lambda fx: {"token": fx("unsubscribe_token_a")[:-2] + "xx"},
        get=everyone(400),
        post=everyone(400),
    ),
    # --- Organisations ------------------------------------------------------------------------
    Entry("partners:organization_list", get=everyone(200), needs=("pending_organization",)),
    Entry("partners:organization_detail", kwargs=city_a, get=everyone(200)),
    Entry(
        "partners:organization_detail",
        label="pending",  # seen only by its members and curators
        kwargs=pending,
        get=roles(404, unverified_user=200, curator=200),
    ),
    Entry(
        "partners:organization_edit",
        kwargs=city_a,
        get=CITY_A_ADMINS_GET,
        post=CITY_A_ADMINS_POST,
        data=organization_data,
    ),
    Entry(
        "partners:organization_edit",
        label="pending",  # an unverified organisation still edits its own profile
        kwargs=pending,
        get=roles(404, visitor=LOGIN, unverified_user=200, curator=200),
        post=roles(404, visitor=LOGIN, unverified_user=writes(302), curator=writes(302)),
        data=lambda fx: {**organization_data(fx), "name": "Jeune pousse inc."},
    ),
    Entry(
        "partners:organization_members",
        kwargs=city_a,
        get=CITY_A_ADMINS_GET,
        post=CITY_A_ADMINS_POST,
        data=lambda fx: {
            "membership": fx("join_request_city_a").pk,
            "action": "accept",
        },
        needs=("join_request_city_a",),
    ),
    Entry(
        "partners:organization_join",
        kwargs=city_a,
        get=roles(405, visitor=LOGIN),
        post=roles(writes(302), visitor=LOGIN, city_a_staff=302),  # staff: already a member
        data=lambda fx: {"message": "Bonjour"},
    ),
    Entry(
        "partners:organization_join",
        label="pending",  # nobody asks to join an organisation that is not verified
        kwargs=pending,
        get=roles(405, visitor=LOGIN),
        post=roles(404, visitor=LOGIN),
        data=lambda fx: {"message": "Bonjour"},
    ),
    # --- Curation -----------------------------------------------------------------------------
    Entry(
        "partners:curation_organizations",
        get=roles(403, visitor=LOGIN, curator=200),
        needs=("pending_organization",),
    ),
    Entry(
        "partners:curation_organization_review",
        label="verify",
        kwargs=pending,
        get=roles(403, visitor=LOGIN, curator=405),
        post=roles(403, visitor=LOGIN, curator=writes(302)),
        data=lambda fx: {"action": "verify"},
    ),
    Entry(
        "partners:curation_organization_review",
        label="refuse",
        kwargs=pending,
        get=roles(403, visitor=LOGIN, curator=405),
        post=roles(403, visitor=LOGIN, curator=writes(302)),
        data=lambda fx: {"action": "refuse", "reason": "Entreprise introuvable."},
    ),
    # --- Project level ------------------------------------------------------------------------
    Entry(
        "set_language",  # a cookie; also saved in the profile of a signed-in person (POST only)
        get=everyone(302),
        post=roles(writes(302), visitor=302),
        data=lambda fx: {"language": "en", "next": "/"},
    ),
    Entry("ping", get=everyone(200)),  # the web benchmark's baseline: public, read-only
]
