"""Public addresses of the toolkit, included at the site root from portal/urls.py.

The index and the tools are Wagtail pages under /toolkit/; a tool's counted link is a
reserved sub-path of it, so it comes before Wagtail's catch-all. The view finds the
tool by its slug (every tool is a child of the one toolkit), so the links keep working
if editors rename the toolkit's page.
"""

from django.urls import path

from . import views

app_name = "toolkit"

urlpatterns = [path("toolkit/<slug:slug>/gebruik/", views.use, name="use")]
