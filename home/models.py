from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.antiabuse import (
    HONEYPOT_FIELD,
    TIMESTAMP_FIELD,
    AntiAbuseFormMixin,
    rate_limit_exceeded,
    render_rate_limited,
)
from core.blocks import BaseStreamBlock
from core.emails import render_email
from core.forms import SingleLineFormBuilder
from core.models.mixins import IntroMixin, NoIndexMixin
from core.models.outbox import queue_email
from core.models.settings import PortalSettings
from core.permissions import handles_contact
from search.text import searchable_text


class ContinuumStageBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Étape"), max_length=40, help_text=_("Par exemple : « Avec le patient »."))
    model_name = blocks.CharBlock(label=_("Modèle"), max_length=60, help_text=_("Par exemple : partenariat."))
    text = blocks.TextBlock(label=_("Explication"), max_length=300)


class PillarBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=80)
    text = blocks.TextBlock(label=_("Texte"), max_length=300)
    page = blocks.PageChooserBlock(label=_("Page"))
    link_label = blocks.CharBlock(label=_("Texte du lien"), max_length=80, help_text=_("Dites où mène le lien."))


class HomePage(IntroMixin, Page):
    """The portal's front door: what partnership is, and the three pillars."""

    hero_title = models.CharField(_("Titre d'accroche"), max_length=160)
    continuum_title = models.CharField(
        _("Titre du continuum"), max_length=160, default="Du soin « pour » le patient au soin « avec » le patient"
    )
    continuum = StreamField(
        [("stage", ContinuumStageBlock(label=_("Étape")))],
        blank=True,
        use_json_field=True,
        verbose_name=_("Continuum"),
        help_text=_("Les étapes, dans l'ordre, du soin centré sur la maladie au partenariat."),
    )
    pillars = StreamField(
        [("pillar", PillarBlock(label=_("Pilier")))],
        blank=True,
        use_json_field=True,
        verbose_name=_("Les piliers du portail"),
    )
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Contenu"))

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("continuum_title"), FieldPanel("continuum")], heading=_("Continuum de l'engagement")
        ),
        FieldPanel("pillars"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("search_text"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    def serve(self, request, *args, **kwargs):
        # « À venir et ouvert »: events start and end, calls open and close.
        from agenda.models.pages import limit_cache_to_the_agenda

        limit_cache_to_the_agenda(request)
        return super().serve(request, *args, **kwargs)

    class Meta:
        verbose_name = _("page d'accueil")

    def search_text(self):
        return searchable_text(self.title, self.hero_title, self.intro, self.body)

    def latest_items(self, limit=6, news=2):
        """Latest published content pages (not the section indexes), the
        `news` newest news items always among them (a burst of other pages
        must not hide the news)."""
        from news.models import NewsPage

        pages = list(
            Page.objects.live()
            .public()
            .descendant_of(self)
            .filter(depth__gte=self.depth + 2)
            .exclude(last_published_at=None)
            .order_by("-last_published_at")
            .specific()[:limit]
        )
        shown = {page.pk for page in pages}
        newest = NewsPage.objects.live().public().descendant_of(self).order_by("-date", "-pk")[:news]
        missing = [item for item in newest if item.pk not in shown]
        return pages[: limit - len(missing)] + missing

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_items"] = self.latest_items()
        return context


class StandardPage(NoIndexMixin, IntroMixin, Page):
    """A page of text built from the shared block library (about, legal…)."""

    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True, verbose_name=_("Contenu"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    promote_panels = NoIndexMixin.promote_panels
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("search_text"),
    ]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")

    def search_text(self):
        return searchable_text(self.title, self.intro, self.body)


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactSubmission(AbstractFormSubmission):
    is_spam = models.BooleanField(_("Indésirable"), default=False)

    class Meta:
        verbose_name = _("message de contact")
        verbose_name_plural = _("messages de contact")


class ContactSubmissionsPanel(FormSubmissionsPanel):
    """The count of and link to the submissions, shown only to the people
    who may read them (core.permissions.handles_contact)."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return handles_contact(self.request.user) and super().is_shown()


class ContactPage(IntroMixin, AbstractEmailForm):
    """The contact form, built with Wagtail's form builder. Submissions are
    stored first, then emailed to the site's contact address (through the
    outbox, so an SMTP failure loses nothing)."""

    thank_you_text = RichTextField(_("Message de remerciement"), blank=True, features=["bold", "italic", "link"])

    content_panels = AbstractEmailForm.content_panels + [
        ContactSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Champs du formulaire")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Courriel"),
            help_text=_("Sans destinataire, les messages vont à l'adresse de contact des réglages du portail."),
        ),
    ]

    max_count = 1
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("search_text")]
    form_builder = SingleLineFormBuilder

    def get_submissions_list_view_class(self):
        from .views import SafeSubmissionsListView

        return SafeSubmissionsListView

    class Meta:
        verbose_name = _("page de contact")

    def search_text(self):
        return searchable_text(self.title, self.intro)

    def get_submission_class(self):
        return ContactSubmission

    def get_form_class(self):
        base = super().get_form_class()
        return type("ContactForm", (AntiAbuseFormMixin, base), {})

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for field in form.fields.values():
            field.widget.attrs.pop("placeholder", None)
        return form

    def process_form_submission(self, form):
        submission = self.get_submission_class().objects.create(
            form_data=self._storable(form),
            page=self,
            is_spam=form.is_spam,
        )
        if not form.is_spam:
            self.send_mail(form)
        return submission

    @staticmethod
    def _storable(form):
        return {
            name: value for name, value in form.cleaned_data.items() if name not in (HONEYPOT_FIELD, TIMESTAMP_FIELD)
        }

    def send_mail(self, form):
        to = self.to_address or PortalSettings.for_site(self.get_site()).contact_email
        fields = [
            (field.label, str(form.cleaned_data.get(name, "")))
            for name, field in form.fields.items()
            if name in self._storable(form)
        ]
        subject, body = render_email("home/emails/contact_form", {"subject": self.subject, "fields": fields})
        queue_email(to=to, subject=subject, body=body, purpose="contact-form")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_valid():
                email = next((v for v in form.cleaned_data.values() if isinstance(v, str) and "@" in v), None)
                if rate_limit_exceeded(request, "contact-page", email=email):
                    context = self.get_context(request)
                    context["form"] = form
                    return render_rate_limited(request, self.get_template(request), context)
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=400)
        return super().serve(request, *args, **kwargs)
