"""Prometheus metrics, in a registry of their own (tests and several apps never collide)."""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest
from prometheus_client.core import CounterMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector

CONTENT_TYPE = CONTENT_TYPE_LATEST
# How a poll of a followed URL ended: new content taken, the same bytes, a 304, a fetch that
# failed, or content that did not read cleanly.
SOURCE_OUTCOMES = ("changed", "unchanged", "not_modified", "failed", "unreadable")


class RequestCounts(Collector):
    """Feed server requests by route template and status: a plain tally, added to on the event
    loop with no lock (the feed routes answer tens of thousands of requests a second), turned
    into a Prometheus counter only when /metrics is read."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.tally: Tally[tuple[str, int]] = Tally()
        registry.register(self)

    def count(self, route: str, status: int) -> None:
        self.tally[route, status] += 1

    def collect(self) -> Iterator[CounterMetricFamily]:
        family = CounterMetricFamily(
            "agenda_bot_feed_requests",
            "Feed server requests by route and status",
            labels=["route", "status"],
        )
        for (route, status), value in sorted(self.tally.items()):
            family.add_metric([route, str(status)], value)
        yield family


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.reminders = Counter(
            "agenda_bot_reminders",
            "Reminder deliveries by outcome",
            ["outcome"],
            registry=self.registry,
        )
        self.feed_requests = RequestCounts(self.registry)
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
        self.source_polls = Counter(
            "agenda_bot_source_polls",
            "Polls of followed agenda URLs by outcome",
            ["outcome"],
            registry=self.registry,
        )
        for outcome in SOURCE_OUTCOMES:
            self.source_polls.labels(outcome)
        self.sources = Gauge(
            "agenda_bot_sources", "Agenda URLs followed by this process", registry=self.registry
        )
        self.sources_failing = Gauge(
            "agenda_bot_sources_failing",
            "Followed agenda URLs whose latest poll failed (their last good version stays live)",
            registry=self.registry,
        )

    def render(self) -> bytes:
        return generate_latest(self.registry)
