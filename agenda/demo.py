"""Demo content of the agenda: the agenda page and four fictional events (a
past regional day with its slides, an upcoming webinar, a full training
session with a waiting list, a community of practice meeting).

The texts are in demo/agenda/agenda.toml (docs/demo-content.md). Dates are
counted from the day the demo is first loaded and then kept, like the
fictional registrations and the slides document (created once).
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from agenda.models import EventAudience, EventIndexPage, EventPage, Registration, RegistrationStatus
from core.demo import upsert_page
from core.demo.data import model_fields, read
from core.demo_utils import upsert_child
from home.demo import get_home

WHERE = "agenda/agenda.toml"


def pdf_bytes(text):
    """A one-page PDF showing `text` (ASCII): a stand-in for real slides."""
    content = f"BT /F1 18 Tf 40 500 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def ensure_slides(title, text, slug):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(f"{slug}.pdf", ContentFile(pdf_bytes(text)), save=False)
        document.save()
    return document


def at(days, hhmm):
    day = timezone.localdate() + datetime.timedelta(days=days)
    hour, minute = (int(part) for part in hhmm.split(":"))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def ensure_registrations(event, confirmed, waiting):
    """Fictional registrations, created once (addresses at example.org)."""
    if Registration.objects.filter(event=event).exists():
        return
    for n in range(confirmed + waiting):
        Registration.objects.create(
            event=event,
            name=f"Participant fictif {n + 1}",
            email=f"participant-fictif-{event.pk}-{n + 1}@example.org",
            structure="Structure fictive",
            status=RegistrationStatus.CONFIRMED if n < confirmed else RegistrationStatus.WAITING,
        )


def ensure_event(index, data):
    data = dict(data)
    slug = data.pop("slug")
    where = f"{WHERE}[{slug}]"
    days, start_time, end_time = data.pop("in_days"), data.pop("start_time"), data.pop("end_time")
    audiences = data.pop("audiences", [])
    confirmed, waiting = data.pop("demo_confirmed", 0), data.pop("demo_waiting", 0)
    slides = (data.pop("slides_title", None), data.pop("slides_text", None))
    fields = model_fields(EventPage, data, where)
    existing = EventPage.objects.child_of(index).filter(slug=slug).first()
    if existing is None:  # dates are set once, then kept
        fields["start"], fields["end"] = at(days, start_time), at(days, end_time)
    if slides[0]:
        document = ensure_slides(slides[0], slides[1], slug)
        fields["documents"] = [("document", {"document": document, "title": "", "description": ""})]
    page, _created = upsert_child(index, EventPage, slug, **fields)
    if [a.audience for a in page.audiences.all()] != audiences:
        page.audiences = [EventAudience(audience=a, sort_order=i) for i, a in enumerate(audiences)]
        page.save_revision().publish()
    ensure_registrations(page, confirmed, waiting)
    return page


def load(command):
    data = read(WHERE)
    events = data.pop("events")
    index, _ = upsert_page(get_home(), EventIndexPage, data, WHERE)
    for event in events:
        ensure_event(index, event)
