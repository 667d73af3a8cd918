"""Moderation admin (wagtail-modeladmin): profiles and contact requests.

Only the moderators' group (directory.roles) and superusers reach these
views; private fields (email, phone, consents) need `view_private_data`.
Moderation actions go to Wagtail's audit log with a label free of personal
data (the object's __str__ is "Profil n° 12").
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.log_actions import log
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import DeleteView, EditView, InspectView

from . import emails, links
from .csvutils import to_csv
from .models import ContactRequest, DirectoryPage, PartnerProfile
from .models.pages import link_for_email
from .privacy import erase_profile
from .roles import can_see_private

PUBLIC_FIELDS = [
    "display_name",
    "status",
    "presentation",
    "department",
    "territory_visibility",
    "remote_ok",
    "mobility",
    "trainings",
    "availability",
    "association",
    "allow_search_engines",
    "created_at",
    "email_confirmed_at",
    "published_at",
    "last_confirmed_at",
]
PRIVATE_FIELDS = [
    "email",
    "phone",
    "consent_listing_at",
    "consent_health",
    "consent_health_at",
    "consent_news",
    "consent_news_at",
    "consent_text_version",
    "charter_read",
    "charter_read_at",
]


PRIVATE_PERMISSION = "directory.view_private_data"


def publish_refusal(profile):
    """Why a moderator may not publish this profile, or None."""
    if profile.email_confirmed_at is None:
        return gettext(
            "%(profile)s : l'adresse électronique n'a jamais été confirmée, le profil ne peut pas être publié."
        ) % {"profile": profile}
    if profile.status == PartnerProfile.Status.PAUSED:
        return gettext(
            "%(profile)s : la personne a mis son profil en pause ; elle seule peut le rendre de nouveau visible."
        ) % {"profile": profile}
    return None


class ProfileAdminForm(WagtailAdminModelForm):
    """The edit form cannot publish what "Approuver et publier" refuses, and
    hides the themes of a profile without health consent from users who may
    not see private data (email and phone go by the panels' permission)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not can_see_private(for_user) and not self.instance.consent_health:
            self.fields.pop("themes", None)

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == PartnerProfile.Status.PUBLISHED and self.instance.status != status:
            current = PartnerProfile.objects.get(pk=self.instance.pk)
            refusal = publish_refusal(current)
            if refusal:
                raise ValidationError(refusal)
        return status


class NoCreatePermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        return False


def yes_no(value):
    return gettext("Oui") if value else gettext("Non")


class YesNoInspectView(InspectView):
    """Booleans read "Oui"/"Non", not "True"/"False"."""

    def get_field_display_value(self, field_name, field=None):
        value = super().get_field_display_value(field_name, field)
        return yes_no(value) if isinstance(value, bool) else value


class PrivateAwareInspectView(YesNoInspectView):
    def get_fields_dict(self):
        fields = [self.get_dict_for_field(name) for name in PUBLIC_FIELDS]
        fields.append({"label": _("Rôles"), "value": ", ".join(self.instance.role_labels()) or "—"})
        private = can_see_private(self.request.user)
        if private or self.instance.consent_health:
            themes = ", ".join(t.name for t in self.instance.themes.all()) or "—"
            fields.append({"label": _("Thèmes"), "value": themes})
        if private:
            fields += [self.get_dict_for_field(name) for name in PRIVATE_FIELDS]
        return fields

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_moderate"] = self.permission_helper.user_can_edit_obj(self.request.user, self.instance)
        context["publish_refusal"] = publish_refusal(self.instance)
        return context


class ProfileEditView(EditView):
    def form_valid(self, form):
        response = super().form_valid(form)
        self.instance.refresh_from_db()
        self.instance.sync_search_index()
        return response


class ProfileDeleteView(DeleteView):
    """Admin deletion goes through the shared scrubbing function: emails,
    orphan themes, search entries and cached pages go with the profile."""

    def delete_instance(self):
        erase_profile(self.instance)


class PartnerProfileAdmin(ModelAdmin):
    model = PartnerProfile
    menu_label = _("Profils")
    menu_icon = "user"
    inspect_view_enabled = True
    inspect_view_class = PrivateAwareInspectView
    edit_view_class = ProfileEditView
    delete_view_class = ProfileDeleteView
    permission_helper_class = NoCreatePermissionHelper
    list_filter = ("status", "roles__role", "department", "created_at")
    search_fields = ("display_name", "presentation", "association")
    list_per_page = 50
    index_template_name = "modeladmin/directory/partnerprofile/index.html"
    inspect_template_name = "modeladmin/directory/partnerprofile/inspect.html"
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("display_name"),
                    FieldPanel("presentation"),
                    FieldPanel("domains"),
                    FieldPanel("themes"),
                    FieldPanel("trainings"),
                    FieldPanel("availability"),
                    FieldPanel("association"),
                ],
                heading=_("Profil public"),
            ),
            ObjectList(
                [
                    FieldPanel("department"),
                    FieldPanel("territory_visibility"),
                    FieldPanel("remote_ok"),
                    FieldPanel("mobility"),
                ],
                heading=_("Territoire"),
            ),
            ObjectList(
                [
                    FieldPanel("status"),
                    FieldPanel("allow_search_engines"),
                    MultiFieldPanel(
                        [
                            FieldPanel("email", permission=PRIVATE_PERMISSION),
                            FieldPanel("phone", permission=PRIVATE_PERMISSION),
                        ],
                        heading=_("Coordonnées privées"),
                    ),
                ],
                heading=_("État et coordonnées"),
            ),
        ],
        base_form_class=ProfileAdminForm,
    )

    def email_confirmed(self, obj):
        if obj.email_confirmed_at is None:
            return gettext("Non confirmée")
        return gettext("Confirmée le %(date)s") % {"date": f"{obj.email_confirmed_at:%d/%m/%Y}"}

    email_confirmed.short_description = _("Adresse")

    def get_list_display(self, request):
        columns = ("display_name", "status", "email_confirmed", "department", "created_at")
        if can_see_private(request.user):
            columns += ("email",)
        return columns

    def get_search_fields(self, request):
        if can_see_private(request.user):
            return self.search_fields + ("email",)
        return self.search_fields

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("roles")

    def get_admin_urls_for_registration(self):
        return super().get_admin_urls_for_registration() + (
            path(
                "directory/partnerprofile/<int:pk>/approuver/",
                moderate_view,
                {"approve": True},
                name="directory_approve",
            ),
            path(
                "directory/partnerprofile/<int:pk>/refuser/", moderate_view, {"approve": False}, name="directory_refuse"
            ),
            path("directory/partnerprofile/export.csv", export_profiles_view, name="directory_export_profiles"),
        )


class ContactRequestAdmin(ModelAdmin):
    model = ContactRequest
    menu_label = _("Demandes de contact")
    menu_icon = "mail"
    inspect_view_enabled = True
    inspect_view_class = YesNoInspectView
    permission_helper_class = NoCreatePermissionHelper
    list_display = ("__str__", "profile", "structure_name", "structure_type", "status", "delivery_status", "created_at")
    list_filter = ("status", "structure_type", "created_at")
    search_fields = ("structure_name", "requester_name")
    inspect_view_fields = [
        "profile",
        "status",
        "created_at",
        "responded_at",
        "requester_name",
        "structure_name",
        "structure_type",
        "requester_email",
        "requester_phone",
        "project",
        "expected_role",
        "dates",
        "place",
        "remote",
        "compensation",
        "spam_reason",
        "delivery_status",
    ]
    index_template_name = "modeladmin/directory/contactrequest/index.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("profile").prefetch_related("outgoing_emails")

    def get_admin_urls_for_registration(self):
        return super().get_admin_urls_for_registration() + (
            path("directory/contactrequest/export.csv", export_requests_view, name="directory_export_requests"),
        )


class DirectoryAdminGroup(ModelAdminGroup):
    menu_label = _("Annuaire")
    menu_icon = "group"
    menu_order = 250
    items = (PartnerProfileAdmin, ContactRequestAdmin)


modeladmin_register(DirectoryAdminGroup)


@hooks.register("register_log_actions")
def register_directory_actions(actions):
    actions.register_action("directory.approve", _("Profil approuvé"), _("Profil approuvé par la modération"))
    actions.register_action("directory.refuse", _("Profil refusé"), _("Profil refusé par la modération"))


def _require(user, perm):
    if not (user.is_active and (user.is_superuser or user.has_perm(perm))):
        raise PermissionDenied


@require_POST
def moderate_view(request, pk, approve):
    _require(request.user, "directory.change_partnerprofile")
    profile = get_object_or_404(PartnerProfile, pk=pk)
    if approve:
        refusal = publish_refusal(profile)
        if refusal:
            messages.error(request, refusal)
            return redirect(reverse("directory_partnerprofile_modeladmin_inspect", args=[pk]))
        profile.publish()
        log(instance=profile, action="directory.approve", user=request.user)
        messages.success(request, gettext("%(profile)s : publié.") % {"profile": profile})
    else:
        profile.set_status(PartnerProfile.Status.REFUSED)
        log(instance=profile, action="directory.refuse", user=request.user)
        messages.success(request, gettext("%(profile)s : refusé.") % {"profile": profile})
    directory = DirectoryPage.objects.live().first()
    manage_url = link_for_email(directory, "manage_link_route", links.make_token("manage", profile.pk))
    emails.moderation_outcome(profile, approve, manage_url)
    return redirect(reverse("directory_partnerprofile_modeladmin_inspect", args=[pk]))


def _csv_response(content, filename):
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def export_profiles_view(request):
    _require(request.user, "directory.view_partnerprofile")
    private = can_see_private(request.user)
    header = ["id", "nom affiché", "état", "rôles", "département", "région", "distance", "association", "créé le"]
    if private:
        header += ["adresse électronique", "téléphone", "consentement santé", "consentement nouvelles"]
    rows = []
    for p in PartnerProfile.objects.prefetch_related("roles").order_by("pk"):
        row = [
            p.pk,
            p.display_name,
            p.get_status_display(),
            ", ".join(p.role_labels()),
            p.department,
            p.region,
            yes_no(p.remote_ok),
            p.association,
            p.created_at.date().isoformat(),
        ]
        if private:
            row += [p.email, p.phone, yes_no(p.consent_health), yes_no(p.consent_news)]
        rows.append(row)
    return _csv_response(to_csv(header, rows), "annuaire-profils.csv")


def export_requests_view(request):
    _require(request.user, "directory.view_contactrequest")
    header = [
        "id",
        "profil",
        "reçue le",
        "état",
        "structure",
        "type",
        "personne",
        "adresse électronique",
        "prise en charge",
    ]
    rows = [
        [
            r.pk,
            str(r.profile) if r.profile_id else "",
            r.created_at.date().isoformat(),
            r.get_status_display(),
            r.structure_name,
            r.get_structure_type_display(),
            r.requester_name,
            r.requester_email,
            r.get_compensation_display(),
        ]
        for r in ContactRequest.objects.select_related("profile").order_by("pk")
    ]
    return _csv_response(to_csv(header, rows), "annuaire-demandes.csv")
