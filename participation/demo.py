"""Demo content of the calls for participation: the page at
/appels-a-participation/, fictional calls (open, closed, "pourvu", one
waiting for moderation), a few answers and alert subscribers.

The texts are in demo/participation/calls.toml (docs/demo-content.md).
Idempotent: a call is identified by its title, an answer by its address and
call, a subscriber by its address. No email is sent."""

from datetime import timedelta

from django.utils import timezone

from core.demo import upsert_page
from core.demo.data import read
from core.models import Domain
from directory.roles import ensure_moderation_group
from home.demo import get_home

from .models import Answer, Call, CallDepartment, ParticipationPage, Subscription

DATA_FILE = "participation/calls.toml"


def _call(data, now):
    fields = {k: v for k, v in data.items() if k not in ("departments", "domain", "deadline_days", "status")}
    status = data["status"]
    closed = status in (Call.Status.FILLED, Call.Status.CLOSED)
    call = Call.objects.create(
        **fields,
        domain=Domain.objects.filter(slug=data.get("domain", "")).first(),
        deadline=timezone.localdate() + timedelta(days=data["deadline_days"]),
        status=status,
        email_confirmed_at=now - timedelta(days=20),
        published_at=None if status == Call.Status.SUBMITTED else now - timedelta(days=15),
        closed_at=now - timedelta(days=3) if closed else None,
    )
    CallDepartment.objects.bulk_create([CallDepartment(call=call, code=code) for code in data["departments"]])
    call.sync_search_index()
    return call


def load(command=None):
    ensure_moderation_group()  # the directory's moderators moderate the calls
    home = get_home()
    if home is None:
        return
    data = read(DATA_FILE)
    upsert_page(home, ParticipationPage, data["page"], DATA_FILE)
    now = timezone.now()
    calls = []
    created = 0
    for entry in data["calls"]:
        call = Call.objects.filter(title=entry["title"]).first()
        if call is None:
            call = _call(entry, now)
            created += 1
        calls.append(call)
    for entry in data["answers"]:
        call = calls[entry["call"]]
        if Answer.objects.filter(call=call, email=entry["email"]).exists():
            continue
        forwarded = now - timedelta(days=10)
        reply = entry.get("reply_days")
        Answer.objects.create(
            call=call,
            name=entry["name"],
            email=entry["email"],
            message=entry["message"],
            status=entry["status"],
            forwarded_at=forwarded,
            responded_at=forwarded + timedelta(days=reply) if reply is not None else None,
        )
    for entry in data["subscribers"]:
        Subscription.objects.get_or_create(
            email=entry["email"],
            defaults={
                "roles": entry["roles"],
                "departments": entry["departments"],
                "frequency": entry["frequency"],
                "confirmed_at": now,
            },
        )
    if command is not None and created:
        command.stdout.write(f"Appels à participation : {created} appels fictifs créés.")
