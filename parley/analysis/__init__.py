"""Analyses over the store: pure functions from store queries to plain data (STYLE.md)."""
