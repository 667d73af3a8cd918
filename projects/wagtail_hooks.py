from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from projects.models import ProjectProposal


class ProjectProposalViewSet(ModelViewSet):
    """Proposals received through the public form. They hold the submitter's
    name and address (personal data): only users with the model's view
    permission (editors) see them. Each non-spam proposal links to its draft."""

    model = ProjectProposal
    icon = "form"
    menu_label = _("Propositions de projets")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["title", "structure_name", "department_code", "is_spam", "created_at"]
    list_filter = ["is_spam", "domain"]
    search_fields = ["title", "structure_name"]
    inspect_view_enabled = True
    form_fields = ["is_spam", "draft_page"]


@hooks.register("register_admin_viewset")
def register_proposal_viewset():
    return ProjectProposalViewSet("project_proposals")
