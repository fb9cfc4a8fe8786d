from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import access, dashboard, services
from .delivery import UNSUBSCRIBE_SALT, render_notification
from .forms import (
    JoinRequestForm,
    LoginForm,
    OrganizationForm,
    ProfileForm,
    RefusalForm,
    SignUpForm,
)
from .models import EmailFrequency, Language, Membership, NotificationKind, Organization, User
from .utils import querystring_without_page

# --- Accounts -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("partners:dashboard")
    form = SignUpForm(request.POST or None, initial={"language": request.LANGUAGE_CODE[:2]})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.user_sign_up(
            email=data["email"],
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            language=data["language"],
            new_organization=form.new_organization(),
            join_organization=data["join_organization"] if data["choice"] == form.JOIN else None,
            join_message=data["join_message"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        if data["choice"] == form.CREATE:
            messages.success(
                request,
                _(
                    "Bienvenue ! Votre organisation attend la vérification d'IVÉO ; vous "
                    "recevrez un courriel dès qu'elle sera vérifiée."
                ),
            )
        else:
            messages.success(
                request,
                _("Bienvenue ! Votre demande a été envoyée aux administrateurs de l'organisation."),
            )
        response = redirect("partners:dashboard")
        _remember_language(response, user.language)
        return response
    return render(request, "partners/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        _remember_language(response, form.get_user().language)
        return response


def _remember_language(response: HttpResponse, language: str) -> None:
    from django.conf import settings

    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


@require_http_methods(["GET", "POST"])
def language_set(request: HttpRequest) -> HttpResponse:
    """Switch the portal's language (a cookie) and go back to the page.

    Visitors switch with a plain GET: their pages carry no token, so they can be served to
    everyone from the cache. A signed-in person posts the form (with its CSRF token) and the
    choice is also saved in their profile; a GET never changes a profile. Only addresses of
    this site are followed back.
    """
    data = request.POST if request.method == "POST" else request.GET
    language = data.get("language", "")
    next_url = data.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in Language.values:
        _remember_language(response, language)
        if request.method == "POST" and request.user.is_authenticated:
            User.objects.filter(pk=request.user.pk).update(language=language)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        services.user_update_preferences(
            user=user, language=user.language, email_frequencies=form.email_frequencies()
        )
        user.save(update_fields=["first_name", "last_name"])
        messages.success(request, _("Votre profil a été enregistré."))
        response = redirect("partners:profile")
        _remember_language(response, user.language)
        return response
    memberships = request.user.memberships.select_related("organization").order_by(
        "organization__name"
    )
    return render(request, "partners/user_profile.html", {"form": form, "memberships": memberships})


@login_required
def dashboard_view(request: HttpRequest) -> HttpResponse:
    memberships = list(
        request.user.memberships.select_related("organization").order_by("organization__name")
    )
    admin_of = [
        m.organization_id
        for m in memberships
        if m.role == Membership.Role.ADMIN and m.status == Membership.Status.ACTIVE
    ]
    join_requests = (
        Membership.objects.filter(organization_id__in=admin_of, status=Membership.Status.PENDING)
        .select_related("user", "organization")
        .order_by("created_at")
    )
    context = {
        "memberships": memberships,
        "join_requests": join_requests,
        "notifications": request.user.notifications.filter(read_at=None)[:5],
        "is_curator": access.is_curator(request.user),
        "sections": dashboard.sections(request),
    }
    return render(request, "partners/dashboard.html", context)


# --- Notifications --------------------------------------------------------------------------


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(request.user.notifications.all(), 25).get_page(request.GET.get("page"))
    items = [(n, render_notification(n, request.LANGUAGE_CODE[:2])["subject"]) for n in page]
    return render(request, "partners/notification_list.html", {"page_obj": page, "items": items})


@login_required
@require_POST
def notification_read(request: HttpRequest) -> HttpResponse:
    ids = request.POST.getlist("id")
    if not all(i.isdecimal() for i in ids):
        raise Http404
    ids = [int(i) for i in ids] if ids else None
    services.notification_mark_read(user=request.user, ids=ids)
    go = request.POST.get("go", "")
    if ids and len(ids) == 1 and go.startswith("/") and not go.startswith("//"):
        return HttpResponseRedirect(go)
    messages.success(request, _("Notifications marquées comme lues."))
    return redirect("partners:notifications")


@csrf_exempt  # RFC 8058 one-click: the mail client posts without a session; the token is signed
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = User.objects.get(pk=data["u"], is_active=True)
        kind = NotificationKind(data["k"])
    except (signing.BadSignature, User.DoesNotExist, KeyError, ValueError, TypeError):
        return render(request, "partners/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        frequencies = dict(user.email_frequencies)
        frequencies[kind.value] = EmailFrequency.OFF
        services.user_update_preferences(
            user=user, language=user.language, email_frequencies=frequencies
        )
        return render(request, "partners/unsubscribe.html", {"done": True, "kind": kind.label})
    return render(request, "partners/unsubscribe.html", {"kind": kind.label, "token": token})


# --- Organisations --------------------------------------------------------------------------


@require_GET
def organization_list(request: HttpRequest) -> HttpResponse:
    organizations = Organization.objects.filter(status=Organization.Status.VERIFIED).exclude(
        kind=Organization.Kind.IVEO
    )
    kind = request.GET.get("kind", "")
    if kind in Organization.Kind.values:
        organizations = organizations.filter(kind=kind)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        organizations = organizations.filter(Q(name__icontains=query) | Q(region__icontains=query))
    page = Paginator(organizations.order_by("name"), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "partners/organization_list.html",
        {
            "page_obj": page,
            "kinds": Organization.Kind.choices,
            "kind": kind,
            "q": query,
            "querystring_base": querystring_without_page(request),
        },
    )


@require_GET
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = access.organization_for_viewer(request.user, slug)
    context = {
        "organization": organization,
        "can_admin": access.is_organization_admin(request.user, organization)
        or access.is_curator(request.user),
        "is_member": any(
            m.organization_id == organization.pk for m in access.active_memberships(request.user)
        ),
        "sections": dashboard.organization_sections(request, organization),
    }
    return render(request, "partners/organization_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def organization_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organization = access.organization_for_admin(request.user, slug)
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le profil de l'organisation a été enregistré."))
        return redirect(organization)
    return render(
        request, "partners/organization_form.html", {"form": form, "organization": organization}
    )


@login_required
@require_http_methods(["GET", "POST"])
def organization_members(request: HttpRequest, slug: str) -> HttpResponse:
    organization = access.organization_for_admin(request.user, slug)
    if request.method == "POST":
        membership_id = request.POST.get("membership", "")
        if not membership_id.isdecimal():
            raise Http404
        membership = get_object_or_404(Membership, pk=membership_id, organization=organization)
        action = request.POST.get("action")
        try:
            if action in ("accept", "refuse"):
                services.membership_decide(
                    membership=membership, by=request.user, accept=action == "accept"
                )
                messages.success(
                    request,
                    _("Demande acceptée.") if action == "accept" else _("Demande refusée."),
                )
            elif action in Membership.Role.values:
                services.membership_set_role(membership=membership, by=request.user, role=action)
                messages.success(request, _("Rôle modifié."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("partners:organization_members", slug=organization.slug)
    memberships = organization.memberships.select_related("user").order_by("status", "user__email")
    return render(
        request,
        "partners/organization_members.html",
        {"organization": organization, "memberships": memberships},
    )


@login_required
@require_POST
def organization_join(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug, status=Organization.Status.VERIFIED)
    form = JoinRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(organization)
    services.membership_request(
        user=request.user, organization=organization, message=form.cleaned_data["message"]
    )
    messages.success(
        request, _("Votre demande a été envoyée aux administrateurs de l'organisation.")
    )
    return redirect(organization)


# --- Curation -------------------------------------------------------------------------------


@access.curator_required
def curation_organizations(request: HttpRequest) -> HttpResponse:
    pending = (
        Organization.objects.filter(status=Organization.Status.PENDING)
        .annotate(member_count=Count("memberships"))
        .prefetch_related("memberships__user")
        .order_by("created_at")
    )
    return render(
        request,
        "partners/curation_organizations.html",
        {"organizations": pending, "refusal_form": RefusalForm()},
    )


@access.curator_required
@require_POST
def curation_organization_review(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    try:
        if request.POST.get("action") == "verify":
            services.organization_verify(organization=organization, by=request.user)
            messages.success(request, _("%(name)s est vérifiée.") % {"name": organization.name})
        else:
            form = RefusalForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Indiquez le motif du refus."))
                return redirect("partners:curation_organizations")
            services.organization_refuse(
                organization=organization, by=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("%(name)s est refusée.") % {"name": organization.name})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("partners:curation_organizations")


password_reset = auth_views.PasswordResetView.as_view(
    success_url=reverse_lazy("partners:password_reset_done"),
    email_template_name="registration/password_reset_email.txt",
    html_email_template_name="registration/password_reset_email.html",
    subject_template_name="registration/password_reset_subject.txt",
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    success_url=reverse_lazy("partners:password_reset_complete")
)
