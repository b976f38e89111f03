"""Probe (Flask twin's environment): the four queries of the ORM catalogue (orm_catalogue.py),
each written with SQLAlchemy's ORM and Core constructs alone (no text()), executed on an in-memory
SQLite database."""

import sqlalchemy
from orm_catalogue import NODES, UPSERTED, report, sibling_ranks, subtree
from sqlalchemy import ForeignKey, String, create_engine, event, func, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Node(Base):
    __tablename__ = "node"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("node.id"))
    score: Mapped[int]


class Membership(Base):
    __tablename__ = "membership"
    group_id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(10))


def load(session):
    ids = {}
    for number, (name, parent, score) in enumerate(NODES, start=1):
        session.add(Node(id=number, name=name, parent_id=ids.get(parent), score=score))
        ids[name] = number
    session.commit()


def cte(session):
    """Descendants of `a` through a recursive common table expression."""
    start = select(Node.id, Node.name).where(Node.name == "a").cte("tree", recursive=True)
    tree = start.union_all(select(Node.id, Node.name).join(start, Node.parent_id == start.c.id))
    names = set(session.scalars(select(tree.c.name)))
    assert names == subtree("a"), names


def window_function(session):
    """Rank of each node among its siblings by score (ROW_NUMBER() OVER (PARTITION BY ...))."""
    rank = func.row_number().over(partition_by=Node.parent_id, order_by=Node.score.desc())
    ranked = dict(session.execute(select(Node.name, rank)).all())
    assert ranked == sibling_ranks(), ranked


def composite_primary_key(session):
    """A table keyed by two columns; a row fetched by its pair; a duplicate pair refused."""
    Membership.__table__.create(session.get_bind())
    session.add_all([Membership(group_id=1, member_id=1, role="owner"),
                     Membership(group_id=1, member_id=2, role="reader")])  # fmt: skip
    session.commit()
    assert session.get(Membership, (1, 2)).role == "reader"
    session.add(Membership(group_id=1, member_id=1, role="again"))
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return
    raise AssertionError("a duplicate primary key pair was stored")


def bulk_upsert(session):
    """One statement that updates an existing row and inserts a new one (ON CONFLICT DO UPDATE)."""
    statement = insert(Node).values([{"name": n, "score": s} for n, s in UPSERTED.items()])
    statement = statement.on_conflict_do_update(
        index_elements=[Node.name], set_={"score": statement.excluded.score}
    )
    session.execute(statement)
    session.commit()
    chosen = select(Node.name, Node.score).where(Node.name.in_(list(UPSERTED)))
    scores = dict(session.execute(chosen).all())
    assert scores == UPSERTED, scores


CATALOGUE = {
    "cte": (cte, "WITH"),
    "window_function": (window_function, "OVER"),
    "composite_primary_key": (composite_primary_key, "PRIMARY KEY (group_id, member_id)"),
    "bulk_upsert": (bulk_upsert, "ON CONFLICT"),
}


def main():
    engine = create_engine("sqlite://")
    sent = []
    event.listen(engine, "before_cursor_execute", lambda *args: sent.append(args[2]))
    Base.metadata.create_all(engine, tables=[Node.__table__])
    with Session(engine) as session:
        load(session)

    def run_one(attempt):
        first = len(sent)
        with Session(engine) as session:
            attempt(session)
        return " ".join(sent[first:])

    report(CATALOGUE, run_one, {"sqlalchemy": sqlalchemy.__version__})


if __name__ == "__main__":
    main()
