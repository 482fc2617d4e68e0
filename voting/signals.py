"""What the voting app tells the apps above it, which it may not import (README, "Architecture").

`ballot_closed` is sent by services.ballot_close inside its transaction, with the workshop and the
ballot rows locked: a receiver that writes locks what it needs after those (the lock order of
services.py), and an error it raises refuses the close. The promise workshop applies a keyword or
phrase ballot's outcome this way.
"""

from django.dispatch import Signal

# Sent with `ballot` (the closed Ballot).
ballot_closed = Signal()
