"""The intake screen (受理) and its panels, and the supplement dialog."""
