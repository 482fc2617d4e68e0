"""What a write changed on a table's board, in a few plain values (workshops.live records them).

A laptop that holds the version before this one is sent the fragment of the change
(workshops.deltas), not the board again. Anything these do not describe (a group label, a merge,
a post-it shown again, a synthesis) is recorded as "redraw": the laptops redraw the board, as before.
"""


def postit_added(contribution, *, workshop) -> dict:
    """A new post-it: everything its fragment shows, so rendering it needs no query."""
    return {
        "kind": "add",
        "id": contribution.pk,
        "section": contribution.section_id,
        "text": contribution.text,
        "axis": contribution.axis,
        "group": contribution.group_label,
        "plus_ones": contribution.plus_ones,
        "author_id": contribution.participant_id,
        "author": contribution.participant.display_name,
        "allow_self_plus_one": workshop.allow_self_plus_one,
        "code": workshop.join_code,
    }


def plus_ones_moved(contribution) -> dict:
    return {"kind": "count", "id": contribution.pk, "plus_ones": contribution.plus_ones}


def postit_removed(contribution) -> dict:
    return {"kind": "remove", "id": contribution.pk}
