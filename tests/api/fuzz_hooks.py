"""Schemathesis hooks for the fuzz run (`SCHEMATHESIS_HOOKS`): a real token where one is needed.

The first operation that needs a user registers one through `POST /users` on the server under test
(the `--url` of the run) and every later case reuses its token; operations that take no token
(sign-up, sign-in, tags) get none. A 401 is an answer under test, never a cue to sign in again.
"""

import uuid

import requests
import schemathesis

PASSWORD = "fuzzing-password-1"


@schemathesis.auth(refresh_interval=24 * 3600, retry_on=[]).skip_for(
    operation_id=["CreateUser", "Login", "GetTags"]
)
class RegisteredUser:
    def get(self, case, context):
        username = f"fuzz{uuid.uuid4().hex[:12]}"
        user = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}
        response = requests.post(
            f"{context.operation.schema.get_base_url()}/users", json={"user": user}, timeout=30
        )
        response.raise_for_status()
        return response.json()["user"]["token"]

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Token {data}"}
