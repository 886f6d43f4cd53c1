"""The 案件受理费 schedule for property cases, read from resources/review/fee_schedule.json.

The bands, rates, rounding tolerance, the procedures that halve the fee and the causes that
are not property cases all live in the resource (with their legal source), so that a court
can correct them without a code change; this module only does the arithmetic.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class FeeBand:
    """The part of the amount above ``over`` (up to ``up_to``, None = no limit) pays ``rate``."""

    over: Decimal
    up_to: Decimal | None
    rate: Decimal


@dataclass(frozen=True)
class FixedFee:
    """A cause whose fee is one sum per case (劳动争议案件每件交纳10元)."""

    name: str
    fee: Decimal
    source: str
    cause_words: tuple[str, ...]
    except_words: tuple[str, ...]

    def applies_to(self, cause: str) -> bool:
        """True when the cause is one of these (and not one of the look-alikes, 劳务…)."""
        return any(w in cause for w in self.cause_words) and not any(w in cause for w in self.except_words)


@dataclass(frozen=True)
class FeeSchedule:
    """Property-case fee schedule (a flat fee up to a limit, then cumulative bands)."""

    source: str
    article: str
    flat_up_to: Decimal
    flat_fee: Decimal
    bands: tuple[FeeBand, ...]
    tolerance: Decimal
    halving_source: str
    halving_article: str
    halving_procedures: tuple[str, ...]
    non_property_words: tuple[str, ...]
    fixed_fees: tuple[FixedFee, ...] = ()

    @classmethod
    def from_json(cls, data: dict) -> FeeSchedule:
        """Build from the parsed fee_schedule.json (amounts and rates as strings)."""
        halving = data.get("halving", {})
        return cls(
            source=data["source"],
            article=data.get("article", data["source"]),
            flat_up_to=Decimal(data["flat"]["up_to"]),
            flat_fee=Decimal(data["flat"]["fee"]),
            bands=tuple(FeeBand(Decimal(b["over"]), Decimal(b["up_to"]) if b.get("up_to") is not None else None,
                                Decimal(b["rate"])) for b in data["bands"]),
            tolerance=Decimal(data.get("tolerance_yuan", "1")),
            halving_source=halving.get("source", ""),
            halving_article=halving.get("article", ""),
            halving_procedures=tuple(halving.get("procedures", ())),
            non_property_words=tuple(data.get("non_property_cause_words", ())),
            fixed_fees=tuple(FixedFee(f["name"], Decimal(f["fee"]), f.get("source", ""), tuple(f["cause_words"]),
                                      tuple(f.get("except_words", ()))) for f in data.get("fixed_fees", ())),
        )

    def fee_for(self, amount: Decimal) -> Decimal:
        """The full (not halved) fee for ``amount`` yuan in dispute, to the cent."""
        fee = self.flat_fee
        for band in self.bands:
            if amount <= band.over:
                break
            top = amount if band.up_to is None else min(amount, band.up_to)
            fee += (top - band.over) * band.rate
        return fee.quantize(CENT, rounding=ROUND_HALF_UP)

    def matches(self, stated: Decimal, computed: Decimal) -> bool:
        """True when a stated fee is the computed one, allowing the court's rounding to yuan."""
        return abs(stated - computed) < self.tolerance

    def is_halving_procedure(self, procedure_text: str) -> bool:
        """True when the text names a procedure under which the fee is halved (简易程序…)."""
        return any(p in procedure_text for p in self.halving_procedures)

    def fixed_fee_for(self, cause: str) -> FixedFee | None:
        """The fixed per-case fee of this cause, None when the cause has none."""
        return next((f for f in self.fixed_fees if f.applies_to(cause)), None)

    def is_non_property(self, cause: str) -> bool:
        """True when the cause is one whose fee is not the property schedule (离婚, 劳动争议…)."""
        return any(w in cause for w in self.non_property_words)
