"""Tests of policydiff.meaning."""
