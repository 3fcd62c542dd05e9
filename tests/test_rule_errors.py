"""Every refusal a rule module raises has its sentence, in Dutch, in one place: the
module's `error_messages` (the shape is portal.errors.RuleError)."""

import ast
import inspect

import pytest
from django.utils import translation

from communities import membership
from communities.newsletter import sending
from events import certificates, registration

RULE_MODULES = [registration, membership, sending, certificates]


def raised_codes(module):
    """The codes the module's source raises: the first argument of every call of an
    ...Error class, and what a subclass passes to its parent's __init__."""
    codes = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        called = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
        first = node.args[0]
        if (called.endswith("Error") or called == "__init__") and isinstance(first, ast.Constant):
            codes.add(first.value)
    return codes


@pytest.mark.parametrize("module", RULE_MODULES, ids=lambda module: module.__name__)
def test_every_code_a_rule_raises_has_a_message_and_every_message_is_used(module):
    assert raised_codes(module) == set(module.error_messages)


@pytest.mark.parametrize("module", RULE_MODULES, ids=lambda module: module.__name__)
def test_every_message_reads_in_dutch(module):
    for code, text in module.error_messages.items():
        with translation.override("en"):
            english = str(text)
        with translation.override("nl"):
            assert str(text) != english, f"{module.__name__}: {code} has no Dutch translation"


def test_the_message_is_in_the_language_of_whoever_reads_it():
    with translation.override("en"):
        error = membership.MembershipError(
            "status_changed", status=membership.MembershipStatus.LEFT.label
        )
    with translation.override("nl"):
        assert str(error) == "Dit kan niet meer: de status is nu ‘Gestopt’."
    with translation.override("en"):
        assert error.message == "This is no longer possible: the status is now “Left”."


def test_a_code_without_a_message_fails_where_it_is_raised():
    with pytest.raises(KeyError):
        registration.RegistrationError("no_such_rule")
