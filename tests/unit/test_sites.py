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
