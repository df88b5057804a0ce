"""Signing in, the lock screen and first-run setup."""
