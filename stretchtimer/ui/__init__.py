"""Everything Qt: widgets receive models and drivers, never own the timing rules."""
