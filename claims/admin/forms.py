"""Forms of the review admin: the intermediate pages of actions and the alias inline."""

from __future__ import annotations

from django import forms
from django.contrib.admin.sites import AdminSite
from django.contrib.admin.widgets import AutocompleteSelect

from claims.core.aliases import normalize_alias
from claims.models import Claim, Speaker, SpeakerAlias, Statement


class ReassignForm(forms.Form):
    """Pick the speaker the selected statements really belong to."""

    def __init__(self, *args, admin_site: AdminSite, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The same search-as-you-type box as on the statement page.
        self.fields["speaker"] = forms.ModelChoiceField(
            queryset=Speaker.objects.all(),
            label="New speaker",
            widget=AutocompleteSelect(Statement._meta.get_field("speaker"), admin_site),
        )


class MergeSpeakersForm(forms.Form):
    """Pick which of the selected speakers survives; the others are merged into it.

    ``speakers`` carry ``statement_total`` and ``stance_total``, as in the speaker admin.
    """

    target = forms.ModelChoiceField(
        queryset=Speaker.objects.none(), widget=forms.RadioSelect, label="Keep"
    )

    def __init__(self, *args, speakers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["target"]
        field.queryset = speakers
        field.label_from_instance = lambda speaker: (
            f"{speaker} — {speaker.statement_total} statements, {speaker.stance_total} stances"
        )


class SpeakerAliasForm(forms.ModelForm):
    """An alias typed by a reviewer; its lookup form is derived, never typed."""

    class Meta:
        model = SpeakerAlias
        fields = ["alias"]

    def clean_alias(self) -> str:
        alias = self.cleaned_data["alias"].strip()
        if not normalize_alias(alias):
            raise forms.ValidationError("An alias needs at least one letter or digit.")
        self.instance.normalized = normalize_alias(alias)[:300]
        return alias


class SpeakerAliasFormSet(forms.BaseInlineFormSet):
    """Refuses two aliases of one speaker that fold to the same form ("Lavrov", "LAVROV")."""

    def clean(self) -> None:
        super().clean()
        seen: dict[str, str] = {}
        for form in self.forms:
            alias = form.cleaned_data.get("alias") if form.cleaned_data else None
            if not alias or form.cleaned_data.get("DELETE"):
                continue
            normalized = form.instance.normalized
            if normalized in seen:
                form.add_error(
                    "alias", f"The same as “{seen[normalized]}” once case and accents are ignored."
                )
            else:
                seen[normalized] = alias


class MergeClaimsForm(forms.Form):
    """Pick which of the selected claims survives; the others are merged into it."""

    target = forms.ModelChoiceField(
        queryset=Claim.objects.none(), widget=forms.RadioSelect, label="Keep"
    )

    def __init__(self, *args, claims, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = claims


class SplitClaimForm(forms.Form):
    """Tick the statements of a claim that say something else: they become a claim of their own."""

    statements = forms.ModelMultipleChoiceField(
        queryset=Statement.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Split off",
    )

    def __init__(self, *args, claim: Claim, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["statements"]
        field.queryset = claim.statements.select_related("speaker", "article").order_by("pk")
        field.label_from_instance = lambda statement: (
            f"{statement} — {statement.article.outlet or 'unknown outlet'}, "
            f"{statement.article.published or 'undated'}"
        )
