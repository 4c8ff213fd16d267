"""Index-only pages: a page's statement ids come from an index whether PostgreSQL walks
the list order (article, start) until enough match, or looks up a rare topic's few ids and
sorts them; the rows themselves are read for the page only (pagination's deferred join).
Halves the page query for topics at 1M statements.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0004_api_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='statement',
            index=models.Index(fields=['article', 'start', 'id'], name='statement_order_id'),
        ),
        migrations.AddIndex(
            model_name='statement',
            index=models.Index(fields=['id', 'article', 'start'], name='statement_id_order'),
        ),
    ]
