from wagtail import hooks

from core.permissions import handles_contact


@hooks.register("filter_form_submissions_for_user")
def only_contact_handlers_read_submissions(user, editable_forms):
    """Wagtail lets whoever may change a form page read and export its
    submissions; here only administrators and the "Contact" group do (the
    group changes the contact page only, see editorial.roles)."""
    if handles_contact(user):
        return editable_forms
    return editable_forms.none()
