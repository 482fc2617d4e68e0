from tests.rules_world import world  # noqa: F401
