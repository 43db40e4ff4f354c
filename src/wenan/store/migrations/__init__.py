"""Alembic migrations for the project store, shipped as package data and run by ``Store.open``."""
