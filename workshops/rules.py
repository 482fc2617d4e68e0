"""Who may do what, as named rules (django-rules): role and workshop together."""

import rules

from core.rules import is_facilitator


@rules.predicate
def facilitates_workshop(user, workshop):
    if workshop is None or not user.is_authenticated:
        return False
    return workshop.facilitators.filter(pk=user.pk).exists()


can_run_workshop = is_facilitator & facilitates_workshop | rules.is_superuser

rules.add_perm("workshops.create_workshop", is_facilitator)
rules.add_perm("workshops.run_workshop", can_run_workshop)
