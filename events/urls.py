"""Public addresses of the agenda, included at the site root from portal/urls.py."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("agenda/bevestigen/<str:signed>/", views.confirm, name="confirm"),
    path("agenda/afmelden/<str:signed>/", views.cancel, name="cancel"),
    path("agenda/<slug:slug>.ics", views.event_ics, name="ics"),
    path("agenda/<slug:slug>/", views.event_detail, name="detail"),
    path("certificaat/", views.certificate_check, name="certificate_check"),
    path("account/aanmeldingen/", views.my_registrations, name="my_registrations"),
    path(
        "account/aanmeldingen/<int:pk>/afmelden/",
        views.my_registration_cancel,
        name="my_registration_cancel",
    ),
    path(
        "account/certificaten/<int:pk>/",
        views.certificate_download,
        name="certificate_download",
    ),
]
