"""The claims registry, shared_spec/claims.yaml: each claim, its sources, experiments and rule.

`shared_spec/claims.md` is the list of claims the registry must carry (every ID in it);
`load()` reads the registry and refuses one whose structure is wrong.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.evidence.rules import OPERATORS, VERDICTS
from launcher import ROOT

REGISTRY = ROOT / "shared_spec" / "claims.yaml"
CLAIMS_LIST = ROOT / "shared_spec" / "claims.md"
ID_PATTERN = re.compile(r"^\|\s*([A-Z]+-\d+b?)\s*\|", re.MULTILINE)
UNTESTABLE_PATTERN = re.compile(r"^- \*\*(ECO-\d+)\*\*", re.MULTILINE)
RULE_KINDS = ("checks", "not_testable", "waits_for")


@dataclass
class Claim:
    id: str
    claim: str
    sources: list[str]
    experiments: list[str]
    rule: dict[str, Any]
    verdicts: list[str]
    examples: list[dict[str, Any]]
    contradictions: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)

    def figure_names(self) -> set[str]:
        """Every figure the rule reads (checks, proxies and figure-to-figure comparisons)."""
        names = set()
        for check in self.rule.get("checks", []) + self.rule.get("proxies", []):
            names.add(check["figure"])
            if "than" in check:
                names.add(check["than"])
        return names


@dataclass
class Registry:
    articles: dict[str, str]
    claims: dict[str, Claim]


def unknown_figures(claim: Claim, declared: set[str]) -> set[str]:
    """Figures the claim's rule or examples name that no experiment declares."""
    named = claim.figure_names()
    for example in claim.examples:
        named |= set(example["figures"])
    return named - declared


def listed_ids(text: str) -> list[str]:
    """Every claim ID of a claims list: table rows, and the ECO bullets."""
    return ID_PATTERN.findall(text) + UNTESTABLE_PATTERN.findall(text)


def check_rule(claim_id: str, rule: dict) -> None:
    kinds = [kind for kind in RULE_KINDS if kind in rule]
    if len(kinds) != 1:
        raise ValueError(f"{claim_id}: a rule has exactly one of {RULE_KINDS}, not {kinds}")
    if "text" not in rule:
        raise ValueError(f"{claim_id}: the rule states itself in words (`text`)")
    for check in rule.get("checks", []) + rule.get("proxies", []):
        missing = {"says", "figure", "op"} - set(check)
        if missing or check["op"] not in OPERATORS:
            raise ValueError(f"{claim_id}: check {check} lacks {missing} or has an unknown op")


def parse(data: dict) -> Registry:
    articles = data["articles"]
    claims = {}
    for claim_id, entry in data["claims"].items():
        claim = Claim(id=claim_id, **entry)
        check_rule(claim_id, claim.rule)
        unknown = set(claim.sources) - set(articles)
        if unknown:
            raise ValueError(f"{claim_id}: unknown sources {sorted(unknown)}")
        bad = [verdict for verdict in claim.verdicts if verdict not in VERDICTS]
        if bad:
            raise ValueError(f"{claim_id}: unknown verdicts {bad}")
        claims[claim_id] = claim
    return Registry(articles, claims)


def load(path: Path = REGISTRY) -> Registry:
    return parse(yaml.safe_load(path.read_text()))
