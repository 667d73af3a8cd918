"""Factories of the projects showcase: the index at /projets/, projects with
their themes and partner roles, and proposals sent through the public form."""

import factory

from core.factories import DomainFactory, PageFactory, first_or_create
from home.factories import HomePageFactory
from home.models import HomePage
from projects.models import ProjectIndexPage, ProjectPage, ProjectPartnerRole, ProjectProposal


class ProjectIndexPageFactory(PageFactory):
    parent = first_or_create(HomePage, HomePageFactory)
    title = "Projets accompagnés"
    slug = "projets"
    show_in_menus = True
    intro = "Des projets menés avec des patients partenaires."

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(PageFactory):
    """A project in Toulouse (31) in the "soins" domain unless told;
    `tags=["ETP", …]` and `roles=["pair-aidant", …]`."""

    parent = first_or_create(ProjectIndexPage, ProjectIndexPageFactory)
    title = factory.Sequence(lambda n: f"Projet numéro {n}")
    summary = "Un projet mené avec des patients partenaires."
    domain = factory.SubFactory(DomainFactory, slug="soins", name="Soins")
    structure_name = "Centre hospitalier d'exemple"
    structure_type = "ch"
    department_code = "31"
    town = "Toulouse"
    start_year = 2023
    status = "en-cours"
    engagement_degree = "collaboration"
    engagement_scale = "meso"

    class Meta:
        model = ProjectPage

    @factory.post_generation
    def roles(project, create, extracted, **kwargs):
        if extracted:
            project.partner_roles = [
                ProjectPartnerRole(role=role, sort_order=order) for order, role in enumerate(extracted)
            ]

    @factory.post_generation
    def tags(project, create, extracted, **kwargs):
        if extracted:
            project.tags.set(list(extracted))


class ProjectProposalFactory(factory.django.DjangoModelFactory):
    submitter_name = "Camille (fictive)"
    submitter_email = "camille@example.org"
    title = factory.Sequence(lambda n: f"Projet proposé {n}")
    summary = "Résumé"
    structure_name = "CH"
    structure_type = "ch"
    department_code = "31"
    status = "en-cours"
    engagement_degree = "collaboration"
    engagement_scale = "meso"

    class Meta:
        model = ProjectProposal
