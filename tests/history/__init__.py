"""Tests of policydiff.history."""
