from django.http import HttpRequest

from . import access


def portal(request: HttpRequest) -> dict:
    """Navigation facts every page needs: roles and the unread notification count (one query)."""
    user = request.user
    if not user.is_authenticated:
        return {"is_curator": False, "unread_count": 0}
    return {
        "is_curator": access.is_curator(user),
        "is_city_staff": bool(access.city_organizations(user)),
        "is_innovator": bool(access.innovator_organizations(user)),
        "unread_count": user.notifications.filter(read_at=None).count(),
    }
