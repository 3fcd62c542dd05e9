from django.urls import path

from . import views

app_name = "initiatives"

urlpatterns = [
    path("kaart/", views.initiative_map, name="map"),
    path("kaart/initiatieven.geojson", views.initiatives_geojson, name="geojson"),
    path("kaart/aanmelden/", views.submit, name="submit"),
    path("kaart/aanmelden/bedankt/", views.submitted, name="submitted"),
    path("kaart/<slug:slug>/", views.initiative_detail, name="detail"),
]
