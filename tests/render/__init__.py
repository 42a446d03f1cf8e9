"""Tests of policydiff.render."""
