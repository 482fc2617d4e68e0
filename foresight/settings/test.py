"""Tests: the same settings, faster hashing; DATABASE_URL/REDIS_URL decide the services."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .env import env

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LANGUAGE_CODE = "fr"

# Tasks run in-process unless a test asks for the real worker (tests/celery_worker.py switches this off).
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
# Eager exports run in the request, so that a test sees them done when it commits.
EXPORTS_IN_A_THREAD_WHEN_EAGER = False

# The exports a test writes go to a directory of their own, the same for the real worker's process
# (it loads these settings too), never into the checkout's media/.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=Path(tempfile.gettempdir()) / "agora-test-media")
