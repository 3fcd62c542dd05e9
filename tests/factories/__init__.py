"""Factories (factory-boy) that build the test data: one module per app, one way to
make each kind of object. Any keyword overrides a default:
`EventFactory(capacity=1, organisers=[organiser])`."""
