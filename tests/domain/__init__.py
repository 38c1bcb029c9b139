"""Tests of the domain core, with plain values."""
