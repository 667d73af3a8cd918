"""Views behind the routes of ParticipationPage, and the one-click unsubscribe."""

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from core.antiabuse import rate_limit_exceeded, render_rate_limited
from core.facets import Facet
from core.links import absolute, page_url, subpage_path, subpage_url
from core.listing import Listing, Sort
from core.models import Domain, PortalSettings
from core.vocabulary import PartnerRole
from directory.models import PartnerProfile

from . import emails, links
from .forms import AnswerForm, CallForm, PostCallForm, SubscriptionForm
from .models import Answer, Call, CallDepartment, Compensation, ParticipationPage, Subscription

DIRECTORY_SESSION_KEY = "directory_profile"


def _render(request, page, template, context=None, status=200, title=None, private=False):
    ctx = {"page": page, "self": page, "breadcrumb_current": title or page.title, "sub_title": title}
    if title:
        ctx["breadcrumb_trail"] = [(page.url, page.title)]
    ctx.update(context or {})
    response = TemplateResponse(request, f"participation/{template}", ctx, status=status)
    if private:  # a page opened by a personal link: never cached
        response["Cache-Control"] = "no-store"
    return response


def _message(request, page, title, text, status=200, form_action=None, button=None, details=(), links_=()):
    return _render(
        request,
        page,
        "message.html",
        {
            "title": title,
            "text": text,
            "form_action": form_action,
            "button": button,
            "details": details,
            "links": links_,
        },
        status=status,
        title=title,
        private=True,
    )


def _invalid_link(request, page, text=None):
    return _message(
        request,
        page,
        gettext("Ce lien n'est plus valable"),
        text or gettext("Le lien a expiré, a déjà servi ou n'est pas complet. Rien n'a été modifié."),
        status=400,
    )


def _departments(request):
    return PortalSettings.for_request(request).departments()


# --- Listing --------------------------------------------------------------------
def _plain_counts(path):
    def count_fn(queryset):
        rows = queryset.order_by().values(path).annotate(n=Count("pk"))
        return {str(row[path]): row["n"] for row in rows if row[path] not in (None, "")}

    return count_fn


def _department_filter(queryset, value):
    return queryset.filter(Exists(CallDepartment.objects.filter(call=OuterRef("pk"), code=value)))


def call_facets(departments):
    return [
        Facet(
            "role", gettext("Rôle"), "role", options=lambda: list(PartnerRole.choices), count_fn=_plain_counts("role")
        ),
        Facet(
            "domaine",
            gettext("Domaine"),
            "domain__slug",
            options=lambda: list(Domain.objects.order_by("sort_order", "name").values_list("slug", "name")),
            count_fn=_plain_counts("domain__slug"),
        ),
        Facet(
            "departement",
            gettext("Département"),
            "departments__code",
            options=lambda: [(code, f"{name} ({code})") for code, name in departments],
            filter_fn=_department_filter,
            count_fn=_plain_counts("departments__code"),
        ),
        Facet(
            "distance",
            gettext("À distance"),
            "remote",
            options=lambda: [("oui", gettext("Possible à distance"))],
            filter_fn=lambda queryset, value: queryset.filter(remote=True),
            count_fn=lambda queryset: {"oui": queryset.filter(remote=True).order_by().count()},
        ),
        Facet(
            "prise-en-charge",
            gettext("Prise en charge"),
            "compensation",
            options=lambda: list(Compensation.choices),
            count_fn=_plain_counts("compensation"),
        ),
    ]


def with_public_relations(queryset):
    return queryset.select_related("domain").prefetch_related(
        Prefetch("departments", queryset=CallDepartment.objects.order_by("code"))
    )


def call_index(page, request):
    listing = Listing(
        facets=call_facets(_departments(request)),
        sorts=[
            Sort("recents", gettext("Les plus récents"), ("-published_at", "-pk")),
            Sort("echeance", gettext("Date limite la plus proche"), ("deadline", "pk")),
        ],
        per_page=page.per_page,
        prepare=with_public_relations,
    )
    context = listing.context(request, Call.objects.open())
    return _render(request, page, "participation_page.html", context)


def _open_call(pk):
    call = with_public_relations(Call.objects.open()).filter(pk=pk).first()
    if call is None:
        raise Http404("Appel introuvable ou clos")
    return call


def call_detail(page, request, pk):
    call = _open_call(pk)
    answers = list(
        call.answers.exclude(status=Answer.Status.SPAM).only("call_id", "status", "forwarded_at", "responded_at")
    )
    call._prefetched_objects_cache["answers"] = answers  # noqa: SLF001 (indicators read it)
    context = {"call": call, "answer_count": len(answers), "median_reply_days": call.median_reply_days()}
    return _render(request, page, "call.html", context, title=call.title)


def atom_feed(page, request, limit=30):
    """Open calls, newest first. Public facts only: no contact, no address."""
    feed = Atom1Feed(
        title=gettext("%(title)s — appels ouverts") % {"title": page.title},
        link=page_url(page, request),
        description=page.intro,
        language="fr",
        feed_url=subpage_url(page, "feed_route", request=request),
    )
    for call in with_public_relations(Call.objects.open()).order_by("-published_at", "-pk")[:limit]:
        url = subpage_url(page, "call_route", call.pk, request=request)
        summary = gettext("%(structure)s — %(role)s — %(place)s — réponse avant le %(deadline)s") % {
            "structure": call.structure_name,
            "role": call.get_role_display(),
            "place": call.place_label(),
            "deadline": f"{call.deadline:%d/%m/%Y}",
        }
        feed.add_item(
            title=call.title,
            link=url,
            unique_id=url,
            description=escape(summary),
            pubdate=call.published_at,
            updateddate=call.updated_at,
            categories=[call.get_role_display()] + ([call.domain.name] if call.domain_id else []),
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


# --- Posting a call ---------------------------------------------------------------
def post_call(page, request):
    title = gettext("Déposer un appel à participation")
    form = PostCallForm(request.POST or None, departments=_departments(request))
    context = {"form": form}
    if request.method != "POST":
        return _render(request, page, "post_call.html", context, title=title)
    if not form.is_valid():
        return _render(request, page, "post_call.html", context, status=400, title=gettext("Erreur : ") + title)
    if rate_limit_exceeded(request, "participation-post", email=form.cleaned_data["contact_email"]):
        context.update(page=page, self=page, breadcrumb_current=title, breadcrumb_trail=[(page.url, page.title)])
        return render_rate_limited(request, "participation/post_call.html", context)
    with transaction.atomic():
        if form.is_spam:
            form.save_call(status=Call.Status.SPAM, spam_reason=form.spam_reason)
        else:
            call = form.save_call(status=Call.Status.UNCONFIRMED)  # stored before any email
            token = links.make_token(links.CALL_CONFIRM, call.pk, call.nonce)
            emails.call_confirmation(call, subpage_url(page, "post_confirm_route", token, request=request))
    return _message(
        request,
        page,
        gettext("Vérifiez votre boîte aux lettres"),
        gettext(
            "Nous vous avons écrit : ouvrez le lien reçu pour confirmer votre adresse. L'appel sera ensuite relu par "
            "l'équipe de modération, qui vous informera de sa décision."
        ),
    )


def confirm_call(page, request, token):
    data = links.read_token(links.CALL_CONFIRM, token, links.CONFIRM_MAX_AGE)
    call = Call.objects.filter(pk=data[0], nonce=data[1]).first() if data else None
    if call is None or links.is_used(links.CALL_CONFIRM, data[1]):
        return _invalid_link(request, page)
    if request.method != "POST":
        return _message(
            request,
            page,
            gettext("Confirmer votre adresse"),
            gettext("Confirmez votre adresse pour transmettre votre appel à l'équipe de modération."),
            form_action=request.path,
            button=gettext("Confirmer mon adresse"),
            details=[(gettext("Appel"), call.title)],
        )
    with transaction.atomic():
        if links.consume(links.CALL_CONFIRM, data[1]) and call.status == Call.Status.UNCONFIRMED:
            call.status = Call.Status.SUBMITTED
            call.email_confirmed_at = timezone.now()
            call.save(update_fields=["status", "email_confirmed_at", "updated_at"])
            moderators = PortalSettings.for_request(request).contact_email
            if moderators:
                emails.call_to_moderators(call, moderators, absolute(call.admin_url()))
    return _message(
        request,
        page,
        gettext("Adresse confirmée"),
        gettext(
            "Merci. Votre appel est maintenant relu par l'équipe de modération ; vous recevrez un courriel dès sa "
            "décision, avec le lien pour le gérer."
        ),
    )


# --- The author's manage page -------------------------------------------------------
def _managed_call(token):
    data = links.read_token(links.CALL_MANAGE, token, links.MANAGE_MAX_AGE)
    if not data:
        return None
    return (
        Call.objects.filter(pk=data[0], nonce=data[1])
        .exclude(status__in=[Call.Status.SPAM, Call.Status.UNCONFIRMED])
        .first()
    )


def manage_call(page, request, token):
    call = _managed_call(token)
    if call is None:
        return _invalid_link(request, page, gettext("Ce lien de gestion n'est pas valable ou a expiré."))
    title = gettext("Gérer mon appel")
    action = request.POST.get("action", "") if request.method == "POST" else ""
    editable = call.status == Call.Status.PUBLISHED
    form = CallForm(
        request.POST if action == "enregistrer" and editable else None, instance=call, departments=_departments(request)
    )
    notice, status = "", 200
    if action == "enregistrer" and editable:
        if form.is_valid():
            form.save_call()
            notice = gettext("Vos modifications sont enregistrées.")
            form = CallForm(instance=call, departments=_departments(request))
        else:
            status, title = 400, gettext("Erreur : ") + title
    elif action in ("pourvu", "clore") and editable:
        call.status = Call.Status.FILLED if action == "pourvu" else Call.Status.CLOSED
        call.closed_at = timezone.now()
        call.save(update_fields=["status", "closed_at", "updated_at"])
        call.sync_search_index()
        editable = False
        notice = (
            gettext("C'est noté : l'appel est pourvu et n'est plus affiché.")
            if action == "pourvu"
            else gettext("L'appel est clos et n'est plus affiché.")
        )
    elif action in ("accepter", "decliner"):
        answer = call.answers.filter(pk=request.POST.get("reponse") or 0, status=Answer.Status.FORWARDED).first()
        if answer is not None and links.consume(links.DECISION, answer.nonce):
            notice = _decide(page, request, answer, action == "accepter")
        else:
            notice, status = gettext("Cette réponse a déjà été traitée."), 400
    answers = call.answers.exclude(status__in=[Answer.Status.SPAM, Answer.Status.UNCONFIRMED]).select_related("profile")
    context = {
        "call": call,
        "form": form,
        "editable": editable,
        "notice": notice,
        "answers": answers,
        "median_reply_days": call.median_reply_days(),
    }
    return _render(request, page, "manage.html", context, status=status, title=title, private=True)


# --- Answering a call -----------------------------------------------------------------
def answer_form(page, request, pk):
    call = _open_call(pk)
    title = gettext("Répondre à l'appel")
    form = AnswerForm(request.POST or None, call=call)
    context = {"call": call, "form": form}
    if request.method != "POST":
        return _render(request, page, "answer_form.html", context, title=title)
    if not form.is_valid():
        return _render(request, page, "answer_form.html", context, status=400, title=gettext("Erreur : ") + title)
    email = form.cleaned_data["email"]
    if rate_limit_exceeded(request, "participation-answer", email=email):
        context.update(page=page, self=page, breadcrumb_current=title, breadcrumb_trail=[(page.url, page.title)])
        return render_rate_limited(request, "participation/answer_form.html", context)
    data = form.cleaned_data
    with transaction.atomic():
        if form.is_spam:
            Answer.objects.create(
                call=call, message=data["message"], status=Answer.Status.SPAM, spam_reason=form.spam_reason
            )
        elif data["mode"] == AnswerForm.PROFILE:
            profile = PartnerProfile.objects.published().filter(email=email).first()
            already = profile and call.answers.filter(profile=profile).exclude(status=Answer.Status.SPAM).exists()
            if profile is not None and not already:
                answer = Answer.objects.create(call=call, profile=profile, message=data["message"])
                _send_answer_confirmation(page, request, answer, profile.email)
        else:
            already = call.answers.filter(email=email).exclude(status=Answer.Status.SPAM).exists()
            if not already:
                answer = Answer.objects.create(
                    call=call, name=data["name"], email=email, phone=data.get("phone", ""), message=data["message"]
                )
                _send_answer_confirmation(page, request, answer, email)
    text = (
        gettext(
            "Si cette adresse est celle d'un profil publié de l'annuaire, un lien de confirmation vient d'y être "
            "envoyé. Votre réponse part à la structure quand vous l'ouvrez."
        )
        if data["mode"] == AnswerForm.PROFILE
        else gettext(
            "Un lien de confirmation vient de vous être envoyé. Votre réponse part à la structure quand vous l'ouvrez."
        )
    )
    return _message(request, page, gettext("Vérifiez votre boîte aux lettres"), text)


def _send_answer_confirmation(page, request, answer, to):
    token = links.make_token(links.ANSWER_CONFIRM, answer.pk, answer.nonce)
    emails.answer_confirmation(answer, to, subpage_url(page, "answer_confirm_route", token, request=request))


def confirm_answer(page, request, token):
    data = links.read_token(links.ANSWER_CONFIRM, token, links.CONFIRM_MAX_AGE)
    answer = (
        Answer.objects.select_related("call", "profile").filter(pk=data[0], nonce=data[1]).first() if data else None
    )
    if answer is None or links.is_used(links.ANSWER_CONFIRM, data[1]) or answer.status != Answer.Status.UNCONFIRMED:
        return _invalid_link(request, page)
    if not answer.call.is_open:
        return _message(
            request,
            page,
            gettext("Cet appel est clos"),
            gettext("La structure ne reçoit plus de réponses à cet appel. Rien n'a été transmis."),
            status=400,
        )
    if request.method != "POST":
        return _message(
            request,
            page,
            gettext("Confirmer votre réponse"),
            gettext(
                "En confirmant, votre message et votre nom sont transmis à la structure. Vos coordonnées ne lui "
                "parviennent que si elle accepte votre réponse ; vous recevrez alors les siennes."
            ),
            form_action=request.path,
            button=gettext("Confirmer et transmettre"),
            details=[(gettext("Appel"), answer.call.title), (gettext("Structure"), answer.call.structure_name)],
        )
    with transaction.atomic():
        if not links.consume(links.ANSWER_CONFIRM, data[1]):
            return _invalid_link(request, page)
        answer.status = Answer.Status.FORWARDED
        answer.forwarded_at = timezone.now()
        answer.save(update_fields=["status", "forwarded_at"])
        decision = links.make_token(links.DECISION, answer.pk, answer.nonce)
        manage = links.make_token(links.CALL_MANAGE, answer.call.pk, answer.call.nonce)
        emails.answer_to_structure(
            answer,
            subpage_url(page, "decision_route", "accepter", decision, request=request),
            subpage_url(page, "decision_route", "decliner", decision, request=request),
            subpage_url(page, "manage_route", manage, request=request),
        )
    return _message(
        request,
        page,
        gettext("Réponse transmise"),
        gettext("Merci : la structure a reçu votre réponse. Vous recevrez un courriel dès qu'elle l'aura lue."),
    )


def _decide(page, request, answer, accepting):
    """Record the structure's decision and send the emails (the details of
    each side to the other on acceptance)."""
    answer.status = Answer.Status.ACCEPTED if accepting else Answer.Status.DECLINED
    answer.responded_at = timezone.now()
    answer.save(update_fields=["status", "responded_at"])
    if accepting:
        emails.acceptance_to_structure(answer)
        emails.acceptance_to_partner(answer)
        return gettext(
            "Réponse acceptée : ses coordonnées vous ont été envoyées par courriel, et les vôtres lui ont été "
            "transmises."
        )
    emails.decline_to_partner(answer, page_url(page, request))
    return gettext("C'est noté : la personne en est informée poliment.")


def decide_answer(page, request, action, token):
    if action not in ("accepter", "decliner"):
        raise Http404
    data = links.read_token(links.DECISION, token, links.DECISION_MAX_AGE)
    answer = (
        Answer.objects.select_related("call", "profile").filter(pk=data[0], nonce=data[1]).first() if data else None
    )
    if answer is None or links.is_used(links.DECISION, data[1]) or answer.status != Answer.Status.FORWARDED:
        return _invalid_link(request, page)
    accepting = action == "accepter"
    if request.method != "POST":
        return _message(
            request,
            page,
            gettext("Accepter cette réponse") if accepting else gettext("Décliner cette réponse"),
            gettext(
                "En confirmant, vous recevrez par courriel les coordonnées de la personne, et elle recevra les vôtres."
            )
            if accepting
            else gettext("En confirmant, la personne sera prévenue poliment, sans recevoir vos coordonnées."),
            form_action=request.path,
            button=gettext("Confirmer"),
            details=[
                (gettext("Appel"), answer.call.title),
                (gettext("Réponse de"), answer.public_name),
                (gettext("Message"), answer.message),
            ],
        )
    with transaction.atomic():
        if not links.consume(links.DECISION, data[1]):
            return _invalid_link(request, page)
        text = _decide(page, request, answer, accepting)
    return _message(request, page, gettext("Décision enregistrée"), text)


# --- Alerts ---------------------------------------------------------------------
def _session_profile(request):
    """The partner signed in to "Gérer mon profil" in this browser, if any."""
    import time

    data = request.session.get(DIRECTORY_SESSION_KEY) or {}
    if not data or data.get("until", 0) < time.time():
        return None
    return PartnerProfile.objects.filter(pk=data.get("id")).first()


def subscribe(page, request):
    title = gettext("Recevoir les appels par courriel")
    profile = _session_profile(request)
    initial = {"email": profile.email} if profile else None
    form = SubscriptionForm(request.POST or None, initial=initial, departments=_departments(request))
    context = {"form": form, "profile": profile}
    if request.method != "POST":
        return _render(request, page, "subscribe.html", context, title=title)
    if not form.is_valid():
        return _render(request, page, "subscribe.html", context, status=400, title=gettext("Erreur : ") + title)
    data = form.cleaned_data
    if rate_limit_exceeded(request, "participation-alerts", email=data["email"]):
        context.update(page=page, self=page, breadcrumb_current=title, breadcrumb_trail=[(page.url, page.title)])
        return render_rate_limited(request, "participation/subscribe.html", context)
    if form.is_spam:
        return _message(
            request,
            page,
            gettext("Vérifiez votre boîte aux lettres"),
            gettext("Un lien de confirmation vient de vous être envoyé."),
        )
    own = profile is not None and data["email"] == profile.email
    with transaction.atomic():
        subscription = Subscription.objects.create(
            email=data["email"],
            profile=profile if own else None,
            frequency=data["frequency"],
            roles=data["roles"],
            domains=data["domains"],
            departments=data["departments"],
        )
        if own:  # the address is the profile's, confirmed by its manage link
            _activate(subscription)
        else:
            token = links.make_token(links.ALERT_CONFIRM, subscription.pk, subscription.nonce)
            emails.subscription_confirmation(
                subscription, subpage_url(page, "alerts_confirm_route", token, request=request)
            )
    if own:
        return _message(
            request,
            page,
            gettext("Alertes enregistrées"),
            gettext("C'est fait : les nouveaux appels qui vous correspondent arriveront à l'adresse de votre profil."),
        )
    return _message(
        request,
        page,
        gettext("Vérifiez votre boîte aux lettres"),
        gettext("Un lien de confirmation vient de vous être envoyé : les alertes commencent quand vous l'ouvrez."),
    )


def _activate(subscription):
    """Confirm a subscription; it replaces any other for the same address."""
    Subscription.objects.filter(email=subscription.email).exclude(pk=subscription.pk).delete()
    subscription.confirmed_at = timezone.now()
    subscription.save(update_fields=["confirmed_at"])


def confirm_subscription(page, request, token):
    data = links.read_token(links.ALERT_CONFIRM, token, links.CONFIRM_MAX_AGE)
    subscription = Subscription.objects.filter(pk=data[0], nonce=data[1]).first() if data else None
    if subscription is None or links.is_used(links.ALERT_CONFIRM, data[1]):
        return _invalid_link(request, page)
    if request.method != "POST":
        return _message(
            request,
            page,
            gettext("Confirmer votre abonnement"),
            gettext("Confirmez pour recevoir les alertes des nouveaux appels à participation."),
            form_action=request.path,
            button=gettext("Confirmer mon abonnement"),
        )
    with transaction.atomic():
        if links.consume(links.ALERT_CONFIRM, data[1]):
            _activate(subscription)
    return _message(
        request,
        page,
        gettext("Abonnement confirmé"),
        gettext(
            "Merci : vous recevrez les nouveaux appels qui vous correspondent. Chaque alerte permet de se désinscrire en un clic."
        ),
    )


@csrf_exempt
@never_cache
def unsubscribe(request, token):
    """RFC 8058 one-click unsubscribe: a POST (from the mail client, or the
    form a GET shows) deletes the subscription; a GET changes nothing (mail
    scanners follow links). CSRF-exempt: the signed token is the proof."""
    page = ParticipationPage.objects.live().first()
    data = links.read_unsubscribe(token)
    subscription = Subscription.objects.filter(pk=data[0], nonce=data[1]).first() if data else None
    context = {"page": page, "token_valid": data is not None, "done": False}
    if request.method == "POST":
        if data is None:
            return TemplateResponse(request, "participation/unsubscribe.html", context, status=400)
        if subscription is not None:
            from .privacy import erase_subscriptions

            erase_subscriptions([subscription])
        context["done"] = True
        return TemplateResponse(request, "participation/unsubscribe.html", context)
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    return TemplateResponse(request, "participation/unsubscribe.html", context, status=200 if data else 400)


def unsubscribe_path(subscription):
    from django.urls import reverse

    token = links.make_token(links.UNSUBSCRIBE, subscription.pk, subscription.nonce)
    return reverse("participation_unsubscribe", args=[token])


def manage_path(page, call, request=None):
    token = links.make_token(links.CALL_MANAGE, call.pk, call.nonce)
    return subpage_path(page, "manage_route", token, request=request)
