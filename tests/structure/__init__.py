"""Tests of policydiff.structure.parse."""
