"""The claims registry: each claim listed, each figure produced, each rule giving its examples."""

import pytest

from benchmarks.evidence.experiments import all_experiments
from benchmarks.evidence.registry import CLAIMS_LIST, Claim, listed_ids, load, unknown_figures
from benchmarks.evidence.rules import evaluate, possible_verdicts
from launcher import ROOT

REGISTRY = load()
EXPERIMENTS = all_experiments()
DECLARED = {f"{name}.{figure}" for name, module in EXPERIMENTS.items() for figure in module.FIGURES}
CLAIMS = sorted(REGISTRY.claims)
ARTICLES_LIST = ROOT.parent / "shared" / "claims.md"


def test_every_listed_claim_is_in_the_registry_and_nothing_else():
    listed = listed_ids(CLAIMS_LIST.read_text())
    assert len(listed) == len(set(listed)) == 68
    assert sorted(listed) == CLAIMS


@pytest.mark.skipif(not ARTICLES_LIST.exists(), reason="no list beside the repository")
def test_the_list_in_the_repository_is_the_list_beside_it():
    """The same claims, word for word (table rows); only the opening, which says where the
    articles themselves are, is the repository's own."""

    def rows(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.startswith("|")]

    assert rows(CLAIMS_LIST.read_text()) == rows(ARTICLES_LIST.read_text()) != []


@pytest.mark.parametrize("claim_id", CLAIMS)
def test_every_figure_a_rule_reads_is_one_an_experiment_produces(claim_id):
    claim = REGISTRY.claims[claim_id]
    assert not unknown_figures(claim, DECLARED), sorted(unknown_figures(claim, DECLARED))
    for example in claim.examples:
        assert set(example["figures"]) <= DECLARED, sorted(set(example["figures"]) - DECLARED)
    assert set(claim.experiments) <= set(EXPERIMENTS)
    read = {name.split(".")[0] for name in claim.figure_names()}
    assert read <= set(claim.experiments), f"experiments read but not listed: {read}"


@pytest.mark.parametrize("claim_id", CLAIMS)
def test_every_rule_gives_the_verdicts_its_examples_expect(claim_id):
    claim = REGISTRY.claims[claim_id]
    assert claim.examples, "each rule has at least one example"
    for example in claim.examples:
        assert evaluate(claim.rule, example["figures"]).verdict == example["verdict"], example
    assert claim.verdicts == possible_verdicts(claim.rule)


def test_sources_are_the_five_articles():
    assert sorted(REGISTRY.articles) == ["A0", "A1", "A2", "A3", "A4"]
    assert all(claim.sources for claim in REGISTRY.claims.values())


def test_a_rule_naming_a_figure_no_experiment_produces_is_caught():
    claim = REGISTRY.claims["SEC-3"]
    check = dict(claim.rule["checks"][0], figure="django_fresh.no_such_figure")
    wrong = Claim(**{**claim.__dict__, "rule": dict(claim.rule, checks=[check])})
    assert unknown_figures(wrong, DECLARED) == {"django_fresh.no_such_figure"}
    assert unknown_figures(claim, DECLARED) == set()
