"""Formula injection is neutralised in every CSV export: the shared helper,
the barometer's exports and Wagtail's contact-submission export."""

import csv
import io

import pytest
from django.contrib.auth.models import User

from core.csvutils import safe_cell
from home.factories import ContactPageFactory
from home.models import ContactSubmission

DANGEROUS = [
    "=1+1",
    "+33 6",
    "-2",
    "@SUM(A1)",
    "\tx",
    "\r=1",
    ' =HYPERLINK("http://x")',
    "\n=1+1",
    "\r\n@SUM(A1)",
    "  \t -cmd|' /C calc'!A0",
    "\uff1d1+1",
]


@pytest.mark.parametrize("value", DANGEROUS)
def test_safe_cell_neutralises_formulas_even_after_whitespace(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Marie D.", "06 12 34 56 78", "a = b", " texte", "", "3"])
def test_safe_cell_keeps_plain_text(value):
    assert safe_cell(value) == value


def test_safe_cell_none_and_numbers():
    assert safe_cell(None) == ""
    assert safe_cell(4) == "4"


@pytest.mark.django_db
def test_contact_submissions_csv_export_neutralises_formulas(client, site, home_page):
    page = ContactPageFactory(parent=home_page)
    ContactSubmission.objects.create(
        page=page,
        form_data={
            "votre_nom": ' =HYPERLINK("http://evil.example";"Cliquez")',
            "votre_adresse_electronique": "camille@example.org",
            "votre_message": "\n@SUM(1+1)*cmd|' /C calc'!A0",
        },
    )
    client.force_login(User.objects.create_superuser("admin-csv", "admin-csv@example.org", "x"))
    response = client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows) == 2
    cells = dict(zip(rows[0], rows[1], strict=True))
    names = [c for c in cells.values() if "HYPERLINK" in c]
    messages = [c for c in cells.values() if "SUM" in c]
    assert names == ['\' =HYPERLINK("http://evil.example";"Cliquez")']
    assert messages == ["'\n@SUM(1+1)*cmd|' /C calc'!A0"]
    assert "camille@example.org" in cells.values()
