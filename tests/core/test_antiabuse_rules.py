"""The anti-abuse rules one by one, at their boundaries (written from the
mutants mutmut left alive in core/antiabuse.py: docs/mutation-testing.md)."""

import time

import pytest
from django import forms
from django.core.cache import caches
from django.template import engines
from django.test import RequestFactory, override_settings

from core.antiabuse import (
    HONEYPOT_FIELD,
    TIMESTAMP_FIELD,
    TOKEN_MAX_AGE,
    AntiAbuseFormMixin,
    count_links,
    current_window,
    make_fill_token,
    rate_limit_exceeded,
    read_fill_token,
    render_rate_limited,
    seconds_until_next_window,
)


class MessageForm(AntiAbuseFormMixin):
    message = forms.CharField(required=False)


def submit(started=None, honeypot="", message="Bonjour", token=None):
    data = {
        "message": message,
        HONEYPOT_FIELD: honeypot,
        TIMESTAMP_FIELD: make_fill_token(started) if token is None else token,
    }
    form = MessageForm(data)
    return form, form.is_valid()


@pytest.fixture(autouse=True)
def empty_counters():
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


def test_an_honest_submission_is_valid_and_not_spam():
    form, valid = submit(started=time.time() - 60)
    assert valid and not form.is_spam and form.spam_reason == ""


def test_a_filled_honeypot_is_spam():
    form, valid = submit(started=time.time() - 60, honeypot="https://example.org")
    assert valid and form.is_spam and form.spam_reason == "honeypot"


@pytest.mark.parametrize("kind", ["empty", "unreadable", "forged"])
def test_a_missing_or_forged_token_is_spam(kind):
    token = {"empty": "", "unreadable": "pas-un-jeton", "forged": make_fill_token(time.time()) + "x"}[kind]
    form, valid = submit(token=token)
    assert valid and form.is_spam and form.spam_reason == "timestamp"


def test_a_token_older_than_a_day_is_spam(monkeypatch):
    stale = time.time() - TOKEN_MAX_AGE - 120
    with monkeypatch.context() as patch:  # signed a day ago: max_age reads the signature's own time
        patch.setattr(time, "time", lambda: stale)
        token = make_fill_token(stale)
    form, _valid = submit(token=token)
    assert form.is_spam and form.spam_reason == "timestamp"


@override_settings(PORTAL_FORM_MIN_SECONDS=3)
def test_too_fast_is_spam_and_just_enough_is_not():
    form, _valid = submit(started=time.time() - 1)
    assert form.is_spam and form.spam_reason == "too-fast"
    form, _valid = submit(started=time.time() - 3.5)
    assert not form.is_spam


def test_a_token_serves_one_valid_submission_only():
    token = make_fill_token(time.time() - 60)
    first, _ = submit(token=token)
    second, _ = submit(token=token)
    assert not first.is_spam
    assert second.is_spam and second.spam_reason == "token-reused"


def test_a_form_with_errors_keeps_its_token_usable():
    token = make_fill_token(time.time() - 60)
    rejected, valid = submit(token=token, message="http://a.example http://b.example http://c.example www.d.example")
    assert not valid
    accepted, valid = submit(token=token)
    assert valid and not accepted.is_spam


def test_count_links_counts_every_spelling():
    assert count_links("voir http://a.example, HTTPS://b.example et WWW.c.example") == 3
    assert count_links("aucun lien, juste un point.") == 0


def test_three_links_pass_and_a_fourth_is_refused_in_french():
    three = "http://a.example https://b.example www.c.example"
    _form, valid = submit(started=time.time() - 60, message=three)
    assert valid
    form, valid = submit(started=time.time() - 60, message=three + " www.d.example")
    assert not valid
    assert form.errors["message"] == ["Ce champ contient trop de liens (au plus 3). Retirez-en quelques-uns."]


def visitor(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


@override_settings(PORTAL_RATE_LIMIT_PER_HOUR=2)
def test_the_limit_is_reached_at_the_next_hit_not_before():
    assert [rate_limit_exceeded(visitor("192.0.2.1"), "essai") for _ in range(3)] == [False, False, True]


@override_settings(PORTAL_RATE_LIMIT_PER_HOUR=2)
def test_one_address_from_many_visitors_is_limited_by_the_email_alone():
    hits = [rate_limit_exceeded(visitor(f"192.0.2.{n}"), "essai", email="Meme@Example.org") for n in range(1, 4)]
    assert hits == [False, False, True]
    # The email bucket ignores case: the same person is not a new one in capitals.
    assert rate_limit_exceeded(visitor("192.0.2.9"), "essai", email="meme@example.org")


@override_settings(PORTAL_RATE_LIMIT_PER_HOUR=2)
def test_one_visitor_with_many_emails_is_limited_by_the_address_alone():
    hits = [rate_limit_exceeded(visitor("192.0.2.7"), "essai", email=f"p{n}@example.org") for n in range(3)]
    assert hits == [False, False, True]


@override_settings(PORTAL_RATE_LIMIT_PER_HOUR=1)
def test_scopes_do_not_share_counters():
    assert not rate_limit_exceeded(visitor("192.0.2.5"), "contact")
    assert not rate_limit_exceeded(visitor("192.0.2.5"), "inscription")


def test_the_429_answer_keeps_the_form_and_says_when_to_retry(rf):
    request = rf.post("/")
    response = render_rate_limited(request, "includes/form_errors.html", {"form": MessageForm({"message": "gardé"})})
    assert response.status_code == 429
    window_end = current_window()[1]
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert abs(time.time() + int(response["Retry-After"]) - window_end) <= 2  # when the counters reset
    assert response.context_data["rate_limited"] is True
    assert response.context_data["form"].data["message"] == "gardé"


def test_the_form_keeps_what_django_forms_are_given():
    form = MessageForm(initial={"message": "déjà écrit"}, prefix="contact")
    assert form.initial["message"] == "déjà écrit"
    assert form.prefix == "contact"


def test_the_honeypot_is_labelled_and_kept_out_of_autofill_and_of_the_tab_order():
    html = str(MessageForm()[HONEYPOT_FIELD])
    assert 'autocomplete="off"' in html and 'tabindex="-1"' in html
    assert MessageForm()[HONEYPOT_FIELD].label == "Ne remplissez pas ce champ"
    assert not MessageForm().fields[HONEYPOT_FIELD].required


def test_checking_a_form_twice_uses_its_token_once():
    form, valid = submit(started=time.time() - 60)
    assert valid and form.is_valid()
    assert not form.is_spam


def test_a_used_token_is_remembered_as_long_as_it_could_be_replayed():
    form, _valid = submit(started=time.time() - 60)
    cache = caches["ratelimit"]
    ((key, expires_at),) = [(k, v) for k, v in cache._expire_info.items() if "used-token" in k]
    assert TOKEN_MAX_AGE <= expires_at - time.time() <= TOKEN_MAX_AGE + 61
    assert not form.is_spam and key


def test_a_form_shown_again_carries_a_fresh_token_with_the_same_start():
    started = time.time() - 60
    form, _valid = submit(started=started)
    fresh = form.data[TIMESTAMP_FIELD]
    assert abs(read_fill_token(fresh)[0] - started) < 1  # the time the form was first shown
    again = MessageForm(form.data)
    assert again.is_valid() and not again.is_spam


def test_a_window_ends_at_the_next_full_hour():
    assert current_window(7200.5) == (2, 10800)
    assert current_window(10799.9) == (2, 10800)


@pytest.mark.django_db
def test_the_429_page_is_rendered_with_the_request_so_its_form_keeps_a_csrf_token(rf):
    request = rf.post("/")
    template = engines["django"].from_string("{% csrf_token %}")
    response = render_rate_limited(request, template, {}).render()
    assert b"csrfmiddlewaretoken" in response.content


def test_retry_after_counts_down_to_the_end_of_the_window():
    assert seconds_until_next_window(7200.0) == 3600
    assert seconds_until_next_window(10799.2) == 1
    assert seconds_until_next_window(10000.0) == 800
