"""The staff roles as named rules (django-rules): every app builds its own rules on these."""

import rules

from .roles import EDITORS, FACILITATORS

is_facilitator = rules.is_group_member(FACILITATORS) | rules.is_superuser
is_editor = rules.is_group_member(EDITORS) | rules.is_superuser
