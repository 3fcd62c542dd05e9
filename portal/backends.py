"""Django's model backend, with each user's permissions kept in the shared cache.

Every page a logged-in visitor sees asks whether they may use the admin (the
Wagtail user bar). Django's own backend answers with two queries, one for the
user's own permissions and one for their groups'; together they cost more than a
millisecond and a half of a page's database time, on every page. This backend reads
both in one query, once, and keeps the answer in the shared cache next to a version
of all permissions; a request then costs one round trip to the cache.

Never stale: any change to who has which permission (a user's groups or own
permissions, a group's permissions, a group or permission deleted) starts a new
version, so every app server reads afresh at the next request (`follow_changes`).
A user's superuser flag is part of what is kept, and `is_active` is checked on the
user row, which is read on every request anyway. Everything else, logging in
included, is Django's.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import content_versions

VERSION_KEY = "portal:permissions:version"
KEPT_SECONDS = 24 * 3600


class CachedModelBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = _kept_permissions(user_obj)
        return user_obj._perm_cache


def _kept_permissions(user) -> set[str]:
    """The user's permissions from the shared cache if they were kept under the
    current version, otherwise from the database (and then kept)."""
    key = f"portal:permissions:user:{user.pk}"
    found = cache.get_many([VERSION_KEY, key])
    version = content_versions.current(VERSION_KEY, found)
    kept = found.get(key)
    if kept is not None and kept[:2] == (version, user.is_superuser):
        return kept[2]
    permissions = _read_permissions(user)
    cache.set(key, (version, user.is_superuser, permissions), KEPT_SECONDS)
    return permissions


def _read_permissions(user) -> set[str]:
    """The user's own and their groups' permissions, in one query."""
    permissions = Permission.objects.all()
    if not user.is_superuser:
        permissions = permissions.filter(Q(user=user) | Q(group__user=user))
    pairs = permissions.values_list("content_type__app_label", "codename").distinct()
    return {f"{app_label}.{codename}" for app_label, codename in pairs}


def permissions_changed(**kwargs) -> None:
    """Start a new version of everyone's permissions (content_versions.renew)."""
    content_versions.renew(VERSION_KEY)


def follow_changes() -> None:
    """Connect every change that gives someone other permissions (PortalConfig.ready)."""
    user_model = get_user_model()
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            permissions_changed, sender=through, dispatch_uid=f"permissions-{through.__name__}"
        )
    for model in (Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(
                permissions_changed,
                sender=model,
                dispatch_uid=f"permissions-{model.__name__}-{signal is post_save}",
            )
