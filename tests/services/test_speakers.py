"""Finding the stored speaker a mention is: by alias or name, per kind, a whole article at once."""

import pytest

from claims.models import Speaker, SpeakerAlias
from claims.nlp.records import SpeakerInfo
from claims.services.speakers import resolve_speaker, speaker_key, stored_speakers

pytestmark = pytest.mark.django_db

LAVROV = SpeakerInfo(name="Sergey Lavrov", role="Foreign Minister", aliases=("Lavrov",))


def test_a_speaker_is_found_by_any_spelling_of_an_alias():
    lavrov, _ = resolve_speaker(info=LAVROV)

    found = stored_speakers(infos=[SpeakerInfo(name="SERGEY LAVROV")])

    assert found == {("person", "sergey lavrov"): lavrov}


def test_a_speaker_made_in_admin_without_aliases_is_found_by_name():
    made = Speaker.objects.create(name="Maria Zakharova", slug="maria-zakharova")
    info = SpeakerInfo(name="Maria Zakharova")

    speaker, created = resolve_speaker(info=info, known=stored_speakers(infos=[info]))

    assert (speaker, created) == (made, False)
    assert SpeakerAlias.objects.get().speaker == made


def test_a_surname_stored_as_alias_finds_the_person_but_not_an_organisation():
    lavrov, _ = resolve_speaker(info=LAVROV)
    infos = [SpeakerInfo(name="Lavrov"), SpeakerInfo(name="Sergey Lavrov", kind="organisation")]

    assert stored_speakers(infos=infos) == {("person", "lavrov"): lavrov}


def test_one_article_is_looked_up_in_two_queries_whatever_its_speakers(django_assert_num_queries):
    for n in range(5):
        resolve_speaker(info=SpeakerInfo(name=f"Senator Number{n}"))
    infos = [SpeakerInfo(name=f"Senator Number{n}") for n in range(8)]

    with django_assert_num_queries(2):
        found = stored_speakers(infos=infos)

    assert set(found) == {speaker_key(info) for info in infos[:5]}


def test_a_speaker_created_for_an_article_is_known_to_its_later_mentions():
    known = stored_speakers(infos=[LAVROV])
    first, created = resolve_speaker(info=LAVROV, known=known)
    again, created_again = resolve_speaker(info=LAVROV, known=known)

    assert (created, created_again) == (True, False)
    assert first == again and Speaker.objects.count() == 1
