"""Seed data written from the Questions Numériques documents, and the functions that load it."""
