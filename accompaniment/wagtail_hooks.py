from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from accompaniment.admin_forms import ApplicationReviewForm, ApplicationStatusForm
from accompaniment.models import Application, ApplicationReview


class ApplicationViewSet(ModelViewSet):
    """Applications to the calls. They hold the contact person's name and
    address: only groups with the model's view permission (the working group,
    the co-pilots, the administrators) see them. Nobody adds one here (they
    come from the public form); the edit form moves the status only."""

    model = Application
    icon = "form"
    menu_label = _("Candidatures")
    list_display = ["__str__", "structure_name", "call", "status", "created_at"]
    list_filter = ["status", "call", "is_spam"]
    search_fields = ["project_title", "structure_name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "call",
        "status",
        "structure_name",
        "structure_type",
        "department_code",
        "project_title",
        "summary",
        "domain",
        "engagement_degree",
        "engagement_scale",
        "team_summary",
        "needs",
        "contact_name",
        "contact_email",
        "consent_at",
        "created_at",
        "decided_at",
        "is_spam",
        "project_page",
        "reviews_summary",
    ]

    def get_form_class(self, for_update=False):
        return ApplicationStatusForm


class ApplicationReviewViewSet(ModelViewSet):
    """One opinion per co-pilot and application (the person is the one
    logged in; the form refuses the applicant and a second opinion)."""

    model = ApplicationReview
    icon = "comment"
    menu_label = _("Avis des co-pilotes")
    list_display = ["__str__", "reviewer", "opinion", "created_at"]
    list_filter = ["opinion"]
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return ApplicationReviewForm


class AccompanimentGroup(ViewSetGroup):
    menu_label = _("Appels à projets")
    menu_icon = "form"
    menu_order = 320
    items = (ApplicationViewSet("applications"), ApplicationReviewViewSet("application_reviews"))


@hooks.register("register_admin_viewset")
def register_accompaniment_viewsets():
    return AccompanimentGroup()
