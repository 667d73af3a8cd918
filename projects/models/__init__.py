from .pages import ProjectIndexPage, ProjectPage, ProjectPageTag, ProjectPartnerRole, ProjectRelatedSheet, ProjectStatus
from .proposals import ProjectProposal

__all__ = [
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPageTag",
    "ProjectPartnerRole",
    "ProjectProposal",
    "ProjectRelatedSheet",
    "ProjectStatus",
]
