# agenda-bot: `docker build -t agenda-bot .` then see compose.yaml.
# The install step is the one CI runs (pip install of this project into a virtualenv).

FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir .

FROM python:3.11-slim
# tzdata: the system zone database next to the Python tzdata package zoneinfo falls back on.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin agenda
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY schedules ./schedules
# Agendas imported with /schedules import live in the database. Earlier versions kept them in
# schedules/guilds, a volume of its own owned by the bot's user: kept, so that the bot can move
# what an upgraded deployment still has there into the database at start (compose.yaml names it).
RUN mkdir -p /app/state /app/schedules/guilds && chown -R agenda /app/state /app/schedules
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    AGENDA_BOT_HOST=0.0.0.0 \
    AGENDA_BOT_PORT=8080 \
    AGENDA_BOT_SCHEDULES=/app/schedules \
    AGENDA_BOT_STATE_DIR=/app/state \
    XDG_CACHE_HOME=/app/state/cache
VOLUME ["/app/schedules", "/app/schedules/guilds", "/app/state"]
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4).status != 200)"]
CMD ["agenda-bot", "run"]
