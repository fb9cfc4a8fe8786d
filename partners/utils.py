"""Small helpers the views of every app share: query strings, stored files, service errors."""

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest


def querystring_without_page(request: HttpRequest) -> str:
    """The current query string without `page`, for pagination links that keep the filters."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def serve_file(file, *, name: str, content_type: str) -> FileResponse:
    """A stored file, shown in the browser for images and PDF, downloaded otherwise."""
    try:
        handle = file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    inline = content_type == "application/pdf" or content_type.startswith("image/")
    response = FileResponse(
        handle, as_attachment=not inline, filename=name, content_type=content_type
    )
    response["Cache-Control"] = "private, max-age=0, no-store"
    return response


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def form_error_text(form) -> str:
    """A bound form's errors as one sentence, for a message on the page the form came from."""
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def posted_data(request: HttpRequest):
    """The POST data on a POST (even an empty one, so that the form is bound), else None."""
    return request.POST if request.method == "POST" else None


def add_errors(form, error: ValidationError) -> None:
    """A service's refusal on the form: on its field when the form has it, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)
