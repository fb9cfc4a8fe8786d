from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .models import Domain


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "challenges/home.html", {"domains": Domain.objects.all()})
