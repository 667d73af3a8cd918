"""Dashboard panels of the admin home, one per role.

Each panel costs a fixed number of queries whatever the amount of data: titles
come from the revisions' and log entries' stored labels (`object_str`,
`label`), never from the objects themselves, and links are reversed from ids.
"""

from heapq import merge

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from directory import queries
from editorial import roles
from editorial.models import reviewable_task_states
from editorial.notifications import UNREVIEWED_ACTION, admin_edit_url

LIMIT = 10


def group_names(user):
    """The user's group names, fetched once per request."""
    if not hasattr(user, "_editorial_group_names"):
        user._editorial_group_names = set(user.groups.values_list("name", flat=True))
    return user._editorial_group_names


def is_admin(user):
    return user.is_superuser or roles.ADMINS in group_names(user)


def is_moderator(user):
    return is_admin(user) or roles.MODERATORS in group_names(user)


def _relative(url):
    # admin_edit_url is absolute (for emails); the dashboard links stay on the
    # host the user is on.
    return url.removeprefix(settings.BASE_URL.rstrip("/"))


class ListPanel(Component):
    """A titled list of links, or a sentence when it is empty."""

    template_name = "editorial/panels/list.html"
    name = ""
    heading = ""
    empty_text = ""
    order = 100

    def __init__(self, user):
        self.user = user

    def get_items(self):
        return []

    def get_context_data(self, parent_context=None):
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "empty_text": self.empty_text,
            "items": self.get_items(),
        }


class ToReviewPanel(ListPanel):
    name = "editorial_to_review"
    heading = _("À relire par moi")
    empty_text = _("Rien n'attend votre relecture.")
    order = 90

    def get_items(self):
        states = (
            reviewable_task_states(self.user)
            .select_related("task", "revision__user", "workflow_state__base_content_type")
            .order_by("-started_at")[:LIMIT]
        )
        return [
            {
                "title": state.revision.object_str,
                "url": _relative(
                    admin_edit_url(state.workflow_state.base_content_type, state.workflow_state.object_id)
                ),
                "meta": gettext("%(task)s — proposé par %(author)s")
                % {
                    "task": state.task.name,
                    "author": (
                        state.revision.user.get_full_name() or state.revision.user.get_username()
                        if state.revision.user
                        else gettext("inconnu")
                    ),
                },
                "date": state.started_at,
            }
            for state in states
        ]


class LogPanel(ListPanel):
    actions = ()

    def get_items(self):
        pages = PageLogEntry.objects.filter(action__in=self.actions).select_related("user").order_by("-timestamp")
        others = (
            ModelLogEntry.objects.filter(action__in=self.actions)
            .select_related("user", "content_type")
            .order_by("-timestamp")
        )
        entries = merge(pages[:LIMIT], others[:LIMIT], key=lambda e: e.timestamp, reverse=True)
        items = []
        for entry in list(entries)[:LIMIT]:
            if isinstance(entry, PageLogEntry):
                url = reverse("wagtailadmin_pages:edit", args=[entry.page_id])
            else:
                url = _relative(admin_edit_url(entry.content_type, entry.object_id))
            who = (
                entry.user.get_full_name() or entry.user.get_username()
                if entry.user
                else gettext("publication programmée")
            )
            items.append({"title": entry.label, "url": url, "meta": who, "date": entry.timestamp})
        return items


class LatestPublicationsPanel(LogPanel):
    """Each published item once (its latest publication), with its state
    now: a page published then unpublished, or edited since, says so."""

    name = "editorial_latest_publications"
    heading = _("Dernières publications")
    empty_text = _("Aucune publication pour l'instant.")
    actions = ("wagtail.publish", "wagtail.publish.scheduled")
    order = 260

    def get_items(self):
        pages = PageLogEntry.objects.filter(action__in=self.actions).select_related("user").order_by("-timestamp")
        others = (
            ModelLogEntry.objects.filter(action__in=self.actions)
            .select_related("user", "content_type")
            .order_by("-timestamp")
        )
        # Enough entries to fill the panel once republications are skipped.
        entries = merge(pages[: LIMIT * 5], others[: LIMIT * 5], key=lambda e: e.timestamp, reverse=True)
        latest, seen = [], set()
        for entry in entries:
            key = (
                ("page", entry.page_id) if isinstance(entry, PageLogEntry) else (entry.content_type_id, entry.object_id)
            )
            if key not in seen:
                seen.add(key)
                latest.append(entry)
            if len(latest) == LIMIT:
                break
        page_ids = [entry.page_id for entry in latest if isinstance(entry, PageLogEntry)]
        states = {
            page.pk: page for page in Page.objects.filter(pk__in=page_ids).only("live", "has_unpublished_changes")
        }
        items = []
        for entry in latest:
            who = (
                entry.user.get_full_name() or entry.user.get_username()
                if entry.user
                else gettext("publication programmée")
            )
            if isinstance(entry, PageLogEntry):
                url = reverse("wagtailadmin_pages:edit", args=[entry.page_id])
                page = states.get(entry.page_id)
                if page is None:
                    state = gettext("supprimée")
                elif not page.live:
                    state = gettext("dépubliée")
                elif page.has_unpublished_changes:
                    state = gettext("en ligne, modifications en brouillon")
                else:
                    state = gettext("en ligne")
                who = f"{state} — {who}"
            else:
                url = _relative(admin_edit_url(entry.content_type, entry.object_id))
            items.append({"title": entry.label, "url": url, "meta": who, "date": entry.timestamp})
        return items


class UnreviewedPublicationsPanel(LogPanel):
    name = "editorial_unreviewed"
    heading = _("Publié sans relecture croisée")
    empty_text = _("Toutes les publications récentes sont passées par la relecture croisée.")
    actions = (UNREVIEWED_ACTION,)
    order = 95


class DirectoryQueuePanel(ListPanel):
    """A moderation queue provided by the directory app (`directory.queries`)."""

    order = 92
    query_name = ""
    query_kwargs = {}

    def get_items(self):
        queryset = getattr(queries, self.query_name)(**self.query_kwargs)
        items = []
        for obj in queryset[:LIMIT]:
            items.append({"title": str(obj), "url": self.inspect_url(obj), "meta": "", "date": None})
        return items

    @staticmethod
    def inspect_url(obj):
        """The moderation admin's inspect view of `obj` (wagtail-modeladmin's
        URL names), or no link."""
        meta = obj._meta
        try:
            return reverse(f"{meta.app_label}_{meta.model_name}_modeladmin_inspect", args=[obj.pk])
        except NoReverseMatch:
            return ""


class PendingRegistrationsPanel(DirectoryQueuePanel):
    name = "editorial_pending_registrations"
    heading = _("Inscriptions à modérer")
    empty_text = _("Aucune inscription en attente.")
    query_name = "pending_registrations"


class StaleContactRequestsPanel(DirectoryQueuePanel):
    name = "editorial_stale_contact_requests"
    heading = _("Demandes de contact sans réponse depuis plus de 7 jours")
    empty_text = _("Aucune demande de contact en souffrance.")
    query_name = "stale_contact_requests"
    query_kwargs = {"days": 7}


def panels_for(user):
    panels = [LatestPublicationsPanel(user)]
    if group_names(user) & set(roles.COPILOT_GROUPS):
        panels.append(ToReviewPanel(user))
    if is_moderator(user):
        panels += [PendingRegistrationsPanel(user), StaleContactRequestsPanel(user)]
    if is_admin(user):
        panels.append(UnreviewedPublicationsPanel(user))
    return panels
