"""Tests: the same settings, faster hashing; DATABASE_URL/REDIS_URL decide the services."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LANGUAGE_CODE = "fr"

# Tasks run in-process unless a test asks for the real worker (tests/celery_worker.py switches this off).
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
