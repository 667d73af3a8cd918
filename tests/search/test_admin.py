"""Editors see the popular searches on the admin dashboard."""

import pytest
from wagtail.contrib.search_promotions.models import Query


@pytest.mark.django_db
def test_dashboard_lists_popular_searches(client, django_user_model, home_page):
    admin = django_user_model.objects.create_superuser("admin-recherche", "admin@example.org", "x")
    client.force_login(admin)
    assert "Aucune recherche enregistrée" in client.get("/admin/").content.decode()
    for _ in range(3):
        Query.get("pair aidance").add_hit()
    Query.get("charte").add_hit()
    html = client.get("/admin/").content.decode()
    assert "Recherches fréquentes (30 derniers jours)" in html
    assert html.index("pair aidance") < html.index("charte")
    assert 'href="/recherche/?q=pair+aidance"' in html
