"""Agora settings, read from the environment.

With neither DATABASE_URL nor REDIS_URL set, Agora runs embedded: SQLite and
Celery tasks executed in-process, so one command starts a demo on a fresh
machine. Set both to run on PostgreSQL with a Redis broker and real workers.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from foresight.cache import redis_cache

from .env import env, strict_bool

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# The development key: known to anyone who reads this file, so production settings refuse it.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
DEBUG = strict_bool("DEBUG", default=False)
# benchmarks/room_production.py's ceiling: a do-nothing view and a one-INSERT view (foresight/benchmark_views.py),
# routed only when this is on. Never on in a real deployment.
BENCHMARK_VIEWS = strict_bool("BENCHMARK_VIEWS", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# The address the room's laptops join at (QR code, join URL), e.g. http://192.168.1.20:8000 when the
# server's own host name is not theirs; empty: the address the facilitator's browser used.
JOIN_BASE_URL = env.str("JOIN_BASE_URL", default="")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "template_partials",
    "csp",
    "allauth",
    "allauth.account",
    # Two-factor authentication for people with power (foresight.two_factor): TOTP and recovery codes.
    "allauth.mfa",
    "core",
    "workshops",
    "scenarios",
    "voting",
    "promises",
    "cahiers",
    "demo",
]

MIDDLEWARE = [
    # Outermost: every answer gets the header, static files and HTTPS redirects included.
    "foresight.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "foresight.middleware.FrenchByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After authentication: a facilitator or editor without two-factor, when it is required, enrols first.
    "foresight.middleware.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "foresight.urls"
WSGI_APPLICATION = "foresight.wsgi.application"

# Widgets render through our templates, so templates/django/forms/widgets/attrs.html can turn a field's
# max_length into data-max (counted by static/js/limits.js) instead of maxlength, which cuts a paste silently.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "csp.context_processors.nonce",
            ],
        },
    },
]



def sqlite_for_a_room(database: dict) -> dict:
    """The database settings, with SQLite tuned so that a room of 100 laptops gets no "database is locked".

    WAL lets the 2-second polls read while a post-it is written. A write transaction takes the
    write lock at its BEGIN (IMMEDIATE): a deferred one that read first and then tries to write
    gets SQLITE_BUSY at once, without waiting, when another write got in between. Writes then queue
    behind each other for up to `timeout` seconds (SQLite's busy timeout) instead of failing.
    synchronous=NORMAL is safe in WAL mode (a power cut may lose the last commits, never corrupt
    the file) and spares an fsync per commit. Any other engine (PostgreSQL) is returned unchanged.
    """
    if database.get("ENGINE") != "django.db.backends.sqlite3":
        return database
    options = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
    return {**database, "OPTIONS": {**options, **database.get("OPTIONS", {})}}


DATABASES = {"default": sqlite_for_a_room(env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}
# SQLite has no deferrable unique constraint: the embedded demo goes without the cahier's position
# constraints (PostgreSQL, where every test runs, keeps them). Said once here, not at every command.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    SILENCED_SYSTEM_CHECKS = ["models.W038"]
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: opening one costs ~4 ms against 0.07 ms for a query on an open one, and a
# room polls every 2 s. Off by default (tests, the embedded SQLite); production.py keeps them 60 s.
# A connection the database dropped (restart, failover) is checked before a request reuses it.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=DATABASES["default"].get("CONN_MAX_AGE", 0))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A pool of PostgreSQL connections per process (psycopg's, through Django), DB_POOL_SIZE of them at
# most: for the ASGI server, whose synchronous views each run in a thread of their own (without a
# pool, a connection opened and closed per request; with persistent ones, one left per thread).
# Requests wait for a free connection (up to 10 s, then 503) instead of exhausting the server's.
DB_POOL_SIZE = env.int("DB_POOL_SIZE", default=0)


def pooled(database: dict, size: int) -> dict:
    if not size or database["ENGINE"] != "django.db.backends.postgresql":
        return database
    # Django refuses persistent connections beside a pool: the pool keeps them open.
    pool = {"min_size": 1, "max_size": size, "timeout": 10}
    return {**database, "CONN_MAX_AGE": 0, "OPTIONS": {**database.get("OPTIONS", {}), "pool": pool}}


DATABASES["default"] = pooled(DATABASES["default"], DB_POOL_SIZE)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is both the Celery broker and the cache. Without it, tasks run eagerly
# in the request's process and the cache lives in memory.
REDIS_URL = env.str("REDIS_URL", default="")
# Seconds a call to Redis may wait. Redis answers in well under a millisecond; one that hangs (paused,
# not down) must not hold a 10 ms poll: the cache gives up on it for a few seconds after one timeout
# (foresight/cache.py), the broker's publish gives up after two tries (below).
REDIS_TIMEOUT = env.float("REDIS_TIMEOUT", default=0.5)
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
    # A Redis outage must not lose a post-it: cache errors are logged and read as misses,
    # so board versions fall back to the database (django-redis). Sessions are not in it (below).
    CACHES = {"default": redis_cache(REDIS_URL, timeout=REDIS_TIMEOUT)}
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_TASK_EAGER_PROPAGATES = True
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Without a broker, a cahier export runs in a thread of the web process rather than inside the
# request that asked for it (cahiers.services._dispatch_export): a PDF takes seconds to lay out.
EXPORTS_IN_A_THREAD_WHEN_EAGER = True
# Every 30 s, queue the aggregations that could not be queued when their phase closed, or whose
# worker died (its claim older than AGGREGATION_VISIBILITY_TIMEOUT);
# every hour, forget the write receipts older than their retry window (workshops.idempotency).
CELERY_BEAT_SCHEDULE = {
    "aggregate-pending-phases": {"task": "workshops.tasks.aggregate_pending", "schedule": 30.0},
    "prune-write-receipts": {"task": "workshops.tasks.prune_write_receipts", "schedule": 3600.0},
}
# Publishing a task (closing a phase, asking for a draft or an export) happens in a request: against
# a Redis that hangs, a try waits 2 x REDIS_TIMEOUT and a publish makes two, then the caller's fallback
# applies (an aggregation stays pending for the sweeper); foresight/celery.py gives publishing these
# options. The broker's other connections (the worker's, control's) wait longer than their 1 s
# blocking reads. Without any of these, redis-py waits forever on a hung Redis.
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT * 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_timeout": 5, "socket_connect_timeout": REDIS_TIMEOUT * 2}
BROKER_PUBLISH_TRANSPORT_OPTIONS = {"socket_timeout": REDIS_TIMEOUT * 2, "socket_connect_timeout": REDIS_TIMEOUT * 2}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    # django-allauth's: a username or an e-mail address, and its login rate limits.
    "allauth.account.auth_backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
# Without a ?next=, foresight.accounts.AccountAdapter sends each role to its own page; this is only the fallback.
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Accounts (django-allauth): readers sign up to comment on the cahier; staff accounts are made by an
# administrator. Staff log in with their username, readers with either.
ACCOUNT_ADAPTER = "foresight.accounts.AccountAdapter"
ACCOUNT_FORMS = {"login": "foresight.accounts.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"username", "email"}
# The username is the name shown beside a reader's comments.
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# A reader who signed up confirms their address before signing in (foresight.accounts says why an
# account an administrator made has nothing to confirm).
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Agora] "
# Login throttling, counted in the cache: Redis when REDIS_URL is set, so every process agrees.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    # 10 failures a minute from one address, 5 in 5 minutes on one account.
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# Two-factor authentication (allauth.mfa): an authenticator app (TOTP) and recovery codes, no security
# keys. Facilitators and editors turn it on from the menu ("Two-Factor Authentication", /accounts/2fa/);
# with TWO_FACTOR_REQUIRED_FOR_STAFF=true the administrator requires it of them: until they enrol,
# every page sends them to the enrolment page (foresight.middleware.TwoFactorRequiredMiddleware).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ADAPTER = "foresight.accounts.MFAAdapter"
# The name the authenticator app shows beside the code (else the request's host, e.g. "127.0.0.1:8000").
MFA_TOTP_ISSUER = "Agora"
TWO_FACTOR_REQUIRED_FOR_STAFF = strict_bool("TWO_FACTOR_REQUIRED_FOR_STAFF", default=False)
# The room's rate limits (workshops.limits, django-ratelimit): per participant for their writes, per
# client address for wrong join codes. Counted in the cache: Redis when REDIS_URL is set, so every web
# process agrees. A request over a limit gets 429 with Retry-After; nothing of it is written.
AGORA_RATE_LIMITS = {
    # A brainstorm at full speed is a post-it every few seconds; a script is hundreds a minute.
    "post": env.str("RATE_LIMIT_POST", default="30/m"),
    "plus_one": env.str("RATE_LIMIT_PLUS_ONE", default="60/m"),
    "vote": env.str("RATE_LIMIT_VOTE", default="30/m"),
    "table": env.str("RATE_LIMIT_TABLE", default="10/m"),
    # Wrong codes only: a room behind one address (the venue's NAT) mistypes a few, a guesser thousands.
    "join_code": env.str("RATE_LIMIT_JOIN_CODE", default="60/10m"),
}
# A Redis that does not answer lets writes through rather than refusing the room (workshops.limits).
RATELIMIT_FAIL_OPEN = True
# Behind a reverse proxy, the header that carries the client's address (e.g. HTTP_X_REAL_IP); the
# proxy must set it, or every client shares the proxy's address.
RATELIMIT_IP_META_KEY = env.str("RATELIMIT_IP_META_KEY", default="") or None
# The demo prints its e-mails (the confirmation link) on the console; a server sets an SMTP backend.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="agora@localhost")

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"

# Files the app writes (the cahier's exports). Never served as static files: every download goes
# through a view that asks its rule (an editor's working-text export is not public).
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "media/"

SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
# A stale form gets the site's 403 page in the visitor's language, not Django's bare English one.
CSRF_FAILURE_VIEW = "foresight.views.csrf_failure"

REST_FRAMEWORK = {
    # A personal API token (core.authentication) or the pages' session; a read-only token only reads.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "core.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated", "core.authentication.TokenScope"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "foresight.api.exception_handler",
    "DEFAULT_PARSER_CLASSES": [
        "foresight.api.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Agora API",
    "VERSION": "1.0.0",
    # The schema describes the API, not itself.
    "SERVE_INCLUDE_SCHEMA": False,
    # Request and response bodies apart: a read-only field (an id) is never asked of a client.
    "COMPONENT_SPLIT_REQUEST": True,
}

# Our own scripts and htmx are served from 'self'; no inline script anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# A post-it is short by design: the canvas is a wall, not a document.
CONTRIBUTION_MAX_LENGTH = 500
# Near-duplicate threshold used when a table's post-its are aggregated.
AGGREGATION_SIMILARITY = 0.85
# The largest edition file (cahiers.exchange) an import reads: refused before it is parsed. The
# demo edition's is about 1 MB; a file past this is not an edition, or one to import by command.
EDITION_IMPORT_MAX_BYTES = env.int("EDITION_IMPORT_MAX_BYTES", default=50 * 1024 * 1024)
# Seconds a worker's claim on a phase's aggregation lasts without a heartbeat (it renews it every
# 10 s or so): a worker killed mid-run hands the phase on after this, via the sweeper.
AGGREGATION_VISIBILITY_TIMEOUT = env.int("AGGREGATION_VISIBILITY_TIMEOUT", default=60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs each step of every PDF at INFO, and every CSS property it skips: its warnings are enough.
    "loggers": {"weasyprint": {"level": "WARNING"}},
}

# Sessions live in the database alone. A logout, a password change or a join deletes or replaces the
# row, and that is final: a cached copy (cached_db) could outlive it in a Redis that missed the
# delete while it hung. It costs a poll one primary-key read (README, "Sessions").
SESSION_ENGINE = "django.contrib.sessions.backends.db"
