"""Sign-up, sign-in, settings and follows via the test client.

Twin: flask_impl/tests/test_accounts.py.
"""

from django.contrib.auth import SESSION_KEY
from django.test import Client, TestCase

from accounts.models import User

PASSWORD = "correct-horse-battery"


class RegisterTests(TestCase):
    def test_sign_up_signs_the_new_user_in(self):
        response = self.client.post(
            "/register/", {"username": "Ada", "email": " Ada@Example.COM ", "password": PASSWORD}
        )

        self.assertRedirects(response, "/", fetch_redirect_response=False)
        user = User.objects.get(username="Ada")
        self.assertEqual(user.email, "ada@example.com")
        self.assertEqual(self.client.session[SESSION_KEY], str(user.pk))

    def test_username_taken_in_another_case_is_refused(self):
        User.objects.create_user("ada@example.com", "ada")

        response = self.client.post(
            "/register/", {"username": "ADA", "email": "other@example.com", "password": PASSWORD}
        )

        self.assertContains(response, 'data-field="username"', status_code=422)
        self.assertEqual(User.objects.count(), 1)

    def test_email_taken_in_another_case_is_refused(self):
        User.objects.create_user("ada@example.com", "ada")

        response = self.client.post(
            "/register/", {"username": "ada2", "email": "ADA@example.com", "password": PASSWORD}
        )

        self.assertContains(response, 'data-field="email"', status_code=422)

    def test_signed_in_visitor_is_sent_home(self):
        self.client.force_login(User.objects.create_user("ada@example.com", "ada"))

        response = self.client.get("/register/")

        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_other_method_by_a_signed_in_visitor_is_sent_home_first(self):
        self.client.force_login(User.objects.create_user("ada@example.com", "ada"))

        response = self.client.delete("/register/")

        self.assertRedirects(response, "/", fetch_redirect_response=False)

    def test_other_method_is_refused(self):
        self.assertEqual(self.client.delete("/register/").status_code, 405)

    def test_sign_up_without_csrf_token_is_refused(self):
        client = Client(enforce_csrf_checks=True)

        response = client.post(
            "/register/", {"username": "ada", "email": "ada@example.com", "password": PASSWORD}
        )

        self.assertEqual(response.status_code, 403)
        self.assertFalse(User.objects.exists())


class SignInTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        User.objects.create_user("ada@example.com", "ada", PASSWORD)

    def test_wrong_password_is_a_form_wide_422(self):
        response = self.client.post("/login/", {"email": "ada@example.com", "password": "nope"})

        self.assertEqual(response.status_code, 422)
        self.assertFormError(
            response.context["form"], None, "That email and password do not match an account."
        )
        self.assertContains(
            response,
            '<li data-testid="form-error">That email and password do not match an account.</li>',
            status_code=422,
        )
        self.assertNotIn(SESSION_KEY, self.client.session)

    def test_email_is_matched_in_any_case_and_next_followed(self):
        response = self.client.post(
            "/login/", {"email": "ADA@example.com", "password": PASSWORD, "next": "/settings/"}
        )

        self.assertRedirects(response, "/settings/", fetch_redirect_response=False)

    def test_next_to_another_site_goes_home(self):
        response = self.client.post(
            "/login/", {"email": "ada@example.com", "password": PASSWORD, "next": "//evil.example/"}
        )

        self.assertRedirects(response, "/", fetch_redirect_response=False)


class SettingsTests(TestCase):
    def setUp(self):
        self.user = User.objects.create_user("ada@example.com", "ada", PASSWORD)
        self.client.force_login(self.user)

    def settings(self, **fields):
        data = {"image": "", "username": "ada", "bio": "", "email": "ada@example.com"}
        return self.client.post("/settings/", {**data, "password": "", **fields})

    def test_blank_password_keeps_it_and_empty_fields_are_empty(self):
        response = self.settings(bio="  ")

        self.assertRedirects(response, "/settings/", fetch_redirect_response=False)
        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password(PASSWORD))
        self.assertEqual((self.user.bio, self.user.image), ("", ""))

    def test_new_password_keeps_the_user_signed_in(self):
        self.settings(password="a-new-password", current_password=PASSWORD)

        self.user.refresh_from_db()
        self.assertTrue(self.user.check_password("a-new-password"))
        self.assertEqual(self.client.get("/settings/").status_code, 200)

    def test_new_email_without_the_current_password_is_refused(self):
        response = self.settings(email="new@example.com", current_password="wrong-password")

        self.assertContains(response, 'data-field="current_password"', status_code=422)
        self.user.refresh_from_db()
        self.assertEqual(self.user.email, "ada@example.com")

    def test_rejected_username_does_not_rename_the_signed_in_user(self):
        response = self.settings(username="with/slash")

        self.assertContains(response, 'data-field="username"', status_code=422)
        self.assertContains(
            response, 'data-testid="nav-profile" href="/profile/ada/"', status_code=422
        )

    def test_image_must_be_an_http_url(self):
        response = self.settings(image="ftp://img.example/a.png")

        self.assertContains(response, 'data-field="image"', status_code=422)


class FollowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ada = User.objects.create_user("ada@example.com", "ada")
        cls.alan = User.objects.create_user("alan@example.com", "alan")

    def test_follow_then_unfollow(self):
        self.client.force_login(self.ada)

        response = self.client.post("/profile/alan/follow/")

        self.assertRedirects(response, "/profile/alan/", fetch_redirect_response=False)
        self.assertEqual(list(self.ada.following.all()), [self.alan])
        self.client.post("/profile/alan/unfollow/")
        self.assertFalse(self.ada.following.exists())

    def test_following_oneself_is_400(self):
        self.client.force_login(self.ada)

        response = self.client.post("/profile/ada/follow/")

        self.assertContains(response, 'data-testid="error-page"', status_code=400)
        self.assertFalse(self.ada.following.exists())

    def test_anonymous_follow_redirects_to_sign_in(self):
        response = self.client.post("/profile/alan/follow/")

        self.assertRedirects(
            response, "/login/?next=/profile/alan/follow/", fetch_redirect_response=False
        )
