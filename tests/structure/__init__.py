"""Tests of policydiff.structure."""
