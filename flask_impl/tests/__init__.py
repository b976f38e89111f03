"""The Flask twin's own tests, in one folder as the Flask tutorial keeps them. Twin: the `tests/`
package of each Django app (django_impl/accounts/tests/, blog/tests/, api/tests/).
"""
