"""What we know about a newcomer's situation: every field is optional (answers can be skipped)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Permit(StrEnum):
    HIGHLY_SKILLED_MIGRANT = "highly_skilled_migrant"
    EU_BLUE_CARD = "eu_blue_card"
    RESEARCHER = "researcher"
    ORIENTATION_YEAR = "orientation_year"
    INTRA_CORPORATE_TRANSFER = "intra_corporate_transfer"
    PARTNER = "partner"  # partner of one of the above: the plan is the partner's own


EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    arrival_date: date | None = Field(default=None, ge=EARLIEST, le=LATEST)
    first_work_day: date | None = Field(default=None, ge=EARLIEST, le=LATEST)
    eu_citizen: bool | None = None  # EU, EEA or Swiss
    permit: Permit | None = None
    municipality: str | None = Field(default=None, min_length=2, max_length=80)
    with_partner: bool | None = None
    with_children: bool | None = None
    age: int | None = Field(default=None, ge=15, le=99)
    salary: Decimal | None = Field(default=None, ge=0, le=1_000_000)  # gross per month, euro
    masters: bool | None = None  # a master's degree or PhD
    # Lived more than 150 km from the Dutch border for more than 16 of the 24 months before
    # the first working day (the 30% ruling's distance condition).
    lived_far_abroad: bool | None = None

    @property
    def partner_mode(self) -> bool:
        """The plan is for the partner (who follows a migrant), not for the migrant."""
        return self.permit is Permit.PARTNER

    @property
    def has_partner_steps(self) -> bool:
        return self.partner_mode or self.with_partner is True
