# syntax=docker/dockerfile:1.7
# Multi-stage build: one Rasa-runtime image (Python 3.10, model trained at build time) and one
# app image (Python 3.11) used for both the api and the action server. Build targets:
#   docker build --target rasa -t welkom-rasa .
#   docker build --target app  -t welkom-app .
# docker-compose.yml wires them with Redis.

# ---------------------------------------------------------------------------------------------
# Rasa runtime: rasa 3.6.21 pins TensorFlow 2.12, pydantic 1 and sanic 21, and refuses 3.11+.
FROM python:3.10.13-slim-bookworm AS rasa-deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
COPY requirements/rasa.lock /tmp/rasa.lock
RUN python -m venv /opt/rasa \
 && /opt/rasa/bin/pip install --require-hashes --no-deps -r /tmp/rasa.lock

FROM rasa-deps AS rasa-model
# Rasa puts the working directory on sys.path: bot/components/ is importable from bot/.
WORKDIR /build/bot
COPY bot/ ./
ENV RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3
RUN /opt/rasa/bin/rasa train --config config.yml --domain domain --data data \
      --out /build/models --fixed-model-name welkom

FROM python:3.10.13-slim-bookworm AS rasa
ENV PYTHONDONTWRITEBYTECODE=1 RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 \
    SQLALCHEMY_SILENCE_UBER_WARNING=1 PATH=/opt/rasa/bin:$PATH
RUN useradd --create-home --uid 10001 welkom
COPY --from=rasa-deps /opt/rasa /opt/rasa
WORKDIR /app
COPY bot/endpoints.yml bot/credentials.yml ./
COPY bot/components/ components/
COPY --from=rasa-model /build/models/welkom.tar.gz models/welkom.tar.gz
RUN chown -R welkom /app
USER welkom
EXPOSE 5005
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5005/', timeout=4)"
# WELKOM_RASA_TOKEN protects the HTTP api (model status for /ready); endpoints.yml reads the
# WELKOM_REDIS_* and WELKOM_ACTION_ENDPOINT variables.
CMD ["sh", "-c", "exec rasa run --model models/welkom.tar.gz --endpoints endpoints.yml --credentials credentials.yml --enable-api --auth-token \"$WELKOM_RASA_TOKEN\" --interface 0.0.0.0 --port 5005"]

# ---------------------------------------------------------------------------------------------
# App runtime: api (FastAPI) and action server (rasa-sdk), Python 3.11.
FROM python:3.11.7-slim-bookworm AS app-deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
COPY requirements/app.lock /tmp/app.lock
RUN python -m venv /opt/app \
 && /opt/app/bin/pip install --require-hashes --no-deps -r /tmp/app.lock

FROM python:3.11.7-slim-bookworm AS app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/app/bin:$PATH PYTHONPATH=/app \
    WELKOM_HOST=0.0.0.0 WELKOM_PORT=8000 WELKOM_ENVIRONMENT=production
RUN useradd --create-home --uid 10001 welkom
COPY --from=app-deps /opt/app /opt/app
WORKDIR /app
COPY api/ api/
COPY actions/ actions/
COPY knowledge/ knowledge/
COPY locales/ locales/
COPY runner/ runner/
# Compiling validates every catalog (the api reads the .po files, to know which are fuzzy).
RUN python -c "from runner.catalogs import compile_catalogs; compile_catalogs()"
USER welkom
EXPOSE 8000 5055
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen(os.environ.get('WELKOM_HEALTH_URL', 'http://127.0.0.1:8000/health'), timeout=4)"
# The api by default; the action server with: python -m actions.server --host 0.0.0.0 --port 5055
CMD ["python", "-m", "api"]
