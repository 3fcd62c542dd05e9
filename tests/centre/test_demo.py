"""The centre's demo content: a knowledge broker, her conversations and the year's
targets, loaded once however often the demo runs."""

import pytest

from communities.centre.models import Conversation, Measure, Target
from portal import demo
from portal.demo import centre
from portal.roles import KNOWLEDGE_BROKERS

pytestmark = pytest.mark.django_db


def test_demo_adds_a_broker_her_conversations_and_the_years_targets_once():
    demo.load_accounts()
    demo.load_themes()

    accounts = centre.load()
    centre.load()

    assert accounts == [(centre.BROKER_EMAIL, KNOWLEDGE_BROKERS)]
    conversations = Conversation.objects.all()
    assert conversations.count() == len(centre.CONVERSATIONS)
    assert {conversation.recorded_by.email for conversation in conversations} == {
        centre.BROKER_EMAIL
    }
    assert all(conversation.themes.exists() for conversation in conversations)
    assert set(Target.objects.values_list("measure", flat=True)) == set(Measure.values)
