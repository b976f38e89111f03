"""The requests counted: every page of the counting pass, and each scenario's request kinds."""

# A kind is a label and its requests, taken in turn. Scenario kinds use the scenario's locust
# name and a few targets drawn with a seeded generator from the targets file; a kind whose
# requests are the same as a page's is that page (counted once). Writes really write: titles carry
# a number unique in the process ({n}), favorites go to articles the demo account has not favorited.

import json
import random
from dataclasses import dataclass, field

from benchmarks.load.counting import pages
from benchmarks.load.snapshots import seed_file

SIGNED_OUT, SIGNED_IN = "signed out", "signed in"
SIGNED_IN_MARKER = 'data-testid="sign-out-form"'


@dataclass(frozen=True)
class FormPost:
    """Post the form with this data-testid found on page, as a browser does, plus these fields."""

    page: str
    testid: str
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RequestSpec:
    """One request; status None means: every request of the kind answers as its first did."""

    label: str
    method: str = "GET"
    path: str = "/"
    headers: tuple[tuple[str, str], ...] = ()
    body: str = ""
    status: int | None = None
    form: FormPost | None = None
    marker: str | None = None
    location: str | None = None  # a redirect must go where its Location says this

    def job(self) -> dict:
        form = self.form
        return {
            "method": self.method,
            "path": self.path,
            "headers": dict(self.headers),
            "body": self.body,
            "status": self.status,
            "marker": self.marker,
            "location": self.location,
            "form": None
            if form is None
            else {"page": form.page, "testid": form.testid, "fields": dict(form.fields)},
        }


@dataclass(frozen=True)
class Credentials:
    """The demo account's session cookie (pages) and token (API)."""

    cookie: str
    token: str | None

    def headers(self, who: str, api: bool) -> tuple[tuple[str, str], ...]:
        if who == SIGNED_OUT:
            return ()
        if api:
            return (("Authorization", f"Token {self.token}"),)
        return (("Cookie", self.cookie),)


@dataclass
class KindSet:
    """Kinds in the order they are counted; the same requests under a second label are one kind."""

    requests: list[RequestSpec] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)

    def add(self, label: str, specs: list[RequestSpec]) -> str:
        key = [(spec.method, spec.path, spec.headers, spec.body, spec.form) for spec in specs]
        for known in dict.fromkeys(spec.label for spec in self.requests):
            same = [spec for spec in self.requests if spec.label == known]
            if key == [(s.method, s.path, s.headers, s.body, s.form) for s in same]:
                self.aliases[label] = known
                return known
        self.requests += [RequestSpec(**{**spec.__dict__, "label": label}) for spec in specs]
        self.aliases[label] = label
        return label

    def labels(self) -> list[str]:
        return list(dict.fromkeys(spec.label for spec in self.requests))


def kind_label(name: str, who: str) -> str:
    return f"{name} · {who}"


def page_kinds(kinds: KindSet, targets: dict, credentials: Credentials, api: bool) -> list[str]:
    """Every page of the counting pass, signed out and signed in; the API with and without token."""
    added = []
    for label, path in pages(targets).items():
        is_api = label.startswith("API")
        if is_api and not api:
            continue
        for who in (SIGNED_OUT, SIGNED_IN):
            # Signed in, every page but the sign-in form shows the sign-out form (when it is a 200).
            shows = who == SIGNED_IN and not is_api and path != "/login/"
            marker = SIGNED_IN_MARKER if shows else None
            spec = RequestSpec("", "GET", path, credentials.headers(who, is_api), marker=marker)
            added.append(kinds.add(kind_label(label, who), [spec]))
    return added


def unfavorited(targets: dict, scale, count: int, seed: str) -> list[str]:
    """Seeded distinct slugs the demo account has not favorited."""
    data = json.loads(seed_file(scale).read_text())
    demo = data["demo"]["username"]
    taken = {slug for user, slug in data["favorites"] if user == demo}
    slugs = [slug for slug in targets["slugs"] if slug not in taken]
    return random.Random(seed).sample(slugs, count)


def scenario_kinds(
    kinds: KindSet,
    targets: dict,
    credentials: Credentials,
    scale,
    distinct: int,
    api: bool,
    sampled: bool = True,
) -> None:
    """The request kinds the scenarios make, named as in locust, on seeded sampled targets.

    Not sampled (QUICK), each kind asks for the counting pass's target, so it is that page.
    """
    rng = random.Random("instructions: scenario targets")
    slug, author = targets["sample_article"]
    slugs = rng.sample(targets["slugs"], 5) if sampled else [slug]
    tags = rng.sample(targets["tags"], 5) if sampled else [targets["top_tag"]]
    authors = rng.sample(targets["authors"], 5) if sampled else [author]
    pages_in, pages_out = credentials.headers(SIGNED_IN, False), ()
    reads = {
        "/": ["/"],
        "/?page=[2-5]": [f"/?page={page}" for page in ((2, 3, 4, 5) if sampled else (2,))],
        "/tag/[tag]/": [f"/tag/{tag}/" for tag in tags],
        "/profile/[username]/": [f"/profile/{name}/" for name in authors],
        "/article/[slug]/": [f"/article/{slug}/" for slug in slugs],
    }
    for who, headers in ((SIGNED_OUT, pages_out), (SIGNED_IN, pages_in)):
        marker = SIGNED_IN_MARKER if who == SIGNED_IN else None
        for name, paths in reads.items():
            specs = [RequestSpec("", "GET", path, headers, marker=marker) for path in paths]
            kinds.add(kind_label(name, who), specs)
    for name in ("/feed/", "/editor/", "/login/"):
        who, headers = (SIGNED_OUT, pages_out) if name == "/login/" else (SIGNED_IN, pages_in)
        kinds.add(kind_label(name, who), [RequestSpec("", "GET", name, headers)])
    article = (
        ("title", "Measured article {n}"),
        ("description", "Written by the benchmark's writer scenario."),
        ("body", "Some *Markdown* with a [link](https://example.com/) and `code`."),
        ("tags", "benchmark python"),
    )
    form = FormPost("/editor/", "article-form", article)
    editor = RequestSpec("", status=302, headers=pages_in, form=form, location="/article/")
    kinds.add(kind_label("POST /editor/", SIGNED_IN), [editor])
    comment = (("body", "A measured comment."),)

    def form_posts(testid: str, fields, on: list[str]) -> list[RequestSpec]:
        return [
            RequestSpec(
                "",
                status=302,
                headers=pages_in,
                form=FormPost(f"/article/{slug}/", testid, fields),
                location=slug,  # back to the article, as the scenario checks
            )
            for slug in on
        ]

    kinds.add(
        kind_label("POST /article/[slug]/comments/", SIGNED_IN),
        form_posts("comment-form", comment, slugs),
    )
    liked = unfavorited(targets, scale, distinct, "instructions: page favorites")
    kinds.add(
        kind_label("POST /article/[slug]/favorite/", SIGNED_IN),
        form_posts("favorite-form", (), liked),
    )
    kinds.add(
        kind_label("POST /article/[slug]/unfavorite/", SIGNED_IN),
        form_posts("unfavorite-form", (), liked),
    )
    kinds.add(
        kind_label("POST /article/[slug]/comments/ (one article)", SIGNED_IN),
        form_posts("comment-form", comment, slugs[:1]),
    )
    if not api:
        return
    token = credentials.headers(SIGNED_IN, True)
    json_token = (*token, ("Content-Type", "application/json"))
    api_reads = {
        "/api/articles": [
            f"/api/articles?limit=10&offset={10 * k}" for k in range(5 if sampled else 1)
        ],
        "/api/articles/feed": ["/api/articles/feed?limit=10"],
        "/api/articles/[slug]": [f"/api/articles/{slug}" for slug in slugs],
        "/api/tags": ["/api/tags"],
    }
    for name, paths in api_reads.items():
        kinds.add(kind_label(name, SIGNED_IN), [RequestSpec("", "GET", p, token) for p in paths])
    created = {
        "article": {
            "title": "Measured API article {n}",
            "description": "Written by the benchmark's API client.",
            "body": "Some *Markdown*.",
            "tagList": ["benchmark"],
        }
    }
    post = RequestSpec("", "POST", "/api/articles", json_token, json.dumps(created), 201)
    kinds.add(kind_label("POST /api/articles", SIGNED_IN), [post])
    favored = unfavorited(targets, scale, distinct, "instructions: API favorites")
    kinds.add(
        kind_label("POST /api/articles/[slug]/favorite", SIGNED_IN),
        [RequestSpec("", "POST", f"/api/articles/{s}/favorite", token, "", 200) for s in favored],
    )
    remark = json.dumps({"comment": {"body": "A measured API comment."}})
    kinds.add(
        kind_label("POST /api/articles/[slug]/comments", SIGNED_IN),
        [
            RequestSpec("", "POST", f"/api/articles/{s}/comments", json_token, remark, 201)
            for s in slugs
        ],
    )
