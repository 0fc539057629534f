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
    from catalogue.media.pipeline import dominant_colour, make_derivatives, quality_report

    image = session.get(ProductImage, int(job.params["image_id"]))
    if image is None:
        return {"skipped": "image deleted"}
    storage = get_storage()
    original = storage.get(image.sha256)
    progress(10, "derivatives")
    derived = make_derivatives(original)
    existing = {d.kind: d for d in image.derivatives}
    for kind, encoded in derived.items():
        row = existing.get(kind) or ImageDerivative(kind=kind)
        row.sha256 = storage.put(encoded.data)
        row.width, row.height, row.byte_size = encoded.width, encoded.height, len(encoded.data)
        if kind not in existing:
            image.derivatives.append(row)
    progress(70, "quality")
    image.dominant_colour = dominant_colour(original)  # both decode at a reduced scale
    issues = quality_report(original)
    image.quality = {
        "issues": [{"code": i.code, "severity": i.severity, "params": i.params} for i in issues]
    }
    image.status = ImageStatus.READY
    return {"image_id": image.id, "derivatives": sorted(k.value for k in derived)}
