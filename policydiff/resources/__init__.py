"""Files the program ships: report template, translations, icons (loaded with importlib.resources)."""
