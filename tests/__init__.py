"""Tests of the eSIM Renewal integration."""
