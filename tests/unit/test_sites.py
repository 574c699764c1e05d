"""Site settings: every configured site loads, and an unreadable theme colour is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from api.core.sites import Site, contrast_with_white, load_sites


def test_configured_sites_load() -> None:
    sites = load_sites()
    assert "demo" in sites and len(sites) >= 2
    assert all(contrast_with_white(site.colour) >= 4.5 for site in sites.values())


@pytest.mark.parametrize("colour", ["#ffcc00", "#87ceeb", "blue"])
def test_colours_white_text_cannot_be_read_on_are_refused(colour: str) -> None:
    with pytest.raises(ValidationError):
        Site(id="x", name="Test centre", colour=colour)


def test_unknown_language_or_hours_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        Site(id="x", name="Test centre", default_locale="de")
    with pytest.raises(ValidationError):
        Site(id="x", name="Test centre", office_hours={"monday": "9-5"})
    path = tmp_path / "sites.yml"
    path.write_text("sites:\n  a:\n    name: A centre\n    colour: '#0b5394'\n", encoding="utf-8")
    assert load_sites(path)["a"].default_locale == "en"


def test_office_hours_in_amsterdam_time_across_dst() -> None:
    from datetime import UTC, datetime

    from api.core.sites import is_open, next_opening

    site = Site(
        id="x", name="Test centre", office_hours={"mon": "09:00-17:00", "fri": "09:00-12:00"}
    )
    # Monday 29 March 2027 (summer time, UTC+2): 08:30 UTC is 10:30 in Amsterdam.
    assert is_open(site, datetime(2027, 3, 29, 8, 30, tzinfo=UTC))
    assert not is_open(site, datetime(2027, 3, 29, 15, 30, tzinfo=UTC))  # 17:30
    # Monday 22 March 2027 (winter time, UTC+1): 07:30 UTC is 08:30, not open yet.
    assert not is_open(site, datetime(2027, 3, 22, 7, 30, tzinfo=UTC))
    # Friday evening -> next Monday 09:00 Amsterdam, over the DST weekend (28 March 2027).
    opens = next_opening(site, datetime(2027, 3, 26, 18, 0, tzinfo=UTC))
    assert opens is not None
    assert (opens.year, opens.month, opens.day, opens.hour) == (2027, 3, 29, 9)
    assert opens.utcoffset() is not None and opens.utcoffset().total_seconds() == 7200
    assert next_opening(Site(id="y", name="No hours"), datetime(2027, 3, 26, tzinfo=UTC)) is None
