"""The one shape of an error a rule module raises (after pretix's OrderError).

A rule module (events.registration, communities.membership) keeps its sentences in
one module-level `error_messages` dict, code -> English msgid (gettext_lazy), and
raises its own subclass of RuleError with a code from that dict. Callers decide by
`error.code` (or by a subclass the rule module offers) and show `error.message`,
which is translated only when shown, so in the language of whoever reads it.
"""


class RuleError(Exception):
    """A step a rule refuses. `code` names the rule; `params` fill its sentence."""

    error_messages: dict = {}  # set by each subclass to its module's dict

    def __init__(self, code, **params):
        if code not in self.error_messages:
            raise KeyError(f"{type(self).__name__} has no message for {code!r}")
        super().__init__(code)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        text = self.error_messages[self.code]
        return text % self.params if self.params else str(text)

    def __str__(self):
        return self.message
