"""Admin view of the contact page's submissions."""

import csv

from wagtail.admin.views.mixins import Echo
from wagtail.contrib.forms.views import SubmissionsListView

from core.csvutils import safe_cell


class SafeSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions list whose CSV export neutralises formulas in
    every cell, headings (labels typed by editors) included. Wagtail does it
    for its XLSX export only."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            value = safe_cell(value)
        return value

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield writer.writerow({field: safe_cell(self.get_heading(queryset, field)) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))
