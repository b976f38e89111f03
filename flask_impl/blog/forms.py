"""Article and comment forms. Twin: django_impl/blog/forms.py."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from flask_impl.blog import rules
from flask_impl.helpers import no_null_characters, strip


class TagListField(StringField):
    """One text field for the article's tags, held as a list of names.

    Its object data is the article's Tag list; what the user typed is shown back as typed.
    """

    def process_data(self, value) -> None:
        self.data = [tag.name for tag in value] if value else []

    def process_formdata(self, valuelist: list[str]) -> None:
        if valuelist:
            self.data = rules.parse_tags(valuelist[0])

    def _value(self) -> str:
        return self.raw_data[0] if self.raw_data else " ".join(self.data or [])


class ArticleForm(FlaskForm):
    title = StringField(
        _l("Title"),
        filters=[strip],
        validators=[DataRequired(), no_null_characters, Length(max=rules.TITLE_MAX_LENGTH)],
    )
    description = StringField(
        _l("Description"),
        description=_l("What's this article about?"),
        filters=[strip],
        validators=[
            DataRequired(),
            no_null_characters,
            Length(max=rules.DESCRIPTION_MAX_LENGTH),
        ],
    )
    body = TextAreaField(
        _l("Body"),
        description=_l("Written in Markdown."),
        filters=[strip],
        validators=[DataRequired(), no_null_characters, Length(max=rules.BODY_MAX_LENGTH)],
    )
    tags = TagListField(_l("Tags"), description=_l("Separated by spaces or commas; at most 10."))

    def validate_tags(self, field: TagListField) -> None:
        invalid = [name for name in field.data if not rules.is_valid_tag(name)]
        if invalid:
            raise ValidationError(
                _(
                    "Tags have 1 to 40 characters from a-z, 0-9, _ and -, starting with a "
                    "letter or digit: %(tags)s is not one.",
                    tags=", ".join(invalid),
                )
            )
        if len(field.data) > rules.MAX_TAGS:
            raise ValidationError(_("Use at most %(max)d tags.", max=rules.MAX_TAGS))


class CommentForm(FlaskForm):
    body = TextAreaField(
        _l("Comment"),
        filters=[strip],
        validators=[DataRequired(), no_null_characters, Length(max=rules.COMMENT_MAX_LENGTH)],
    )
