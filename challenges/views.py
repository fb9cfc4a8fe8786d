"""Thin views: check access through `access`, validate a form, call one service, respond."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from partners.access import curator_required
from partners.caching import public_page_cache
from partners.utils import querystring_without_page

from . import access, selectors, services
from .filters import ChallengeFilter, Sort, apply_sort
from .forms import (
    AnswerForm,
    AttachmentForm,
    ChallengeForm,
    QuestionForm,
    TransitionForm,
    UpdateForm,
)
from .markdown import render_markdown
from .models import Challenge

PAGE_SIZE = 20
# The query-string fields each facet's counts ignore (see `selectors.facet_counts`).
FACET_BASES = {
    "domain": ("domain",),
    "region": ("region",),
    "city": ("city",),
    "columns": selectors.COLUMN_FACETS,
}

# --- Catalogue ------------------------------------------------------------------------------


def _catalogue_filter(request: HttpRequest) -> tuple[ChallengeFilter, dict]:
    """The filterset over the challenges this user may see, and what the facets need.

    Unknown domains in the query string are dropped (and said so) instead of failing.
    """
    domains = selectors.domains()
    known = {d.slug for d in domains}
    data = request.GET.copy()
    chosen = data.getlist("domain")
    ignored = [slug for slug in chosen if slug not in known]
    if ignored:
        data.setlist("domain", [slug for slug in chosen if slug in known])
    choices = [(d.slug, d.name) for d in domains]
    base = selectors.catalogue_queryset(request.user)
    filterset = ChallengeFilter(data, queryset=base, domain_choices=choices)
    extra = {"domains": domains, "data": data, "base": base, "choices": choices}
    extra["ignored_domains"] = ignored
    return filterset, extra


class _CountedPaginator(Paginator):
    """A paginator told the number of results (the facet counts already give it)."""

    def __init__(self, object_list, per_page: int, *, count: int):
        super().__init__(object_list, per_page)
        self.count = count


# What the facet counts do not depend on.
UNCOUNTED = ("page", "sort")


# The city facet lists at most this many cities (those with the most results).
CITY_FACET_LIMIT = 40


def _facet_bases(extra: dict) -> dict:
    bases = {}
    for facet, left_out in FACET_BASES.items():
        data = extra["data"].copy()
        for name in left_out:
            data.pop(name, None)
        bases[facet] = ChallengeFilter(
            data, queryset=extra["base"], domain_choices=extra["choices"]
        ).qs
    return bases


def _facets(request: HttpRequest, filterset: ChallengeFilter, extra: dict) -> dict:
    """The facets with their counts; `total` is the number of results of `filterset`.

    The counts are cached (`selectors.cached`); `cache_key` also names, in the template, the
    rendered facets and the rendered page of results (then not read from the database).
    """
    cleaned = getattr(filterset.form, "cleaned_data", {})
    query = sorted(
        (name, value)
        for name, values in extra["data"].lists()
        if name not in UNCOUNTED
        for value in values
    )
    # The domains are read anyway: a renamed domain is a new key for the rendered facets.
    taxonomy = [(d.pk, d.slug, d.name_fr, d.name_en, d.position) for d in extra["domains"]]
    key = selectors.catalogue_cache_key("facets", request.user, urlencode(query), taxonomy)
    counts = selectors.cached(
        key,
        lambda: selectors.facet_counts(
            _facet_bases(extra),
            status=cleaned.get("status") or None,
            language=cleaned.get("language") or None,
            open_only=bool(cleaned.get("open")),
        ),
    )
    chosen_domains = set(cleaned.get("domain") or [])
    region = (cleaned.get("region") or "").strip()
    regions = dict(counts["region"])
    if region and not any(r.lower() == region.lower() for r in regions):
        regions[region] = 0
    city = cleaned.get("city") or ""
    cities = dict(counts["city"])
    # The cities with the most results (and the one chosen): a list of 2,000 cities would be
    # most of the page's weight and no use to read; the others are in the directory, each city's
    # page linking to its challenges.
    shown = sorted(cities, key=lambda slug: (-cities[slug][1], cities[slug][0], slug))
    shown = set(shown[:CITY_FACET_LIMIT]) | ({city} & set(cities))
    return {
        "domains": [
            (d.slug, d.name, counts["domain"].get(d.pk, 0), d.slug in chosen_domains)
            for d in extra["domains"]
        ],
        "regions": [(r, n, r.lower() == region.lower()) for r, n in sorted(regions.items())],
        "cities": [
            (slug, name, n, slug == city) for slug, (name, n) in cities.items() if slug in shown
        ],
        "cities_more": len(cities) - len(shown),
        "statuses": [
            (value, label, counts["status"].get(value, 0), cleaned.get("status") == value)
            for value, label in Challenge.Status.choices
            if value in Challenge.PUBLIC_STATUSES
        ],
        "languages": [
            (value, label, counts["language"].get(value, 0), cleaned.get("language") == value)
            for value, label in Challenge.Language.choices
        ],
        "open": counts["open"],
        "open_checked": bool(cleaned.get("open")),
        "total": counts["total"],
        "cache_key": key,
        "cache_seconds": selectors.CACHE_SECONDS,
    }


@require_GET
@public_page_cache(selectors.catalogue_version)
def catalogue(request: HttpRequest) -> HttpResponse:
    filterset, extra = _catalogue_filter(request)
    sort = filterset.sort_order()
    facets = _facets(request, filterset, extra)
    results = selectors.catalogue_page(apply_sort(filterset.qs, sort))
    page = _CountedPaginator(results, PAGE_SIZE, count=facets["total"]).get_page(
        request.GET.get("page")
    )
    query = extra["data"].copy()
    query.pop("page", None)
    context = {
        "filterset": filterset,
        "form": filterset.form,
        "facets": facets,
        "page_obj": page,
        "result_count": page.paginator.count,
        "sort": sort,
        "sort_choices": Sort.CHOICES,
        "has_text": bool((getattr(filterset.form, "cleaned_data", {}).get("q") or "").strip()),
        "ignored_domains": extra["ignored_domains"],
        "filter_errors": filterset.form.errors,
        "querystring_base": querystring_without_page(request),
        "export_query": query.urlencode(),
        "can_create": access.can_create(request.user),
        "is_home": request.resolver_match.url_name == "home",
    }
    return render(request, "challenges/challenge_list.html", context)


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_cell(value) -> str:
    # A spreadsheet would run a cell starting with one of these as a formula.
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@curator_required
@require_GET
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered catalogue as CSV, for curators."""
    filterset, _extra = _catalogue_filter(request)
    results = selectors.with_list_relations(apply_sort(filterset.qs, filterset.sort_order()))
    header = [
        _("identifiant"),
        _("identifiant externe"),
        _("titre"),
        _("villes"),
        _("régions"),
        _("domaines"),
        _("mots-clés"),
        _("statut"),
        _("visibilité"),
        _("langue"),
        _("budget minimal"),
        _("budget maximal"),
        _("devise"),
        _("date limite"),
        _("publié le"),
        _("adresse"),
    ]

    def rows():
        yield header
        for c in results.iterator(chunk_size=500):
            owners = list(c.owners.all())
            yield [
                c.pk,
                c.external_id or "",
                c.title,
                " | ".join(o.name for o in owners),
                " | ".join(sorted({o.region for o in owners if o.region})),
                " | ".join(d.slug for d in c.domains.all()),
                " | ".join(c.tags or []),
                c.get_status_display(),
                c.get_visibility_display(),
                c.language,
                c.budget_min,
                c.budget_max,
                c.currency,
                c.proposals_deadline.isoformat() if c.proposals_deadline else "",
                timezone.localtime(c.published_at).isoformat() if c.published_at else "",
                request.build_absolute_uri(c.get_absolute_url()),
            ]

    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        ("\ufeff" if i == 0 else "") + writer.writerow([_csv_cell(v) for v in row])
        for i, row in enumerate(rows())
    )
    response["Content-Type"] = "text/csv; charset=utf-8"
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="enjeux-{stamp}.csv"'
    return response


# --- Detail ---------------------------------------------------------------------------------


def _detail(request: HttpRequest, challenge: Challenge, status: int = 200, **forms) -> HttpResponse:
    user = request.user
    manage = access.can_manage(user, challenge)
    questions = challenge.questions.select_related("organization")
    if not manage:
        # Unanswered questions stay between the asker and the city until answered.
        visible = [q for q in questions if q.is_answered or q.asked_by_id == user.pk]
    else:
        visible = list(questions)
    transitions = services.allowed_transitions(challenge, user) if manage else []
    context = {
        "challenge": challenge,
        "owners": list(challenge.owners.all()),
        "domains": list(challenge.domains.all()),
        # Rendered once per version of the text (a long description takes milliseconds).
        "description_html": selectors.cached(
            f"challenges:description:{challenge.pk}:{challenge.updated_at.isoformat()}",
            lambda: render_markdown(challenge.description),
        ),
        "attachments": list(challenge.attachments.all()),
        "questions": visible,
        "updates": list(challenge.updates.all()),
        "history": list(selectors.history(challenge)) if manage else None,
        "last_return": selectors.last_return(challenge) if manage else None,
        "can_manage": manage,
        "can_edit": access.can_edit(user, challenge),
        "can_ask": access.can_ask(user, challenge),
        "can_post_update": access.can_post_update(user, challenge),
        "is_following": selectors.is_following(user, challenge),
        "transitions": [(s, Challenge.Status(s).label) for s in transitions],
        "similar": selectors.similar_to_stored(challenge, user=user),
        "case_studies": selectors.similar_case_studies(challenge),
        "question_form": forms.get("question_form") or QuestionForm(),
        "answer_form": forms.get("answer_form"),
        "answer_for": forms.get("answer_for"),
        "update_form": forms.get("update_form") or UpdateForm(),
        "transition_form": forms.get("transition_form"),
    }
    return render(request, "challenges/challenge_detail.html", context, status=status)


@require_GET
@public_page_cache(selectors.catalogue_version)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.challenge_for_viewer(request.user, pk))


@require_GET
def attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """An attachment, only for those who may see its challenge."""
    challenge = access.challenge_for_viewer(request.user, pk)
    item = get_object_or_404(challenge.attachments, pk=attachment_pk)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    inline = item.content_type == "application/pdf" or item.content_type.startswith("image/")
    response = FileResponse(
        handle, as_attachment=not inline, filename=item.name, content_type=item.content_type
    )
    response["Cache-Control"] = "private, max-age=0, no-store"
    return response


# --- Writing --------------------------------------------------------------------------------


def _save_attachment(request: HttpRequest, challenge: Challenge, file) -> None:
    if file:
        services.attachment_add(challenge=challenge, by=request.user, file=file)


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    if not access.can_create(request.user):
        raise PermissionDenied
    form = ChallengeForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                fields = form.service_fields()
                challenge = services.challenge_create(by=request.user, **fields)
                _save_attachment(request, challenge, form.cleaned_data.get("attachment"))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Brouillon enregistré. Soumettez-le à IVÉO quand il est prêt."),
            )
            return redirect("challenges:edit", pk=challenge.pk)
    return render(request, "challenges/challenge_form.html", {"form": form, "challenge": None})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = access.challenge_for_editor(request.user, pk)
    form = ChallengeForm(
        request.POST or None, request.FILES or None, instance=challenge, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                services.challenge_update(
                    challenge=challenge, by=request.user, **form.service_fields()
                )
                _save_attachment(request, challenge, form.cleaned_data.get("attachment"))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Enjeu enregistré."))
            return redirect("challenges:edit", pk=challenge.pk)
    if request.method == "POST":
        # The form's instance now holds the rejected values; show the stored ones around it.
        challenge.refresh_from_db()
    context = {
        "form": form,
        "challenge": challenge,
        "attachments": list(challenge.attachments.all()),
        "attachment_form": AttachmentForm(),
        "transitions": [
            (s, Challenge.Status(s).label)
            for s in services.allowed_transitions(challenge, request.user)
        ],
        "last_return": selectors.last_return(challenge),
        "similar": selectors.similar_challenges(challenge, user=request.user),
        "case_studies": selectors.similar_case_studies(challenge),
    }
    return render(request, "challenges/challenge_form.html", context)


@login_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = access.challenge_for_editor(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attachment_add(
                challenge=challenge, by=request.user, file=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            form.add_error("file", exc)
    if form.errors:
        for error in form.errors.get("file", []):
            messages.error(request, error)
    else:
        messages.success(request, _("Pièce jointe ajoutée."))
    return redirect(reverse("challenges:edit", kwargs={"pk": challenge.pk}) + "#attachments")


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    challenge = access.challenge_for_editor(request.user, pk)
    item = get_object_or_404(challenge.attachments, pk=attachment_pk)
    services.attachment_delete(attachment=item, by=request.user)
    messages.success(request, _("Pièce jointe supprimée."))
    return redirect(reverse("challenges:edit", kwargs={"pk": challenge.pk}) + "#attachments")


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@login_required
@require_POST
def transition(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = access.challenge_for_manager(request.user, pk)
    form = TransitionForm(request.POST)
    back = _next_url(request, challenge.get_absolute_url())
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return HttpResponseRedirect(back)
    target = form.cleaned_data["to"]
    try:
        services.challenge_transition(
            challenge=challenge,
            to=target,
            by=request.user,
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
        return HttpResponseRedirect(back)
    messages.success(
        request,
        _("« %(title)s » est maintenant : %(status)s.")
        % {"title": challenge.title, "status": Challenge.Status(target).label},
    )
    return HttpResponseRedirect(back)


@login_required
@require_POST
def question_ask(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = access.challenge_for_viewer(request.user, pk)
    if not access.can_ask(request.user, challenge):
        raise PermissionDenied
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return _detail(request, challenge, status=400, question_form=form)
    question = services.question_ask(
        challenge=challenge, by=request.user, text=form.cleaned_data["text"]
    )
    messages.success(
        request, _("Question envoyée. Vous serez averti de la réponse, qui sera publique.")
    )
    return redirect(challenge.get_absolute_url() + f"#question-{question.pk}")


@login_required
@require_POST
def question_answer(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    challenge = access.challenge_for_manager(request.user, pk)
    question = get_object_or_404(challenge.questions, pk=question_pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _detail(request, challenge, status=400, answer_form=form, answer_for=question.pk)
    services.question_answer(question=question, by=request.user, answer=form.cleaned_data["answer"])
    messages.success(request, _("Réponse publiée."))
    return redirect(challenge.get_absolute_url() + f"#question-{question.pk}")


@login_required
@require_POST
def update_post(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = access.challenge_for_manager(request.user, pk)
    if not access.can_post_update(request.user, challenge):
        raise PermissionDenied
    form = UpdateForm(request.POST)
    if not form.is_valid():
        return _detail(request, challenge, status=400, update_form=form)
    update = services.challenge_announce(
        challenge=challenge, by=request.user, text=form.cleaned_data["text"]
    )
    messages.success(request, _("Mise à jour publiée et envoyée aux abonnés."))
    return redirect(challenge.get_absolute_url() + f"#update-{update.pk}")


@login_required
@require_POST
def follow(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = access.challenge_for_viewer(request.user, pk)
    if request.POST.get("action") == "unfollow":
        services.challenge_unfollow(challenge=challenge, user=request.user)
        messages.success(request, _("Vous ne suivez plus cet enjeu."))
    else:
        services.challenge_follow(challenge=challenge, user=request.user)
        messages.success(
            request,
            _(
                "Vous suivez cet enjeu : vous serez averti des réponses, mises à jour et "
                "changements."
            ),
        )
    return redirect(challenge.get_absolute_url())


# --- Lists for city staff and curators ------------------------------------------------------


@login_required
@require_GET
def mine(request: HttpRequest) -> HttpResponse:
    """All the challenges of the user's cities, drafts included."""
    if not access.can_create(request.user):
        raise PermissionDenied
    challenges = selectors.with_list_relations(
        Challenge.objects.filter(access.owned_filter(request.user)).order_by("-updated_at")
    )
    page = Paginator(challenges, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "challenges/challenge_mine.html",
        {"page_obj": page, "querystring_base": querystring_without_page(request)},
    )


@curator_required
@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    challenges = list(selectors.review_queue())
    for challenge in challenges:
        challenge.queue_transitions = [
            (s, Challenge.Status(s).label)
            for s in services.allowed_transitions(challenge, request.user)
        ]
    return render(request, "challenges/challenge_review_queue.html", {"challenges": challenges})


@require_GET
def similar(request: HttpRequest) -> HttpResponse:
    """A fragment of similar published challenges for a draft's title and tags (drafting aid)."""
    title = request.GET.get("title", "")[:200]
    tags = [t for t in request.GET.get("tags", "")[:1200].split(",") if t.strip()]
    probe = Challenge(title=title, tags=services.normalize_tags(tags))
    exclude = request.GET.get("exclude", "")
    if exclude.isdigit():
        # The draft being edited: leave out its own cities' challenges. Only for its editors,
        # so that the list reveals nothing about who owns someone else's draft.
        current = Challenge.objects.filter(pk=int(exclude)).prefetch_related("owners").first()
        if current is not None and access.can_edit(request.user, current):
            probe.pk = current.pk
    results = selectors.similar_challenges(probe, user=request.user) if title.strip() else []
    return render(request, "challenges/includes/similar_list.html", {"similar": results})
