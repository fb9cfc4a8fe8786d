from django.http import HttpRequest


def querystring_without_page(request: HttpRequest) -> str:
    """The current query string without `page`, for pagination links that keep the filters."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
