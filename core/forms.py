"""Form fields shared by the public forms.

`SingleLineCharField` is the one class for every single-line text field of a
public form: it refuses line breaks (CR, LF and the other separators Python
splits lines on), so that nobody can forge lines in an email built from the
field or break a notification subject. Model forms get it for their plain
`CharField`s through `single_line_formfield` (set as `formfield_callback` in
their `Meta`); Wagtail's form builder through `SingleLineFormBuilder`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

# The characters str.splitlines() treats as line boundaries.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def has_line_break(value):
    return any(char in value for char in LINE_BREAKS)


class SingleLineCharField(forms.CharField):
    default_error_messages = {
        "line_break": _("Ce champ tient sur une seule ligne\u202f: retirez les retours à la ligne."),
    }

    def validate(self, value):
        super().validate(value)
        if value and has_line_break(value):
            raise ValidationError(self.error_messages["line_break"], code="line_break")


def single_line_formfield(db_field, **kwargs):
    """`formfield_callback` for public model forms: a model field that would
    become a plain single-line `forms.CharField` becomes a `SingleLineCharField`."""
    field = db_field.formfield(**kwargs)
    if type(field) is forms.CharField and not isinstance(field.widget, forms.Textarea):
        field = db_field.formfield(**{**kwargs, "form_class": SingleLineCharField})
    return field


class SingleLineFormBuilder(FormBuilder):
    """Wagtail's form builder, with single-line fields that refuse line breaks."""

    def create_singleline_field(self, field, options):
        options["max_length"] = 255
        return SingleLineCharField(**options)
