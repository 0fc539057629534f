"""Jobs: publishing an edition and rendering a draft preview, with progress."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from catalogue.auth.models import User
from catalogue.catalogues.models import Catalogue
from catalogue.editions import services
from catalogue.jobs.models import Job
from catalogue.jobs.queue import Progress, handler


@handler("editions.publish")
def publish_edition(session: Session, job: Job, progress: Progress) -> dict[str, Any]:
    """Job ``editions.publish``: freeze and render the next edition of the job's catalogue."""
    catalogue = session.get(Catalogue, int(job.params["catalogue_id"]))
    if catalogue is None:
        return {"skipped": "catalogue deleted"}
    user = session.get(User, job.created_by_id) if job.created_by_id else None
    edition = services.publish(
        session, catalogue, job.params.get("formats", "print,screen"), user=user, progress=progress
    )
    return {"edition": edition.number, "pages": edition.manifest.get("page_count")}


@handler("editions.preview")
def preview_catalogue(session: Session, job: Job, progress: Progress) -> dict[str, Any]:
    """Job ``editions.preview``: render the catalogue as it stands into its draft folder."""
    catalogue = session.get(Catalogue, int(job.params["catalogue_id"]))
    if catalogue is None:
        return {"skipped": "catalogue deleted"}
    manifest = services.preview(session, catalogue, progress=progress)
    return {"pages": manifest["page_count"], "previews": len(manifest["previews"])}
