"""Who may read and edit the scenario library: named rules (same design as workshops/rules.py).

The library is staff work: facilitators seed their workshops from it, editors consolidate it.
Participants (a `Visitor` without a user) and signed-in readers have no access; which scenarios a
member of staff sees is `selectors.scenario_list`, these rules say whether they get in at all.
"""

from core.rules import add_action, is_editor, is_facilitator

is_staff_member = is_facilitator | is_editor

add_action("scenarios.view_library", is_staff_member)
add_action("scenarios.edit_scenario", is_staff_member)
