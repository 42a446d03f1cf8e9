"""Tests of policydiff.io."""
