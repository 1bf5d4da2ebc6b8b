"""The words of the portfolio outputs in English and French, and the sentences of the rule flags.

Built in here; a ``portfolio:`` section in ``labels/<lang>.yaml`` on the template path overrides
any of them (``portfolio.titles.dashboard: Tableau de bord``). RAG, trend, dimension and date
words come from the deck's labels (``deck.rag``, ``deck.trend``, ``deck.dimension_names``).
"""

from __future__ import annotations

from docgen.deck.fmt import number, rag_word
from docgen.labels import Labels
from docgen.portfolio.rules import Flag

BUILTIN: dict[str, dict[str, str]] = {
    "en": {
        "title": "Project portfolio",
        "subtitle": "{projects} · status as of {date}",
        "titles.dashboard": "Portfolio dashboard",
        "titles.flags": "Typed RAG against the rules",
        "titles.budget": "Budget roll-up ({currency})",
        "titles.budget_summary": "Budget roll-up by currency",
        "titles.slips": "Slipping milestones",
        "titles.heatmap": "Top risks across projects",
        "titles.risks": "Top risks (score 12 or more)",
        "titles.decisions": "Decisions asked across projects",
        "code": "Code",
        "project": "Project",
        "manager": "Manager",
        "phase": "Phase",
        "overall": "Overall",
        "trend": "Trend",
        "currency": "Currency",
        "projects": "Projects",
        "n_projects": "{count} projects",
        "one_project": "1 project",
        "next_forecast": "Its forecast",
        "report_date": "Report date",
        "next_milestone": "Next milestone",
        "next_slip": "Its slip (days)",
        "high_risks": "Open risks ≥ 12",
        "risks_note": "open risks scored 12 or more",
        "decisions": "Decisions asked",
        "flags": "Rule flags",
        "flag": "Flag",
        "budget": "Budget",
        "actual": "Actual",
        "forecast": "Forecast",
        "variance": "Variance",
        "variance_pct": "Variance %",
        "spi": "SPI",
        "cpi": "CPI",
        "total": "Total {currency}",
        "chart": "Budget, actual and forecast by project",
        "chart_top": "Budget, actual and forecast, {count} largest budgets",
        "rule_says": "rule: {rag}",
        "no_flag": "Every typed RAG is at least as bad as its rule's.",
        "none_slipping": "No open milestone is forecast after its baseline.",
        "none_asked": "No decision is asked.",
        "milestone": "Milestone",
        "baseline": "Baseline",
        "slip": "Slip (days)",
        "decision": "Decision",
        "recommendation": "Recommendation",
        "deadline": "Deadline",
        "days_left": "Days left",
        "risk": "Risk",
        "score": "Score",
        "owner": "Owner",
        "id": "ID",
        "status": "Status",
        "sheet.projects": "Projects",
        "sheet.milestones": "Milestones",
        "sheet.risks": "Risks",
        "sheet.decisions": "Decisions",
        "flag.text": "{dimension} typed {typed}; rule says {rule}: {reason}",
        "reason.slip": "{item} slips {value} days",
        "reason.spi": "SPI {value}",
        "reason.cpi": "CPI {value}",
        "reason.overrun": "forecast {value} % over budget",
        "reason.score": "{item} scores {value}",
    },
    "fr": {
        "title": "Portefeuille de projets",
        "subtitle": "{projects} · situation au {date}",
        "titles.dashboard": "Tableau de bord du portefeuille",
        "titles.flags": "RAG saisis et règles",
        "titles.budget": "Budget consolidé ({currency})",
        "titles.budget_summary": "Budget consolidé par devise",
        "titles.slips": "Jalons en glissement",
        "titles.heatmap": "Principaux risques des projets",
        "titles.risks": "Principaux risques (score 12 ou plus)",
        "titles.decisions": "Décisions attendues des projets",
        "code": "Code",
        "project": "Projet",
        "manager": "Chef de projet",
        "phase": "Phase",
        "overall": "Global",
        "trend": "Tendance",
        "currency": "Devise",
        "projects": "Projets",
        "n_projects": "{count} projets",
        "one_project": "1 projet",
        "next_forecast": "Sa prévision",
        "report_date": "Date du rapport",
        "next_milestone": "Prochain jalon",
        "next_slip": "Son glissement (jours)",
        "high_risks": "Risques ouverts ≥ 12",
        "risks_note": "risques ouverts de score 12 ou plus",
        "decisions": "Décisions attendues",
        "flags": "Alertes des règles",
        "flag": "Alerte",
        "budget": "Budget",
        "actual": "Réalisé",
        "forecast": "Prévision",
        "variance": "Écart",
        "variance_pct": "Écart %",
        "spi": "SPI",
        "cpi": "CPI",
        "total": "Total {currency}",
        "chart": "Budget, réalisé et prévision par projet",
        "chart_top": "Budget, réalisé et prévision, {count} plus gros budgets",
        "rule_says": "règle : {rag}",
        "no_flag": "Aucun RAG saisi n'est meilleur que celui de sa règle.",
        "none_slipping": "Aucun jalon ouvert n'est prévu après sa date de référence.",
        "none_asked": "Aucune décision n'est attendue.",
        "milestone": "Jalon",
        "baseline": "Référence",
        "slip": "Glissement (jours)",
        "decision": "Décision",
        "recommendation": "Recommandation",
        "deadline": "Échéance",
        "days_left": "Jours restants",
        "risk": "Risque",
        "score": "Score",
        "owner": "Responsable",
        "id": "ID",
        "status": "Statut",
        "sheet.projects": "Projets",
        "sheet.milestones": "Jalons",
        "sheet.risks": "Risques",
        "sheet.decisions": "Décisions",
        "flag.text": "{dimension} saisi {typed} ; la règle dit {rule} : {reason}",
        "reason.slip": "{item} glisse de {value} jours",
        "reason.spi": "SPI {value}",
        "reason.cpi": "CPI {value}",
        "reason.overrun": "prévision {value} % au-dessus du budget",
        "reason.score": "{item} a un score de {value}",
    },
}


class Words:
    """The portfolio's words in one language, on top of the deck's labels."""

    def __init__(self, labels: Labels):
        self.labels = labels
        self.language = labels.language
        self._builtin = BUILTIN.get(labels.language, BUILTIN["en"])

    def __call__(self, key: str, **values: object) -> str:
        """Return the word ``key`` (``titles.dashboard``) with ``{name}`` fields filled from ``values``."""
        text = self.labels.get(f"portfolio.{key}", "") or self._builtin.get(key) or BUILTIN["en"][key]
        for name, value in values.items():
            text = text.replace("{" + name + "}", str(value))
        return text

    def projects(self, count: int) -> str:
        """Return "1 project" or "{count} projects"."""
        return self("one_project") if count == 1 else self("n_projects", count=count)

    def rag(self, rag: str | None) -> str:
        """Return the RAG word ("Amber"), or "" for none."""
        return rag_word(self.labels, rag)

    def dimension(self, name: str) -> str:
        """Return the name of a dimension ("Schedule", "Planning")."""
        return self.labels.get(f"deck.dimension_names.{name}", name.capitalize())

    def day(self, value, short: bool = True) -> str:
        """Return a date in words ("30 Nov 2026"), or "" for none."""
        return self.labels.format_date(value, short=short) if value else ""

    def flag_text(self, flag: Flag) -> str:
        """Return the sentence of a flag: "Schedule typed Green; rule says Red: Go-live slips 30 days"."""
        reason = flag.suggested.reason
        text = ""
        if reason is not None:
            if reason.kind in ("spi", "cpi"):
                value = number(reason.value, self.language)
            elif reason.kind == "overrun":
                value = number(reason.value, self.language, 1)
            else:
                value = f"{reason.value:g}"
            text = self(f"reason.{reason.kind}", item=reason.item, value=value)
        return self("flag.text", dimension=self.dimension(flag.dimension), typed=self.rag(flag.typed),
                    rule=self.rag(flag.suggested.rag), reason=text)
