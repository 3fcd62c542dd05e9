"""Public addresses of the leerkringen, included at the site root from portal/urls.py."""

from django.urls import path

from . import views

app_name = "communities"

urlpatterns = [
    path("leerkringen/", views.leerkring_list, name="list"),
    path("leerkringen/<slug:slug>/", views.leerkring_detail, name="detail"),
    path("leerkringen/<slug:slug>/aanmelden/", views.signup, name="signup"),
    path("leerkringen/<slug:slug>/opzeggen/", views.leave, name="leave"),
    path("account/leerkringen/", views.my_leerkringen, name="mine"),
]
