"""Staff roles are Django groups: a facilitator runs workshops, an editor edits scenarios and cahiers."""

FACILITATORS = "facilitators"
EDITORS = "editors"
