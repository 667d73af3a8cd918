"""Controlled vocabularies shared by several apps.

These are fixed lists that the portal's logic depends on (the engagement
matrix crosses scales and degrees; the directory and projects share partner
roles). Editable taxonomies (tool-sheet categories, project domains) are
snippets in their own apps instead.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EngagementScale(models.TextChoices):
    """Level at which patients engage (the "niveaux" of engagement)."""

    MICRO = "micro", _("Micro : ses propres soins")
    MESO = "meso", _("Méso : services et organisations")
    MACRO = "macro", _("Macro : politiques de santé")


class EngagementDegree(models.TextChoices):
    """Degree of engagement along the continuum."""

    INFORMATION = "information", _("Information")
    CONSULTATION = "consultation", _("Consultation")
    COLLABORATION = "collaboration", _("Collaboration")
    PARTENARIAT = "partenariat", _("Partenariat")


class PartnerRole(models.TextChoices):
    """Roles a patient partner can hold (directory and projects)."""

    PATIENT_RESSOURCE = "patient-ressource", _("Patient ressource")
    PAIR_AIDANT = "pair-aidant", "Pair-aidant"
    PATIENT_FORMATEUR = "patient-formateur", _("Patient formateur / intervenant en ETP")
    PATIENT_CHERCHEUR = "patient-chercheur", _("Patient chercheur")
    PATIENT_COACH = "patient-coach", _("Patient coach")
    REPRESENTANT_USAGERS = "representant-usagers", _("Représentant des usagers")
    MEMBRE_ASSOCIATION = "membre-association", _("Membre d'association")
    PROCHE_AIDANT = "proche-aidant", _("Proche-aidant partenaire")


# The lexicon term that defines each directory role (slugs of resources.LexiconTerm), and the
# directory role each role-like lexicon term leads to: one vocabulary for the lexicon, the
# directory and the projects (tests/resources/test_role_vocabulary.py).
ROLE_LEXICON_TERMS = {
    PartnerRole.PATIENT_RESSOURCE: "patient-ressource",
    PartnerRole.PAIR_AIDANT: "pair-aidance",
    PartnerRole.PATIENT_FORMATEUR: "patient-formateur",
    PartnerRole.PATIENT_CHERCHEUR: "patient-chercheur",
    PartnerRole.PATIENT_COACH: "patient-coach",
    PartnerRole.REPRESENTANT_USAGERS: "representant-des-usagers",
    PartnerRole.MEMBRE_ASSOCIATION: "membre-dassociation",
    PartnerRole.PROCHE_AIDANT: "proche-aidant",
}
LEXICON_ROLE_TERMS = {
    **{slug: role for role, slug in ROLE_LEXICON_TERMS.items()},
    # Other names of a role: a person who uses them registers under this role.
    "patient-expert": PartnerRole.PATIENT_FORMATEUR,
    "patient-accompagnateur": PartnerRole.PAIR_AIDANT,
    "mediateur-de-sante-pair": PartnerRole.PAIR_AIDANT,
}


class Audience(models.TextChoices):
    """Who a resource is written for."""

    PATIENTS = "patients", _("Patients et proches-aidants")
    PROFESSIONNELS = "professionnels", _("Professionnels")
    DIRECTIONS = "directions", _("Directions et structures")
    REPRESENTANTS = "representants", _("Représentants des usagers")


class StructureType(models.TextChoices):
    CHU = "chu", "CHU"
    CH = "ch", _("Centre hospitalier")
    CLINIQUE = "clinique", _("Clinique")
    ESMS = "esms", _("ESMS (établissement médico-social)")
    CPTS = "cpts", "CPTS"
    DAC = "dac", "DAC"
    MSP = "msp", _("Maison de santé (MSP)")
    ASSOCIATION = "association", _("Association")
    FORMATION = "formation", _("Université / institut de formation")
    RECHERCHE = "recherche", _("Équipe de recherche")
    AUTRE = "autre", _("Autre")
