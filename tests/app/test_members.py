"""Members' preferences answered from memory: a change made here is seen at once, one made
elsewhere within a few seconds, and a server a member uses is stored once."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.app.members import MemberPreferences, Members, PreferenceCache


class CountingStore:
    """Preferences and server memberships in a dict, counting the reads and writes."""

    def __init__(self) -> None:
        self.found: dict[int, MemberPreferences] = {}
        self.reads = 0
        self.seen: list[tuple[int, int]] = []

    def preferences(self, user_id: int) -> MemberPreferences | None:
        self.reads += 1
        return self.found.get(user_id)

    def _set(self, user_id: int, **changes: object) -> None:
        old = self.found.get(user_id, MemberPreferences(user_id))
        fields = {
            "zone": old.zone,
            "locale": old.locale,
            "dm": old.dm,
            "lead_minutes": old.lead_minutes,
            "dm_closed": old.dm_closed,
        }
        fields.update(changes)
        self.found[user_id] = MemberPreferences(user_id, **fields)  # type: ignore[arg-type]

    def set_timezone(self, user_id: int, zone: str | None) -> None:
        self._set(user_id, zone=zone)

    def set_locale(self, user_id: int, locale: str | None) -> None:
        self._set(user_id, locale=locale)

    def set_dm(self, user_id: int, enabled: bool) -> None:
        self._set(user_id, dm=enabled)

    def set_lead(self, user_id: int, minutes: int | None) -> None:
        self._set(user_id, lead_minutes=minutes)

    def mark_dm_closed(self, user_id: int) -> None:
        self._set(user_id, dm_closed=True)

    def seen_in_guild(self, user_id: int, guild_id: int) -> None:
        self.seen.append((user_id, guild_id))


class Ticking:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _members(store: CountingStore, clock: Ticking | None = None) -> Members:
    cache = PreferenceCache(fresh_for=5.0, clock=clock or Ticking())
    return Members(store, store, lambda: None, cache)


async def test_a_second_read_comes_from_memory() -> None:
    store = CountingStore()
    members = _members(store)
    assert await members.preferences(1) == MemberPreferences(1)
    assert await members.preferences(1) == MemberPreferences(1)
    assert store.reads == 1


async def test_every_change_made_here_is_seen_by_the_next_read() -> None:
    store = CountingStore()
    members = _members(store)
    await members.preferences(1)
    await members.set_zone(1, ZoneInfo("Europe/Berlin"), locale="de", guild_id=None)
    assert (await members.zone(1)) == ZoneInfo("Europe/Berlin")
    await members.clear_zone(1)
    assert await members.zone(1) is None
    await members.dm_on(1, locale="zh-CN")
    assert (await members.preferences(1)).dm
    await members.set_lead(1, 45)
    assert (await members.preferences(1)).dm_lead_minutes == 45
    await members.dm_off(1)
    assert not (await members.preferences(1)).dm


async def test_a_change_made_by_another_process_shows_once_the_memory_is_stale() -> None:
    store = CountingStore()
    clock = Ticking()
    members = _members(store, clock)
    await members.preferences(1)
    store.set_timezone(1, "Asia/Tokyo")  # another process
    assert await members.zone(1) is None
    clock.now += 5.0
    assert await members.zone(1) == ZoneInfo("Asia/Tokyo")


async def test_a_read_that_began_before_a_change_is_not_kept() -> None:
    store = CountingStore()
    cache = PreferenceCache(fresh_for=5.0, clock=Ticking())
    began = cache.reading()
    cache.forget(1)  # a change stored while the read was under way
    cache.keep(1, MemberPreferences(1), began)
    assert cache.get(1) == (False, None)
    began = cache.reading()
    cache.keep(1, MemberPreferences(1, zone="UTC"), began)
    assert cache.get(1) == (True, MemberPreferences(1, zone="UTC"))
    assert store.reads == 0


async def test_memory_holds_a_bounded_number_of_members() -> None:
    cache = PreferenceCache(fresh_for=5.0, kept=2, clock=Ticking())
    for user_id in (1, 2, 3):
        cache.keep(user_id, None, cache.reading())
    assert cache.get(1) == (False, None)
    assert cache.get(3) == (True, None)


async def test_a_server_a_member_uses_is_stored_once() -> None:
    store = CountingStore()
    members = _members(store)
    for _ in range(3):
        await members.seen_in_guild(1, 900)
    await members.seen_in_guild(1, 901)
    await members.set_zone(2, ZoneInfo("UTC"), locale="en-US", guild_id=900)
    await members.seen_in_guild(2, 900)
    assert store.seen == [(1, 900), (1, 901), (2, 900)]
