"""Editable document templates (.odt) that editors can replace."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel


class DocumentKind(models.TextChoices):
    CHARTER = "charte_structure", _("Charte à signer par une structure")
    PROJECT = "fiche_projet", _("Fiche projet")
    MISSION = "lettre_mission", _("Lettre de mission d'un patient partenaire")
    COMPENSATION = "note_defraiement", _("Note de défraiement")


PLACEHOLDER_HELP = _(
    "Champs disponibles, à écrire d'un seul tenant dans le document : {{ title }}, {{ summary }}, "
    "{{ structure }}, {{ place }}, {{ period }}, {{ engagement }}, {{ page_url }}, {{ charter_url }}, "
    "{{ version }}, {{ today }}, {{ site_name }} ; pour la charte, une boucle "
    "{% for principle in principles %}{{ principle.number }} {{ principle.title }}{% endfor %}. "
    "Sans fichier, le modèle intégré au portail est utilisé."
)


class DocumentTemplate(models.Model):
    """The replaceable .odt of one kind of document (one row per kind)."""

    kind = models.CharField(_("Document"), max_length=20, choices=DocumentKind.choices, unique=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Modèle OpenDocument (.odt)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Remplace le modèle intégré. Laissez vide pour revenir au modèle du portail."),
    )
    description = models.CharField(_("Note pour la rédaction"), max_length=300, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("document"),
        FieldPanel("description"),
        HelpPanel(content=PLACEHOLDER_HELP),
    ]

    class Meta:
        ordering = ["kind"]
        verbose_name = _("modèle de document")
        verbose_name_plural = _("modèles de documents")

    def __str__(self):
        return self.get_kind_display()

    def template_bytes(self):
        if self.document is None:
            return None
        with self.document.file.open("rb") as handle:
            return handle.read()

    def clean(self):
        super().clean()
        if self.document is None:
            return
        from resources import odt
        from resources.documents import sample_context

        if not self.document.file.name.lower().endswith(".odt"):
            raise ValidationError({"document": _("Le modèle doit être un fichier OpenDocument texte (.odt).")})
        try:
            odt.render_odt(self.template_bytes(), sample_context(self.kind))
        except (odt.OdtRenderError, OSError, KeyError) as error:
            raise ValidationError(
                {"document": _("Ce modèle ne peut pas être rempli : %(error)s") % {"error": error}}
            ) from error
