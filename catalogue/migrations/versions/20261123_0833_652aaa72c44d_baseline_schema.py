"""baseline schema

Revision ID: 652aaa72c44d
Revises:
Create Date: 2026-11-23 08:33:33.921539+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# Active ISO 4217 codes with their minor units, frozen at the time of this migration.
ISO_4217 = [
    ("AED", "United Arab Emirates Dirham", 2),
    ("AFN", "Afghan Afghani", 2),
    ("ALL", "Albanian Lek", 2),
    ("AMD", "Armenian Dram", 2),
    ("AOA", "Angolan Kwanza", 2),
    ("ARS", "Argentine Peso", 2),
    ("AUD", "Australian Dollar", 2),
    ("AWG", "Aruban Florin", 2),
    ("AZN", "Azerbaijani Manat", 2),
    ("BAM", "Bosnia-Herzegovina Convertible Mark", 2),
    ("BBD", "Barbadian Dollar", 2),
    ("BDT", "Bangladeshi Taka", 2),
    ("BGN", "Bulgarian Lev", 2),
    ("BHD", "Bahraini Dinar", 3),
    ("BIF", "Burundian Franc", 0),
    ("BMD", "Bermudan Dollar", 2),
    ("BND", "Brunei Dollar", 2),
    ("BOB", "Bolivian Boliviano", 2),
    ("BRL", "Brazilian Real", 2),
    ("BSD", "Bahamian Dollar", 2),
    ("BTN", "Bhutanese Ngultrum", 2),
    ("BWP", "Botswanan Pula", 2),
    ("BYN", "Belarusian Ruble", 2),
    ("BZD", "Belize Dollar", 2),
    ("CAD", "Canadian Dollar", 2),
    ("CDF", "Congolese Franc", 2),
    ("CHF", "Swiss Franc", 2),
    ("CLP", "Chilean Peso", 0),
    ("CNY", "Chinese Yuan", 2),
    ("COP", "Colombian Peso", 2),
    ("CRC", "Costa Rican Colón", 2),
    ("CUP", "Cuban Peso", 2),
    ("CVE", "Cape Verdean Escudo", 2),
    ("CZK", "Czech Koruna", 2),
    ("DJF", "Djiboutian Franc", 0),
    ("DKK", "Danish Krone", 2),
    ("DOP", "Dominican Peso", 2),
    ("DZD", "Algerian Dinar", 2),
    ("EGP", "Egyptian Pound", 2),
    ("ERN", "Eritrean Nakfa", 2),
    ("ETB", "Ethiopian Birr", 2),
    ("EUR", "Euro", 2),
    ("FJD", "Fijian Dollar", 2),
    ("FKP", "Falkland Islands Pound", 2),
    ("GBP", "British Pound", 2),
    ("GEL", "Georgian Lari", 2),
    ("GHS", "Ghanaian Cedi", 2),
    ("GIP", "Gibraltar Pound", 2),
    ("GMD", "Gambian Dalasi", 2),
    ("GNF", "Guinean Franc", 0),
    ("GTQ", "Guatemalan Quetzal", 2),
    ("GYD", "Guyanaese Dollar", 2),
    ("HKD", "Hong Kong Dollar", 2),
    ("HNL", "Honduran Lempira", 2),
    ("HTG", "Haitian Gourde", 2),
    ("HUF", "Hungarian Forint", 2),
    ("IDR", "Indonesian Rupiah", 2),
    ("ILS", "Israeli New Shekel", 2),
    ("INR", "Indian Rupee", 2),
    ("IQD", "Iraqi Dinar", 3),
    ("IRR", "Iranian Rial", 2),
    ("ISK", "Icelandic Króna", 0),
    ("JMD", "Jamaican Dollar", 2),
    ("JOD", "Jordanian Dinar", 3),
    ("JPY", "Japanese Yen", 0),
    ("KES", "Kenyan Shilling", 2),
    ("KGS", "Kyrgystani Som", 2),
    ("KHR", "Cambodian Riel", 2),
    ("KMF", "Comorian Franc", 0),
    ("KPW", "North Korean Won", 2),
    ("KRW", "South Korean Won", 0),
    ("KWD", "Kuwaiti Dinar", 3),
    ("KYD", "Cayman Islands Dollar", 2),
    ("KZT", "Kazakhstani Tenge", 2),
    ("LAK", "Laotian Kip", 2),
    ("LBP", "Lebanese Pound", 2),
    ("LKR", "Sri Lankan Rupee", 2),
    ("LRD", "Liberian Dollar", 2),
    ("LSL", "Lesotho Loti", 2),
    ("LYD", "Libyan Dinar", 3),
    ("MAD", "Moroccan Dirham", 2),
    ("MDL", "Moldovan Leu", 2),
    ("MGA", "Malagasy Ariary", 2),
    ("MKD", "Macedonian Denar", 2),
    ("MMK", "Myanmar Kyat", 2),
    ("MNT", "Mongolian Tugrik", 2),
    ("MOP", "Macanese Pataca", 2),
    ("MRU", "Mauritanian Ouguiya", 2),
    ("MUR", "Mauritian Rupee", 2),
    ("MVR", "Maldivian Rufiyaa", 2),
    ("MWK", "Malawian Kwacha", 2),
    ("MXN", "Mexican Peso", 2),
    ("MYR", "Malaysian Ringgit", 2),
    ("MZN", "Mozambican Metical", 2),
    ("NAD", "Namibian Dollar", 2),
    ("NGN", "Nigerian Naira", 2),
    ("NIO", "Nicaraguan Córdoba", 2),
    ("NOK", "Norwegian Krone", 2),
    ("NPR", "Nepalese Rupee", 2),
    ("NZD", "New Zealand Dollar", 2),
    ("OMR", "Omani Rial", 3),
    ("PAB", "Panamanian Balboa", 2),
    ("PEN", "Peruvian Sol", 2),
    ("PGK", "Papua New Guinean Kina", 2),
    ("PHP", "Philippine Peso", 2),
    ("PKR", "Pakistani Rupee", 2),
    ("PLN", "Polish Zloty", 2),
    ("PYG", "Paraguayan Guarani", 0),
    ("QAR", "Qatari Riyal", 2),
    ("RON", "Romanian Leu", 2),
    ("RSD", "Serbian Dinar", 2),
    ("RUB", "Russian Ruble", 2),
    ("RWF", "Rwandan Franc", 0),
    ("SAR", "Saudi Riyal", 2),
    ("SBD", "Solomon Islands Dollar", 2),
    ("SCR", "Seychellois Rupee", 2),
    ("SDG", "Sudanese Pound", 2),
    ("SEK", "Swedish Krona", 2),
    ("SGD", "Singapore Dollar", 2),
    ("SHP", "St. Helena Pound", 2),
    ("SLE", "Sierra Leonean Leone", 2),
    ("SOS", "Somali Shilling", 2),
    ("SRD", "Surinamese Dollar", 2),
    ("SSP", "South Sudanese Pound", 2),
    ("STN", "São Tomé & Príncipe Dobra", 2),
    ("SVC", "Salvadoran Colón", 2),
    ("SYP", "Syrian Pound", 2),
    ("SZL", "Swazi Lilangeni", 2),
    ("THB", "Thai Baht", 2),
    ("TJS", "Tajikistani Somoni", 2),
    ("TMT", "Turkmenistani Manat", 2),
    ("TND", "Tunisian Dinar", 3),
    ("TOP", "Tongan Paʻanga", 2),
    ("TRY", "Turkish Lira", 2),
    ("TTD", "Trinidad & Tobago Dollar", 2),
    ("TWD", "New Taiwan Dollar", 2),
    ("TZS", "Tanzanian Shilling", 2),
    ("UAH", "Ukrainian Hryvnia", 2),
    ("UGX", "Ugandan Shilling", 0),
    ("USD", "US Dollar", 2),
    ("UYU", "Uruguayan Peso", 2),
    ("UZS", "Uzbekistani Som", 2),
    ("VES", "Venezuelan Bolívar", 2),
    ("VND", "Vietnamese Dong", 0),
    ("VUV", "Vanuatu Vatu", 0),
    ("WST", "Samoan Tala", 2),
    ("XAF", "Central African CFA Franc", 0),
    ("XCD", "East Caribbean Dollar", 2),
    ("XCG", "Caribbean guilder", 2),
    ("XOF", "West African CFA Franc", 0),
    ("XPF", "CFP Franc", 0),
    ("YER", "Yemeni Rial", 2),
    ("ZAR", "South African Rand", 2),
    ("ZMW", "Zambian Kwacha", 2),
    ("ZWG", "Zimbabwean Gold", 2),
]

revision: str = "652aaa72c44d"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "currencies",
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("minor_units", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_currencies")),
    )
    op.create_table(
        "login_failures",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("failures >= 0", name=op.f("ck_login_failures_failures_not_negative")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_failures")),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("slug", name=op.f("uq_tags_slug")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("locale", sa.String(length=10), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("email = lower(email)", name=op.f("ck_users_email_lowercase")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_api_tokens_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_api_tokens_token_sha256")),
    )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_tokens_user_id"), ["user_id"], unique=False)

    op.create_table(
        "jobs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "queued",
                "running",
                "done",
                "failed",
                name="job_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("message", sa.String(length=300), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("progress BETWEEN 0 AND 100", name=op.f("ck_jobs_progress_percent")),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_jobs_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_jobs_status"), ["status"], unique=False)

    op.create_table(
        "networks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("default_currency", sa.String(length=3), nullable=False),
        sa.Column("default_locale", sa.String(length=10), nullable=False),
        sa.Column("locales", sa.JSON(), nullable=False),
        sa.Column("description", sa.JSON(), nullable=False),
        sa.Column("is_sample", sa.Boolean(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(country) = 2", name=op.f("ck_networks_country_iso")),
        sa.ForeignKeyConstraint(
            ["default_currency"],
            ["currencies.code"],
            name=op.f("fk_networks_default_currency_currencies"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_networks")),
        sa.UniqueConstraint("slug", name=op.f("uq_networks_slug")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("network_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("object_type", sa.String(length=40), nullable=False),
        sa.Column("object_id", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_audit_events_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["networks.id"],
            name=op.f("fk_audit_events_network_id_networks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audit_events_created_at"), ["created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_audit_events_network_id"), ["network_id"], unique=False
        )

    op.create_table(
        "catalogues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("title", sa.JSON(), nullable=False),
        sa.Column("intro", sa.JSON(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "theme",
                "event",
                "niche",
                name="catalogue_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("theme_slug", sa.String(length=60), nullable=False),
        sa.Column(
            "format",
            sa.Enum(
                "flyer",
                "leaflet",
                "booklet",
                name="catalogue_format",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "market",
            sa.Enum("b2b", "b2c", name="market", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("locales", sa.JSON(), nullable=False),
        sa.Column("markup_percent", sa.Numeric(precision=18, scale=8), nullable=False),
        sa.Column("rounding_step", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("price_display", sa.String(length=20), nullable=False),
        sa.Column("group_by", sa.String(length=20), nullable=False),
        sa.Column("sort_by", sa.String(length=20), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("order_opens_on", sa.Date(), nullable=True),
        sa.Column("order_closes_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "published",
                "archived",
                name="catalogue_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("markup_percent >= 0", name=op.f("ck_catalogues_markup_not_negative")),
        sa.CheckConstraint(
            "order_opens_on IS NULL OR order_closes_on IS NULL OR order_opens_on <= order_closes_on",
            name=op.f("ck_catalogues_order_window_ordered"),
        ),
        sa.CheckConstraint(
            "rounding_step IS NULL OR rounding_step > 0",
            name=op.f("ck_catalogues_rounding_step_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_catalogues_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["currency"], ["currencies.code"], name=op.f("fk_catalogues_currency_currencies")
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["networks.id"],
            name=op.f("fk_catalogues_network_id_networks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogues")),
        sa.UniqueConstraint("network_id", "slug", name=op.f("uq_catalogues_network_id_slug")),
    )
    op.create_table(
        "print_shops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["networks.id"],
            name=op.f("fk_print_shops_network_id_networks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_shops")),
        sa.UniqueConstraint("network_id", "slug", name=op.f("uq_print_shops_network_id_slug")),
    )
    op.create_table(
        "producers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=120), nullable=False),
        sa.Column("economy", sa.String(length=2), nullable=False),
        sa.Column("story", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("founded_year", sa.Integer(), nullable=True),
        sa.Column(
            "community_type",
            sa.Enum(
                "rural",
                "urban",
                "peri-urban",
                "indigenous",
                "island",
                name="community_type",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("women_led", sa.Boolean(), nullable=True),
        sa.Column("women_workers", sa.Integer(), nullable=True),
        sa.Column("total_workers", sa.Integer(), nullable=True),
        sa.Column("consent_public_profile", sa.Boolean(), nullable=False),
        sa.Column("consent_share_identity", sa.Boolean(), nullable=False),
        sa.Column("consent_recorded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(economy) = 2", name=op.f("ck_producers_economy_iso")),
        sa.CheckConstraint(
            "women_workers IS NULL OR total_workers IS NULL OR women_workers <= total_workers",
            name=op.f("ck_producers_women_workers_within_total"),
        ),
        sa.CheckConstraint(
            "women_workers IS NULL OR women_workers >= 0",
            name=op.f("ck_producers_women_workers_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["networks.id"],
            name=op.f("fk_producers_network_id_networks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_producers")),
        sa.UniqueConstraint("network_id", "slug", name=op.f("uq_producers_network_id_slug")),
    )
    op.create_table(
        "catalogue_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalogue_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("section", sa.String(length=120), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False),
        sa.Column("added_by_rule", sa.Boolean(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.CheckConstraint("length(code) > 0", name=op.f("ck_catalogue_items_code_not_empty")),
        sa.CheckConstraint(
            "unit_price IS NULL OR unit_price >= 0",
            name=op.f("ck_catalogue_items_unit_price_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["catalogue_id"],
            ["catalogues.id"],
            name=op.f("fk_catalogue_items_catalogue_id_catalogues"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_items")),
        sa.UniqueConstraint(
            "catalogue_id", "code", name=op.f("uq_catalogue_items_catalogue_id_code")
        ),
    )
    op.create_table(
        "editions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalogue_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "building",
                "published",
                "failed",
                "withdrawn",
                name="edition_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("snapshot_sha256", sa.String(length=64), nullable=False),
        sa.Column("manifest", sa.JSON(), nullable=False),
        sa.Column("change_summary", sa.JSON(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_editions_number_positive")),
        sa.ForeignKeyConstraint(
            ["catalogue_id"],
            ["catalogues.id"],
            name=op.f("fk_editions_catalogue_id_catalogues"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["users.id"],
            name=op.f("fk_editions_published_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_editions")),
        sa.UniqueConstraint("catalogue_id", "number", name=op.f("uq_editions_catalogue_id_number")),
    )
    op.create_table(
        "exchange_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("catalogue_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.Numeric(precision=18, scale=8), nullable=False),
        sa.CheckConstraint("rate > 0", name=op.f("ck_exchange_rates_rate_positive")),
        sa.ForeignKeyConstraint(
            ["catalogue_id"],
            ["catalogues.id"],
            name=op.f("fk_exchange_rates_catalogue_id_catalogues"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["currency"], ["currencies.code"], name=op.f("fk_exchange_rates_currency_currencies")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_rates")),
        sa.UniqueConstraint(
            "catalogue_id", "currency", name=op.f("uq_exchange_rates_catalogue_id_currency")
        ),
    )
    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "admin",
                "facilitator",
                "producer",
                "buyer",
                "print_shop",
                name="role",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("producer_id", sa.Integer(), nullable=True),
        sa.Column("print_shop_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "role <> 'print_shop' OR print_shop_id IS NOT NULL",
            name=op.f("ck_memberships_print_shop_role_has_print_shop"),
        ),
        sa.CheckConstraint(
            "role <> 'producer' OR producer_id IS NOT NULL",
            name=op.f("ck_memberships_producer_role_has_producer"),
        ),
        sa.ForeignKeyConstraint(
            ["network_id"],
            ["networks.id"],
            name=op.f("fk_memberships_network_id_networks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["print_shop_id"],
            ["print_shops.id"],
            name=op.f("fk_memberships_print_shop_id_print_shops"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["producer_id"],
            ["producers.id"],
            name=op.f("fk_memberships_producer_id_producers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_memberships_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
        sa.UniqueConstraint(
            "user_id",
            "network_id",
            "role",
            "producer_id",
            name=op.f("uq_memberships_user_id_network_id_role_producer_id"),
        ),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_memberships_user_id"), ["user_id"], unique=False)

    op.create_table(
        "producer_contacts",
        sa.Column("producer_id", sa.Integer(), nullable=False),
        sa.Column("owner_names", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["producer_id"],
            ["producers.id"],
            name=op.f("fk_producer_contacts_producer_id_producers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("producer_id", name=op.f("pk_producer_contacts")),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("producer_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("colours", sa.JSON(), nullable=False),
        sa.Column("materials", sa.JSON(), nullable=False),
        sa.Column("length_mm", sa.Integer(), nullable=True),
        sa.Column("width_mm", sa.Integer(), nullable=True),
        sa.Column("height_mm", sa.Integer(), nullable=True),
        sa.Column("weight_g", sa.Integer(), nullable=True),
        sa.Column("is_food", sa.Boolean(), nullable=False),
        sa.Column("perishable", sa.Boolean(), nullable=False),
        sa.Column("shelf_life_days", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "submitted",
                "approved",
                "changes_requested",
                "retired",
                name="product_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "height_mm IS NULL OR height_mm >= 0", name=op.f("ck_products_height_mm_not_negative")
        ),
        sa.CheckConstraint(
            "length_mm IS NULL OR length_mm >= 0", name=op.f("ck_products_length_mm_not_negative")
        ),
        sa.CheckConstraint(
            "shelf_life_days IS NULL OR shelf_life_days > 0",
            name=op.f("ck_products_shelf_life_positive"),
        ),
        sa.CheckConstraint(
            "weight_g IS NULL OR weight_g >= 0", name=op.f("ck_products_weight_g_not_negative")
        ),
        sa.CheckConstraint(
            "width_mm IS NULL OR width_mm >= 0", name=op.f("ck_products_width_mm_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["producer_id"],
            ["producers.id"],
            name=op.f("fk_products_producer_id_producers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["users.id"],
            name=op.f("fk_products_reviewed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("producer_id", "sku", name=op.f("uq_products_producer_id_sku")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_products_producer_id"), ["producer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_products_status"), ["status"], unique=False)

    op.create_table(
        "readiness_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("producer_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("taken_by_id", sa.Integer(), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("score_a", sa.Integer(), nullable=False),
        sa.Column("score_b", sa.Integer(), nullable=False),
        sa.Column("score_c", sa.Integer(), nullable=False),
        sa.Column("score_d", sa.Integer(), nullable=False),
        sa.Column("score_e", sa.Integer(), nullable=False),
        sa.Column("score_f", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "score_a BETWEEN 0 AND 12", name=op.f("ck_readiness_assessments_score_a_range")
        ),
        sa.CheckConstraint(
            "score_b BETWEEN 0 AND 1", name=op.f("ck_readiness_assessments_score_b_range")
        ),
        sa.CheckConstraint(
            "score_c BETWEEN 0 AND 10", name=op.f("ck_readiness_assessments_score_c_range")
        ),
        sa.CheckConstraint(
            "score_d BETWEEN 0 AND 11", name=op.f("ck_readiness_assessments_score_d_range")
        ),
        sa.CheckConstraint(
            "score_e BETWEEN 0 AND 5", name=op.f("ck_readiness_assessments_score_e_range")
        ),
        sa.CheckConstraint(
            "score_f BETWEEN 0 AND 5", name=op.f("ck_readiness_assessments_score_f_range")
        ),
        sa.ForeignKeyConstraint(
            ["producer_id"],
            ["producers.id"],
            name=op.f("fk_readiness_assessments_producer_id_producers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["taken_by_id"],
            ["users.id"],
            name=op.f("fk_readiness_assessments_taken_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_readiness_assessments")),
    )
    with op.batch_alter_table("readiness_assessments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_readiness_assessments_producer_id"), ["producer_id"], unique=False
        )

    op.create_table(
        "support_needs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("producer_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "packaging",
                "design",
                "prototypes_samples",
                "photography",
                "costing",
                "translation",
                "shipping",
                "materials",
                "exhibitions",
                "training",
                name="support_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "requested",
                "in_progress",
                "done",
                "not_needed",
                name="support_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["producer_id"],
            ["producers.id"],
            name=op.f("fk_support_needs_producer_id_producers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_support_needs_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_support_needs")),
        sa.UniqueConstraint("producer_id", "kind", name=op.f("uq_support_needs_producer_id_kind")),
    )
    op.create_table(
        "capacities",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("units_per_month", sa.Integer(), nullable=False),
        sa.Column("lead_time_days", sa.Integer(), nullable=False),
        sa.Column("min_order", sa.Integer(), nullable=False),
        sa.Column("case_multiple", sa.Integer(), nullable=False),
        sa.Column("months_available", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("case_multiple >= 1", name=op.f("ck_capacities_case_multiple_positive")),
        sa.CheckConstraint(
            "lead_time_days >= 0", name=op.f("ck_capacities_lead_time_not_negative")
        ),
        sa.CheckConstraint("min_order >= 1", name=op.f("ck_capacities_min_order_positive")),
        sa.CheckConstraint(
            "months_available BETWEEN 0 AND 4095", name=op.f("ck_capacities_months_bitmask")
        ),
        sa.CheckConstraint(
            "units_per_month >= 0", name=op.f("ck_capacities_units_per_month_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_capacities_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_capacities")),
    )
    op.create_table(
        "capacity_ledger",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.CheckConstraint("capacity >= 0", name=op.f("ck_capacity_ledger_capacity_not_negative")),
        sa.CheckConstraint(
            "reserved <= capacity", name=op.f("ck_capacity_ledger_reserved_within_capacity")
        ),
        sa.CheckConstraint("reserved >= 0", name=op.f("ck_capacity_ledger_reserved_not_negative")),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_capacity_ledger_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_capacity_ledger")),
        sa.UniqueConstraint(
            "product_id", "month", name=op.f("uq_capacity_ledger_product_id_month")
        ),
    )
    op.create_table(
        "edition_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("min_order", sa.Integer(), nullable=False),
        sa.Column("case_multiple", sa.Integer(), nullable=False),
        sa.Column("lead_time_days", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "case_multiple >= 1", name=op.f("ck_edition_items_case_multiple_positive")
        ),
        sa.CheckConstraint("min_order >= 1", name=op.f("ck_edition_items_min_order_positive")),
        sa.CheckConstraint(
            "unit_price >= 0", name=op.f("ck_edition_items_unit_price_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["currency"], ["currencies.code"], name=op.f("fk_edition_items_currency_currencies")
        ),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["editions.id"],
            name=op.f("fk_edition_items_edition_id_editions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edition_items")),
        sa.UniqueConstraint("edition_id", "code", name=op.f("uq_edition_items_edition_id_code")),
    )
    op.create_table(
        "item_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["catalogue_items.id"],
            name=op.f("fk_item_sources_item_id_catalogue_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_item_sources_product_id_products"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_sources")),
        sa.UniqueConstraint(
            "item_id", "product_id", name=op.f("uq_item_sources_item_id_product_id")
        ),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=24), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("buyer_id", sa.Integer(), nullable=True),
        sa.Column("buyer_name", sa.String(length=200), nullable=False),
        sa.Column("buyer_organisation", sa.String(length=200), nullable=False),
        sa.Column("buyer_email", sa.String(length=254), nullable=False),
        sa.Column("buyer_country", sa.String(length=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "submitted",
                "confirmed",
                "in_production",
                "shipped",
                "delivered",
                "cancelled",
                name="order_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("wanted_by", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["buyer_id"], ["users.id"], name=op.f("fk_orders_buyer_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["currency"], ["currencies.code"], name=op.f("fk_orders_currency_currencies")
        ),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["editions.id"],
            name=op.f("fk_orders_edition_id_editions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("reference", name=op.f("uq_orders_reference")),
    )
    op.create_table(
        "price_ranges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("wholesale_min", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("wholesale_max", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("retail_min", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("retail_max", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(retail_min IS NULL AND retail_max IS NULL) OR retail_min <= retail_max",
            name=op.f("ck_price_ranges_retail_min_le_max"),
        ),
        sa.CheckConstraint(
            "retail_min IS NULL OR retail_min >= 0",
            name=op.f("ck_price_ranges_retail_min_not_negative"),
        ),
        sa.CheckConstraint(
            "wholesale_min <= wholesale_max", name=op.f("ck_price_ranges_wholesale_min_le_max")
        ),
        sa.CheckConstraint(
            "wholesale_min >= 0", name=op.f("ck_price_ranges_wholesale_min_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["currency"], ["currencies.code"], name=op.f("fk_price_ranges_currency_currencies")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_price_ranges_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_ranges")),
        sa.UniqueConstraint(
            "product_id", "currency", name=op.f("uq_price_ranges_product_id_currency")
        ),
    )
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_id", sa.Integer(), nullable=False),
        sa.Column("print_shop_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "requested",
                "accepted",
                "printing",
                "shipped",
                "cancelled",
                name="print_job_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("paper", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("copies > 0", name=op.f("ck_print_jobs_copies_positive")),
        sa.ForeignKeyConstraint(
            ["edition_id"],
            ["editions.id"],
            name=op.f("fk_print_jobs_edition_id_editions"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["print_shop_id"],
            ["print_shops.id"],
            name=op.f("fk_print_jobs_print_shop_id_print_shops"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"],
            ["users.id"],
            name=op.f("fk_print_jobs_requested_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_jobs")),
    )
    op.create_table(
        "product_images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mime", sa.String(length=40), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_cover", sa.Boolean(), nullable=False),
        sa.Column("alt_text", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "ready",
                "failed",
                name="image_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("dominant_colour", sa.String(length=7), nullable=True),
        sa.Column("quality", sa.JSON(), nullable=False),
        sa.Column("source_key", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("byte_size > 0", name=op.f("ck_product_images_byte_size_positive")),
        sa.CheckConstraint(
            "width > 0 AND height > 0", name=op.f("ck_product_images_dimensions_positive")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_images_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_images")),
        sa.UniqueConstraint(
            "product_id", "sha256", name=op.f("uq_product_images_product_id_sha256")
        ),
    )
    with op.batch_alter_table("product_images", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_product_images_sha256"), ["sha256"], unique=False)

    op.create_table(
        "product_tags",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_tags_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_product_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("product_id", "tag_id", name=op.f("pk_product_tags")),
    )
    op.create_table(
        "product_texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("story", sa.Text(), nullable=False),
        sa.CheckConstraint("length(name) > 0", name=op.f("ck_product_texts_name_not_empty")),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_texts_product_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_texts")),
        sa.UniqueConstraint(
            "product_id", "locale", name=op.f("uq_product_texts_product_id_locale")
        ),
    )
    op.create_table(
        "edition_item_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_item_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("producer_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_item_id"],
            ["edition_items.id"],
            name=op.f("fk_edition_item_sources_edition_item_id_edition_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["producer_id"],
            ["producers.id"],
            name=op.f("fk_edition_item_sources_producer_id_producers"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_edition_item_sources_product_id_products"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edition_item_sources")),
        sa.UniqueConstraint(
            "edition_item_id",
            "product_id",
            name=op.f("uq_edition_item_sources_edition_item_id_product_id"),
        ),
    )
    op.create_table(
        "image_derivatives",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("image_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "thumb",
                "web",
                "screen",
                "print",
                name="derivative_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "width > 0 AND height > 0", name=op.f("ck_image_derivatives_dimensions_positive")
        ),
        sa.ForeignKeyConstraint(
            ["image_id"],
            ["product_images.id"],
            name=op.f("fk_image_derivatives_image_id_product_images"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_image_derivatives")),
        sa.UniqueConstraint("image_id", "kind", name=op.f("uq_image_derivatives_image_id_kind")),
    )
    with op.batch_alter_table("image_derivatives", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_image_derivatives_sha256"), ["sha256"], unique=False)

    op.create_table(
        "order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("edition_item_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_order_lines_quantity_positive")),
        sa.CheckConstraint("unit_price >= 0", name=op.f("ck_order_lines_unit_price_not_negative")),
        sa.ForeignKeyConstraint(
            ["edition_item_id"],
            ["edition_items.id"],
            name=op.f("fk_order_lines_edition_item_id_edition_items"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_order_lines_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
        sa.UniqueConstraint(
            "order_id", "edition_item_id", name=op.f("uq_order_lines_order_id_edition_item_id")
        ),
    )
    op.create_table(
        "price_tiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("price_range_id", sa.Integer(), nullable=False),
        sa.Column("min_quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.CheckConstraint("min_quantity >= 1", name=op.f("ck_price_tiers_min_quantity_positive")),
        sa.CheckConstraint("unit_price >= 0", name=op.f("ck_price_tiers_unit_price_not_negative")),
        sa.ForeignKeyConstraint(
            ["price_range_id"],
            ["price_ranges.id"],
            name=op.f("fk_price_tiers_price_range_id_price_ranges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_tiers")),
        sa.UniqueConstraint(
            "price_range_id",
            "min_quantity",
            name=op.f("uq_price_tiers_price_range_id_min_quantity"),
        ),
    )
    op.create_table(
        "allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "confirmed",
                "declined",
                name="allocation_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_allocations_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_allocations_order_line_id_order_lines"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_allocations_product_id_products"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocations")),
        sa.UniqueConstraint(
            "order_line_id",
            "product_id",
            "month",
            name=op.f("uq_allocations_order_line_id_product_id_month"),
        ),
    )
    currencies = sa.table(
        "currencies",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("minor_units", sa.Integer),
    )
    op.bulk_insert(currencies, [{"code": c, "name": n, "minor_units": m} for c, n, m in ISO_4217])


def downgrade() -> None:
    op.drop_table("allocations")
    op.drop_table("price_tiers")
    op.drop_table("order_lines")
    with op.batch_alter_table("image_derivatives", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_image_derivatives_sha256"))

    op.drop_table("image_derivatives")
    op.drop_table("edition_item_sources")
    op.drop_table("product_texts")
    op.drop_table("product_tags")
    with op.batch_alter_table("product_images", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_product_images_sha256"))

    op.drop_table("product_images")
    op.drop_table("print_jobs")
    op.drop_table("price_ranges")
    op.drop_table("orders")
    op.drop_table("item_sources")
    op.drop_table("edition_items")
    op.drop_table("capacity_ledger")
    op.drop_table("capacities")
    op.drop_table("support_needs")
    with op.batch_alter_table("readiness_assessments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_readiness_assessments_producer_id"))

    op.drop_table("readiness_assessments")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_status"))
        batch_op.drop_index(batch_op.f("ix_products_producer_id"))
        batch_op.drop_index(batch_op.f("ix_products_category"))

    op.drop_table("products")
    op.drop_table("producer_contacts")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memberships_user_id"))

    op.drop_table("memberships")
    op.drop_table("exchange_rates")
    op.drop_table("editions")
    op.drop_table("catalogue_items")
    op.drop_table("producers")
    op.drop_table("print_shops")
    op.drop_table("catalogues")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_events_network_id"))
        batch_op.drop_index(batch_op.f("ix_audit_events_created_at"))

    op.drop_table("audit_events")
    op.drop_table("networks")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_jobs_status"))

    op.drop_table("jobs")
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_tokens_user_id"))

    op.drop_table("api_tokens")
    op.drop_table("users")
    op.drop_table("tags")
    op.drop_table("login_failures")
    op.drop_table("currencies")
