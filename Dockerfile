# The Agora image, for web (gunicorn), stream (uvicorn) and worker (celery) alike; see docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app

WORKDIR /app

# What WeasyPrint (the cahier's PDF) needs from Debian: Pango, HarfBuzz's subsetter and serif fonts.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
       fonts-dejavu-core fonts-liberation \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, from pyproject.toml alone (the project installs no package of
# its own), so that a code change does not reinstall them.
COPY pyproject.toml ./
RUN pip install '.[server]'

COPY . .

# Static files are collected into the image and served by WhiteNoise. The key is random and only
# for this build step (production settings refuse a weak one): the running container gets
# SECRET_KEY from its environment.
RUN DJANGO_SETTINGS_MODULE=foresight.settings.production \
    SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
    python manage.py collectstatic --noinput

RUN useradd --system --no-create-home --uid 10001 agora \
    && mkdir -p /var/lib/agora/media && chown agora /var/lib/agora/media
USER agora

EXPOSE 8000
CMD ["gunicorn", "foresight.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
