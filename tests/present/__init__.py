"""Tests of policydiff.present."""
