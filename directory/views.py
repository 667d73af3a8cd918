"""Views behind the routes of DirectoryPage."""

import json
import time
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext

from core import geo
from core.antiabuse import rate_limit_exceeded, render_rate_limited
from core.facets import Facet
from core.links import absolute, page_url, subpage_path, subpage_url
from core.listing import PAGE_PARAM, QUERY_PARAM, SORT_PARAM, Listing, Sort
from core.models import Domain, PortalSettings
from core.vocabulary import PartnerRole
from search.text import MAX_QUERY_LENGTH

from . import emails, links
from .csvutils import to_csv
from .forms import (
    ContactDetailsForm,
    ContactForm,
    ManageRequestForm,
    ProfileFieldsForm,
    RegistrationForm,
    ReportForm,
    theme_options,
)
from .models import ContactRequest, Language, PartnerProfile, ProfileLanguage, ProfileRole, TaggedExperienceTheme
from .privacy import erase_profile, profile_data
from .queries import contact_reply_share

SESSION_KEY = "directory_profile"


def _render(request, page, template, context=None, status=200, title=None):
    ctx = {"page": page, "self": page, "breadcrumb_current": title or page.title, "sub_title": title}
    if title:  # a route below the directory: the breadcrumb goes through it
        ctx["breadcrumb_trail"] = [(page.url, page.title)]
    ctx.update(context or {})
    return TemplateResponse(request, f"directory/{template}", ctx, status=status)


def _message(request, page, title, text, status=200, form_action=None, button=None, links_=(), details=()):
    return _render(
        request,
        page,
        "message.html",
        {
            "title": title,
            "text": text,
            "form_action": form_action,
            "button": button,
            "links": links_,
            "details": details,
        },
        status=status,
        title=title,
    )


# --- Search -----------------------------------------------------------------------
def _bool_filter(queryset, value):
    return queryset.filter(remote_ok=True)


def _remote_counts(queryset):
    return {"oui": queryset.filter(remote_ok=True).order_by().count()}


def _plain_counts(path):
    """Counts without DISTINCT: the filters use EXISTS and a profile has each
    role, language or domain once, so no row is counted twice."""

    def count_fn(queryset):
        rows = queryset.order_by().values(path).annotate(n=Count("pk"))
        return {str(row[path]): row["n"] for row in rows if row[path] not in (None, "")}

    return count_fn


def _exists_filter(model, link, field):
    """Filter on a multi-valued relation with EXISTS: no join, no duplicate
    rows, so the result needs no DISTINCT over whole profile rows."""

    def filter_fn(queryset, value):
        return queryset.filter(Exists(model.objects.filter(**{link: OuterRef("pk"), field: value})))

    return filter_fn


def _theme_filter(queryset, value):
    """Themes filter only profiles that consent to show them."""
    return _exists_filter(TaggedExperienceTheme, "content_object", "tag__slug")(
        queryset.filter(consent_health=True), value
    )


def _theme_counts(queryset):
    rows = (
        queryset.filter(consent_health=True)
        .order_by()
        .values("tagged_themes__tag__slug")
        .annotate(n=Count("pk", distinct=True))
    )
    return {row["tagged_themes__tag__slug"]: row["n"] for row in rows if row["tagged_themes__tag__slug"]}


def directory_facets(departments):
    domain_link = PartnerProfile.domains.through
    return [
        Facet(
            "role",
            gettext("Rôle"),
            "roles__role",
            count_fn=_plain_counts("roles__role"),
            options=lambda: list(PartnerRole.choices),
            filter_fn=_exists_filter(ProfileRole, "profile", "role"),
        ),
        Facet(
            "domaine",
            gettext("Domaine d'intervention"),
            "domains__slug",
            count_fn=_plain_counts("domains__slug"),
            options=lambda: list(Domain.objects.order_by("sort_order", "name").values_list("slug", "name")),
            filter_fn=_exists_filter(domain_link, "partnerprofile", "domain__slug"),
        ),
        Facet(
            "departement",
            gettext("Département"),
            "public_department",
            options=lambda: departments,
            count_fn=_plain_counts("public_department"),
        ),
        Facet(
            "region", gettext("Région"), "region", options=lambda: geo.REGION_CHOICES, count_fn=_plain_counts("region")
        ),
        Facet(
            "distance",
            gettext("À distance"),
            "remote_ok",
            options=lambda: [("oui", gettext("Possible à distance"))],
            filter_fn=_bool_filter,
            count_fn=_remote_counts,
        ),
        Facet(
            "theme",
            gettext("Thème d'expérience"),
            "tagged_themes__tag__slug",
            options=theme_options,
            filter_fn=_theme_filter,
            count_fn=_theme_counts,
        ),
        Facet(
            "langue",
            gettext("Langue"),
            "languages__code",
            count_fn=_plain_counts("languages__code"),
            options=lambda: list(Language.choices),
            filter_fn=_exists_filter(ProfileLanguage, "profile", "code"),
        ),
    ]


def with_public_relations(queryset):
    return queryset.prefetch_related(
        "roles",
        "languages",
        "domains",
        Prefetch("tagged_themes", queryset=TaggedExperienceTheme.objects.select_related("tag").order_by("tag__name")),
    )


def directory_listing(page, request):
    """The directory's configuration of core.listing (the departments shown
    are the site's settings)."""
    settings = PortalSettings.for_request(request)
    departments = [(code, f"{name} ({code})") for code, name in settings.departments()]
    return Listing(
        facets=directory_facets(departments),
        sorts=[Sort("nom", gettext("Ordre alphabétique (A à Z)"), ("display_name", "pk"))],
        per_page=page.per_page,
        prepare=with_public_relations,
    )


def directory_index(page, request):
    context = directory_listing(page, request).context(request, PartnerProfile.objects.published())
    # The profile links carry the search and filters, so that "Retour à
    # l'annuaire" on a profile leads back to this very list.
    carried = [(QUERY_PARAM, context["query"])] if context["query"] else []
    carried += context["kept_params"]
    if context["page_obj"].number > 1:
        carried.append((PAGE_PARAM, context["page_obj"].number))
    context["listing_query"] = urlencode(carried)
    context["reply_share"] = contact_reply_share()
    return _render(request, page, "directory_page.html", context)


def _listing_query(request):
    """The directory's own parameters of `request.GET` (free text, sort,
    page, facets: nothing else), as a query string; each value is the
    listing's to validate again."""
    names = (QUERY_PARAM, SORT_PARAM, PAGE_PARAM, *(facet.param for facet in directory_facets([])))
    carried = []
    for name in names:
        value = (request.GET.get(name) or "").strip()[:MAX_QUERY_LENGTH]
        if value:
            carried.append((name, value))
    return urlencode(carried)


def _back_to_listing(page, listing_query):
    return f"{page.url}?{listing_query}" if listing_query else page.url


def _published_profile(pk):
    profile = with_public_relations(PartnerProfile.objects.published()).filter(pk=pk).first()
    if profile is None:
        raise Http404("Profil introuvable")
    return profile


def profile_detail(page, request, pk):
    profile = _published_profile(pk)
    listing_query = _listing_query(request)
    context = {"profile": profile, "listing_query": listing_query, "back_url": _back_to_listing(page, listing_query)}
    return _render(request, page, "profile.html", context, title=profile.display_name)


# --- Contact relay ---------------------------------------------------------------
def contact(page, request, pk):
    profile = _published_profile(pk)
    title = gettext("Contacter %(name)s") % {"name": profile.display_name}
    template = "contact_form.html"
    listing_query = _listing_query(request)
    carried = {"listing_query": listing_query, "back_url": _back_to_listing(page, listing_query)}
    if request.method != "POST":
        return _render(request, page, template, {"profile": profile, "form": ContactForm(), **carried}, title=title)
    form = ContactForm(request.POST)
    context = {"profile": profile, "form": form, **carried}
    if not form.is_valid():
        return _render(request, page, template, context, status=400, title=f"Erreur : {title}")
    if rate_limit_exceeded(request, "directory-contact", email=form.cleaned_data["requester_email"]):
        context.update(
            page=page, self=page, breadcrumb_current=title, sub_title=title, breadcrumb_trail=[(page.url, page.title)]
        )
        return render_rate_limited(request, "directory/contact_form.html", context)
    contact_request = form.save(commit=False)
    contact_request.profile = profile
    if form.is_spam:
        contact_request.status = ContactRequest.Status.SPAM
        contact_request.spam_reason = form.spam_reason
        contact_request.save()
    else:
        contact_request.nonce = profile.new_nonce()
        contact_request.save()  # stored before any email
        accept = links.make_token("contact", contact_request.pk, contact_request.nonce)
        emails.contact_to_partner(
            contact_request,
            subpage_url(page, "answer_route", "accepter", accept, request=request),
            subpage_url(page, "answer_route", "decliner", accept, request=request),
        )
        emails.receipt_to_structure(contact_request)
    return _render(
        request, page, "contact_sent.html", {"profile": profile, **carried}, title=gettext("Demande envoyée")
    )


def _request_details(contact_request):
    """What the accept/decline page shows of the request it acts on."""
    return [
        (gettext("Structure"), f"{contact_request.structure_name} ({contact_request.get_structure_type_display()})"),
        (gettext("Projet"), contact_request.project),
        (gettext("Dates ou durée"), contact_request.dates),
    ]


def answer(page, request, action, token):
    if action not in ("accepter", "decliner"):
        raise Http404
    data = links.read_token("contact", token, links.ACCEPT_DECLINE_MAX_AGE)
    contact_request = None
    if data:
        pk, nonce = data
        contact_request = (
            ContactRequest.objects.select_related("profile").filter(pk=pk, nonce=nonce, profile__isnull=False).first()
        )
    if contact_request is None or links.is_used("contact", contact_request.nonce) or not contact_request.is_open:
        return _message(
            request,
            page,
            gettext("Ce lien n'est plus valable"),
            gettext("Le lien a expiré (21 jours), a déjà servi, ou n'est pas complet. Rien n'a été transmis."),
            status=400,
        )
    accepting = action == "accepter"
    if request.method != "POST":
        return _message(
            request,
            page,
            gettext("Accepter la mise en relation") if accepting else gettext("Décliner la demande"),
            (
                gettext(
                    "En confirmant, la structure recevra votre adresse électronique (et votre téléphone si vous l'avez "
                    "donné) pour vous écrire directement, et vous recevrez ses coordonnées par courriel."
                )
                if accepting
                else gettext("En confirmant, la structure sera prévenue poliment, sans recevoir vos coordonnées.")
            ),
            form_action=request.path,
            button=gettext("Confirmer"),
            details=_request_details(contact_request),
        )
    if not links.consume("contact", contact_request.nonce):
        return _message(
            request, page, gettext("Ce lien n'est plus valable"), gettext("Ce lien a déjà servi."), status=400
        )
    contact_request.responded_at = timezone.now()
    contact_request.status = ContactRequest.Status.ACCEPTED if accepting else ContactRequest.Status.DECLINED
    contact_request.save(update_fields=["responded_at", "status"])
    if accepting:
        emails.acceptance_to_structure(contact_request)
        emails.acceptance_to_partner(contact_request)
        text = gettext(
            "Merci : la structure a reçu vos coordonnées et va vous écrire. Ses coordonnées vous ont été envoyées "
            "par courriel."
        )
    else:
        emails.decline_to_structure(contact_request, page_url(page, request))
        text = gettext("C'est noté : la structure en est informée, sans vos coordonnées.")
    return _message(request, page, gettext("Réponse enregistrée"), text)


def report(page, request, pk):
    profile = _published_profile(pk)
    title = gettext("Signaler ce profil")
    form = ReportForm(request.POST or None)
    context = {"profile": profile, "form": form}
    if request.method != "POST":
        return _render(request, page, "report.html", context, title=title)
    if not form.is_valid():
        return _render(request, page, "report.html", context, status=400, title=f"Erreur : {title}")
    if rate_limit_exceeded(request, "directory-report"):
        context.update(page=page, self=page, breadcrumb_current=title, breadcrumb_trail=[(page.url, page.title)])
        return render_rate_limited(request, "directory/report.html", context)
    if not form.is_spam:
        settings = PortalSettings.for_request(request)
        emails.report_to_moderators(
            profile,
            dict(ReportForm.REASONS)[form.cleaned_data["reason"]],
            form.cleaned_data["message"],
            settings.contact_email,
            absolute(profile.admin_url()),
        )
    return _message(
        request, page, gettext("Merci pour votre signalement"), gettext("L'équipe de modération va examiner ce profil.")
    )


# --- Registration ---------------------------------------------------------------
def registration(page, request):
    settings = PortalSettings.for_request(request)
    title = gettext("S'inscrire dans l'annuaire")
    form = RegistrationForm(request.POST or None, departments=settings.departments())
    context = {"form": form}
    if request.method != "POST":
        return _render(request, page, "registration.html", context, title=title)
    if not form.is_valid():
        return _render(request, page, "registration.html", context, status=400, title=f"Erreur : {title}")
    if rate_limit_exceeded(request, "directory-registration", email=form.cleaned_data["email"]):
        context.update(page=page, self=page, breadcrumb_current=title, breadcrumb_trail=[(page.url, page.title)])
        return render_rate_limited(request, "directory/registration.html", context)
    if not form.is_spam:
        profile, created = form.save_registration()
        if created:
            token = links.make_token("confirm", profile.pk)
            emails.registration_confirmation(profile, subpage_url(page, "confirm_route", token, request=request))
        else:
            token = links.make_token("manage", profile.pk)
            emails.manage_link(profile, subpage_url(page, "manage_link_route", token, request=request))
    return _message(
        request,
        page,
        gettext("Vérifiez votre boîte aux lettres"),
        gettext(
            "Nous vous avons écrit : ouvrez le lien reçu pour confirmer votre adresse. Votre profil sera ensuite relu "
            "par l'équipe de modération, qui vous informera de sa décision."
        ),
    )


def confirm_email(page, request, token):
    data = links.read_token("confirm", token, links.CONFIRM_MAX_AGE)
    profile = PartnerProfile.objects.filter(pk=data[0]).first() if data else None
    if profile is None or links.is_used("confirm", data[1]):
        return _message(
            request,
            page,
            gettext("Ce lien n'est plus valable"),
            gettext("Le lien a expiré ou a déjà servi."),
            status=400,
        )
    if request.method != "POST":
        return _message(
            request,
            page,
            gettext("Confirmer votre adresse"),
            gettext("Confirmez votre adresse pour transmettre votre profil à l'équipe de modération."),
            form_action=request.path,
            button=gettext("Confirmer mon adresse"),
        )
    if links.consume("confirm", data[1]) and profile.email_confirmed_at is None:
        profile.email_confirmed_at = timezone.now()
        profile.save(update_fields=["email_confirmed_at", "updated_at"])
    return _message(
        request,
        page,
        gettext("Adresse confirmée"),
        gettext(
            "Merci. Votre profil est maintenant relu par l'équipe de modération ; vous recevrez un courriel dès sa décision."
        ),
    )


# --- Self-service ----------------------------------------------------------------
def manage_request(page, request):
    title = gettext("Gérer mon profil")
    form = ManageRequestForm(request.POST or None)
    context = {"form": form, "manage_link_days": links.manage_link_days()}
    if request.method != "POST":
        return _render(request, page, "manage_request.html", context, title=title)
    if not form.is_valid():
        return _render(request, page, "manage_request.html", context, status=400, title=f"Erreur : {title}")
    email = form.cleaned_data["email"].strip().lower()
    if rate_limit_exceeded(request, "directory-manage", email=email):
        context.update(page=page, self=page, breadcrumb_current=title, breadcrumb_trail=[(page.url, page.title)])
        return render_rate_limited(request, "directory/manage_request.html", context)
    profile = PartnerProfile.objects.filter(email=email).exclude(status=PartnerProfile.Status.REFUSED).first()
    if profile is not None and not form.is_spam:
        token = links.make_token("manage", profile.pk)
        emails.manage_link(profile, subpage_url(page, "manage_link_route", token, request=request))
    return _message(
        request,
        page,
        gettext("Demande enregistrée"),
        gettext(
            "Si cette adresse correspond à un profil de l'annuaire, un lien valable %(days)s jours et "
            "utilisable une fois vient d'y être envoyé."
        )
        % {"days": links.manage_link_days()},
    )


def _send_manage_link(page, request, profile):
    token = links.make_token("manage", profile.pk)
    emails.manage_link(profile, subpage_url(page, "manage_link_route", token, request=request))


def _expired_manage_link(page, request, token):
    """An authentic link past its validity: offer to send a fresh one to the
    address on file (never shown), rate-limited like the request form."""
    data = links.read_expired_token("manage", token) or links.read_expired_token("yearly", token)
    profile = (
        PartnerProfile.objects.filter(pk=data[0]).exclude(status=PartnerProfile.Status.REFUSED).first()
        if data
        else None
    )
    if profile is None:
        return None
    title = gettext("Ce lien a expiré")
    if request.method == "POST":
        if rate_limit_exceeded(request, "directory-manage", email=profile.email):
            return _message(
                request,
                page,
                title,
                gettext("Trop de demandes en peu de temps : réessayez dans une heure."),
                status=429,
            )
        _send_manage_link(page, request, profile)
        return _message(
            request,
            page,
            gettext("Nouveau lien envoyé"),
            gettext(
                "Un nouveau lien, valable %(days)s jours et utilisable une fois, vient d'être envoyé à l'adresse "
                "de votre profil."
            )
            % {"days": links.manage_link_days()},
        )
    return _message(
        request,
        page,
        title,
        gettext(
            "Ce lien n'était valable que %(days)s jours. Nous pouvons vous en envoyer un nouveau, à l'adresse "
            "de votre profil."
        )
        % {"days": links.manage_link_days()},
        status=400,
        form_action=request.path,
        button=gettext("M'envoyer un nouveau lien"),
    )


def manage_open(page, request, token):
    data = links.read_token("manage", token, links.manage_max_age())
    yearly = False
    if data is None:
        data = links.read_token("yearly", token, 30 * 24 * 3600)
        yearly = data is not None
    if data is None:
        expired = _expired_manage_link(page, request, token)
        if expired is not None:
            return expired
    purpose = "yearly" if yearly else "manage"
    profile = PartnerProfile.objects.filter(pk=data[0]).first() if data else None
    if profile is None or links.is_used(purpose, data[1]):
        return _message(
            request,
            page,
            gettext("Ce lien n'est plus valable"),
            gettext("Le lien a expiré ou a déjà servi. Vous pouvez en demander un nouveau."),
            status=400,
            links_=[(subpage_path(page, "manage_request_route", request=request), gettext("Demander un nouveau lien"))],
        )
    if request.method != "POST":
        return _message(
            request,
            page,
            gettext("Ouvrir mon espace"),
            gettext("Ce lien ne sert qu'une fois ; votre espace reste ouvert une heure dans ce navigateur."),
            form_action=request.path,
            button=gettext("Ouvrir mon espace"),
        )
    if not links.consume(purpose, data[1]):
        return _message(
            request, page, gettext("Ce lien n'est plus valable"), gettext("Ce lien a déjà servi."), status=400
        )
    if yearly:
        profile.last_confirmed_at = timezone.now()
        profile.confirmation_requested_at = None
        profile.save(update_fields=["last_confirmed_at", "confirmation_requested_at", "updated_at"])
    request.session[SESSION_KEY] = {"id": profile.pk, "until": time.time() + 3600}
    return HttpResponseRedirect(subpage_path(page, "manage_route", request=request))


def _session_profile(request):
    data = request.session.get(SESSION_KEY) or {}
    if not data or data.get("until", 0) < time.time():
        return None
    return PartnerProfile.objects.filter(pk=data.get("id")).first()


def manage(page, request):
    profile = _session_profile(request)
    if profile is None:
        return HttpResponseRedirect(subpage_path(page, "manage_request_route", request=request))
    settings = PortalSettings.for_request(request)
    title = gettext("Mon profil")
    action = request.POST.get("action", "") if request.method == "POST" else ""
    form = ProfileFieldsForm(
        request.POST if action == "enregistrer" else None, instance=profile, departments=settings.departments()
    )
    details = ContactDetailsForm(request.POST if action == "coordonnees" else None, profile=profile)
    notice = ""
    status = 200
    if action == "coordonnees":
        if details.is_valid():
            notice = _save_contact_details(page, request, profile, details)
            details = ContactDetailsForm(profile=profile)
        else:
            status = 400
            title = gettext("Erreur : Mon profil")
    elif action in CONSENT_ACTIONS:
        notice = _withdraw_consent(profile, action)
        form = ProfileFieldsForm(instance=profile, departments=settings.departments())
    elif action == "enregistrer":
        if form.is_valid():
            form.save_profile()
            notice = gettext("Vos modifications sont enregistrées.")
        else:
            status = 400
            title = gettext("Erreur : Mon profil")
    elif action == "pause" and profile.status == PartnerProfile.Status.PUBLISHED:
        profile.set_status(PartnerProfile.Status.PAUSED)
        notice = gettext("Votre profil est en pause : il n'est plus visible.")
    elif action == "reprendre" and profile.status == PartnerProfile.Status.PAUSED and profile.published_at:
        # Resuming is also this year's confirmation: the nightly yearly run
        # must not pause the profile again for an old, unanswered request.
        profile.last_confirmed_at = timezone.now()
        profile.confirmation_requested_at = None
        profile.save(update_fields=["last_confirmed_at", "confirmation_requested_at", "updated_at"])
        profile.set_status(PartnerProfile.Status.PUBLISHED)
        notice = gettext("Votre profil est de nouveau visible.")
    elif action == "supprimer":
        if request.POST.get("confirmer_suppression") == "oui":
            erase_profile(profile, notify_structures=True)
            request.session.pop(SESSION_KEY, None)
            return _message(
                request,
                page,
                gettext("Profil supprimé"),
                gettext(
                    "Votre profil, vos demandes de contact et les courriels qui vous concernaient ont été effacés."
                ),
            )
        notice = gettext("Pour supprimer votre profil, cochez la case de confirmation.")
        status = 400
    requests = profile.contact_requests.exclude(status=ContactRequest.Status.SPAM).order_by("-created_at")
    return _render(
        request,
        page,
        "manage.html",
        {"profile": profile, "form": form, "details": details, "notice": notice, "contact_requests": requests},
        status=status,
        title=title,
    )


CONSENT_ACTIONS = ("retirer_sante", "retirer_nouvelles", "accepter_nouvelles", "retirer_moteurs")


def _withdraw_consent(profile, action):
    """Each consent on its own. Withdrawing the health consent hides the themes
    at once: pages and counts read `consent_health`, and the search entry is
    rewritten synchronously (not through a task a worker would run later)."""
    now = timezone.now()
    if action == "retirer_sante":
        profile.consent_health = False
        profile.consent_health_at = None
        profile.save(update_fields=["consent_health", "consent_health_at", "updated_at"])
        profile.sync_search_index()
        return gettext(
            "Consentement retiré : vos thèmes d'expérience ne sont plus affichés, comptés ni trouvés par la recherche."
        )
    if action == "retirer_moteurs":
        profile.allow_search_engines = False
        profile.save(update_fields=["allow_search_engines", "updated_at"])
        return gettext("Votre fiche n'est plus proposée aux moteurs de recherche.")
    profile.consent_news = action == "accepter_nouvelles"
    profile.consent_news_at = now if profile.consent_news else None
    profile.save(update_fields=["consent_news", "consent_news_at", "updated_at"])
    if profile.consent_news:
        return gettext("C'est noté : vous recevrez quelques nouvelles du réseau.")
    return gettext("C'est noté : vous ne recevrez plus de nouvelles du réseau.")


def _save_contact_details(page, request, profile, details):
    """The phone changes at once; a new address waits for its confirmation."""
    notices = []
    phone = details.cleaned_data["phone"].strip()
    if phone != profile.phone:
        profile.phone = phone
        profile.save(update_fields=["phone", "updated_at"])
        notices.append(gettext("Votre téléphone est enregistré."))
    if details.email_changed:
        new_email = details.cleaned_data["email"]
        token = links.make_email_change_token(profile.pk, new_email)
        emails.email_change_confirmation(
            profile, new_email, subpage_url(page, "email_change_route", token, request=request)
        )
        notices.append(
            gettext(
                "Un lien de confirmation vient d'être envoyé à %(email)s. Votre adresse ne change qu'une fois ce lien "
                "ouvert ; d'ici là, les messages de l'annuaire arrivent à l'ancienne adresse."
            )
            % {"email": new_email}
        )
    return " ".join(notices) or gettext("Rien n'a changé.")


def confirm_new_email(page, request, token):
    data = links.read_email_change_token(token)
    profile = PartnerProfile.objects.filter(pk=data[0]).first() if data else None
    if profile is None or links.is_used("email-change", data[1]):
        return _message(
            request,
            page,
            gettext("Ce lien n'est plus valable"),
            gettext(
                "Le lien a expiré (7 jours) ou a déjà servi. Vous pouvez refaire la demande depuis « Gérer mon "
                "profil »."
            ),
            status=400,
            links_=[(subpage_path(page, "manage_request_route", request=request), gettext("Gérer mon profil"))],
        )
    new_email = data[2]
    if request.method != "POST":
        return _message(
            request,
            page,
            gettext("Confirmer votre nouvelle adresse"),
            gettext("En confirmant, cette adresse remplacera l'ancienne pour votre profil de l'annuaire."),
            form_action=request.path,
            button=gettext("Confirmer ma nouvelle adresse"),
        )
    taken = PartnerProfile.objects.filter(email=new_email).exclude(pk=profile.pk).exists()
    if taken or not links.consume("email-change", data[1]):
        return _message(
            request,
            page,
            gettext("Ce lien n'est plus valable"),
            gettext("Ce lien a déjà servi, ou l'adresse est désormais celle d'un autre profil. Rien n'a changé."),
            status=400,
        )
    old_email = profile.email
    if new_email != old_email:
        profile.email = new_email
        profile.email_confirmed_at = timezone.now()
        profile.save(update_fields=["email", "email_confirmed_at", "updated_at"])
        emails.email_changed_notice(profile, old_email)
    return _message(
        request,
        page,
        gettext("Adresse confirmée"),
        gettext("C'est fait : les messages de l'annuaire arriveront désormais à cette adresse."),
    )


def _csv_value(value):
    if isinstance(value, bool):
        return gettext("Oui") if value else gettext("Non")
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def manage_export(page, request, fmt):
    profile = _session_profile(request)
    if profile is None:
        return HttpResponseRedirect(subpage_path(page, "manage_request_route", request=request))
    data = profile_data(profile)
    if fmt == "json":
        response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    elif fmt == "csv":
        rows = [(k, _csv_value(v)) for k, v in data.items()]
        response = HttpResponse(to_csv(["champ", "valeur"], rows), content_type="text/csv; charset=utf-8")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="mes-donnees-annuaire.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
