"""Recording checklists and reading them back: each producer's history and the network's latest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from catalogue.core.audit import record
from catalogue.core.validation import ValidationError
from catalogue.networks.models import Network
from catalogue.producers.models import Producer
from catalogue.readiness import scoring
from catalogue.readiness.models import ReadinessAssessment


def record_assessment(
    session: Session, producer: Producer, answers: Sequence[bool], actor: Any | None
) -> ReadinessAssessment:
    """Add a filled-in checklist for ``producer`` (not committed) with its section scores.

    ``answers`` are the 44 answers in question order, each ``True`` (yes) or ``False`` (no);
    anything else is refused with a ValidationError on ``answers``. Earlier checklists are kept.
    """
    answers = list(answers)
    if len(answers) != scoring.QUESTION_COUNT or not all(isinstance(a, bool) for a in answers):
        raise ValidationError.single(
            "answers",
            _("Please answer all %(n)d questions with yes or no.", n=scoring.QUESTION_COUNT),
        )
    result = scoring.score(answers)
    assessment = ReadinessAssessment(
        producer_id=producer.id,
        taken_by_id=getattr(actor, "id", None),
        answers=answers,
        **{f"score_{s}": value for s, value in result.scores.items()},
    )
    session.add(assessment)
    session.flush()
    record(
        session,
        "readiness.record",
        assessment,
        actor=actor,
        network_id=producer.network_id,
        label=producer.display_name,
        producer_id=producer.id,
        scores=result.scores,
    )
    return assessment


def result_of(assessment: ReadinessAssessment) -> scoring.Result:
    """The scored result (advice, which sections count) of a stored checklist."""
    return scoring.from_scores({s: getattr(assessment, f"score_{s}") for s in scoring.SECTIONS})


def history(session: Session, producer: Producer) -> list[ReadinessAssessment]:
    """Every checklist of ``producer``, newest first."""
    return list(
        session.scalars(
            select(ReadinessAssessment)
            .where(ReadinessAssessment.producer_id == producer.id)
            .order_by(ReadinessAssessment.id.desc())
        )
    )


def latest_by_producer(session: Session, network: Network) -> dict[int, ReadinessAssessment]:
    """Each producer's newest checklist in ``network``, by producer id (producers without one are
    absent)."""
    # The highest id is the newest: rows are only ever added, and two taken within the same
    # clock tick still come out in the order they were recorded.
    newest = (
        select(func.max(ReadinessAssessment.id))
        .join(Producer, Producer.id == ReadinessAssessment.producer_id)
        .where(Producer.network_id == network.id)
        .group_by(ReadinessAssessment.producer_id)
    )
    rows = session.scalars(select(ReadinessAssessment).where(ReadinessAssessment.id.in_(newest)))
    return {a.producer_id: a for a in rows}


@dataclass(frozen=True)
class OverviewRow:
    producer: Producer
    assessment: ReadinessAssessment | None
    result: scoring.Result | None


def overview(session: Session, network: Network, advice: str | None = None) -> list[OverviewRow]:
    """All producers of ``network`` with their latest result, by name.

    With ``advice`` (a key of ``scoring.FILTERS``) only producers whose latest result matches it
    are listed, so producers without a checklist drop out.
    """
    if advice is not None and advice not in scoring.FILTERS:
        raise ValueError(f"unknown advice filter {advice!r}")
    producers = session.scalars(
        select(Producer).where(Producer.network_id == network.id).order_by(Producer.display_name)
    ).all()
    latest = latest_by_producer(session, network)
    rows = []
    for producer in producers:
        assessment = latest.get(producer.id)
        result = result_of(assessment) if assessment else None
        if advice is None or (result is not None and advice in result.filters):
            rows.append(OverviewRow(producer, assessment, result))
    return rows
