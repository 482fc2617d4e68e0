"""Production: everything secure by default; secrets must come from the environment."""

from .base import *  # noqa: F403
from .base import DEVELOPMENT_SECRET_KEY
from .env import env, strict_bool, strong_secret_key

# Django signs sessions' cookies, password reset links and CSRF tokens with it: never the development key.
SECRET_KEY = strong_secret_key(env.str("SECRET_KEY"), refused=DEVELOPMENT_SECRET_KEY)
# Each gunicorn worker and Celery worker keeps its PostgreSQL connection for a minute instead of
# reconnecting per request (measured: changed polls 71 -> 126/s, posts 37 -> 73/s on 2 cores).
# Keep (web workers + Celery concurrency) x processes under PostgreSQL's max_connections, or put
# pgbouncer in front (README, "Performance"). DB_CONN_MAX_AGE=0 turns it off.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
DATABASES["default"] = pooled(DATABASES["default"], DB_POOL_SIZE)  # noqa: F405 (base's)
DEBUG = False
SECURE_SSL_REDIRECT = strict_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Readers confirm their e-mail address and reset their password by e-mail: a server sends it by SMTP.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = strict_bool("EMAIL_USE_TLS", default=False)
