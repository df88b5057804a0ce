"""The county sync screen: export, import and keys."""
