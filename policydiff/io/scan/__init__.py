"""Scans read by on-device OCR: the engine (engine), pages in parallel processes (pages), documents (read).

Only with the ``[ocr]`` extra; without it the readers say which extra to install.
"""
