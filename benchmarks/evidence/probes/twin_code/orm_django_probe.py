"""Probe (Django twin's environment): four queries of the ORM catalogue, each written with the
Django ORM alone (no raw SQL) and executed on an in-memory SQLite database.

Each counts as run when it executed, returned what its data implies, and the SQL Django sent
carries the construct (WITH, OVER, a two-column PRIMARY KEY, ON CONFLICT ... DO UPDATE).
"""

import json

import django
from django.conf import settings

settings.configure(
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    INSTALLED_APPS=[],
    DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
)
django.setup()

from django.db import IntegrityError, connection, models, transaction  # noqa: E402
from django.db.models import F, QuerySet, Window  # noqa: E402
from django.db.models.functions import RowNumber  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

NODES = [("root", None, 5), ("a", "root", 3), ("b", "root", 7), ("a1", "a", 1), ("a2", "a", 9)]


def create(model):
    with connection.schema_editor() as editor:
        editor.create_model(model)


def node_model():
    class Node(models.Model):
        name = models.CharField(max_length=20, unique=True)
        parent = models.ForeignKey("self", null=True, on_delete=models.CASCADE)
        score = models.IntegerField()

        class Meta:
            app_label = "catalogue"

        def __str__(self):
            return self.name

    create(Node)
    by_name = {}
    for name, parent, score in NODES:
        by_name[name] = Node.objects.create(name=name, parent=by_name.get(parent), score=score)
    return Node


def cte(Node):
    """Descendants of `a` through a recursive common table expression."""
    with_cte = getattr(QuerySet, "with_cte", None) or getattr(models, "CTE", None)
    if with_cte is None:
        raise LookupError("django.db.models has no CTE and QuerySet no with_cte()")
    raise LookupError(f"a CTE construct exists ({with_cte!r}) but this probe does not know it")


def window_function(Node):
    """Rank of each node among its siblings by score (ROW_NUMBER() OVER (PARTITION BY ...))."""
    ranked = Node.objects.annotate(
        rank=Window(RowNumber(), partition_by=[F("parent")], order_by=F("score").desc())
    ).values_list("name", "rank")
    expected = {}
    for name, parent, score in NODES:
        siblings = [s for n, p, s in NODES if p == parent]
        expected[name] = sorted(siblings, reverse=True).index(score) + 1
    assert dict(ranked) == expected, dict(ranked)


def composite_primary_key(_Node):
    """A table keyed by two columns; a row fetched by its pair; a duplicate pair refused."""

    class Membership(models.Model):
        pk = models.CompositePrimaryKey("group_id", "member_id")
        group_id = models.IntegerField()
        member_id = models.IntegerField()
        role = models.CharField(max_length=10)

        class Meta:
            app_label = "catalogue"

        def __str__(self):
            return f"{self.group_id}/{self.member_id}"

    create(Membership)
    Membership.objects.create(group_id=1, member_id=1, role="owner")
    Membership.objects.create(group_id=1, member_id=2, role="reader")
    assert Membership.objects.get(pk=(1, 2)).role == "reader"
    try:
        with transaction.atomic():
            Membership.objects.create(group_id=1, member_id=1, role="again")
    except IntegrityError:
        return
    raise AssertionError("a duplicate primary key pair was stored")


def bulk_upsert(Node):
    """One statement that updates an existing row and inserts a new one (ON CONFLICT DO UPDATE)."""
    Node.objects.bulk_create(
        [Node(name="b", score=70), Node(name="c", score=2)],
        update_conflicts=True,
        unique_fields=["name"],
        update_fields=["score"],
    )
    scores = dict(Node.objects.filter(name__in=["b", "c"]).values_list("name", "score"))
    assert scores == {"b": 70, "c": 2}, scores


CATALOGUE = {
    "cte": (cte, "WITH"),
    "window_function": (window_function, "OVER"),
    "composite_primary_key": (composite_primary_key, 'PRIMARY KEY ("group_id", "member_id")'),
    "bulk_upsert": (bulk_upsert, "ON CONFLICT"),
}


def main():
    Node = node_model()
    ran, failed = [], {}
    for name, (attempt, construct) in CATALOGUE.items():
        try:
            with CaptureQueriesContext(connection) as queries:
                attempt(Node)
            sql = " ".join(query["sql"] for query in queries.captured_queries)
            if construct not in sql:
                raise AssertionError(f"the SQL sent holds no {construct}")
            ran.append(name)
        except Exception as error:  # every failure is an answer: this query did not run
            failed[name] = f"{type(error).__name__}: {error}"
    print(json.dumps({"ran": ran, "failed": failed, "django": django.get_version()}))


if __name__ == "__main__":
    main()
