"""The language of an article, roughly, to say why one in another language yields nothing."""

from __future__ import annotations

import pytest

from claims.nlp.text_language import detect_language

TEXTS = {
    "English": (
        "The minister said on Monday that the talks with the union would resume next week, "
        "and that he was confident an agreement could be reached before the end of the year."
    ),
    "French": (
        "Le ministre a déclaré lundi que les négociations avec le syndicat reprendraient la "
        "semaine prochaine, et qu'il était confiant dans un accord avant la fin de l'année."
    ),
    "German": (
        "Der Minister sagte am Montag, dass die Gespräche mit der Gewerkschaft nächste Woche "
        "fortgesetzt werden und er sei zuversichtlich, dass es eine Einigung gibt."
    ),
    "Spanish": (
        "El ministro dijo el lunes que las negociaciones con el sindicato se reanudarán la "
        "próxima semana y que confía en que se alcance un acuerdo antes de fin de año."
    ),
    "Russian": (
        "Министр заявил в понедельник, что переговоры с профсоюзом возобновятся на следующей "
        "неделе, и что он уверен в достижении соглашения до конца года."
    ),
    "Arabic": (
        "قال الوزير يوم الاثنين إن المفاوضات مع النقابة ستستأنف الأسبوع المقبل، وإنه واثق من "
        "التوصل إلى اتفاق قبل نهاية العام في هذا الشأن."
    ),
    "Chinese": "部长星期一表示，与工会的谈判将于下周恢复，他相信在年底前能够达成协议。",
    "Japanese": "大臣は月曜日、労働組合との交渉が来週再開されると述べ、年内の合意に自信を示した。",
    "Korean": "장관은 월요일 노조와의 협상이 다음 주에 재개될 것이라고 말했다.",
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_language_of_a_paragraph_is_named(language: str) -> None:
    detected = detect_language(TEXTS[language])

    assert detected.language == language
    assert detected.english == (language == "English")
    assert language in detected.describe()


def test_text_without_letters_has_no_language() -> None:
    assert not detect_language("12 345 — 678 !!!").english
