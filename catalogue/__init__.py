"""catalogue: themed catalogues that turn many small women producers into one credible supplier."""

from __future__ import annotations

from typing import Any

from flask import Flask

from catalogue.config import instance_path_from_env, load_config


def create_app(config_override: dict[str, Any] | None = None) -> Flask:
    """Build the application: config, extensions, blueprints, error pages, CLI."""
    app = Flask(__name__, instance_path=instance_path_from_env(), instance_relative_config=True)
    load_config(app, config_override)
    register_extensions(app)
    register_blueprints(app)
    register_job_handlers()
    register_search_sources()
    register_errorhandlers(app)
    register_commands(app)
    return app


def register_extensions(app: Flask) -> None:
    from werkzeug.middleware.proxy_fix import ProxyFix

    from catalogue.auth.session import init_login
    from catalogue.core import content_version
    from catalogue.core.db import UnitOfWork
    from catalogue.core.i18n import init_i18n
    from catalogue.core.page_cache import init_page_cache
    from catalogue.core.permissions import set_network_loader
    from catalogue.core.security import init_security
    from catalogue.core.templating import init_templating
    from catalogue.extensions import csrf, db
    from catalogue.jobs.queue import init_jobs
    from catalogue.media.storage import init_storage
    from catalogue.media.templating import init_media_templating
    from catalogue.networks.models import network_by_slug
    from catalogue.search import init_search

    db.init_app(app)
    csrf.init_app(app)
    init_login(app)
    init_i18n(app)
    init_security(app)
    init_templating(app)
    init_page_cache(app)  # after the templates' globals: it wraps their csrf_token
    content_version.track(UnitOfWork)
    init_media_templating(app)
    set_network_loader(network_by_slug)
    init_storage(app)
    init_jobs(app)
    init_search(app)
    hops = int(app.config["TRUST_PROXY"])
    if hops:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops
        )


def register_blueprints(app: Flask) -> None:
    from catalogue.api import bp as api_bp
    from catalogue.core.loading import BoundedIntConverter

    # Before any rule is added: every <int:…> in a URL is an id no larger than a column holds.
    app.url_map.converters["int"] = BoundedIntConverter

    from catalogue.auth.tokens import bp as tokens_bp
    from catalogue.auth.views import bp as auth_bp
    from catalogue.browse.manage import bp as catalogue_sharing_bp
    from catalogue.browse.sharing import bp as sharing_bp
    from catalogue.browse.views import bp as browse_bp
    from catalogue.catalogues.views import bp as catalogues_bp
    from catalogue.editions.views import bp as editions_bp
    from catalogue.extensions import csrf
    from catalogue.imports.views import bp as imports_bp
    from catalogue.media.views import bp as media_bp
    from catalogue.networks.views import bp as networks_bp
    from catalogue.producers.views import bp as producers_bp
    from catalogue.products.portal import bp as portal_bp
    from catalogue.products.review import bp as review_bp
    from catalogue.products.views import bp as products_bp
    from catalogue.readiness.views import bp as readiness_bp
    from catalogue.site.views import bp as site_bp

    blueprints = (
        site_bp,
        auth_bp,
        networks_bp,
        producers_bp,
        products_bp,
        media_bp,
        readiness_bp,
        imports_bp,
        portal_bp,
        review_bp,
        catalogues_bp,
        tokens_bp,
        editions_bp,
        browse_bp,
        sharing_bp,
        catalogue_sharing_bp,
        api_bp,
    )
    csrf.exempt(api_bp)  # the API checks X-CSRFToken itself for session-authenticated writes
    for bp in blueprints:
        app.register_blueprint(bp)


def register_job_handlers() -> None:
    """Each domain registers the background work it does (``@handler("kind")`` in its
    ``tasks`` module); ``jobs`` itself knows none of them."""
    import catalogue.editions.tasks
    import catalogue.media.tasks  # noqa: F401


def register_search_sources() -> None:
    """Each domain says which of its rows search documents show and where documents come
    from; ``search`` itself knows no domain."""
    from catalogue.products import indexing

    indexing.register()


def register_errorhandlers(app: Flask) -> None:
    from catalogue.core.errors import register

    register(app)


def register_commands(app: Flask) -> None:
    from catalogue.cli import register
    from catalogue.jobs.cli import worker_command
    from catalogue.search.cli import reindex_command, search_command

    register(app)
    app.cli.add_command(worker_command)
    app.cli.add_command(reindex_command)
    app.cli.add_command(search_command)
