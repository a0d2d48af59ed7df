"""An independent sealed yardstick, scored once, not to be read by anyone tuning the filter."""
