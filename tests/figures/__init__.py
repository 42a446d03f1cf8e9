"""Tests of policydiff.figures."""
