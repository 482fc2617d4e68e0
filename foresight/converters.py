"""URL converters shared by the apps' URLconfs."""


class JoinCodeConverter:
    """A join code in a URL: letters and digits only, as long as the column allows.

    Anything else (a NUL byte, which PostgreSQL refuses in a string; spaces; punctuation) is no
    code at all, so the URL does not match and the visitor gets the 404 page instead of a 500.
    Letters of either case match: people type codes as they read them, the views upper-case them.
    """

    regex = "[A-Za-z0-9]{1,12}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
