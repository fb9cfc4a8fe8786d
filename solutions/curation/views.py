"""Views of the curator workspace, introductions and match discussions.

Each view checks access through `solutions.curation.access` (or `partners.access`), validates a
form, calls one service from `solutions.curation.services` and redirects, or renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from partners.access import curator_required
from partners.utils import error_text, form_error_text, querystring_without_page
from solutions.catalogue import access
from solutions.curation import access as curation_access
from solutions.curation import selectors as curation_selectors
from solutions.curation import services as curation
from solutions.curation.forms import (
    AcceptIntroductionForm,
    AddMatchForm,
    CatalogueSearchForm,
    DeclineForm,
    IntroduceForm,
    MessageForm,
    RefuseIntroductionForm,
    WorkspaceFilterForm,
)
from solutions.curation.models import Introduction

WORKSPACE_PAGE_SIZE = 10
SEARCH_LIMIT = 20


def _back(request: HttpRequest, default: str) -> HttpResponse:
    """Back to the page the form was posted from (same site only), or to `default`."""
    target = request.POST.get("next", "")
    # A path of this site only; `redirect()` would also take a view name, so it is not used here.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(default)


@curator_required
@require_GET
def workspace(request: HttpRequest) -> HttpResponse:
    form = WorkspaceFilterForm(request.GET or None)
    query, pending = "", False
    if form.is_valid():
        query, pending = form.cleaned_data["q"].strip(), form.cleaned_data["pending"]
    challenges = curation_selectors.workspace_challenges(query=query, pending_only=pending)
    page = Paginator(challenges, WORKSPACE_PAGE_SIZE).get_page(request.GET.get("page"))
    for challenge in page.object_list:
        challenge.columns = curation_selectors.split_matches(challenge.curation_matches)
    return render(
        request,
        "solutions/curation/curation_workspace.html",
        {
            "form": form,
            "counts": curation_selectors.workspace_counts(),
            "page_obj": page,
            "querystring_base": querystring_without_page(request),
            "decline_form": DeclineForm(),
            "introduce_form": IntroduceForm(),
        },
    )


@curator_required
@require_GET
def challenge_page(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """One challenge's matches, declined ones included, and the catalogue search to add one."""
    challenge = curation_access.challenge_for_curation(request.user, challenge_pk)
    search = CatalogueSearchForm(request.GET or None)
    results = None
    if search.is_valid() and search.cleaned_data["q"].strip():
        results = list(
            curation_selectors.solutions_to_add(challenge, search.cleaned_data["q"])[:SEARCH_LIMIT]
        )
    challenge.columns = curation_selectors.split_matches(
        curation_selectors.challenge_matches(challenge)
    )
    return render(
        request,
        "solutions/curation/curation_challenge.html",
        {
            "challenge": challenge,
            "search_form": search,
            "results": results,
            "add_form": AddMatchForm(),
            "decline_form": DeclineForm(),
            "introduce_form": IntroduceForm(),
        },
    )


def _curation_page(match) -> str:
    return reverse("solutions:curation_challenge", kwargs={"challenge_pk": match.challenge_id})


@curator_required
@require_POST
def match_shortlist(request: HttpRequest, pk: int) -> HttpResponse:
    match = curation_access.match_for_curator(request.user, pk)
    try:
        curation.match_shortlist(match=match, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("« %(name)s » est présélectionnée.") % {"name": match.solution.name},
        )
    return _back(request, _curation_page(match))


@curator_required
@require_POST
def match_decline(request: HttpRequest, pk: int) -> HttpResponse:
    match = curation_access.match_for_curator(request.user, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Indiquez le motif du refus : l'innovateur le lira."))
        return _back(request, _curation_page(match))
    try:
        curation.match_decline(match=match, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("« %(name)s » est déclinée.") % {"name": match.solution.name})
    return _back(request, _curation_page(match))


@curator_required
@require_POST
def match_introduce(request: HttpRequest, pk: int) -> HttpResponse:
    match = curation_access.match_for_curator(request.user, pk)
    form = IntroduceForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_error_text(form))
        return _back(request, _curation_page(match))
    try:
        curation.match_introduce(match=match, by=request.user, message=form.cleaned_data["message"])
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("La ville et « %(organization)s » sont invitées à accepter la mise en relation.")
            % {"organization": match.solution.organization.name},
        )
    return _back(request, _curation_page(match))


@curator_required
@require_POST
def match_add(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    challenge = curation_access.challenge_for_curation(request.user, challenge_pk)
    page = reverse("solutions:curation_challenge", kwargs={"challenge_pk": challenge.pk})
    form = AddMatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_error_text(form))
        return redirect(page)
    solution = get_object_or_404(
        access.public_solutions().select_related("organization"),
        pk=form.cleaned_data["solution"],
    )
    try:
        curation.match_add_by_curator(
            challenge=challenge,
            solution=solution,
            by=request.user,
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("« %(name)s » est ajoutée et présélectionnée.") % {"name": solution.name},
        )
    return redirect(page)


@login_required
@require_GET
def introduction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    match, introduction, side = curation_access.introduction_for_participant(request.user, pk)
    discussion_open = curation_access.can_discuss(match, introduction)
    # Contacts are shared only once both sides accepted; the thread exists only from then on.
    shared = introduction.is_accepted
    return render(
        request,
        "solutions/curation/curation_introduction.html",
        {
            "match": match,
            "introduction": introduction,
            "side": side,
            "can_answer": curation_access.can_answer(side, introduction),
            "contacts_shared": shared,
            "discussion_open": discussion_open,
            "thread": curation_selectors.thread(match) if shared else [],
            "accept_form": AcceptIntroductionForm(),
            "refuse_form": RefuseIntroductionForm(),
            "message_form": MessageForm(),
            "history": list(
                Introduction.objects.filter(match=match, closed_at__isnull=False).exclude(
                    pk=introduction.pk
                )
            )
            if side == curation_access.Side.CURATOR
            else [],
        },
    )


def _introduction_page(match) -> str:
    return reverse("solutions:introduction_detail", kwargs={"pk": match.pk})


@login_required
@require_POST
def introduction_accept(request: HttpRequest, pk: int) -> HttpResponse:
    match, introduction, side = curation_access.introduction_for_participant(request.user, pk)
    if not curation_access.can_answer(side, introduction):
        messages.error(request, _("Cette mise en relation n'attend pas votre réponse."))
        return redirect(_introduction_page(match))
    form = AcceptIntroductionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_error_text(form))
        return redirect(_introduction_page(match))
    introduction = curation.introduction_accept(
        introduction=introduction, by=request.user, contact=form.cleaned_data["contact"]
    )
    if introduction.is_accepted:
        messages.success(
            request,
            _("Les deux parties ont accepté : vos coordonnées sont maintenant partagées."),
        )
    else:
        messages.success(
            request,
            _(
                "Vous avez accepté. Les coordonnées seront partagées quand l'autre partie acceptera."
            ),
        )
    return redirect(_introduction_page(match))


@login_required
@require_POST
def introduction_refuse(request: HttpRequest, pk: int) -> HttpResponse:
    match, introduction, side = curation_access.introduction_for_participant(request.user, pk)
    if not curation_access.can_answer(side, introduction):
        messages.error(request, _("Cette mise en relation n'attend pas votre réponse."))
        return redirect(_introduction_page(match))
    form = RefuseIntroductionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_error_text(form))
        return redirect(_introduction_page(match))
    curation.introduction_refuse(
        introduction=introduction, by=request.user, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("Vous avez refusé la mise en relation. IVÉO en est informé."))
    return redirect(_introduction_page(match))


@login_required
@require_POST
def introduction_message_post(request: HttpRequest, pk: int) -> HttpResponse:
    match, introduction, side = curation_access.introduction_for_participant(request.user, pk)
    if not curation_access.can_discuss(match, introduction):
        messages.error(
            request,
            _(
                "La discussion s'ouvre quand la ville et l'innovateur ont accepté la mise en relation."
            ),
        )
        return redirect(_introduction_page(match))
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Écrivez un message."))
        return redirect(_introduction_page(match) + "#discussion")
    message = curation.match_message_post(
        match=match, by=request.user, body=form.cleaned_data["body"]
    )
    messages.success(request, _("Votre message est envoyé."))
    return redirect(_introduction_page(match) + f"#message-{message.pk}")
