"""Tests of policydiff.figures.extract."""
