"""The account area: profile, data download and deleting the account.

Log-in, sign-up, password and e-mail management are django-allauth's views.
"""

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import personal_data
from .forms import DeleteAccountForm, ProfileForm


def admin_login(request):
    """Wagtail's log-in address (where the admin sends visitors) leads to the account
    log-in and from there back into the admin (or to `?next=`). A member without admin
    access who is already logged in goes to their account, where Wagtail's "no access"
    message shows."""
    if request.user.is_authenticated:
        return redirect("account_profile")
    next_url = request.GET.get("next") or reverse("wagtailadmin_home")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url}, safe='/')}")


@login_required
def profile(request):
    return render(request, "portal/account/profile.html", {"account_user": request.user})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("account_profile")
    return render(
        request,
        "portal/account/profile_edit.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
def data_download(request):
    data = {
        "exported_at": timezone.now().isoformat(),
        **personal_data.export_user_data(request.user),
    }
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        personal_data.delete_user(user)
        messages.success(request, _("Your account and your data have been deleted."))
        return redirect("/")
    return render(
        request, "portal/account/delete.html", {"form": form}, status=400 if form.errors else 200
    )
