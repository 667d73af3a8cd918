"""The tools demo: the barometer's four dimensions, a session answered at two
rounds, the twelve cells of the matrix; idempotent."""

import io

import pytest
from wagtail.models import Page

from tools import demo
from tools.models import BarometerAnswer, BarometerDimension, BarometerSession, EngagementMatrixPage, SelfAssessmentPage

# The demo loads on PostgreSQL in tests/core/test_demo.py and tests/search/test_demo.py; this app's
# checks of it run in the SQLite pass only (CI time).
pytestmark = pytest.mark.sqlite_only


@pytest.mark.django_db
def test_demo_gives_four_dimensions_a_two_round_session_and_a_full_matrix(client, tools_index):
    command = type("Cmd", (), {"stdout": io.StringIO()})()
    demo.load(command)
    assert list(BarometerDimension.objects.values_list("name", flat=True)) == [
        "Co-expression",
        "Co-construction",
        "Co-décision",
        "Co-mise en œuvre",
    ]
    assert all(d.criteria.count() >= 3 for d in BarometerDimension.objects.all())
    session = BarometerSession.objects.get(token=demo.DEMO_SESSION_TOKEN)
    assert set(session.answers.values_list("round", flat=True)) == {0, 1}
    criterion_count = sum(d.criteria.count() for d in BarometerDimension.objects.all())
    assert all(len(a.scores) == criterion_count for a in session.answers.all())
    barometer = SelfAssessmentPage.objects.get()
    html = client.get(barometer.url).content.decode()
    session_url = f"/fiches-outils/barometre/session/{session.token}/"
    assert f'href="{session_url}"' in html
    assert f"session d'exemple : {session_url}" in command.stdout.getvalue()
    session_html = client.get(session_url).content.decode()
    assert "L’évolution d’un temps à l’autre" in session_html
    matrix = EngagementMatrixPage.objects.get()
    for name in demo.MATRIX:
        assert getattr(matrix, name)
    assert client.get(matrix.url).status_code == 200
    # Idempotent: a second run creates nothing.
    counts = (Page.objects.count(), BarometerAnswer.objects.count(), BarometerSession.objects.count())
    demo.load(command)
    assert counts == (Page.objects.count(), BarometerAnswer.objects.count(), BarometerSession.objects.count())


@pytest.mark.django_db
def test_demo_answers_have_unguessable_codes_even_after_an_old_demo(tools_index):
    command = type("Cmd", (), {"stdout": io.StringIO()})()
    demo.load(command)
    session = BarometerSession.objects.get(token=demo.DEMO_SESSION_TOKEN)
    tokens = list(session.answers.values_list("token", flat=True))
    assert len(tokens) >= 2 and len(set(tokens)) == len(tokens)
    assert not [t for t in tokens if t.startswith(session.token) or len(t) < 32]
    # A portal loaded by an older demo had codes made of the session's code.
    old = session.answers.first()
    BarometerAnswer.objects.filter(pk=old.pk).update(token=f"{session.token}-t0-pro-1")
    demo.load(command)
    assert not session.answers.filter(token__startswith=session.token).exists()
    assert session.answers.count() == len(tokens)
