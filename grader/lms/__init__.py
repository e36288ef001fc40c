"""Conversions of the native report into the formats learning-management systems import."""
