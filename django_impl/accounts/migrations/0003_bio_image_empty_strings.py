"""An unset bio or image becomes "" instead of NULL, ahead of making both columns NOT NULL."""

from django.db import migrations


def nulls_to_empty_strings(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(bio=None).update(bio="")
    User.objects.filter(image=None).update(image="")


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_user_on_abstractuser'),
    ]

    operations = [
        migrations.RunPython(nulls_to_empty_strings, migrations.RunPython.noop),
    ]
