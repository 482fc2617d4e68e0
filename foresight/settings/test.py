"""Tests: the same settings, faster hashing; DATABASE_URL/REDIS_URL decide the services."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LANGUAGE_CODE = "fr"
