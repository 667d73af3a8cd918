"""Error pages: French, styled, and free of internal details."""

import pytest
from django.test import Client, override_settings
from django.urls import path


def boom(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [path("boom/", boom)]
handler500 = "core.views.server_error"


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_page_is_french_and_hides_the_exception():
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Une erreur est survenue" in html
    assert '<html lang="fr">' in html
    assert "secret internal detail" not in html
    assert "Traceback" not in html


@pytest.mark.django_db
def test_healthz_checks_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
