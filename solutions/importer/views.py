"""The curators' CSV import pages: template, upload, preview and commit."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from partners.access import curator_required, is_curator
from solutions.importer import csv_files as importer_csv_files
from solutions.importer import validation as importer_validation
from solutions.importer.forms import CsvUploadForm
from solutions.importer.models import SolutionImport


@curator_required
@require_GET
def import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        importer_csv_files.template_csv(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="modele-solutions.csv"'
    return response


@curator_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            records = importer_csv_files.read_csv(file.read())
        except importer_csv_files.CsvError as error:
            form.add_error("file", str(error))
        else:
            upload = SolutionImport.objects.create(
                created_by=request.user, file_name=file.name[:200], records=records
            )
            return redirect("solutions:import_preview", pk=upload.pk)
    recent = SolutionImport.objects.select_related("created_by").order_by("-created_at")[:10]
    return render(
        request, "solutions/importer/import_upload.html", {"form": form, "recent": recent}
    )


@curator_required
@require_http_methods(["GET", "POST"])
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    upload = get_object_or_404(SolutionImport, pk=pk)
    preview = importer_csv_files.preview(upload.records)
    if request.method == "POST" and upload.committed_at is None and not preview.problems:
        try:
            report = importer_csv_files.commit(upload=upload, by=request.user)
        except importer_validation.CatalogError as error:
            preview.problems = error.problems
        else:
            for line in report.lines():
                messages.success(request, line)
            return redirect("solutions:import_preview", pk=upload.pk)
    return render(
        request,
        "solutions/importer/import_preview.html",
        {"upload": upload, "preview": preview, "is_curator": is_curator(request.user)},
    )
