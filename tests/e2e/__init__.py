"""End-to-end tests: a real Home Assistant process, driven over HTTP."""
