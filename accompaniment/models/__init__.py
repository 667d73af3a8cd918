from .applications import Application, ApplicationReview, ApplicationStatus, Opinion, TeamMember
from .pages import CallForProjectsIndexPage, CallForProjectsPage

__all__ = [
    "Application",
    "ApplicationReview",
    "ApplicationStatus",
    "CallForProjectsIndexPage",
    "CallForProjectsPage",
    "Opinion",
    "TeamMember",
]
