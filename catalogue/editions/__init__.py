"""Editions: frozen, numbered snapshots of a catalogue, and publishing them to files."""
