"""The drill of `make cluster` (issue #16): the portal as several machines would run
it, on this one, and what happens when parts of it die.

scripts/cluster.sh prepares (HAProxy and wrk from Debian's packages, PostgreSQL, the
bench database filled, Redis answering) and runs `manage.py cluster_drill`, which
starts the cluster (`cluster.py`: HAProxy, two gunicorn app servers, two task
workers, an SMTP server that counts) and runs the checks (`drill.py`) with HTTP
visitors that each come from an address of their own (`load.py`).
"""
