"""Admin forms of the review: the status of an application, one opinion per
reviewer. Both check the rule in accompaniment.review before saving."""

from django import forms
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminModelForm

from accompaniment.models import Application, ApplicationReview, ApplicationStatus
from accompaniment.models.applications import TRANSITIONS
from accompaniment.review import change_status, review_refusal, transition_refusal


class ApplicationStatusForm(WagtailAdminModelForm):
    class Meta:
        model = Application
        fields = ["status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = ApplicationStatus(self.instance.status)
        allowed = [current, *TRANSITIONS[current]]
        self.fields["status"].choices = [(status.value, status.label) for status in allowed]
        self.fields["status"].help_text = gettext(
            "Reçue → recevable ou irrecevable → retenue ou non retenue. La décision demande deux avis "
            "concordants, un de chaque groupe de co-pilotes ; elle est envoyée à l'équipe candidate avec les "
            "messages des relecteurs."
        )

    def clean_status(self):
        status = self.cleaned_data["status"]
        original = Application.objects.get(pk=self.instance.pk)
        reason = transition_refusal(original, status)
        if reason:
            raise forms.ValidationError(reason)
        return status

    def save(self, commit=True):
        application = Application.objects.get(pk=self.instance.pk)
        change_status(application, self.cleaned_data["status"])
        self.instance.refresh_from_db()
        return self.instance


class ApplicationReviewForm(WagtailAdminModelForm):
    class Meta:
        model = ApplicationReview
        fields = ["application", "opinion", "comment", "public_message"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = Application.objects.filter(
            is_spam=False, status=ApplicationStatus.ELIGIBLE, personal_data_erased_at=None
        ).select_related("call")
        if self.instance.pk:
            self.fields["application"].disabled = True

    def clean(self):
        cleaned = super().clean()
        application = cleaned.get("application")
        if application is not None and self.for_user is not None:
            if self.instance.pk and self.instance.reviewer_id != self.for_user.pk:
                raise forms.ValidationError(gettext("Seule la personne qui a donné cet avis peut le modifier."))
            if not self.instance.pk:
                reason = review_refusal(application, self.for_user)
                if reason:
                    raise forms.ValidationError(reason)
            elif application.is_decided:
                raise forms.ValidationError(gettext("Cette candidature est close : plus d'avis possible."))
        return cleaned

    def save(self, commit=True):
        if not self.instance.pk:
            self.instance.reviewer = self.for_user
        return super().save(commit=commit)
