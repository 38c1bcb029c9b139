"""Custom integrations, as Home Assistant loads them from a config folder."""
