from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from agenda.models import Registration


class RegistrationViewSet(ModelViewSet):
    """Registrations to events: names and addresses (personal data), for
    the users with the model's view permission only; never public. Editors
    may change a registration's state (a cancellation by phone)."""

    model = Registration
    icon = "date"
    menu_label = _("Inscriptions aux événements")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["name", "email", "structure", "event", "status", "created_at"]
    list_filter = ["status", "event", "is_spam"]
    search_fields = ["name", "email", "structure"]
    inspect_view_enabled = True
    form_fields = ["status"]


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("agenda_registrations")
