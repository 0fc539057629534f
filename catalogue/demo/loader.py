"""Loads the sample producer network (``producers/<network>/network.toml``) into the database.

The network, its print shops and users come straight from the file; producers and products go
through the bulk import (``catalogue.imports``): the TOML is read into the same records a
spreadsheet gives, checked and applied by the same code, with photos drawn by code
(``catalogue.demo.photos``) instead of read from a zip.

Idempotent: networks, producers, products, users and photos are found by their stable keys
(slugs, SKUs, e-mails, a photo's source key) and updated, never duplicated. Photos are drawn
only when a product does not have them yet.
"""

from __future__ import annotations

import os
import tomllib
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.auth import services as auth_services
from catalogue.auth.models import Role, User
from catalogue.core.validation import ValidationError
from catalogue.demo.photos import MOTIFS, encode_jpeg, render_product_photo
from catalogue.imports import services as import_services
from catalogue.imports.photos import PhotoInfo, PhotoSource, PreparedPhoto
from catalogue.imports.sample import read_sample_network
from catalogue.media.derivatives import Encoded
from catalogue.media.models import DerivativeKind
from catalogue.media.storage import sha256_hex
from catalogue.networks.models import Network
from catalogue.printshop.models import PrintShop
from catalogue.producers.models import Producer
from catalogue.products import services as product_services

DEFAULT_PHOTO_SIZE = (2400, 1800)
Progress = Callable[[str], None]


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # role, email, network
    password: str = ""

    def summary(self) -> str:
        made = ", ".join(f"{n} {k}" for k, n in sorted(self.created.items()) if n) or "nothing new"
        seen = ", ".join(f"{n} {k}" for k, n in sorted(self.updated.items()) if n) or "nothing"
        return f"Sample network loaded. Created: {made}. Already there (updated): {seen}."

    def logins_by_role(self) -> dict[str, str]:
        """One login per role (the first network's, in role order)."""
        result: dict[str, str] = {}
        for role in Role:
            for r, email, _network in self.logins:
                if r == role.value and role.value not in result:
                    result[role.value] = email
        return result


@dataclass(frozen=True)
class PhotoJob:
    source_key: str
    motif: str
    palette: tuple[str, ...]
    size: tuple[int, int]


def _render(job: PhotoJob) -> tuple[bytes, dict[str, tuple[bytes, int, int]]]:
    seed = zlib.crc32(job.source_key.encode())
    original = encode_jpeg(render_product_photo(job.motif, job.palette, seed, job.size))
    from catalogue.media.pipeline import make_derivatives

    # Every kind, print included: `catalogue demo` publishes the sample catalogues.
    derived = {
        k.value: (e.data, e.width, e.height)
        for k, e in make_derivatives(original, parallel=False).items()
    }
    return original, derived


class GeneratedPhotos(PhotoSource):
    """The sample products' photos, drawn on demand: in a process pool when there are many (one
    pool for every network of the load, started only if a photo is missing)."""

    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.jobs: dict[str, PhotoJob] = {}
        self._pool: Executor | None = None

    def add(self, specs: dict[str, dict[str, Any]]) -> None:
        for name, spec in specs.items():
            self.jobs[name] = PhotoJob(name, spec["motif"], tuple(spec["palette"]), self.size)

    def inspect(self, name: str) -> PhotoInfo | str:
        job = self.jobs.get(name)
        if job is None:
            return _("“%(name)s” is not in the zip file.", name=name)
        if job.motif not in MOTIFS:
            return f"{name}: unknown motif “{job.motif}”"
        return PhotoInfo(key=name)

    def prepare(self, names: list[str]) -> Iterator[tuple[str, PreparedPhoto | str]]:
        jobs = [self.jobs[n] for n in names]
        for job, (original, derived) in zip(jobs, self._render_all(jobs), strict=True):
            yield (
                job.source_key,
                PreparedPhoto(
                    data=original,
                    sha256=sha256_hex(original),
                    mime="image/jpeg",
                    width=job.size[0],
                    height=job.size[1],
                    derivatives={
                        DerivativeKind(k): Encoded(data, w, h)
                        for k, (data, w, h) in derived.items()
                    },
                ),
            )

    def _render_all(self, jobs: list[PhotoJob]) -> Iterator[Any]:
        workers = min(len(jobs), os.cpu_count() or 1)
        if workers <= 1 or len(jobs) < 8:
            return map(_render, jobs)
        if self._pool is None:
            # spawn, not fork: the parent holds database connections and maybe threads.
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"))
        return self._pool.map(_render, jobs, chunksize=4)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def network_files(folder: str | os.PathLike[str]) -> list[Path]:
    return sorted(Path(folder).glob("*/network.toml"))


def load_sample_network(
    session: Session,
    folder: str | os.PathLike[str],
    *,
    photo_size: tuple[int, int] = DEFAULT_PHOTO_SIZE,
    progress: Progress | None = None,
) -> LoadReport:
    """Import every network file below ``folder`` (not committed: the caller commits).

    Raises ValidationError naming ``<network>/<sku or producer>.<column>`` for every problem;
    the caller then rolls back.
    """
    report = LoadReport()
    say = progress or (lambda _msg: None)
    files = network_files(folder)
    if not files:
        raise ValidationError.single("folder", _("No network.toml found under %(f)s.", f=folder))
    with GeneratedPhotos(photo_size) as photos:
        for path in files:
            with path.open("rb") as fh:
                data = tomllib.load(fh)
            say(f"{path.parent.name}: {len(data.get('producers', []))} producers")
            report.password = data.get("demo_password", report.password)
            network, shops = _load_network(session, data, report)
            batch, specs = read_sample_network(data)
            photos.add(specs)
            result = import_services.run(
                session, network, batch, photos, dry_run=False, progress=say
            )
            if result.problems:
                raise ValidationError(
                    {
                        f"{network.slug}/{p.subject or '?'}.{p.column or 'row'}": p.message
                        for p in result.problems
                    }
                )
            report.created.update(result.created)
            report.updated.update(result.updated)
            _load_users(session, network, data, shops, report)
    return report


def _count(report: LoadReport, kind: str, created: bool) -> None:
    (report.created if created else report.updated)[kind] += 1


def _get_or_new(session: Session, model: type, **keys: Any) -> tuple[Any, bool]:
    row = session.scalar(select(model).filter_by(**keys))
    if row is not None:
        return row, False
    row = model(**keys)
    session.add(row)
    return row, True


def _load_network(
    session: Session, data: dict[str, Any], report: LoadReport
) -> tuple[Network, dict[str, PrintShop]]:
    spec = data["network"]
    network, created = _get_or_new(session, Network, slug=spec["slug"])
    network.name = spec["name"]
    network.country = spec["country"]
    network.city = spec.get("city", "")
    network.default_currency = spec["default_currency"]
    network.default_locale = spec["default_locale"]
    network.locales = list(spec.get("locales", [spec["default_locale"]]))
    network.description = {k: product_services.nfc(v) for k, v in spec["description"].items()}
    network.is_sample = bool(data.get("sample", False))
    session.flush()
    _count(report, "networks", created)

    shops = {}
    for shop_spec in data.get("print_shops", []):
        shop, created = _get_or_new(
            session, PrintShop, network_id=network.id, slug=shop_spec["slug"]
        )
        shop.name, shop.city = shop_spec["name"], shop_spec.get("city", "")
        shop.email = shop_spec.get("email", "")
        shops[shop.slug] = shop
        _count(report, "print shops", created)
    session.flush()
    return network, shops


def _load_users(
    session: Session,
    network: Network,
    data: dict[str, Any],
    shops: dict[str, PrintShop],
    report: LoadReport,
) -> None:
    password = data["demo_password"]
    producers = {
        p.slug: p
        for p in session.scalars(select(Producer).where(Producer.network_id == network.id))
    }
    for spec in data.get("users", []):
        user = session.scalar(select(User).where(User.email == spec["email"].lower()))
        created = user is None
        if user is None:
            user = auth_services.create_user(
                session,
                email=spec["email"],
                name=spec["name"],
                password=password,
                locale=spec.get("locale"),
                network_id=network.id,
            )
        role = Role(spec["role"])
        auth_services.add_membership(
            session,
            user,
            network,
            role,
            producer=producers.get(spec.get("producer", "")),
            print_shop=shops.get(spec.get("print_shop", "")),
        )
        _count(report, "users", created)
        report.logins.append((role.value, user.email, network.slug))
