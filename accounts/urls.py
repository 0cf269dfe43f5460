from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("konto/registrer/", views.signup, name="signup"),
    path("konto/registrer/sendt/", views.signup_done, name="signup-done"),
    path("konto/bekreft/<str:token>/", views.confirm, name="confirm"),
    path("konto/ny-bekreftelse/", views.confirm_resend, name="confirm-resend"),
    path("konto/ny-bekreftelse/sendt/", views.confirm_resent, name="confirm-resent"),
    path("konto/logg-inn/", views.login_view, name="login"),
    path("konto/logg-ut/", views.logout_view, name="logout"),
    path("konto/passord/", views.password_change, name="password-change"),
    path("konto/glemt-passord/", views.password_reset, name="password-reset"),
    path("konto/glemt-passord/sendt/", views.password_reset_sent, name="password-reset-sent"),
    path("konto/glemt-passord/ferdig/", views.password_reset_complete, name="password-reset-complete"),
    path("konto/glemt-passord/<uidb64>/<token>/", views.password_reset_confirm, name="password-reset-confirm"),
    path("konto/mine-data/", views.my_data, name="my-data"),
    path("konto/slett/", views.delete_account, name="delete"),
    path("min-side/", views.dashboard, name="dashboard"),
]
