"""Article bodies from Markdown to HTML. Twin: render_markdown in django_impl/blog/services.py."""

from markdown_it import MarkdownIt

# CommonMark with raw HTML off: HTML in a body is shown as text, and markdown-it's validateLink
# refuses javascript:, vbscript:, file: and data: links.
markdown = MarkdownIt("commonmark", {"html": False})


def render_markdown(text: str) -> str:
    return markdown.render(text)
