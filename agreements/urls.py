from django.urls import path

from agreements import plan_views, statistics_views, views

app_name = "agreements"

# Full paths: the project includes this module at the root. An agreement belongs to one dialogue
# about a need, so it lives under the dialogue's address.
AGREEMENT = "behov/<int:pk>/dialog/<int:interest_pk>/avtale/"

# Where a body's members keep its agreements and plans, next to its other self-service pages.
PLANS = "min-side/offentlig/<slug:slug>/planer/"

urlpatterns = [
    path(AGREEMENT, views.agreement_detail, name="detail"),
    path(AGREEMENT + "ny/", views.agreement_create, name="create"),
    path(AGREEMENT + "rediger/", views.agreement_edit, name="edit"),
    path(AGREEMENT + "bekreft/", views.agreement_confirm, name="confirm"),
    path(AGREEMENT + "effektplan/", views.plan_edit, name="plan-edit"),
    path(AGREEMENT + "indikatorer/", views.indicator_add, name="indicator-add"),
    path(AGREEMENT + "indikatorer/<int:indicator_pk>/malinger/", views.measurement_add, name="measurement-add"),
    path(AGREEMENT + "eksempel/", views.case_propose, name="case-propose"),
    path("min-side/oppfolging/<int:pk>/", views.follow_up_answer, name="follow-up"),
    path("planer/", plan_views.plan_list, name="plan-list"),
    path("statistikk/", statistics_views.statistics_page, name="statistics"),
    path("statistikk/tall.csv", statistics_views.statistics_csv, name="statistics-csv"),
    path(PLANS, plan_views.plans_manage, name="plans-manage"),
    path(PLANS + "<str:kind>/ny/", plan_views.plan_item_edit, name="plan-item-create"),
    path(PLANS + "<str:kind>/<int:pk>/rediger/", plan_views.plan_item_edit, name="plan-item-edit"),
    path(PLANS + "<str:kind>/<int:pk>/slett/", plan_views.plan_item_delete, name="plan-item-delete"),
]
