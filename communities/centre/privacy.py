"""What the conversation log holds about a person (AVG/GDPR), for the data download
and for deleting the account.

The download lists the conversations the person took part in with their account:
date, organisations, initiatives, themes, what they led to, and the note. The note is
included on purpose: the right of access covers what staff wrote down about a
conversation someone took part in, so the form tells staff that participants can read
it. Left out is what is about other people: the free-text "with" (it names the
others in the conversation) and who recorded it.

Deleting the account takes the person out of their conversations and blanks the
"with" text where it names them; the conversation itself stays, it is the centre's
record of its work.
"""

from django.db import transaction

from .models import Conversation


def export(user):
    conversations = (
        Conversation.objects.filter(participants=user)
        .select_related("led_to_leerkring", "led_to_event")
        .prefetch_related("initiatives", "themes")
        .order_by("date", "pk")
    )
    return [
        {
            "date": conversation.date.isoformat(),
            "organisations": conversation.organisations,
            "initiatives": [initiative.title for initiative in conversation.initiatives.all()],
            "themes": [theme.name for theme in conversation.themes.all()],
            "led_to_leerkring": str(conversation.led_to_leerkring or ""),
            "led_to_event": str(conversation.led_to_event or ""),
            "note": conversation.note,
        }
        for conversation in conversations
    ]


@transaction.atomic
def erase(user):
    conversations = Conversation.objects.filter(participants=user)
    if user.full_name:
        conversations.filter(with_whom__icontains=user.full_name).update(with_whom="")
    user.conversations.clear()
