"""Make a deterministic, framework-neutral seed data set (JSON) that both twins load.

    python shared_spec/seed/generate.py      # rewrites seed.json: 20 users, 200 articles
    python shared_spec/seed/generate.py --users 1000 --articles 10000 -o var/seed-10k.json

Standard library only, so any Python can run it. The same arguments always give the same file.
"""

import argparse
import json
import random
import re
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEMO = {"username": "demo", "email": "demo@example.com", "password": "demo-password"}
USER_PASSWORD = "seed-password"
START = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
TAGS = [
    "django", "flask", "python", "sql", "orm", "templates", "testing", "security", "deployment",
    "performance", "migrations", "forms", "http", "wsgi", "caching", "markdown", "admin", "i18n",
    "sessions", "postgres", "sqlite", "jinja", "css", "api", "async", "packaging", "tooling",
    "design", "review", "workshop",
]  # fmt: skip
WORDS = (
    "the a framework request response view model query template form field cookie session "
    "server worker thread process database index table column migration router blueprint app "
    "middleware signal cache token header body page list detail feed tag author reader writer "
    "fast slow small large simple clear careful honest measured quiet busy late early new old"
).split()
NAMES = (
    "ada alan barbara brian claude donald edsger frances grace guido ivan james john ken "
    "leslie linus margaret niklaus radia rob sophie tim tony vint yukihiro"
).split()


def slugify(value: str) -> str:
    """Django's slugify rule, which both twins use for new articles."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value.lower())
    return re.sub(r"[-\s]+", "-", value).strip("-_")


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def sentence(rng: random.Random, low: int, high: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))
    return text[0].upper() + text[1:]


def make_body(rng: random.Random) -> str:
    paragraphs = [sentence(rng, 20, 60) + "." for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.5:
        paragraphs.insert(1, "## " + sentence(rng, 2, 5))
    if rng.random() < 0.3:
        paragraphs.append("- " + "\n- ".join(sentence(rng, 2, 6) for _ in range(3)))
    return "\n\n".join(paragraphs)


def make_users(rng: random.Random, count: int) -> list[dict]:
    users = [{**DEMO, "bio": "I try both twins.", "image": None}]
    for index in range(1, count):
        name = f"{NAMES[index % len(NAMES)]}{index}"
        users.append(
            {
                "username": name,
                "email": f"{name}@example.com",
                "password": USER_PASSWORD,
                "bio": sentence(rng, 4, 12) + "." if rng.random() < 0.6 else None,
                "image": f"https://images.example.com/{name}.png" if rng.random() < 0.3 else None,
            }
        )
    for index, user in enumerate(users):
        user["date_joined"] = iso(START - timedelta(days=30, minutes=count - index))
    return users


def make_articles(rng: random.Random, count: int, usernames: list[str]) -> list[dict]:
    articles = []
    moment = START
    for _ in range(count):
        moment += timedelta(minutes=rng.randint(1, 240), microseconds=rng.randint(0, 999_999))
        title = sentence(rng, 3, 8)
        edited = moment + timedelta(hours=rng.randint(1, 48)) if rng.random() < 0.2 else moment
        articles.append(
            {
                "slug": f"{slugify(title)[:100]}-{rng.getrandbits(24):06x}",
                "title": title,
                "description": sentence(rng, 6, 16) + ".",
                "body": make_body(rng),
                "author": rng.choice(usernames),
                "tags": sorted(rng.sample(TAGS, rng.randint(0, 4))),
                "created_at": iso(moment),
                "updated_at": iso(edited),
            }
        )
    return articles


def make_comments(rng: random.Random, articles: list[dict], usernames: list[str]) -> list[dict]:
    comments = []
    for article in articles:
        moment = datetime.fromisoformat(article["created_at"])
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            moment += timedelta(minutes=rng.randint(1, 600), microseconds=rng.randint(0, 999_999))
            comments.append(
                {
                    "article": article["slug"],
                    "author": rng.choice(usernames),
                    "body": sentence(rng, 5, 30) + ".",
                    "created_at": iso(moment),
                }
            )
    return comments


def pairs(rng: random.Random, left: list[str], right: list[str], per_left: int) -> list[list[str]]:
    chosen = []
    for name in left:
        for other in rng.sample(right, min(per_left, len(right))):
            if other != name:
                chosen.append([name, other])
    return chosen


def generate(users: int, articles: int, seed: int) -> dict:
    rng = random.Random(seed)
    user_rows = make_users(rng, users)
    usernames = [user["username"] for user in user_rows]
    article_rows = make_articles(rng, articles, usernames)
    slugs = [article["slug"] for article in article_rows]
    return {
        "meta": {"generator": "shared_spec/seed/generate.py", "seed": seed, "users": users,
                 "articles": articles},
        "demo": DEMO,
        "users": user_rows,
        "follows": pairs(rng, usernames, usernames, 3),
        "articles": article_rows,
        "favorites": pairs(rng, usernames, slugs, max(1, min(12, articles // 20))),
        "comments": make_comments(rng, article_rows, usernames),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("-o", "--output", type=Path, default=HERE / "seed.json")
    args = parser.parse_args()
    data = generate(args.users, args.articles, args.seed)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    print(f"{args.output}: {len(data['users'])} users, {len(data['articles'])} articles, "
          f"{len(data['comments'])} comments, {len(data['favorites'])} favorites, "
          f"{len(data['follows'])} follows")  # fmt: skip


if __name__ == "__main__":
    main()
