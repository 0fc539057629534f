"""Readiness checklist results: 44 yes/no answers and the section scores A–F."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from catalogue.core.db import Base
from catalogue.core.types import UTCDateTime, utcnow

# Section maxima from the design notes: A 1–12, B 13, C 14–23, D 24–34, E 35–39, F 40–44.
SECTION_MAXIMA = {"a": 12, "b": 1, "c": 10, "d": 11, "e": 5, "f": 5}


class ReadinessAssessment(Base):
    """One filled-in checklist; history is kept by adding rows, never editing them."""

    __tablename__ = "readiness_assessments"
    __table_args__ = tuple(
        CheckConstraint(f"score_{s} BETWEEN 0 AND {m}", name=f"score_{s}_range")
        for s, m in SECTION_MAXIMA.items()
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    producer_id: Mapped[int] = mapped_column(
        ForeignKey("producers.id", ondelete="CASCADE"), index=True
    )
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    taken_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    answers: Mapped[list[bool]] = mapped_column(JSON)
    score_a: Mapped[int]
    score_b: Mapped[int]
    score_c: Mapped[int]
    score_d: Mapped[int]
    score_e: Mapped[int]
    score_f: Mapped[int]
