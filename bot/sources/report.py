"""How the followed URLs fare, for /healthz and the command line."""

from __future__ import annotations

from collections.abc import Sequence

from bot.app.sources import SourceStatus


def health(statuses: Sequence[SourceStatus]) -> dict[str, object]:
    """Counts for every source, details for the operator's only: a server's sources are seen
    in that server alone, and /healthz is on the public feed server."""
    return {
        "total": len(statuses),
        "failing": sum(1 for s in statuses if not s.ok),
        "operator": [
            {
                "url": s.url,
                "status": "ok" if s.ok else "failing",
                "error": s.error,
                "failures": s.failures,
                "checked_at": s.checked_at.isoformat() if s.checked_at else None,
                "schedules": list(s.schedule_ids),
            }
            for s in statuses
            if s.guild_id is None
        ],
    }
