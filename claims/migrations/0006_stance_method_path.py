"""Stances keep the parse path that produced them, and the lexicon scorer is a method."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0005_statement_order_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalstance',
            name='path',
            field=models.JSONField(blank=True, default=list, help_text='The parse steps from the topic to the cues.'),
        ),
        migrations.AddField(
            model_name='stance',
            name='path',
            field=models.JSONField(blank=True, default=list, help_text='The parse steps from the topic to the cues.'),
        ),
        migrations.AlterField(
            model_name='historicalstance',
            name='method',
            field=models.CharField(choices=[('rule', 'Rule-based'), ('lexicon', 'Lexicon through the parse'), ('model', 'Trained model'), ('manual', 'Entered by a reviewer')], db_index=True, default='rule', max_length=16),
        ),
        migrations.AlterField(
            model_name='stance',
            name='method',
            field=models.CharField(choices=[('rule', 'Rule-based'), ('lexicon', 'Lexicon through the parse'), ('model', 'Trained model'), ('manual', 'Entered by a reviewer')], db_index=True, default='rule', max_length=16),
        ),
    ]
