"""The comments app's settings and their defaults.

portal/settings.py sets COMMENTS_<NAME> from the environment variable of the
same name, falling back to <NAME> here; comments/checks.py rejects bad values.
django-ratelimit counts in the default (shared) cache, per salted address hash;
the database cache increments by read-then-write, so a burst may let one or two
extra posts through, while with REDIS_URL the counting is atomic.
"""

POST_RATE = "5/10m"  # comments per address
VOTE_RATE = "30/h"  # star votes per address
