"""policydiff's tests, one folder per package of policydiff/ (shared fixtures and generators here)."""
