"""The newsletter (issue #7): subscribers with double opt-in, issues composed as
Wagtail pages, and sending in batches by the task worker.

- `models`: subscribers with their consent record, the issue pages, mailings and
  one delivery row per recipient.
- `consent`: the versioned consent texts people agree to.
- `subscriptions`: the rules of signing up, confirming, changing and unsubscribing.
- `links`: the signed links in the e-mails.
- `sending`: the mailing itself, safe against a worker that dies half-way.
"""
