"""Tests of policydiff.coverage.matrix."""
