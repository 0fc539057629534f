"""Imports every module that registers job handlers."""

import catalogue.editions.tasks
import catalogue.media.tasks  # noqa: F401
