"""The floor's HTML: the Django twin's page markup, built from strings and html.escape."""

from html import escape
from urllib.parse import quote

from markdown_it import MarkdownIt

# The twins' own Markdown settings: CommonMark, raw HTML shown as text.
markdown = MarkdownIt("commonmark", {"html": False})
MONTHS = (
    "January February March April May June July August September October November December"
).split()
NAV_SIGNED_OUT = (
    '<a data-testid="nav-sign-in" href="/login/">Sign in</a>\n'
    '<a data-testid="nav-sign-up" href="/register/">Sign up</a>'
)


def layout(content: str, title: str = "Conduit") -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <link rel="stylesheet" href="/static/conduit.css">
</head>
<body>
  <nav data-testid="nav">
    <div class="container">
      <a class="brand" data-testid="nav-home" href="/">conduit</a>
      {NAV_SIGNED_OUT}
    </div>
  </nav>
  <main>{content}</main>
</body>
</html>"""


def iso_date(stored: str) -> str:
    """'2026-03-25 08:54:18.284032' (UTC, as both twins store it) as 2026-03-25T08:54:18Z."""
    return f"{stored[:10]}T{stored[11:19]}Z"


def long_date(stored: str) -> str:
    """As Django's date filter 'F j, Y' writes it: March 25, 2026."""
    return f"{MONTHS[int(stored[5:7]) - 1]} {int(stored[8:10])}, {stored[:4]}"


def time_tag(testid: str, stored: str) -> str:
    return f'<time data-testid="{testid}" datetime="{iso_date(stored)}">{long_date(stored)}</time>'


def profile_url(username: str) -> str:
    return f"/profile/{quote(username)}/"


def author_link(testid: str, username: str) -> str:
    return f'<a data-testid="{testid}" href="{profile_url(username)}">{escape(username)}</a>'


def preview(article: dict) -> str:
    tags = "".join(f'<li data-testid="preview-tag">{escape(tag)}</li>' for tag in article["tags"])
    slug = escape(article["slug"])
    return f"""
<article class="article-preview" data-testid="article-preview" data-slug="{slug}">
  <div class="meta">
    {author_link("preview-author", article["author"])}
    {time_tag("preview-date", article["created_at"])}
    <span title="Favorites">♥ <span data-testid="preview-favorites-count">{article["favorites_count"]}</span></span>
  </div>
  <a data-testid="preview-title" href="/article/{quote(article["slug"])}/"><h2>{escape(article["title"])}</h2></a>
  <p data-testid="preview-description">{escape(article["description"])}</p>
  <ul class="tag-list">{tags}</ul>
</article>"""  # noqa: E501


def article_list(articles: list[dict], page: int, pages: int) -> str:
    if articles:
        items = "".join(preview(article) for article in articles)
    else:
        items = '<p data-testid="empty-list">No articles are here… yet.</p>'
    html = f'<div data-testid="article-list">{items}\n</div>'
    if pages > 1:
        links = "".join(
            f'<li><a data-testid="page-link" href="?page={number}"{current(number == page)}>'
            f"{number}</a></li>\n"
            for number in range(1, pages + 1)
        )
        html += f'\n<ul class="pagination" data-testid="pagination">\n{links}</ul>'
    return html


def current(flag: bool) -> str:
    return ' aria-current="page"' if flag else ""


def home(listing: str, popular: list[str], tag: str | None = None) -> str:
    tag_tab = ""
    if tag:
        tag_tab = (
            f'<li><a data-testid="tab-tag" href="/tag/{quote(tag)}/" aria-current="page">'
            f"#{escape(tag)}</a></li>"
        )
    if popular:
        tags = "".join(
            f'<li><a data-testid="tag-link" href="/tag/{quote(name)}/">{escape(name)}</a></li>\n'
            for name in popular
        )
    else:
        tags = "<li>No tags yet.</li>"
    content = f"""
<div class="banner">
  <h1>conduit</h1>
  <p>A place to share your knowledge.</p>
</div>
<div class="container layout">
  <section>
    <ul class="tabs" data-testid="feed-tabs">
      <li><a data-testid="tab-global-feed" href="/"{current(not tag)}>Global feed</a></li>
      {tag_tab}
    </ul>
    {listing}
  </section>
  <aside class="sidebar">
    <p>Popular tags</p>
    <ul class="tag-list" data-testid="popular-tags">
      {tags}
    </ul>
  </aside>
</div>
"""
    return layout(content)


def profile(user: dict, listing: str) -> str:
    name = escape(user["username"])
    image = bio = ""
    if user["image"]:
        image = f'<img data-testid="profile-image" src="{escape(user["image"])}" alt="">'
    if user["bio"]:
        bio = f'<p data-testid="profile-bio">{escape(user["bio"])}</p>'
    url = profile_url(user["username"])
    content = f"""
<div class="profile-header">
  {image}
  <h1 data-testid="profile-username">{name}</h1>
  {bio}
</div>
<div class="container">
  <ul class="tabs">
    <li><a data-testid="tab-my-articles" href="{url}" aria-current="page">Articles</a></li>
    <li><a data-testid="tab-favorited-articles" href="{url}favorites/">Favorited articles</a></li>
  </ul>
  {listing}
</div>
"""
    return layout(content, f"{name} · Conduit")


def linebreaksbr(text: str) -> str:
    """As Django's filter: escaped, every line break a <br>."""
    return escape(text.replace("\r\n", "\n").replace("\r", "\n")).replace("\n", "<br>")


def comment(item: dict) -> str:
    return f"""
<div class="comment" data-testid="comment" data-comment-id="{item["id"]}">
  <p data-testid="comment-body">{linebreaksbr(item["body"])}</p>
  <div class="meta">
    {author_link("comment-author", item["author"])}
    {time_tag("comment-date", item["created_at"])}
  </div>
</div>"""


def article(found: dict, comments: list[dict]) -> str:
    title = escape(found["title"])
    tags = "".join(f'<li data-testid="article-tag">{escape(tag)}</li>' for tag in found["tags"])
    path = quote(f"/article/{found['slug']}/")
    content = f"""
<div class="container">
  <h1 data-testid="article-title">{title}</h1>
  <div class="meta">
    {author_link("article-author", found["author"])}
    {time_tag("article-date", found["created_at"])}
    <span>Favorites: <span data-testid="favorites-count">{found["favorites_count"]}</span></span>
  </div>
  <p data-testid="article-description">{escape(found["description"])}</p>
  <div class="article-body" data-testid="article-body">{markdown.render(found["body"])}</div>
  <ul class="tag-list">{tags}</ul>
  <section>
    <p><a data-testid="sign-in-to-comment" href="/login/?next={path}">Sign in to add a comment.</a></p>
    <div data-testid="comment-list">{"".join(comment(item) for item in comments)}
    </div>
  </section>
</div>
"""  # noqa: E501
    return layout(content, f"{title} · Conduit")
