"""Settings of the shared pieces in portal/ and their defaults.

portal/settings.py sets IMAGE_<NAME> from the environment variable of the same
name, falling back to <NAME> here; portal/checks.py rejects bad values.
"""

# Uploads: Pillow checks every image; these bound what it will even look at.
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a decompression bomb is refused before decoding
MAX_SIDE = 10_000
