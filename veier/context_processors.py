"""Values every page needs: who runs the portal, for the footer."""

from django.conf import settings


def operator(request) -> dict:
    return {
        "operator": {
            "name": settings.OPERATOR_NAME,
            "email": settings.OPERATOR_EMAIL,
            "phone": settings.OPERATOR_PHONE,
            "address": settings.OPERATOR_ADDRESS,
            "url": settings.OPERATOR_URL,
        }
    }
