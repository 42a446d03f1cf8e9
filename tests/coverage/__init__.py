"""Tests of policydiff.coverage."""
