from __future__ import annotations

from datetime import timedelta

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.app.members import MemberPreferences
from bot.domain.feed_tokens import FeedSelection
from bot.domain.reminders.plan import ChannelFollow, Leads, MemberPrefs, Target, TargetKind
from bot.storage.database import session_factory
from bot.storage.feed_tokens import DatabaseFeedTokens
from bot.storage.members import DatabaseMembers
from bot.storage.tables import Member


def test_audience_reads_back_everything_members_asked_for(engine: Engine) -> None:
    people = DatabaseMembers(session_factory(engine))
    people.set_timezone(1, "Europe/Berlin")
    people.set_locale(1, "zh-CN")
    people.set_dm(1, True)
    people.set_lead(1, 30)
    people.seen_in_guild(1, 900)
    people.seen_in_guild(2, 900)
    people.star(2, "conf", "keynote")
    people.follow_schedule(1, "conf")
    people.follow(900, 77, "conf", role_id=5, leads="1d,15m")
    people.follow(900, 78, "conf")
    audience = people.audience()
    assert audience.members[1] == MemberPrefs(
        1, "Europe/Berlin", "zh-CN", True, timedelta(minutes=30)
    )
    assert audience.members[2] == MemberPrefs(2)
    assert audience.stars == {(2, "conf", "keynote")}
    assert audience.member_follows == {(1, "conf")}
    assert audience.guild_members == {900: frozenset({1, 2})}
    assert audience.follows == (
        ChannelFollow(
            Target(TargetKind.CHANNEL, "77"),
            "conf",
            900,
            5,
            Leads((timedelta(minutes=15),), timedelta(days=1)),
        ),
        ChannelFollow(Target(TargetKind.CHANNEL, "78"), "conf", 900, None, None),
    )


def test_an_audience_keeps_one_object_per_distinct_value(engine: Engine) -> None:
    # Every row brings its own copy of an id, a zone or a schedule id: 10,000 members would
    # keep several of each for as long as the audience lives.
    people = DatabaseMembers(session_factory(engine))
    for user_id in (700, 701):
        people.set_timezone(user_id, "America/Argentina/Buenos_Aires")
        people.set_locale(user_id, "pt-BR")
        people.follow_schedule(user_id, "conference-2027")
        people.star(user_id, "conference-2027", "keynote")
        people.seen_in_guild(user_id, 900)
    audience = people.audience()
    first, second = audience.members[700], audience.members[701]
    assert first.timezone == "America/Argentina/Buenos_Aires" and first.locale == "pt-BR"
    assert first.timezone is second.timezone and first.locale is second.locale
    [(user, schedule), (_, other)] = sorted(audience.member_follows)
    assert schedule == other == "conference-2027" and schedule is other
    assert user is first.user_id
    [member] = [u for u in audience.guild_members[900] if u == 700]
    assert member is first.user_id
    assert {s for _, s, _ in audience.stars} == {"conference-2027"}
    assert all(star[1] is schedule for star in audience.stars)


def test_following_twice_updates_and_unfollow_removes(engine: Engine) -> None:
    people = DatabaseMembers(session_factory(engine))
    people.follow(900, 77, "conf", leads="15m")
    people.follow(900, 77, "conf", role_id=9, leads="30m")
    [follow] = people.audience().follows
    assert (follow.role_id, follow.leads) == (9, Leads((timedelta(minutes=30),), None))
    assert people.unfollow(900, 77, "conf")
    assert not people.unfollow(900, 77, "conf")
    assert people.audience().follows == ()


def test_closed_dms_are_recorded_and_cleared_by_opting_in_again(engine: Engine) -> None:
    people = DatabaseMembers(session_factory(engine))
    people.set_dm(3, True)
    people.mark_dm_closed(3)
    assert people.audience().members[3].dm_closed
    people.set_dm(3, True)
    assert not people.audience().members[3].dm_closed


def test_star_and_unstar_report_whether_anything_changed(engine: Engine) -> None:
    people = DatabaseMembers(session_factory(engine))
    assert people.star(4, "conf", "talk")
    assert not people.star(4, "conf", "talk")
    assert people.unstar(4, "conf", "talk")
    assert not people.unstar(4, "conf", "talk")


def test_starring_as_a_member_remembers_their_language_and_reads_their_lead(
    engine: Engine,
) -> None:
    people = DatabaseMembers(session_factory(engine))
    assert people.star_as(10, "conf", "talk", "zh-CN") == (True, None)
    people.set_lead(10, 45)
    assert people.star_as(10, "conf", "talk", "en-GB") == (False, 45)
    assert people.star_as(10, "conf", "keynote", "en-GB") == (True, 45)
    assert people.preferences(10) == MemberPreferences(10, locale="en-GB", lead_minutes=45)
    assert people.starred(10) == {("conf", "talk"), ("conf", "keynote")}


def test_feed_tokens_are_stored_as_digests_and_select_stars_and_schedules(engine: Engine) -> None:
    sessions = session_factory(engine)
    people, tokens = DatabaseMembers(sessions), DatabaseFeedTokens(sessions)
    people.star(5, "conf", "talk")
    people.follow_schedule(5, "other")
    token = tokens.issue("5")
    assert tokens.lookup(token) == FeedSelection(
        "5", frozenset({"other"}), frozenset({("conf", "talk")})
    )
    with engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT digest FROM feed_tokens").scalar_one()
    assert token not in stored and len(stored) == 64
    replacement = tokens.issue("5")
    assert tokens.lookup(token) is None and tokens.lookup(replacement) is not None
    tokens.revoke("5")
    assert tokens.lookup(replacement) is None
    assert tokens.lookup("not-a-token") is None


def test_preferences_and_stars_read_back_as_plain_values_for_one_member(engine: Engine) -> None:
    members = DatabaseMembers(session_factory(engine))
    assert members.preferences(6) is None
    members.set_timezone(6, "Asia/Tokyo")
    members.set_lead(6, 45)
    members.set_dm(6, True)
    members.mark_dm_closed(6)
    members.star(6, "conf", "talk")
    members.star(6, "conf", "keynote")
    members.star(7, "conf", "other")
    assert members.preferences(6) == MemberPreferences(
        6, "Asia/Tokyo", None, dm=True, lead_minutes=45, dm_closed=True
    )
    assert members.starred(6) == {("conf", "talk"), ("conf", "keynote")}
    assert members.starred(8) == frozenset()


def test_a_first_row_added_at_the_same_time_elsewhere_is_not_an_error(engine: Engine) -> None:
    """A click's "seen in this server" and its command both add the member's first row."""
    sessions = session_factory(engine)
    members, elsewhere = DatabaseMembers(sessions), DatabaseMembers(sessions)
    real = members._member
    raced = []

    def racing(db: Session, user_id: int) -> Member:
        if raced:
            return real(db, user_id)
        # Our read found no row; the other request commits its own before our insert.
        raced.append(user_id)
        elsewhere.seen_in_guild(user_id, 900)
        now = members.clock()
        member = Member(user_id=user_id, dm_opt_in=False, created_at=now, updated_at=now)
        db.add(member)
        return member

    members._member = racing  # type: ignore[method-assign]
    assert members.star(9, "conf", "talk")
    assert members.starred(9) == {("conf", "talk")}
    assert members.audience().guild_members == {900: frozenset({9})}
