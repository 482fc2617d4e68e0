"""Who may do what with ballots: named rules, on top of the workshops ones."""

import rules

from workshops.rules import can_run_workshop

# Creating, opening, closing, revealing and exporting ballots: whoever runs the workshop (object).
rules.add_perm("voting.run_ballots", can_run_workshop)
