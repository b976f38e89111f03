"""Probe (Django twin's environment): the four queries of the ORM catalogue (orm_catalogue.py),
each written with the Django ORM alone (no raw SQL), executed on an in-memory SQLite database."""

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
from orm_catalogue import NODES, UPSERTED, report, sibling_ranks  # noqa: E402


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
    assert dict(ranked) == sibling_ranks(), dict(ranked)


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
        [Node(name=name, score=score) for name, score in UPSERTED.items()],
        update_conflicts=True,
        unique_fields=["name"],
        update_fields=["score"],
    )
    scores = dict(Node.objects.filter(name__in=UPSERTED).values_list("name", "score"))
    assert scores == UPSERTED, scores


CATALOGUE = {
    "cte": (cte, "WITH"),
    "window_function": (window_function, "OVER"),
    "composite_primary_key": (composite_primary_key, 'PRIMARY KEY ("group_id", "member_id")'),
    "bulk_upsert": (bulk_upsert, "ON CONFLICT"),
}


def main():
    node = node_model()

    def run_one(attempt):
        with CaptureQueriesContext(connection) as queries:
            attempt(node)
        return " ".join(query["sql"] for query in queries.captured_queries)

    report(CATALOGUE, run_one, {"django": django.get_version()})


if __name__ == "__main__":
    main()
