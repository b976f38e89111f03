"""API tokens as a twin signs them: its key, and its own issuer and audience (`api.md`)."""

import jwt
import pytest

# Each twin's `iss` and `aud`: a token naming another pair is refused even with the right key.
ISSUED_BY = {
    "django": {"iss": "conduit-django", "aud": "conduit-django-api"},
    "flask": {"iss": "conduit-flask", "aud": "conduit-flask-api"},
}


def sign(twin, key_of=None, **claims) -> str:
    """A token signed with the twin's key, naming `key_of`'s issuer and audience (the twin's own
    by default) unless the claims give theirs; skips against a server the suite did not start."""
    if twin.secret_key is None or twin.name not in ISSUED_BY:
        pytest.skip("the server's SECRET_KEY is unknown (--base-url)")
    return jwt.encode(
        {**ISSUED_BY[key_of or twin.name], **claims}, twin.secret_key, algorithm="HS256"
    )
