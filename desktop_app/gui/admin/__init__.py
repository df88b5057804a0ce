"""The administration screen: users, settings, standards, the audit trail and backups."""
