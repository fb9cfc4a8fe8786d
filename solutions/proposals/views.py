"""Pages of proposals: choosing a challenge, proposing, a proposal's page, a challenge's matches."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from challenges import access as challenge_access
from challenges.markdown import render_markdown
from challenges.selectors import search as search_challenges
from challenges.selectors import with_list_relations
from partners.access import innovator_organizations
from partners.utils import add_errors, error_text, querystring_without_page, serve_file
from solutions.catalogue import access as catalogue_access
from solutions.catalogue.models import Solution
from solutions.proposals import access as proposals_access
from solutions.proposals import selectors, services
from solutions.proposals.forms import ProposalForm
from solutions.proposals.models import Match

PAGE_SIZE = 20


def _proposable_solutions(user, challenge) -> QuerySet[Solution]:
    """The user's published solutions that have no live proposal on this challenge yet."""
    return (
        Solution.objects.filter(
            organization__in=innovator_organizations(user),
            status=Solution.Status.PUBLISHED,
        )
        .exclude(
            Exists(
                Match.objects.filter(
                    solution=OuterRef("pk"),
                    challenge=challenge,
                    status__in=[*Match.ACTIVE_PROPOSAL_STATUSES, Match.Status.DECLINED],
                )
            )
        )
        .select_related("organization")
        .order_by("name")
    )


@login_required
@require_GET
def choose_challenge(request: HttpRequest, pk: int) -> HttpResponse:
    """Open challenges, searchable, to propose one of the user's solutions on."""
    solution = catalogue_access.solution_for_viewer(request.user, pk)
    if not solution.is_published or solution.organization not in innovator_organizations(
        request.user
    ):
        raise Http404
    query = request.GET.get("q", "").strip()[:200]
    challenges = selectors.open_challenges(request.user)
    if query:
        challenges = search_challenges(challenges, query).order_by("-relevance", "-published_at")
    else:
        challenges = challenges.order_by("proposals_deadline", "-published_at")
    page = Paginator(with_list_relations(challenges), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "solutions/proposals/choose_challenge.html",
        {
            "solution": solution,
            "q": query,
            "page_obj": page,
            "querystring_base": querystring_without_page(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    challenge = challenge_access.challenge_for_viewer(request.user, challenge_pk)
    if not innovator_organizations(request.user):
        raise PermissionDenied
    if not challenge.is_open_for_proposals:
        messages.error(request, _("Cet enjeu ne reçoit plus de propositions."))
        return redirect(challenge)
    solutions = _proposable_solutions(request.user, challenge)
    initial = {"currency": challenge.currency}
    wanted = request.GET.get("solution", "")
    chosen = solutions.filter(pk=int(wanted)).first() if wanted.isdigit() else None
    if chosen is not None:
        initial["solution"] = chosen
        previous = Match.objects.filter(challenge=challenge, solution=chosen).first()
        if previous is not None and previous.status == Match.Status.WITHDRAWN:
            # Proposing again starts from the withdrawn pitch.
            initial |= {name: getattr(previous, name) for name in ProposalForm.Meta.fields}
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        solutions=solutions,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            match = services.proposal_submit(
                challenge=challenge,
                solution=form.cleaned_data["solution"],
                by=request.user,
                terms_accepted=form.cleaned_data["accept_terms"],
                attachment=form.cleaned_data.get("attachment"),
                **form.pitch_fields(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Votre proposition est envoyée à la ville et à IVÉO."))
            return redirect(match)
    return render(
        request,
        "solutions/proposals/proposal_form.html",
        {
            "form": form,
            "challenge": challenge,
            "terms_html": render_markdown(challenge.terms),
            "has_solutions": solutions.exists(),
        },
    )


@login_required
@require_GET
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    match = proposals_access.match_for_viewer(request.user, pk)
    mine = match.solution.organization in innovator_organizations(request.user)
    open_ = match.challenge.is_open_for_proposals
    return render(
        request,
        "solutions/proposals/proposal_detail.html",
        {
            "match": match,
            "is_mine": mine,
            "can_edit": mine and open_ and match.status == Match.Status.PROPOSED,
            "can_withdraw": mine and match.status in Match.WITHDRAWABLE_STATUSES,
            "can_propose_again": mine
            and open_
            and match.status in (Match.Status.WITHDRAWN, Match.Status.SUGGESTED),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    match = proposals_access.match_for_innovator(request.user, pk)
    if match.status != Match.Status.PROPOSED or not match.challenge.is_open_for_proposals:
        messages.error(
            request,
            _("Cette proposition ne peut plus être modifiée (date limite ou statut)."),
        )
        return redirect(match)
    form = ProposalForm(
        request.POST or None, request.FILES or None, instance=match, proposing=False
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_update(
                match=match,
                by=request.user,
                attachment=form.cleaned_data.get("attachment"),
                **form.pitch_fields(),
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Votre proposition est modifiée."))
            return redirect(match)
    return render(
        request,
        "solutions/proposals/proposal_form.html",
        {"form": form, "challenge": match.challenge, "match": match},
    )


@login_required
@require_POST
def proposal_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    match = proposals_access.match_for_innovator(request.user, pk)
    try:
        services.proposal_withdraw(match=match, by=request.user)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Votre proposition est retirée."))
    return redirect(match)


@login_required
@require_GET
def proposal_attachment(request: HttpRequest, pk: int) -> FileResponse:
    match = proposals_access.match_for_viewer(request.user, pk)
    if not match.attachment:
        raise Http404
    return serve_file(
        match.attachment,
        name=match.attachment_name or "document",
        content_type=match.attachment_type or "application/octet-stream",
    )


@login_required
@require_GET
def my_proposals(request: HttpRequest) -> HttpResponse:
    proposals = selectors.proposals_of(innovator_organizations(request.user))
    page = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "solutions/proposals/proposal_list.html", {"page_obj": page})


@login_required
@require_GET
def challenge_matches(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    """Proposals and suggestions on a challenge: its cities' staff and curators only."""
    challenge = challenge_access.challenge_for_manager(request.user, challenge_pk)
    return render(
        request,
        "solutions/proposals/challenge_matches.html",
        {"challenge": challenge, "matches": selectors.matches_for_challenge(challenge)},
    )
