"""Site-wide settings: what another region changes to reuse the portal."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from core import geo

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def relative_luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(colour_a, colour_b):
    la, lb = sorted((relative_luminance(colour_a), relative_luminance(colour_b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def validate_accessible_colour(value):
    """A brand colour is used for text and buttons on white: it must reach the
    WCAG AA contrast ratio of 4.5:1."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(gettext("Saisissez une couleur au format #RRVVBB, par exemple #1d4f91."))
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < 4.5:
        raise ValidationError(
            gettext(
                "Contraste insuffisant sur fond blanc (%(ratio).1f:1). Il faut au moins 4,5:1 : choisissez une teinte plus foncée."
            )
            % {"ratio": ratio}
        )


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Nom du réseau"), max_length=40)
    url = blocks.URLBlock(label=_("Adresse"))


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    # Identity
    site_name = models.CharField(_("Nom du site"), max_length=80, default="Partenariat en santé")
    organisation_name = models.CharField(
        _("Organisation éditrice"), max_length=120, default="CRIAPS Occitanie — groupe de travail partenariat en santé"
    )
    tagline = models.CharField(
        _("Accroche"),
        max_length=160,
        blank=True,
        default="Patients, proches-aidants et professionnels : agir ensemble pour la santé",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultatif. Sans logo, le nom du site s'affiche seul."),
    )
    favicon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Icône du site (favicon)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Facultatif. Une image carrée d'au moins 180 × 180 pixels, affichée dans l'onglet du navigateur "
            "et sur l'écran d'accueil d'un téléphone. Sans image, le symbole du portail est utilisé."
        ),
    )
    primary_colour = models.CharField(
        _("Couleur principale"),
        max_length=7,
        default="#1d4f91",
        validators=[validate_accessible_colour],
        help_text=_("Titres, liens et boutons. Contraste d'au moins 4,5:1 sur fond blanc (vérifié)."),
    )
    accent_colour = models.CharField(
        _("Couleur d'accent"),
        max_length=7,
        default="#8a3b12",
        validators=[validate_accessible_colour],
        help_text=_("Encadrés et éléments mis en avant. Contraste d'au moins 4,5:1 sur fond blanc (vérifié)."),
    )

    # Territory
    region_code = models.CharField(
        _("Région"),
        max_length=3,
        choices=geo.REGION_CHOICES,
        default="76",
        help_text=_("La région couverte par le portail."),
    )
    department_codes = models.CharField(
        _("Départements affichés"),
        max_length=300,
        blank=True,
        help_text=(
            _(
                "Codes INSEE séparés par des virgules, dans l'ordre des filtres et de la carte. "
                "Vide : tous les départements de la région."
            )
        ),
    )

    # Contact and footer
    contact_email = models.EmailField(
        _("Adresse de contact"),
        default="contact@partenariat-sante.example.org",
        help_text=_("Reçoit les messages du formulaire de contact et les signalements."),
    )
    footer_text = models.TextField(_("Texte du pied de page"), blank=True, max_length=500)
    social_links = StreamField(
        [("link", SocialLinkBlock(label=_("Lien")))], blank=True, use_json_field=True, verbose_name=_("Réseaux sociaux")
    )
    legal_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Données personnelles"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Déclaration d'accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Page de contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("site_name"),
                    FieldPanel("organisation_name"),
                    FieldPanel("tagline"),
                    FieldPanel("logo"),
                    FieldPanel("favicon"),
                    MultiFieldPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")], heading=_("Couleurs")),
                ],
                heading=_("Identité"),
            ),
            ObjectList([FieldPanel("region_code"), FieldPanel("department_codes")], heading=_("Territoire")),
            ObjectList(
                [
                    FieldPanel("contact_email"),
                    FieldPanel("footer_text"),
                    FieldPanel("social_links"),
                    MultiFieldPanel(
                        [
                            FieldPanel("legal_page"),
                            FieldPanel("privacy_page"),
                            FieldPanel("accessibility_page"),
                            FieldPanel("contact_page"),
                        ],
                        heading=_("Pages du pied de page"),
                    ),
                ],
                heading=_("Contact et pied de page"),
            ),
        ]
    )

    select_related = ["logo", "legal_page", "privacy_page", "accessibility_page", "contact_page"]

    class Meta:
        verbose_name = _("Réglages du portail")
        # Moved from the home app: the table keeps its name (core/migrations/0001).
        db_table = "home_portalsettings"

    def clean(self):
        super().clean()
        unknown = [code for code in self.department_code_list() if code not in geo.DEPARTMENTS]
        if unknown:
            raise ValidationError(
                {
                    "department_codes": gettext("Codes de département inconnus : %(codes)s.")
                    % {"codes": ", ".join(unknown)}
                }
            )

    def department_code_list(self):
        return [code.strip().upper() for code in self.department_codes.split(",") if code.strip()]

    @property
    def region_name(self):
        return geo.region_name(self.region_code)

    def departments(self):
        """[(code, name)] of the departments shown in filters and maps."""
        codes = self.department_code_list() or geo.departments_of(self.region_code)
        return [(code, geo.department_name(code)) for code in codes if code in geo.DEPARTMENTS]
