from .pages import (
    ProjectIndexPage,
    ProjectPage,
    ProjectPageTag,
    ProjectPartnerRole,
    ProjectProvenance,
    ProjectRelatedSheet,
    ProjectStatus,
)
from .proposals import ProjectProposal

__all__ = [
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPageTag",
    "ProjectPartnerRole",
    "ProjectProvenance",
    "ProjectProposal",
    "ProjectRelatedSheet",
    "ProjectStatus",
]
