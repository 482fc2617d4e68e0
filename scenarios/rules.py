import rules

from core.rules import is_editor, is_facilitator

can_edit_scenarios = is_facilitator | is_editor

rules.add_perm("scenarios.view_library", can_edit_scenarios)
rules.add_perm("scenarios.edit_scenario", can_edit_scenarios)
