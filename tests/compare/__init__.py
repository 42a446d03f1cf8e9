"""Tests of policydiff.compare."""
