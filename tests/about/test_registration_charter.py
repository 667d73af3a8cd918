"""The directory registration links to "Devenir patient partenaire" and the
charter, and records that the person has read the charter (yes and when)."""

import pytest

from about.factories import PartnerGuidePageFactory
from directory.models import PartnerProfile
from tests.directory.test_registration import EMAIL, registration_data
from tests.utils import plain

pytestmark = pytest.mark.django_db


def test_registration_links_to_the_guide_and_needs_the_charter(client, directory, home_page):
    PartnerGuidePageFactory(parent=home_page)
    page = plain(client.get("/annuaire/inscription/").content)
    assert "Avant de vous inscrire" in page and "/devenir-patient-partenaire/" in page
    response = client.post("/annuaire/inscription/", registration_data(client, charter_read=""))
    assert response.status_code == 400
    assert "Lisez la charte du partenariat" in plain(response.content)
    assert not PartnerProfile.objects.exists()


def test_registration_records_the_charter_reading(client, directory, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/annuaire/inscription/", registration_data(client))
    assert response.status_code == 200
    profile = PartnerProfile.objects.get(email=EMAIL)
    assert profile.charter_read and profile.charter_read_at is not None
