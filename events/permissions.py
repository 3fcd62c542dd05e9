"""Who sees which events in the admin: editors and superusers see every event,
organisers only the events they organise (and so only those registrations)."""

from django.http import Http404

from portal.roles import EDITORS

from .models import Event


def sees_all_events(user) -> bool:
    if user.is_superuser:
        return True
    if not hasattr(user, "_sees_all_events"):
        user._sees_all_events = user.groups.filter(name=EDITORS).exists()
    return user._sees_all_events


def events_for(user):
    if (
        not user.is_authenticated
        or not user.has_perm("events.view_event")
        and not (user.has_perm("events.change_event"))
    ):
        return Event.objects.none()
    if sees_all_events(user):
        return Event.objects.all()
    return Event.objects.filter(organisers=user)


def event_for(user, pk) -> Event:
    """One event the user may manage; 404 for any other (its existence stays hidden)."""
    try:
        return events_for(user).get(pk=pk)
    except (Event.DoesNotExist, ValueError):
        raise Http404 from None
