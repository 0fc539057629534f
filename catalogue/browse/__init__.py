"""Buyers browse published catalogues on the web: the latest edition's home, sections, items and
producers, from its frozen snapshot (``editions``), in the reader's language."""
