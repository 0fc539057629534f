"""Photo jobs: derivatives, dominant colour and the quality report for one uploaded photo."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from catalogue.jobs.models import Job
from catalogue.jobs.queue import Progress, handler
from catalogue.media.models import ImageDerivative, ImageStatus, ProductImage
from catalogue.media.storage import get_storage


@handler("media.derivatives")
def make_image_derivatives(session: Session, job: Job, progress: Progress) -> dict[str, Any]:
    """Job ``media.derivatives``: read the photo, make its copies and report with no transaction
    open, then write the rows in one short write transaction."""
    from catalogue.extensions import db
    from catalogue.media.pipeline import dominant_colour, make_derivatives, quality_report

    with db.reading(session):
        image = session.get(ProductImage, int(job.params["image_id"]))
        if image is None:
            return {"skipped": "image deleted"}
        sha256 = image.sha256
    storage = get_storage()
    original = storage.get(sha256)
    progress(10, "derivatives")
    derived = make_derivatives(original)
    stored = {kind: storage.put(encoded.data) for kind, encoded in derived.items()}
    progress(70, "quality")
    colour = dominant_colour(original)  # both decode at a reduced scale
    issues = quality_report(original)
    with db.writing(session):
        image = session.get(ProductImage, image.id, populate_existing=True)
        if image is None:
            return {"skipped": "image deleted"}
        existing = {d.kind: d for d in image.derivatives}
        for kind, encoded in derived.items():
            row = existing.get(kind) or ImageDerivative(kind=kind)
            row.sha256 = stored[kind]
            row.width, row.height, row.byte_size = encoded.width, encoded.height, len(encoded.data)
            if kind not in existing:
                image.derivatives.append(row)
        image.dominant_colour = colour
        image.quality = {
            "issues": [{"code": i.code, "severity": i.severity, "params": i.params} for i in issues]
        }
        image.status = ImageStatus.READY
        image_id = image.id
    return {"image_id": image_id, "derivatives": sorted(k.value for k in derived)}
