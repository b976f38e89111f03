"""Article and comment forms. Twin: flask_impl/blog/forms.py."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from blog import services
from blog.models import Article, Comment, Tag


class ArticleForm(forms.ModelForm):
    # One text field for the many-to-many: parsed by services, saved by save_m2m().
    tags = forms.CharField(
        label=_("Tags"),
        help_text=_("Separated by spaces or commas; at most 10."),
        required=False,
    )

    class Meta:
        model = Article
        fields = ["title", "description", "body"]
        labels = {"title": _("Title"), "description": _("Description"), "body": _("Body")}
        help_texts = {
            "description": _("What's this article about?"),
            "body": _("Written in Markdown."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["tags"] = " ".join(tag.name for tag in self.instance.tags.all())

    def clean_tags(self):
        names = services.parse_tags(self.cleaned_data["tags"])
        invalid = [name for name in names if not services.is_valid_tag(name)]
        if invalid:
            raise ValidationError(
                _(
                    "Tags have 1 to 40 characters from a-z, 0-9, _ and -, starting with a "
                    "letter or digit: %(tags)s is not one."
                ),
                code="invalid",
                params={"tags": ", ".join(invalid)},
            )
        if len(names) > services.MAX_TAGS:
            raise ValidationError(
                _("Use at most %(max)d tags."), code="max_tags", params={"max": services.MAX_TAGS}
            )
        return names

    def save(self, commit=True):
        """The article and its tags in one transaction; with commit=False, save_m2m() sets
        the tags, as for any ModelForm. A new article whose slug a concurrent create took
        after services.unique_slug() looked is saved again with a fresh slug."""
        creating = self.instance.pk is None
        while True:
            try:
                with transaction.atomic():
                    return super().save(commit)
            except IntegrityError:
                slug = self.instance.slug
                if not (creating and Article.objects.filter(slug=slug).exists()):
                    raise
                self.instance.slug = services.unique_slug(self.cleaned_data["title"])

    def _save_m2m(self):
        super()._save_m2m()
        names = self.cleaned_data["tags"]
        self.instance.tags.set([Tag.objects.get_or_create(name=name)[0] for name in names])


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        labels = {"body": _("Comment")}
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
