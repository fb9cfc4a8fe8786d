from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from partners.access import is_curator


class IsCurator(BasePermission):
    """IVÉO curators only (with a token or a session); anybody else gets 401 or 403."""

    message = _("Réservé aux curateurs d'IVÉO.")

    def has_permission(self, request, view) -> bool:
        return is_curator(request.user)
