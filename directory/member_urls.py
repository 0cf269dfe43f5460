from django.urls import path

from directory import contact_views
from directory import member_views as views

app_name = "members"

ENTREPRENEUR = "min-side/virksomhet/<slug:slug>/"
BODY = "min-side/offentlig/<slug:slug>/"

urlpatterns = [
    path("min-side/virksomhet/registrer/", views.entrepreneur_register, name="entrepreneur-register"),
    path(ENTREPRENEUR, views.entrepreneur_detail, name="entrepreneur-detail"),
    path(ENTREPRENEUR + "rediger/", views.entrepreneur_edit, name="entrepreneur-edit"),
    path(ENTREPRENEUR + "send-til-godkjenning/", views.entrepreneur_submit, name="entrepreneur-submit"),
    path(ENTREPRENEUR + "bli-med/", views.entrepreneur_join, name="entrepreneur-join"),
    path(ENTREPRENEUR + "gjor-krav/", contact_views.entrepreneur_claim, name="entrepreneur-claim"),
    path(
        ENTREPRENEUR + "enhetsregisteret/",
        views.entrepreneur_register_proposal,
        name="entrepreneur-register-proposal",
    ),
    path(ENTREPRENEUR + "medlemmer/", views.entrepreneur_members, name="entrepreneur-members"),
    path(ENTREPRENEUR + "tilbud/ny/", views.offer_create, name="offer-create"),
    path(ENTREPRENEUR + "tilbud/<int:pk>/rediger/", views.offer_edit, name="offer-edit"),
    path(ENTREPRENEUR + "tilbud/<int:pk>/publiser/", views.offer_publish, name="offer-publish"),
    path(ENTREPRENEUR + "tilbud/<int:pk>/avpubliser/", views.offer_unpublish, name="offer-unpublish"),
    path(ENTREPRENEUR + "tilbud/<int:pk>/slett/", views.offer_delete, name="offer-delete"),
    path("min-side/offentlig/bli-med/", views.body_join, name="body-join"),
    path(BODY, views.body_detail, name="body-detail"),
    path(BODY + "rediger/", views.body_edit, name="body-edit"),
    path(BODY + "kontaktpersoner/ny/", views.contact_create, name="contact-create"),
    path(BODY + "kontaktpersoner/<int:pk>/rediger/", views.contact_edit, name="contact-edit"),
    path(BODY + "kontaktpersoner/<int:pk>/slett/", views.contact_delete, name="contact-delete"),
]
