"""An independent, sealed yardstick.

Written apart from the filter and scored once; nobody who tunes the filter
reads it, and its make-up is described nowhere outside this package.
"""
