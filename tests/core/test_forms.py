"""Every single-line text field of a public form is a SingleLineCharField
(it refuses CR/LF), including the fields built from model fields and by
Wagtail's form builder."""

import pytest
from django import forms

from core.antiabuse import HONEYPOT_FIELD
from core.forms import SingleLineCharField
from directory.forms import ContactForm, ManageRequestForm, ProfileFieldsForm, RegistrationForm, ReportForm
from home.factories import ContactPageFactory
from projects.forms import ProjectProposalForm
from tools.forms import JoinForm, SessionForm


def single_line_text_fields(form):
    for name, field in form.fields.items():
        if name == HONEYPOT_FIELD:
            continue
        if type(field) in (forms.CharField, SingleLineCharField) and not isinstance(
            field.widget, (forms.Textarea, forms.HiddenInput)
        ):
            yield name, field


@pytest.mark.django_db
@pytest.mark.parametrize(
    "form_class",
    [ContactForm, ProfileFieldsForm, RegistrationForm, ManageRequestForm, ReportForm, JoinForm, SessionForm],
)
def test_public_form_single_line_fields_refuse_line_breaks(form_class):
    form = form_class()
    for name, field in single_line_text_fields(form):
        assert isinstance(field, SingleLineCharField), f"{form_class.__name__}.{name}"


@pytest.mark.django_db
def test_project_proposal_and_contact_page_fields_refuse_line_breaks(site, home_page):
    checked = []
    page = ContactPageFactory(parent=home_page)
    for form in (ProjectProposalForm(), page.get_form(page=page, user=None)):
        for name, field in single_line_text_fields(form):
            assert isinstance(field, SingleLineCharField), name
            checked.append(name)
    assert {"title", "summary", "structure_name", "votre_nom"} <= set(checked)


@pytest.mark.parametrize("value", ["a\nb", "a\rb", "a\x0bb", "a\u2028b", "a\x85b"])
def test_single_line_field_messages(value):
    field = SingleLineCharField()
    with pytest.raises(forms.ValidationError) as raised:
        field.clean(value)
    assert raised.value.code == "line_break"
    assert field.clean("  une seule ligne\n") == "une seule ligne"
