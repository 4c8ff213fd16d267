"""An index of the live (not rejected) stances by speaker, topic and day: a page of a
much-quoted speaker's positions finds its topics, most recently observed first, from the
index alone instead of reading every one of their observations (issue 15)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0009_speakers_resolution_attribution"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="stance",
            index=models.Index(
                condition=~models.Q(review_status="rejected"),
                fields=["speaker", "topic", "observed_on"],
                name="stance_live_speaker_topic",
            ),
        ),
    ]
