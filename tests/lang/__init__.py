"""Tests of policydiff.lang."""
