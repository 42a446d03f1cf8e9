"""Tests of policydiff.compare.pipeline."""
