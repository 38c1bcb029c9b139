"""The domain core: what a mobile line is, and every date, data and money rule of it.

Nothing in this package imports Home Assistant or reads a clock: "today" and
"now" are always arguments, so every rule can be tested with plain values.

A line's *expiry date* is its last safe day: the last calendar day on which it
surely works. The line lapses at the first instant of the next local day. Many
carriers then suspend it and recycle the number only after a grace period; see
``lapse``.
"""
