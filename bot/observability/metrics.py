"""Prometheus metrics, in a registry of their own (tests and several apps never collide)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

CONTENT_TYPE = CONTENT_TYPE_LATEST


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.reminders = Counter(
            "agenda_bot_reminders",
            "Reminder deliveries by outcome",
            ["outcome"],
            registry=self.registry,
        )
        self.feed_requests = Counter(
            "agenda_bot_feed_requests",
            "Feed server requests by route and status",
            ["route", "status"],
            registry=self.registry,
        )
        self.agenda_errors = Gauge(
            "agenda_bot_agenda_load_errors",
            "Errors in the latest reading of the agendas",
            registry=self.registry,
        )
        self.agendas = Gauge(
            "agenda_bot_agendas", "Agendas currently served", registry=self.registry
        )
        self.discord_connected = Gauge(
            "agenda_bot_discord_connected",
            "1 while the Discord gateway is connected",
            registry=self.registry,
        )
        for outcome in ("sent", "late", "failed", "skipped", "undeliverable"):
            self.reminders.labels(outcome)

    def render(self) -> bytes:
        return generate_latest(self.registry)
