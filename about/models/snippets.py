"""The people behind the portal, as snippets editors keep up to date: the
co-piloting pair and the members and contributors of the working group. A
row marked as a placeholder says so on the public page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

PLACEHOLDER_HELP = _(
    "Cochez tant que le nom est un exemple (contenu de démonstration) : la page l'affiche alors comme "
    "« exemple à remplacer ». Décochez quand le vrai nom est saisi, avec l'accord de la personne."
)


class CoPilot(models.Model):
    """One half of the co-piloting pair: a patient side and a professional side."""

    class Side(models.TextChoices):
        PATIENT = "patient", _("Côté usagers (patient, proche-aidant ou représentant des usagers)")
        PROFESSIONAL = "professionnel", _("Côté professionnels")

    name = models.CharField(_("Nom"), max_length=120, help_text=_("Prénom et nom, tels que la personne les accepte."))
    side = models.CharField(_("Côté du binôme"), max_length=15, choices=Side.choices)
    function = models.CharField(
        _("Fonction"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : « patiente partenaire, membre d'une association » ou « cadre de santé »."),
    )
    is_placeholder = models.BooleanField(_("Exemple à remplacer"), default=False, help_text=PLACEHOLDER_HELP)
    sort_order = models.PositiveSmallIntegerField(_("Ordre"), default=0)

    panels = [FieldPanel("name"), FieldPanel("side"), FieldPanel("function"), FieldPanel("is_placeholder")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("co-pilote")
        verbose_name_plural = _("co-pilotes")

    def __str__(self):
        return self.name


class Contributor(models.Model):
    """A member or contributor of the working group: a person or a structure."""

    class College(models.TextChoices):
        USERS = "usagers", _("Patients, proches-aidants et représentants des usagers")
        PROFESSIONALS = "professionnels", _("Professionnels de santé et du médico-social")
        STRUCTURES = "structures", _("Structures et institutions")

    name = models.CharField(_("Nom"), max_length=160)
    college = models.CharField(_("Collège"), max_length=15, choices=College.choices)
    description = models.CharField(
        _("Précision"), max_length=200, blank=True, help_text=_("Fonction, association ou rôle dans le groupe.")
    )
    is_placeholder = models.BooleanField(_("Exemple à remplacer"), default=False, help_text=PLACEHOLDER_HELP)
    sort_order = models.PositiveSmallIntegerField(_("Ordre"), default=0)

    panels = [FieldPanel("name"), FieldPanel("college"), FieldPanel("description"), FieldPanel("is_placeholder")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("membre ou contributeur")
        verbose_name_plural = _("membres et contributeurs")

    def __str__(self):
        return self.name
