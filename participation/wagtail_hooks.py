"""Moderation admin (wagtail-modeladmin): calls, answers, alert subscriptions.

The directory's moderation group (directory.roles) moderates the calls:
"Publier" makes a confirmed call public and sends its author the manage
link; "Refuser" needs a reason, sent kindly to the structure. Indicators per
call (answers, median time to the structure's reply) are list columns.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.log_actions import log
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import DeleteView, InspectView

from . import emails
from .forms import RefusalForm
from .models import Answer, Call, ParticipationPage, Subscription
from .models.pages import link_for_email
from .privacy import erase_answers, erase_calls, erase_subscriptions
from .views import manage_path


class NoCreatePermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False


def _median_label(days):
    if days is None:
        return "—"
    return gettext("%(days)s j") % {"days": str(days).replace(".", ",")}


class CallInspectView(InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_moderate"] = self.permission_helper.user_can_edit_obj(self.request.user, self.instance)
        context["refusal_form"] = RefusalForm()
        return context

    def get_fields_dict(self):
        fields = super().get_fields_dict()
        call = self.instance
        fields.append({"label": _("Départements"), "value": ", ".join(call.department_labels()) or "—"})
        fields.append({"label": _("Réponses"), "value": call.answer_count()})
        fields.append(
            {"label": _("Délai médian de réponse de la structure"), "value": _median_label(call.median_reply_days())}
        )
        return fields


class CallDeleteView(DeleteView):
    def delete_instance(self):
        erase_calls([self.instance])


class AnswerDeleteView(DeleteView):
    def delete_instance(self):
        erase_answers([self.instance])


class SubscriptionDeleteView(DeleteView):
    def delete_instance(self):
        erase_subscriptions([self.instance])


class CallAdmin(ModelAdmin):
    model = Call
    menu_label = _("Appels")
    menu_icon = "doc-full"
    inspect_view_enabled = True
    inspect_view_class = CallInspectView
    delete_view_class = CallDeleteView
    permission_helper_class = NoCreatePermissionHelper
    inspect_template_name = "modeladmin/participation/call/inspect.html"
    list_display = ("__str__", "title", "structure_name", "status", "deadline", "answers", "median_reply", "created_at")
    list_filter = ("status", "role", "compensation", "created_at")
    search_fields = ("title", "structure_name")
    list_per_page = 50
    inspect_view_fields = [
        "title",
        "status",
        "structure_name",
        "structure_type",
        "project",
        "role",
        "domain",
        "remote",
        "dates",
        "time_commitment",
        "compensation",
        "benefits",
        "deadline",
        "partners_wanted",
        "allow_non_registered",
        "contact_name",
        "contact_email",
        "contact_phone",
        "email_confirmed_at",
        "published_at",
        "closed_at",
        "refusal_reason",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(n_answers=Count("answers", filter=~Q(answers__status=Answer.Status.SPAM)))
            .prefetch_related("answers")
        )

    def answers(self, obj):
        return obj.n_answers

    answers.short_description = _("Réponses")

    def median_reply(self, obj):
        return _median_label(obj.median_reply_days())

    median_reply.short_description = _("Délai médian de réponse")

    def get_admin_urls_for_registration(self):
        return super().get_admin_urls_for_registration() + (
            path(
                "participation/call/<int:pk>/publier/", moderate_view, {"approve": True}, name="participation_publish"
            ),
            path(
                "participation/call/<int:pk>/refuser/", moderate_view, {"approve": False}, name="participation_refuse"
            ),
        )


class AnswerAdmin(ModelAdmin):
    model = Answer
    menu_label = _("Réponses")
    menu_icon = "mail"
    inspect_view_enabled = True
    delete_view_class = AnswerDeleteView
    permission_helper_class = NoCreatePermissionHelper
    list_display = ("__str__", "call", "status", "created_at", "forwarded_at", "responded_at")
    list_filter = ("status", "created_at")
    inspect_view_fields = [
        "call",
        "status",
        "profile",
        "name",
        "email",
        "phone",
        "message",
        "created_at",
        "forwarded_at",
        "responded_at",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("call")


class SubscriptionAdmin(ModelAdmin):
    model = Subscription
    menu_label = _("Alertes")
    menu_icon = "mail"
    inspect_view_enabled = True
    delete_view_class = SubscriptionDeleteView
    permission_helper_class = NoCreatePermissionHelper
    list_display = ("__str__", "frequency", "confirmed_at", "last_sent_at")
    list_filter = ("frequency",)


class ParticipationAdminGroup(ModelAdminGroup):
    menu_label = _("Appels à participation")
    menu_icon = "doc-full"
    menu_order = 260
    items = (CallAdmin, AnswerAdmin, SubscriptionAdmin)


modeladmin_register(ParticipationAdminGroup)


@hooks.register("register_log_actions")
def register_participation_actions(actions):
    actions.register_action("participation.publish", _("Appel publié"), _("Appel publié par la modération"))
    actions.register_action("participation.refuse", _("Appel refusé"), _("Appel refusé par la modération"))


@require_POST
def moderate_view(request, pk, approve):
    user = request.user
    if not (user.is_active and (user.is_superuser or user.has_perm("participation.change_call"))):
        raise PermissionDenied
    call = get_object_or_404(Call, pk=pk)
    inspect = redirect(reverse("participation_call_modeladmin_inspect", args=[pk]))
    if call.status not in (Call.Status.SUBMITTED, Call.Status.REFUSED) or call.email_confirmed_at is None:
        messages.error(
            request, gettext("%(call)s : seul un appel dont l'adresse est confirmée peut être modéré.") % {"call": call}
        )
        return inspect
    page = ParticipationPage.objects.live().first()
    if approve:
        call.status = Call.Status.PUBLISHED
        call.published_at = timezone.now()
        call.refusal_reason = ""
        call.save(update_fields=["status", "published_at", "refusal_reason", "updated_at"])
        call.sync_search_index()
        log(instance=call, action="participation.publish", user=user)
        manage_url = link_for_email(page, "index_route") if page is None else _absolute_manage(page, call)
        emails.call_published(call, link_for_email(page, "call_route", call.pk), manage_url)
        messages.success(request, gettext("%(call)s : publié.") % {"call": call})
        return inspect
    form = RefusalForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Indiquez le motif du refus : il est envoyé à la structure."))
        return inspect
    call.status = Call.Status.REFUSED
    call.refusal_reason = form.cleaned_data["reason"]
    call.save(update_fields=["status", "refusal_reason", "updated_at"])
    log(instance=call, action="participation.refuse", user=user)
    emails.call_refused(call, link_for_email(page, "post_route"))
    messages.success(request, gettext("%(call)s : refusé ; la structure en est informée.") % {"call": call})
    return inspect


def _absolute_manage(page, call):
    from core.links import absolute

    return absolute(manage_path(page, call))
