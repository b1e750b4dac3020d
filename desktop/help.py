"""In-app help: F1 opens the current page's help (resources/help/pages.toml), the method glossary
(resources/help/glossary.toml, each term with formula, thresholds and source) and the indicator
definitions. Thresholds are read from the assessment configuration in use, never copied."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QTextBrowser, QVBoxLayout

from core.kernel import read_resource_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


@lru_cache(maxsize=2)
def _load(name: str) -> dict:
    return tomllib.loads(read_resource_text(f"help/{name}.toml"))


def page_help(page: str, lang: str) -> str:
    """The page's help text (Markdown) in `lang`; "" for an unknown page."""
    entry = _load("pages").get(page, {})
    return str(entry.get(lang) or entry.get("zh", "")).strip()


def glossary_terms() -> list[dict]:
    return list(_load("glossary")["term"])


def _num(x: float) -> str:
    return f"{x:g}"


def _bands(cfg, bands, lang: str) -> str:
    """Named lower-inclusive bands, highest first: "领先型 ≥ 125；较强型 ≥ 100 …"."""
    return _tr("；").join(f"{cfg.term(b.name).text(lang)} ≥ {_num(b.lower)}" for b in reversed(bands))


def _name(cfg, key: str, lang: str) -> str:
    return cfg.term(key).text(lang) if key else ""


def threshold_lines(kind: str, cfg, lang: str) -> list[str]:
    """The thresholds of one glossary term, from the configuration in use."""
    if cfg is None or not kind:
        return []
    q = cfg.quadrant_names
    lines = {
        "group": [_bands(cfg, cfg.groups, lang)],
        "quadrant": [
            _tr("分界：融合水平 {l}，融合势能 {m}").format(l=_num(cfg.split_level), m=_num(cfg.split_momentum)),
            _tr("；").join(
                _name(cfg, q[k], lang) for k in ((True, True), (True, False), (False, True), (False, False))
            ),
        ],
        "role": [
            _tr("离散度 < {s} 为{name}").format(s=_num(cfg.balanced_spread), name=_name(cfg, cfg.balanced_name, lang)),
            _tr("；").join(_name(cfg, name, lang) for name, _ in cfg.roles.values()),
        ],
        "coupling": [
            _bands(cfg, cfg.coupling_grades, lang),
            _tr("α = {a}，β = {b}；类型阈值 |U1 − U2| > {t}").format(
                a=_num(cfg.alpha), b=_num(cfg.beta), t=_num(cfg.type_threshold)
            ),
        ],
        "potential": [
            _tr("外推至 {y} 年；高潜力：M ≥ {hi} 或外推后分组升高；低潜力：M < {lo} 且外推后分组降低").format(
                y=cfg.horizon_year, hi=_num(cfg.high_momentum), lo=_num(cfg.low_momentum)
            )
        ],
        "industries": [
            _tr("区位熵分界 {lq}，潜力分界 {p}；评分 {a}–{b} 分").format(
                lq=_num(cfg.lq_split), p=_num(cfg.potential_split), a=_num(cfg.score_min), b=_num(cfg.score_max)
            )
        ],
        "partners": [
            _tr("短板：一级指标水平 < {w}；毗邻系数 {f}；每个短板列出 {n} 个伙伴").format(
                w=_num(cfg.partner_weak_below), f=_num(cfg.adjacency_factor), n=cfg.partner_top_n
            )
        ],
        "sameness": [_tr("余弦相似度 > {c}").format(c=_num(cfg.cosine_threshold))],
        "robustness": [
            _tr("本结论所占比例 < {s} 为临界；权重扰动 ±{w}%；预估值 ±{e}%，插值 ±{i}%").format(
                s=_num(cfg.borderline_share),
                w=_num(cfg.robust_spread * 100),
                e=_num(cfg.band_estimate * 100),
                i=_num(cfg.band_interpolated * 100),
            )
        ],
    }
    return lines.get(kind, [])


def glossary_html(cfg, lang: str) -> str:
    """The method glossary as HTML: per term its name, explanation, formula, thresholds and source."""
    colon = "：" if lang == "zh" else ": "
    parts = [f"<h2>{escape(_tr('方法术语表'))}</h2>"]
    for t in glossary_terms():
        english = f" <small>({escape(t['en'])})</small>" if lang == "zh" else ""  # the English UI shows no Chinese
        parts.append(f"<h3>{escape(t[lang])}{english}</h3>")
        parts.append(f"<p>{escape(t[f'text_{lang}'])}</p>")
        parts.append(
            f"<p><b>{escape(_tr('公式'))}</b>{colon}<code>{escape(t.get(f'formula_{lang}', t['formula']))}</code></p>"
        )
        lines = threshold_lines(t.get("thresholds", ""), cfg, lang)
        if lines:
            parts.append(f"<p><b>{escape(_tr('阈值'))}</b>{colon}" + "<br>".join(escape(x) for x in lines) + "</p>")
        parts.append(f"<p><b>{escape(_tr('来源'))}</b>{colon}{escape(t[f'source_{lang}'])}</p>")
    return "\n".join(parts)


def indicator_tooltip(framework, code: str, lang: str) -> str:
    """An indicator's name, definition, unit and source (framework file); a parent node's name and children."""
    node = framework.nodes.get(code)
    if node is None:
        return ""
    lines = [framework.label(code, lang)]
    if node.is_leaf:
        definition = node.definition(lang, regional=True) or node.definition_provincial
        source = node.source_label(lang) or node.source
        lines.append(_tr("定义：{d}").format(d=definition))
        if node.definition_national and node.definition_national != node.definition_provincial and lang == "zh":
            lines.append(_tr("全国口径：{d}").format(d=node.definition_national))
        lines.append(_tr("单位：{u}").format(u=node.unit_label(lang) or "—"))
        lines.append(_tr("来源：{s}").format(s=source or "—"))
    else:
        lines.append(
            _tr("包含：{c}").format(c=_tr("、").join(framework.label(c, lang) for c in framework.children(code)))
        )
    return "\n".join(lines)


def indicators_html(framework, lang: str) -> str:
    rows = []
    for code in framework.codes:
        if framework.nodes[code].is_leaf:
            tip = indicator_tooltip(framework, code, lang).split("\n")
            rows.append(f"<h4>{escape(tip[0])}</h4><p>" + "<br>".join(escape(x) for x in tip[1:]) + "</p>")
    return f"<h2>{escape(_tr('指标说明'))}</h2>" + "\n".join(rows)


class HelpDialog(QDialog):
    """Non-modal help window: this page, the method glossary, the indicators."""

    def __init__(self, page: str, lang: str, framework, config, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_tr("帮助"))
        self.resize(720, 560)
        v = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.page_text = QTextBrowser()
        self.page_text.setMarkdown(page_help(page, lang))
        self.glossary = QTextBrowser()
        self.glossary.setHtml(glossary_html(config, lang))
        self.indicators = QTextBrowser()
        self.indicators.setHtml(indicators_html(framework, lang))
        self.tabs.addTab(self.page_text, _tr("本页帮助"))
        self.tabs.addTab(self.glossary, _tr("方法术语表"))
        self.tabs.addTab(self.indicators, _tr("指标说明"))
        v.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        v.addWidget(buttons)
        self.page = page


def _config(session):
    """The assessment configuration in use (the user's thresholds file, or the shipped one)."""
    a = session.assessment
    if a is not None and a.config is not None:
        return a.config
    from core.assessment import load_config

    thresholds = session.settings.thresholds_file if session.settings else ""
    try:
        return load_config(thresholds or None, pillars=session.framework.pillars)
    except Exception:  # a broken user file: the glossary still shows the shipped thresholds
        return load_config(pillars=session.framework.pillars)


def open_help(window, tab: int = 0) -> HelpDialog:
    """Show (or raise) the help window for the window's current page; `tab` 1 = the method glossary."""
    old = getattr(window, "help_dialog", None)
    if old is not None:
        old.close()
        old.deleteLater()
    s = window.session
    dlg = HelpDialog(window.current_page_id, window.lang, s.framework, _config(s), window)
    dlg.tabs.setCurrentIndex(tab)
    window.help_dialog = dlg
    dlg.show()
    return dlg


def set_node_tooltips(combo, framework, lang: str) -> None:
    """Each item of a combo box whose data are node codes gets the node's tooltip."""
    from PySide6.QtCore import Qt

    for i in range(combo.count()):
        code = combo.itemData(i)
        if code in framework.nodes:
            combo.setItemData(i, indicator_tooltip(framework, code, lang), Qt.ItemDataRole.ToolTipRole)
