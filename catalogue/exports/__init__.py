"""Outputs made from an edition snapshot: print and screen PDFs, imposition, page previews.

Everything here reads the snapshot (``catalogue.editions.schema``) and a loaded ``Theme`` only, so
the same input always gives the same files.
"""
