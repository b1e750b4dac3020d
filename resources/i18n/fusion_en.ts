<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AssessmentPage</name>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="444" />
        <location filename="../../desktop/pages/assessment_page.py" line="530" />
        <source>还没有评估结果。评估需要地区数据和全国基准（可用内置的全国数据）。</source>
        <translation>No assessment yet. It needs regional data and the national benchmark (the built-in national data will do).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="464" />
        <source>定位</source>
        <translation>Positioning</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="465" />
        <source>全国格局</source>
        <translation>National landscape</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="466" />
        <source>耦合与潜力</source>
        <translation>Coupling and potential</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="467" />
        <source>优势与短板</source>
        <translation>Strengths and short boards</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="468" />
        <source>主导产业</source>
        <translation>Leading industries</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="469" />
        <source>伙伴与路径</source>
        <translation>Partners and levers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="470" />
        <source>统计一致性</source>
        <translation>Coherence</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="526" />
        <source>“{r}”没有评估结果（全国本身不参与定位评估，请选择一个地区）。</source>
        <translation>No assessment for “{r}” (the nation itself is not positioned; choose a region).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="538" />
        <source>（另有 {0} 条说明，见导出的 JSON）</source>
        <translation> ({0} more notes in the exported JSON)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/assessment_page.py" line="539" />
        <source>说明：</source>
        <translation>Notes: </translation>
    </message>
<message><source>定位趋同</source><translation>Sameness</translation></message><message><source>定位象限：融合水平 × 融合势能（全国 = 100）</source><translation>Positioning quadrant: level × momentum (nation = 100)</translation></message><message><source>一级指标融合水平（全国 = 100）</source><translation>Pillar fusion levels (nation = 100)</translation></message><message><source>融合水平</source><translation>Fusion level</translation></message><message><source>融合势能</source><translation>Momentum</translation></message><message><source>定位象限</source><translation>Positioning quadrant</translation></message><message><source>功能定位</source><translation>Functional role</translation></message><message><source>融合水平（全国 = 100）</source><translation>Fusion level (nation = 100)</translation></message><message><source>融合势能（全国 = 100）</source><translation>Momentum (nation = 100)</translation></message><message><source>双螺旋耦合协调度</source><translation>Double-helix coupling coordination</translation></message><message><source>融合潜力</source><translation>Fusion potential</translation></message><message><source>潜力等级</source><translation>Potential grade</translation></message><message><source>优势指标（得分最高）</source><translation>Strengths (highest scores)</translation></message><message><source>短板指标（得分最低）</source><translation>Short boards (lowest scores)</translation></message><message><source>主导产业融合潜力象限（区位熵 × 潜力）</source><translation>Leading-industry quadrant (location quotient × potential)</translation></message><message><source>主导产业排序</source><translation>Leading industries, ranked</translation></message><message><source>排名</source><translation>Rank</translation></message><message><source>产业</source><translation>Industry</translation></message><message><source>潜力</source><translation>Potential</translation></message><message><source>区位熵</source><translation>Location quotient</translation></message><message><source>象限</source><translation>Quadrant</translation></message><message><source>专家数</source><translation>Experts</translation></message><message><source>说明</source><translation>Info</translation></message><message><source>协同伙伴（和谁融合）</source><translation>Partner regions (fuse with whom)</translation></message><message><source>短板一级指标</source><translation>Weak pillar</translation></message><message><source>伙伴地区</source><translation>Partner</translation></message><message><source>伙伴水平</source><translation>Partner level</translation></message><message><source>毗邻</source><translation>Adjacent</translation></message><message><source>理由</source><translation>Reason</translation></message><message><source>同质化（定位趋同）预警</source><translation>Sameness warnings</translation></message><message><source>路径建议（怎么融合）</source><translation>Levers (how to fuse)</translation></message><message><source>节点</source><translation>Node</translation></message><message><source>全国</source><translation>Nation</translation></message><message><source>量</source><translation>Quantity</translation></message><message><source>数值</source><translation>Value</translation></message><message><source>组成部分</source><translation>Part</translation></message><message><source>补短板空间：总水平可提高</source><translation>Short-board headroom: rise in the level</translation></message><message><source>协调提升空间：耦合协调度可提高</source><translation>Coordination headroom: rise in D</translation></message><message><source>指标</source><translation>Indicator</translation></message><message><source>得分</source><translation>Score</translation></message><message><source>对总水平的贡献</source><translation>Contribution to the level</translation></message><message><source>拉低总水平（点）</source><translation>Gap contribution</translation></message><message><source>区位熵（全国 = 1）</source><translation>Location quotient (nation = 1)</translation></message><message><source>融合潜力（0–100）</source><translation>Fusion potential (0–100)</translation></message><message><source>地区</source><translation>Region</translation></message><message><source>相似度</source><translation>Similarity</translation></message><message><source>预警</source><translation>Warning</translation></message><message><source>针对短板</source><translation>Short board</translation></message><message><source>建议</source><translation>Lever</translation></message><message><source>融合类型</source><translation>Fusion</translation></message><message><source>内容与依据</source><translation>What and why</translation></message><message><source>定位象限：{n}</source><translation>Positioning quadrant: {n}</translation></message><message><source>全国 = 100</source><translation>Nation = 100</translation></message><message><source>年均增速差 {g} 个百分点</source><translation>Annual growth gap {g} pp</translation></message><message><source>科技创新侧</source><translation>Science side</translation></message><message><source>产业创新侧</source><translation>Industry side</translation></message><message><source>耦合度</source><translation>Coupling</translation></message><message><source>综合协调指数</source><translation>Coordination index</translation></message><message><source>耦合协调度</source><translation>Coupling coordination</translation></message><message><source>各一级指标均不低于自身均值</source><translation>No pillar is below the region's own mean</translation></message><message><source>滞后一侧：</source><translation>Lagging side: </translation></message><message><source>主导产业潜力（均值）</source><translation>Leading-industry potential (mean)</translation></message><message><source>{r} 没有主导产业评分（可在填报模板的“主导产业”工作表中填写）。</source><translation>{r} has no leading-industry scores (fill them in the template's 主导产业 sheet).</translation></message><message><source>是</source><translation>yes</translation></message><message><source>融合水平 {l}　融合势能 {m}</source><translation>Level {l}   Momentum {m}</translation></message><message><source>趋势外推：{y} 年融合水平</source><translation>Trend: level in {y}</translation></message><message><source>依据：</source><translation>Source: </translation></message><message><source>当前 {l}（{g0}）→ {g1}</source><translation>now {l} ({g0}) → {g1}</translation></message><message><source>{n} 个产业；{q}；潜力最高：{t}</source><translation>{n} industries; {q}; highest potential: {t}</translation></message></context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../desktop/pages/audit_tab.py" line="92" />
        <source>在 {n} 个地区 {year} 年的指标得分上检验各一级指标的内部一致性（Pearson 相关系数；红色为正相关，蓝色为负相关）。检验只描述指标体系，不改变任何结果。</source>
        <translation>Internal coherence of each pillar on the indicator scores of {n} regions in {year} (Pearson correlations; red is positive, blue negative). The audit describes the framework and changes no result.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/audit_tab.py" line="101" />
        <source>克朗巴哈系数 α = {alpha}；第一主成分方差占比 {share}</source>
        <translation>Cronbach's α = {alpha}; first principal component's share of variance {share}</translation>
    </message>
</context>
<context>
    <name>BenchmarkPage</name>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="28" />
        <source>还没有可对标的结果。对标需要地区数据和全国基准。</source>
        <translation>Nothing to benchmark yet. Benchmarking needs regional data and the national benchmark.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="36" />
        <source>对标指标</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="44" />
        <source>与全国差距（点）</source>
        <translation>Gap to the nation (points)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="45" />
        <source>年均增速差（百分点）</source>
        <translation>Annual growth gap (pp)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="46" />
        <source>指数排名</source>
        <translation>Index rank</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="47" />
        <source>融合水平排名</source>
        <translation>Level rank</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="52" />
        <source>地区与全国对比</source>
        <translation>Region vs nation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="55" />
        <location filename="../../desktop/pages/benchmark_page.py" line="65" />
        <source>逐年对比</source>
        <translation>Year by year</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="58" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="59" />
        <source>本地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="164" />
        <source>全国可比序列</source>
        <translation>Comparable national series</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="62" />
        <source>差距（点）</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="60" />
        <source>全国（可比）</source>
        <translation>Nation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="61" />
        <source>全国（公布）</source>
        <translation>Published</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="68" />
        <source>全国（可比）：按省级口径计算的全国可比序列；全国（公布）：中国信通院公布的全国指数。</source>
        <translation>Nation: the comparable national series under the provincial definitions; Published: the national index published by CAICT.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="72" />
        <location filename="../../desktop/pages/benchmark_page.py" line="76" />
        <source>已载入地区排名（最新年份）</source>
        <translation>Rank among loaded regions (latest year)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="74" />
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="74" />
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="74" />
        <source>指数</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="74" />
        <source>融合水平</source>
        <translation>Fusion level</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="115" />
        <source>“{r}”没有对标结果：请选择一个地区（全国本身不参与对标）。</source>
        <translation>No benchmark for “{r}”: choose a region (the nation is not benchmarked against itself).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="170" />
        <source>全国公布值（中国信通院）</source>
        <translation>Published national index (CAICT)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="188" />
        <source>{node}：{r} 与全国</source>
        <translation>{node}: {r} vs the nation</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="190" />
        <source>指数（{y} 年 = 100）</source>
        <translation>Index ({y} = 100)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="197" />
        <source>{y} 年</source>
        <translation>{y}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="201" />
        <source>本地区年均增速 {a}，全国 {b}。</source>
        <translation>Annual growth: region {a}, nation {b}.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="207" />
        <source>{y} 年指数在已载入地区中的位次（增长快慢）。</source>
        <translation>Rank of the {y} index among the loaded regions (how fast it grew).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="209" />
        <source>融合水平（全国 = 100）在已载入地区中的位次（发展高低）。</source>
        <translation>Rank of the fusion level (nation = 100) among the loaded regions (how developed).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/benchmark_page.py" line="148" />
        <source>报告未给出{m}该指标的数值，无法与板块对比。</source>
        <translation>The report gives no {m} figure for this node, so there is no macro-region comparison.</translation>
    </message>
</context>
<context>
    <name>ChartFrame</name>
    <message>
        <location filename="../../desktop/charts/base.py" line="89" />
        <source>导出 ▾</source>
        <translation>Export ▾</translation>
    </message>
    <message>
        <location filename="../../desktop/charts/base.py" line="90" />
        <source>复制或导出图表</source>
        <translation>Copy or export the chart</translation>
    </message>
    <message>
        <location filename="../../desktop/charts/base.py" line="93" />
        <source>复制图片</source>
        <translation>Copy image</translation>
    </message>
    <message>
        <location filename="../../desktop/charts/base.py" line="94" />
        <source>导出 PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <location filename="../../desktop/charts/base.py" line="95" />
        <source>导出 PNG（用于报告：A4 版心宽，300 dpi）…</source>
        <translation>Export PNG for report (A4 text width, 300 dpi)…</translation>
    </message>
    <message>
        <location filename="../../desktop/charts/base.py" line="96" />
        <source>导出 SVG…</source>
        <translation>Export SVG…</translation>
    </message>
    <message>
        <location filename="../../desktop/charts/base.py" line="294" />
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location filename="../../desktop/charts/base.py" line="294" />
        <source>SVG 矢量图 (*.svg)</source>
        <translation>SVG vector images (*.svg)</translation>
    </message>
    <message>
        <location filename="../../desktop/charts/base.py" line="295" />
        <location filename="../../desktop/charts/base.py" line="306" />
        <source>导出图表</source>
        <translation>Export chart</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="87" />
        <source>预估值（沿用最近年份）</source>
        <translation>Estimate (carried forward)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="88" />
        <source>插值（两端已知年份之间几何插值）</source>
        <translation>Interpolated (geometric)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="89" />
        <source>缺失</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="58" />
        <location filename="../../desktop/pages/data_check.py" line="59" />
        <source>指标数据</source>
        <translation>Indicator data</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="62" />
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="64" />
        <source>逐项更正与修订</source>
        <translation>Corrections and revisions</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="104" />
        <source>类别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="104" />
        <source>位置</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="104" />
        <source>说明</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="104" />
        <location filename="../../desktop/pages/data_check.py" line="113" />
        <location filename="../../desktop/pages/data_check.py" line="276" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="117" />
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="117" />
        <location filename="../../desktop/pages/data_check.py" line="176" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="117" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="117" />
        <source>当前值</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="117" />
        <source>新导入的值</source>
        <translation>Newly imported value</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="123" />
        <source>保留当前值</source>
        <translation>Keep current value</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="125" />
        <source>采用新导入的值</source>
        <translation>Use the imported value</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="128" />
        <source>处理结果作为一次修订写入工作区，原有数值仍保留在历史中。</source>
        <translation>The choice is recorded as a revision in the workspace; the other value stays in the history.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="118" />
        <location filename="../../desktop/pages/data_check.py" line="132" />
        <location filename="../../desktop/pages/data_check.py" line="277" />
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="147" />
        <source>{region}：{n} 个数值　　导入与测算问题（全部文件）：{e} 个错误，{w} 个警告</source>
        <translation>{region}: {n} values   Problems (all files): {e} errors, {w} warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="176" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="176" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="267" />
        <source>（已接受：{reason}）</source>
        <translation> (accepted: {reason})</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="73" />
        <source>填报值</source>
        <translation>Reported value</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="74" />
        <source>预估值：该年尚无数据，沿用最近一个已知年份的数值</source>
        <translation>Estimate: no value for this year yet; the last known value is carried forward</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="75" />
        <source>插值：在两端已知年份之间按几何（对数线性）插值</source>
        <translation>Interpolated: geometric (log-linear) interpolation between two known years</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="228" />
        <source>缺失：该年没有数值</source>
        <translation>Missing: no value for this year</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="239" />
        <source>来源：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="241" />
        <source>数据来源：</source>
        <translation>Data source: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_check.py" line="243" />
        <source>备注：</source>
        <translation>Note: </translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="46" />
        <source>把填报模板（.xlsx）、长表文件（.csv/.xlsx）或整个文件夹拖放到这里</source>
        <translation>Drop fill-in templates (.xlsx), long tables (.csv/.xlsx) or whole folders here</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="49" />
        <source>每个数值都会记录来源文件、工作表和单元格；发现的问题在“数据校验”中逐条列出。</source>
        <translation>Every value keeps its file, sheet and cell; problems are listed one by one on the Check page.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="55" />
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="57" />
        <source>选择文件夹…</source>
        <translation>Choose a folder…</translation>
    </message>
</context>
<context>
    <name>EditPanel</name>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="47" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="48" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="49" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="50" />
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="51" />
        <location filename="../../desktop/pages/data_edit.py" line="108" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="52" />
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="53" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="54" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="56" />
        <source>缺失</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="56" />
        <source>已接受：{reason}</source>
        <translation>Accepted: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="83" />
        <source>修改原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="85" />
        <source>必填，随修订一起保存，例如：按统计年鉴更正</source>
        <translation>Required; saved with the revision, e.g. corrected from the statistical yearbook</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="87" />
        <source>接受标记</source>
        <translation>Accept flag</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="88" />
        <source>确认所选单元格的问题已核实、数值可以使用；接受及其原因记录为一次修订。</source>
        <translation>Confirm that the problem of the selected cell was checked and the value can be used; the acceptance and its reason are recorded as a revision.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="91" />
        <source>双击数值即可修改，清空表示删除该数值；每次修改都是一次可撤销的修订。</source>
        <translation>Double-click a value to change it; clear it to remove the value. Every change is a revision you can revert.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="101" />
        <source>修订记录</source>
        <translation>Revisions</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="102" />
        <location filename="../../desktop/pages/data_edit.py" line="108" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="102" />
        <source>说明</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="102" />
        <location filename="../../desktop/pages/data_edit.py" line="108" />
        <source>修订号</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="103" />
        <source>撤销所选修订</source>
        <translation>Revert the selected revision</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="107" />
        <source>导入记录</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="108" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="109" />
        <source>撤销所选导入</source>
        <translation>Undo the selected import</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="112" />
        <source>该次导入的全部数值恢复为导入前的状态；文件内容仍保留在工作区历史中。</source>
        <translation>Every value of that import goes back to what it was before the import; the file's values stay in the workspace history.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="151" />
        <source>已撤销</source>
        <translation>Reverted</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="151" />
        <source>在用</source>
        <translation>In use</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="184" />
        <source>修改原因</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_edit.py" line="184" />
        <source>请填写原因（随修订一起保存）：</source>
        <translation>Enter the reason (saved with the revision):</translation>
    </message>
</context>
<context>
    <name>ExclusionBar</name>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="55" />
        <source>排除该问题所在地区…</source>
        <translation>Exclude this problem's region…</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="57" />
        <source>一个地区的数据不完整时，可先将其排除并注明理由，其余地区即可测算；补齐数据后再取消排除。</source>
        <translation>When one region's data are incomplete, exclude it with a reason so that the other regions can be computed; remove the exclusion once its data are complete.</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="60" />
        <source>仅对该地区排除此指标…</source>
        <translation>Exclude this indicator for this region only…</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="62" />
        <source>该地区无法填报这个指标时：只排除它，同级指标的权重重新归一，该地区其余指标照常计算。</source>
        <translation>When the region cannot fill this indicator: exclude only it; its siblings' weights are renormalised and the region's other indicators are computed as usual.</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="65" />
        <source>管理排除…</source>
        <translation>Manage exclusions…</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="96" />
        <source>已排除：</source>
        <translation>Excluded: </translation>
    </message>
</context>
<context>
    <name>ExclusionsDialog</name>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="120" />
        <source>排除地区或指标</source>
        <translation>Exclude regions or indicators</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="125" />
        <source>被排除的地区不参与指数测算和评估，其他地区照常计算；只排除某地区的一个指标时，其同级指标的权重重新归一。每个排除都须注明理由，理由保存在工作区中，并写入测算口径和导出的报告。</source>
        <translation>Excluded regions take no part in the index and the assessment; the other regions are computed as usual. When only one indicator of a region is excluded, its siblings' weights are renormalised. Each exclusion needs a reason, which is kept in the workspace and written into the recipe and the exported reports.</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="132" />
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="132" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="132" />
        <source>排除范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="139" />
        <source>取消所选排除</source>
        <translation>Remove the selected exclusion</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="156" />
        <location filename="../../desktop/exclusions_dialog.py" line="186" />
        <source>整个地区</source>
        <translation>Whole region</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="163" />
        <source>理由，例如：2019 年数据缺失，待补报</source>
        <translation>Reason, e.g. 2019 data missing, to be reported later</translation>
    </message>
    <message>
        <location filename="../../desktop/exclusions_dialog.py" line="164" />
        <source>排除</source>
        <translation>Exclude</translation>
    </message>
<message><source>排除指标</source><translation>Exclude an indicator</translation></message><message><source>{region} 的指标 {code} 将不参与测算，其同级指标的权重重新归一。请注明理由（写入测算口径和报告）：</source><translation>The indicator {code} of {region} will be left out; its siblings' weights are renormalised. Give the reason (it is written into the recipe and the report):</translation></message><message><source>排除地区</source><translation>Exclude regions</translation></message><message><source>{region} 将不参与测算，其他地区照常计算。请注明理由（写入测算口径和报告）：</source><translation>{region} will be left out of the computation; the other regions are computed as usual. Give the reason (it is written into the recipe and the report):</translation></message></context>
<context>
    <name>FrameworkEditor</name>
    <message>
        <location filename="../../desktop/framework_editor.py" line="58" />
        <source>指标体系编辑器</source>
        <translation>Framework editor</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="88" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="90" />
        <source>体系标识</source>
        <translation>Framework id</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="95" />
        <source>体系名称</source>
        <translation>Framework name</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="97" />
        <source>双击名称或权重即可修改；同一上级下的权重自动归一（占上级比重之和始终为 1）。保存时生成新版本。</source>
        <translation>Double-click a name or a weight to change it; the weights under one parent are renormalised automatically (the shares of a parent always add up to 1). Saving creates a new version.</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="107" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="93" />
        <location filename="../../desktop/framework_editor.py" line="107" />
        <location filename="../../desktop/framework_editor.py" line="120" />
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="107" />
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="107" />
        <source>占上级比重</source>
        <translation>Share of parent</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="107" />
        <location filename="../../desktop/framework_editor.py" line="119" />
        <source>中文名称</source>
        <translation>Chinese name</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="121" />
        <source>地区口径定义</source>
        <translation>Regional definition</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="122" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="123" />
        <source>数据来源</source>
        <translation>Data source</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="132" />
        <source>正向（越高越好）</source>
        <translation>Positive (higher is better)</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="133" />
        <source>逆向（越低越好）</source>
        <translation>Negative (lower is better)</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="135" />
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="138" />
        <source>融合水平按类型与全国比较：比率直接比，总量先按地区生产总值或人口折算，占全国比重以全国为 100%。</source>
        <translation>The fusion level compares with the nation by type: a ratio directly, a total after scaling by GDP or population, a share of the nation against the nation's 100 %.</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="141" />
        <source>比率</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="142" />
        <source>总量</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="143" />
        <source>占全国比重</source>
        <translation>Share of the nation</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="147" />
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="152" />
        <source>校验</source>
        <translation>Validate</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="154" />
        <source>保存为新版本并使用</source>
        <translation>Save as a new version and use it</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="157" />
        <source>改用内置体系</source>
        <translation>Use the shipped framework</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="159" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="223" />
        <source>上级</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="223" />
        <source>（总指数）</source>
        <translation> (total index)</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="225" />
        <source>{parent}：下级占比合计 {total}</source>
        <translation>{parent}: children's shares add up to {total}</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="268" />
        <source>校验通过：指标体系有效。</source>
        <translation>Validation passed: the framework is valid.</translation>
    </message>
    <message>
        <location filename="../../desktop/framework_editor.py" line="271" />
        <source>编辑中的指标体系</source>
        <translation>framework being edited</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../desktop/shell/header.py" line="52" />
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/header.py" line="55" />
        <source>当前查看的地区</source>
        <translation>The region shown</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/header.py" line="59" />
        <source>叠加对比</source>
        <translation>Overlay regions</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/header.py" line="60" />
        <source>在图表中叠加其他地区</source>
        <translation>Overlay other regions on the charts</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/header.py" line="111" />
        <source>查找地区…</source>
        <translation>Find a region…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/header.py" line="136" />
        <source>另有 {n} 个地区：输入名称查找</source>
        <translation>{n} more regions: type a name to find them</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="137" />
        <source>下载空白填报模板</source>
        <translation>Download a blank fill-in template</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="138" />
        <source>生成带校验和填报说明的空白工作簿，发给各地统计人员填写后再导入。</source>
        <translation>Creates a blank workbook with validation and instructions to send to statisticians; import it when it comes back.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="142" />
        <source>单地区模板（一个地区，逐年填报）</source>
        <translation>Region template (one region, by year)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="143" />
        <source>多地区模板（多个地区同表填报）</source>
        <translation>Multi-region template (several regions in one sheet)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="144" />
        <source>全国基准模板（全国数值）</source>
        <translation>National benchmark template (national values)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="146" />
        <source>地区名称，如 湖北省（可留空）</source>
        <translation>Region name, e.g. Hubei (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="148" />
        <source>填报年份范围，如 2019-2024</source>
        <translation>Years to fill, e.g. 2019-2024</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="151" />
        <source>模板类型</source>
        <translation>Template kind</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="152" />
        <location filename="../../desktop/pages/data_import.py" line="249" />
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="153" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="159" />
        <source>保存空白模板…</source>
        <translation>Save blank template…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="168" />
        <source>当前工作区</source>
        <translation>Current workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="168" />
        <source>工作区文件（.lcws）保存每次导入的全部数值、来源和修订记录。</source>
        <translation>The workspace file (.lcws) keeps every imported value, its source and the revision history.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="182" />
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="183" />
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="184" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="185" />
        <source>演示数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="108" />
        <location filename="../../desktop/pages/data_import.py" line="112" />
        <source>本次导入记录</source>
        <translation>Imports in this session</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="110" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="110" />
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="110" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="110" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="118" />
        <source>最近打开</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="199" />
        <source>未打开工作区</source>
        <translation>No workspace open</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="202" />
        <source>{n} 个数值，{r} 个地区，{v} 次修订</source>
        <translation>{n} values, {r} regions, revisions: {v}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="210" />
        <source>演示工作区为示意数据，非官方统计。新建工作区后导入本地区数据，开始正式评估。</source>
        <translation>The demo workspace holds illustrative data, not official statistics. Create a new workspace and import your region's data to start a real assessment.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="242" />
        <source>年份范围无效，请填写如 2019-2024。</source>
        <translation>Invalid year range; enter e.g. 2019-2024.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="249" />
        <source>填报模板</source>
        <translation> template</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="250" />
        <source>多地区填报模板</source>
        <translation>Multi-region template</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="251" />
        <source>全国基准填报模板</source>
        <translation>National benchmark template</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="254" />
        <source>保存空白模板</source>
        <translation>Save blank template</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/data_import.py" line="254" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="31" />
        <source>导入发现错误</source>
        <translation>Errors found in the import</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="40" />
        <source>以下文件有 {n} 个错误，尚未导入：{files}</source>
        <translation>These files have {n} errors and were not imported: {files}</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="49" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="49" />
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="49" />
        <source>单元格</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="49" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="49" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="49" />
        <source>说明</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="67" />
        <source>可以只导入这些文件中正确的数值：有错误的单元格留空，并在“数据校验”中标记，之后可在“逐项更正与修订”中填写或接受。也可以取消，修改文件后重新导入。</source>
        <translation>You can import only the good values of these files: the cells with errors stay empty and are marked in Data check, where you can fill them in or accept them later under Corrections and revisions. Or cancel, fix the files and import them again.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="75" />
        <source>导入正确的数值（错误单元格留空并标记）</source>
        <translation>Import the good values (cells with errors stay empty and marked)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/import_problems.py" line="79" />
        <source>取消，先修改文件</source>
        <translation>Cancel and fix the files first</translation>
    </message>
</context>
<context>
    <name>IndexPage</name>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="42" />
        <source>还没有测算结果。请先在“数据导入”中导入数据；若数据有错误，请在“数据校验”中查看。</source>
        <translation>No results yet. Import data on the Import page; if the data has errors, see the Check page.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="65" />
        <source>图1  两创融合发展总指数与一级指标指数</source>
        <translation>Figure 1  Fusion index and pillar indices</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="71" />
        <source>一级指标</source>
        <translation>Pillar</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="73" />
        <source>二级指标指数</source>
        <translation>Sub-indicator indices</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="85" />
        <source>指数明细</source>
        <translation>All nodes</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="88" />
        <source>权重敏感性</source>
        <translation>Weight sensitivity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="95" />
        <source>测算口径</source>
        <translation>Recipe</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="161" />
        <source>{name} 5–95% 区间</source>
        <translation>{name} 5–95% band</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="185" />
        <source>指数（{y} 年 = 100）</source>
        <translation>Index ({y} = 100)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="189" />
        <source>{region}，基期 {y} 年 = 100。虚线为含预估值的年份。</source>
        <translation>{region}, base year {y} = 100. Dashed segments include estimated values.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="194" />
        <source>阴影为蒙特卡洛权重模拟的 5–95% 区间（{n} 次抽样）。</source>
        <translation>Shaded: 5–95 % band of the Monte Carlo weights ({n} draws).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="225" />
        <source>（含预估）</source>
        <translation> (incl. estimates)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="227" />
        <source>二级指标指数：{p}</source>
        <translation>Sub-indicator indices: {p}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="234" />
        <source>与报告图2–图5 相同：基期与最近两年的二级指标指数。</source>
        <translation>As in the report's Figures 2–5: sub-indicator indices at the base year and the latest two years.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="241" />
        <source>方法：</source>
        <translation>Method: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="243" />
        <source>指标体系：</source>
        <translation>Framework: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="244" />
        <source>基期：{b} 年；末年：{e} 年</source>
        <translation>Base year: {b}; end year: {e}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="245" />
        <source>年份缺口：</source>
        <translation>Gaps between years: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="246" />
        <source>由引擎填补的数值：{n} 个（详见“数据校验”中的彩色单元格）</source>
        <translation>Values filled by the engine: {n} (see the coloured cells on the Check page)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_page.py" line="253" />
        <source>排除的指标：</source>
        <translation>Excluded indicators: </translation>
    </message>
</context>
<context>
    <name>LineChart</name>
    <message>
        <location filename="../../desktop/charts/plots.py" line="132" />
        <source>{y} 年</source>
        <translation>{y}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="76" />
        <source>数据导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="76" />
        <source>导入填报模板或长表数据，下载空白模板，管理工作区。</source>
        <translation>Import templates or long tables, download blank templates, manage the workspace.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="77" />
        <source>数据校验</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="77" />
        <source>逐地区查看指标数据、预估值和插值、数据来源，以及导入发现的问题。</source>
        <translation>Indicator data per region, estimates and interpolations, sources, and the problems found on import.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="79" />
        <source>指数测算</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="80" />
        <source>总指数与四个一级指标的历年走势、二级指标对比、全部节点的指数与增速、权重敏感性。</source>
        <translation>Total index and four pillars over the years, sub-indicators, every node's index and growth, weight sensitivity.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="83" />
        <source>潜力与定位</source>
        <translation>Potential &amp; role</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="84" />
        <source>融合水平与势能、定位象限、功能定位、耦合协调度、融合潜力、协同伙伴与路径建议。</source>
        <translation>Level and momentum, quadrant, functional role, coupling, potential, partners and levers.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="86" />
        <source>对标分析</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="86" />
        <source>任一指标与全国、所在板块对比：差距、增速差与地区排名。</source>
        <translation>Any node against the nation and the macro-region: gap, growth gap and rank.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="88" />
        <source>规划推演</source>
        <translation>What-if</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="89" />
        <source>按趋势或设定增速推演目标年份的水平、分组与象限，或求达到目标的最小调整方案（情景，非预测）。</source>
        <translation>Level, group and quadrant in a target year under trends or chosen growth; the smallest plan to reach a target (not a forecast).</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="91" />
        <source>报告导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="91" />
        <source>导出评估报告（Word、PDF、Excel）、测算结果（CSV、JSON）和图表。</source>
        <translation>Export the assessment report (Word, PDF, Excel), the results (CSV, JSON) and the charts.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="95" />
        <source>两创融合评估 — 科技创新和产业创新融合发展指数</source>
        <translation>Fusion Assessor — science–industry innovation fusion index</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="314" />
        <source>两创融合评估 {version}</source>
        <translation>Fusion Assessor {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="315" />
        <source>按中国信通院 2025 年 4-12-27 指标体系测算两创融合发展指数，并评估地区融合潜力与功能定位。</source>
        <translation>Computes the science–industry innovation fusion index with the CAICT 2025 4-12-27 framework and assesses a region's fusion potential and functional role.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="317" />
        <source>指标体系：{name}；标识 {id}，版本 {version}</source>
        <translation>Indicator framework: {name}; id {id}, version {version}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="318" />
        <source>运行环境：Python {python}，Qt {qt}，PySide6 {pyside}</source>
        <translation>Running on Python {python}, Qt {qt}, PySide6 {pyside}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="321" />
        <source>日志文件夹：{folder}</source>
        <translation>Log folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="328" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/sidebar.py" line="89" />
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../desktop/shell/menus.py" line="31" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="32" />
        <source>分析(&amp;A)</source>
        <translation>&amp;Analysis</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="33" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="35" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="36" />
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="40" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="41" />
        <source>本页帮助</source>
        <translation>Help for this page</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="42" />
        <source>方法术语表</source>
        <translation>Method glossary</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="43" />
        <source>入门导览…</source>
        <translation>Getting started…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="45" />
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="46" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="50" />
        <source>新建工作区</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="51" />
        <source>打开工作区…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="52" />
        <source>最近打开</source>
        <translation>Recent</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="55" />
        <source>打开演示工作区</source>
        <translation>Open demo workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="57" />
        <source>保存工作区</source>
        <translation>Save workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="58" />
        <source>工作区另存为…</source>
        <translation>Save workspace as…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="60" />
        <source>导入工作簿…</source>
        <translation>Import workbooks…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="61" />
        <source>导入文件夹…</source>
        <translation>Import a folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="62" />
        <source>下载空白模板…</source>
        <translation>Download blank template…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="64" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="68" />
        <source>重新测算指数</source>
        <translation>Recompute the index</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="69" />
        <source>权重敏感性分析（±20%）</source>
        <translation>Weight sensitivity (±20 %)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="70" />
        <source>蒙特卡洛权重模拟</source>
        <translation>Monte Carlo weights</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="73" />
        <source>排除地区或指标…</source>
        <translation>Exclude regions or indicators…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="74" />
        <source>指标体系编辑器…</source>
        <translation>Framework editor…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="75" />
        <source>使用指标体系文件…</source>
        <translation>Use a framework file…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="77" />
        <source>载入城市毗邻关系…</source>
        <translation>Load city adjacency…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="78" />
        <source>清除城市毗邻关系</source>
        <translation>Clear city adjacency</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/menus.py" line="85" />
        <source>语言 / Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>NodeTree</name>
    <message>
        <location filename="../../desktop/pages/index_tree.py" line="38" />
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_tree.py" line="40" />
        <source>指数（基期 = 100）</source>
        <translation>Index (base year = 100)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_tree.py" line="41" />
        <source>对称增速（%）</source>
        <translation>Symmetric growth (%)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_tree.py" line="45" />
        <source>* 含预估值　~ 含插值　— 无法计算（悬停查看原因）</source>
        <translation>* includes estimates   ~ includes interpolated values   — undefined (hover for the reason)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_tree.py" line="54" />
        <source>含预估值（沿用最近已知年份）</source>
        <translation>Includes estimates (last known value carried forward)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_tree.py" line="55" />
        <source>含插值（两端已知年份之间几何插值）</source>
        <translation>Includes interpolated values (geometric, between two known years)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_tree.py" line="56" />
        <source>上一年数值为 0，对称增速为 200，指数无有限值</source>
        <translation>The previous value is 0: symmetric growth is 200 and the chained index has no finite value</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_tree.py" line="57" />
        <source>已为该地区排除（其下指标均被排除，同级权重已重新归一）</source>
        <translation>Excluded for this region (every indicator under it is excluded; sibling weights renormalised)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_tree.py" line="67" />
        <source>{y} 年增速</source>
        <translation>Growth {y}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_tree.py" line="68" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
</context>
<context>
    <name>PathChart</name>
    <message>
        <location filename="../../desktop/pages/whatif_chart.py" line="50" />
        <source>融合水平（全国 = 100）</source>
        <translation>Fusion level (nation = 100)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_chart.py" line="50" />
        <source>融合势能（全国 = 100）</source>
        <translation>Momentum (nation = 100)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_chart.py" line="60" />
        <source>从现状到目标年份的路径</source>
        <translation>Path from today to the target year</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <location filename="../../desktop/widgets.py" line="109" />
        <source>输入地区名称搜索</source>
        <translation>Type to search regions</translation>
    </message>
</context>
<context>
    <name>ScenarioCompare</name>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="21" />
        <source>情景名称</source>
        <translation>Scenario name</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="23" />
        <location filename="../../desktop/pages/whatif_compare.py" line="41" />
        <source>保存情景</source>
        <translation>Save scenario</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="26" />
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="29" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="33" />
        <location filename="../../desktop/pages/whatif_compare.py" line="77" />
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="33" />
        <source>情景对比</source>
        <translation>Compare scenarios</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="37" />
        <source>情景</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="49" />
        <location filename="../../desktop/pages/whatif_compare.py" line="54" />
        <source>导出情景</source>
        <translation>Export scenarios</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="64" />
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="64" />
        <source>目标年份</source>
        <translation>Target year</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="64" />
        <source>融合水平</source>
        <translation>Fusion level</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="64" />
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="64" />
        <source>象限</source>
        <translation>Quadrant</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="65" />
        <source>功能定位</source>
        <translation>Functional role</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="65" />
        <source>调整指标数</source>
        <translation>Indicators changed</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_compare.py" line="65" />
        <source>努力程度合计</source>
        <translation>Total effort</translation>
    </message>
</context>
<context>
    <name>SensitivityPanel</name>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="53" />
        <source>运行 ±20% 权重敏感性分析</source>
        <translation>Run ±20 % weight sensitivity</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="56" />
        <source>运行蒙特卡洛权重模拟</source>
        <translation>Run Monte Carlo weights</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="97" />
        <source>年份</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="97" />
        <source>总指数最大相对变动</source>
        <translation>Max change of total</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="97" />
        <source>引起最大变动的权重</source>
        <translation>Weight causing it</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="101" />
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="102" />
        <source>名义排名</source>
        <translation>Nominal rank</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="103" />
        <source>中位排名</source>
        <translation>Median rank</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="104" />
        <source>排名 5–95% 区间</source>
        <translation>Rank 5–95 %</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="105" />
        <source>名义排名保持率</source>
        <translation>Rank kept</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="93" />
        <source>逐一权重 ±20%（兄弟权重重新归一）</source>
        <translation>One weight at a time ±20 % (siblings renormalised)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="94" />
        <source>蒙特卡洛：地区排名稳定性（最新年份总指数）</source>
        <translation>Monte Carlo: rank stability (total index, latest year)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="58" />
        <source>计算 Sobol 敏感性指数</source>
        <translation>Compute Sobol indices</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="60" />
        <source>逐一剔除指标</source>
        <translation>Drop one indicator at a time</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="109" />
        <source>权重 ±20%</source>
        <translation>Weights ±20%</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="110" />
        <source>排名稳定性</source>
        <translation>Rank stability</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="115" />
        <source>Sobol 一阶指数：该权重单独引起的总指数方差占比；总效应指数：含与其他权重交互的占比（权重在默认值 ±20% 内均匀抽样）。逐一剔除：去掉一个指标（兄弟权重重新归一）后最新年份总指数的变动与排名变化。点击表头可排序。</source>
        <translation>Sobol first-order index: the share of the total index's variance that a weight causes on its own; total index: the share including its interactions with other weights (weights drawn uniformly within ±20 % of their defaults). Drop one: the change in the latest total index and rank when one indicator is left out (its siblings' weights renormalised). Click a column header to sort.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="126" />
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="126" />
        <source>一阶指数</source>
        <translation>First-order index</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="126" />
        <source>总效应指数</source>
        <translation>Total index</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="128" />
        <source>剔除的指标</source>
        <translation>Indicator left out</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="128" />
        <source>总指数变动</source>
        <translation>Change in total index</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="128" />
        <source>剔除后排名</source>
        <translation>Rank without it</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="128" />
        <source>排名变化（正数为上升）</source>
        <translation>Rank change (positive = up)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="123" />
        <source>Sobol 敏感性指数（最新年份总指数）</source>
        <translation>Sobol indices (latest total index)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="124" />
        <source>逐一剔除指标的影响（最新年份）</source>
        <translation>Impact of dropping one indicator (latest year)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="131" />
        <source>Sobol 指数</source>
        <translation>Sobol indices</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="132" />
        <source>逐一剔除</source>
        <translation>Drop one</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="139" />
        <source>尚未运行。点击按钮开始（在后台运行，可随时取消）。</source>
        <translation>Not run yet. Click a button to start (runs in the background, can be cancelled).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="161" />
        <source>小于 1%，与报告结论一致：结果对权重不敏感。</source>
        <translation>below 1 %, as in the report: the result is not sensitive to the weights.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="163" />
        <source>超过 1%：结果对权重较敏感，解读时请说明。</source>
        <translation>above 1 %: the result depends on the weights; say so when presenting it.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="166" />
        <source>{region}：各权重 ±20% 时总指数最大变动 {m}，</source>
        <translation>{region}: with each weight ±20 %, the total index changes by at most {m}; </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="192" />
        <source>蒙特卡洛：{n} 次抽样，权重在默认值 ±20% 内均匀扰动后重新归一（种子 {seed}）。</source>
        <translation>Monte Carlo: {n} draws, weights drawn uniformly within ±20 % of the defaults and renormalised (seed {seed}).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="209" />
        <source>Sobol：{region} {year} 年总指数，{n} 次抽样（种子 {seed}）。</source>
        <translation>Sobol: total index of {region} in {year}, {n} draws (seed {seed}).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="236" />
        <source>逐一剔除：{region} {year} 年总指数 {nominal}（全国不参与排名）。</source>
        <translation>Drop one: total index of {region} in {year} is {nominal} (the nation is not ranked).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/index_sensitivity.py" line="238" />
        <source>逐一剔除：{region} {year} 年总指数 {nominal}，排名第 {rank}。</source>
        <translation>Drop one: total index of {region} in {year} is {nominal}, rank {rank}.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../desktop/session/__init__.py" line="130" />
        <source>已取消：</source>
        <translation>Cancelled: </translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="44" />
        <source>未找到演示数据（resources/demo/）。</source>
        <translation>Demo data not found (resources/demo/).</translation>
    </message>
    <message>
        <location filename="../../desktop/session/__init__.py" line="136" />
        <location filename="../../desktop/session/workspace_ops.py" line="47" />
        <source>演示工作区（示意数据）</source>
        <translation>Demo workspace (illustrative data)</translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="49" />
        <source>打开演示工作区</source>
        <translation>Open demo workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="70" />
        <source>新建工作区</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="88" />
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="182" />
        <source>导入完成：新增 {a} 个数值，{c} 个冲突待处理，{p} 个问题。</source>
        <translation>Import finished: {a} new values, {c} conflicts to resolve, {p} problems.</translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="188" />
        <source>未导入有错误的文件：</source>
        <translation> Files with errors were not imported: </translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="125" />
        <source>导入数据</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="147" />
        <source>冲突已处理，已重新测算。</source>
        <translation>Conflict resolved; results recomputed.</translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="149" />
        <source>处理冲突</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <location filename="../../desktop/session/__init__.py" line="159" />
        <source>已打开工作区“{name}”：{n} 个数值，{r} 个地区。</source>
        <translation>Opened workspace “{name}”: {n} values, {r} regions.</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="82" />
        <source>指数测算完成：{r} 个地区，{y0}–{y1} 年。</source>
        <translation>Index computed: {r} regions, {y0}–{y1}.</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="91" />
        <source>数据还不能测算指数：请在“数据校验”中查看 {n} 个问题。</source>
        <translation>The index cannot be computed yet: see the {n} problems on the Check page.</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="63" />
        <source>指数测算</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="109" />
        <source>权重敏感性分析（±20%）完成。</source>
        <translation>Weight sensitivity (±20 %) finished.</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="111" />
        <source>权重敏感性分析</source>
        <translation>Weight sensitivity</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="118" />
        <source>蒙特卡洛抽样</source>
        <translation>Monte Carlo draws</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="137" />
        <source>蒙特卡洛权重模拟完成（{n} 次抽样）。</source>
        <translation>Monte Carlo weights finished ({n} draws).</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="140" />
        <source>蒙特卡洛权重模拟</source>
        <translation>Monte Carlo weights</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="157" />
        <source>Sobol 权重敏感性指数计算完成。</source>
        <translation>Sobol indices of the weights finished.</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="159" />
        <source>Sobol 敏感性指数</source>
        <translation>Sobol indices</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="175" />
        <source>逐一剔除指标的影响分析完成。</source>
        <translation>Drop-one-indicator impact finished.</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="177" />
        <source>逐一剔除指标</source>
        <translation>Drop one indicator at a time</translation>
    </message>
    <message>
        <location filename="../../desktop/session/computing.py" line="214" />
        <source>潜力与定位评估</source>
        <translation>Potential and positioning</translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="175" />
        <source>空白模板已保存：</source>
        <translation>Blank template saved: </translation>
    </message>
    <message>
        <location filename="../../desktop/session/workspace_ops.py" line="177" />
        <source>生成空白模板</source>
        <translation>Create blank template</translation>
    </message>
<message><source>修改数值</source><translation>Edit a value</translation></message><message><source>接受标记</source><translation>Accept flag</translation></message><message><source>撤销修订</source><translation>Revert a revision</translation></message><message><source>撤销导入</source><translation>Undo an import</translation></message><message><source>排除地区</source><translation>Exclude regions</translation></message><message><source>取消排除</source><translation>Include again</translation></message><message><source>排除指标</source><translation>Exclude an indicator</translation></message><message><source>载入城市毗邻关系</source><translation>Load city adjacency</translation></message><message><source>清除城市毗邻关系</source><translation>Clear city adjacency</translation></message><message><source>切换指标体系</source><translation>Switch framework</translation></message><message><source>排除地区需要注明理由。</source><translation>Excluding a region needs a reason.</translation></message><message><source>排除指标需要注明理由。</source><translation>Excluding an indicator needs a reason.</translation></message><message><source>已载入城市毗邻关系“{file}”：{n} 个城市，协同伙伴将考虑毗邻。</source><translation>City adjacency “{file}” loaded: {n} cities; partners now take neighbours into account.</translation></message><message><source>指标体系已切换为 {id} {version}，正在重新测算。</source><translation>Framework switched to {id} {version}; recomputing.</translation></message></context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="29" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="36" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="39" />
        <source>自动（数据中最早的年份）</source>
        <translation>Automatic (earliest year in the data)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="41" />
        <source>默认基期</source>
        <translation>Default base year</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="44" />
        <source>（默认）</source>
        <translation> (default)</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="47" />
        <source>年份缺口处理</source>
        <translation>Gaps between years</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="52" />
        <source>使用内置阈值</source>
        <translation>Use the built-in thresholds</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="53" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="57" />
        <source>评估阈值文件</source>
        <translation>Thresholds file</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="62" />
        <source>蒙特卡洛抽样次数</source>
        <translation>Monte Carlo draws</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="63" />
        <source>启动时显示入门导览</source>
        <translation>Show the getting-started tour at start-up</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="74" />
        <source>选择阈值文件</source>
        <translation>Choose a thresholds file</translation>
    </message>
    <message>
        <location filename="../../desktop/settings_dialog.py" line="74" />
        <source>TOML 文件 (*.toml)</source>
        <translation>TOML files (*.toml)</translation>
    </message>
</context>
<context>
    <name>SetupActions</name>
    <message>
        <location filename="../../desktop/shell/setup_actions.py" line="28" />
        <source>使用指标体系文件</source>
        <translation>Use a framework file</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/setup_actions.py" line="28" />
        <source>指标体系 (*.toml)</source>
        <translation>Framework (*.toml)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/setup_actions.py" line="35" />
        <source>载入城市毗邻关系</source>
        <translation>Load city adjacency</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/setup_actions.py" line="35" />
        <source>城市毗邻关系 (*.toml)</source>
        <translation>City adjacency (*.toml)</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../desktop/shell/sidebar.py" line="23" />
        <source>两创融合评估</source>
        <translation>Fusion Assessor</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/sidebar.py" line="25" />
        <source>科技创新 × 产业创新</source>
        <translation>Science × industry innovation</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/sidebar.py" line="69" />
        <source>未打开工作区</source>
        <translation>No workspace open</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/sidebar.py" line="72" />
        <source>工作区：{name}
{n} 个数值，{r} 个地区</source>
        <translation>Workspace: {name}
{n} values, {r} regions</translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../desktop/shell/status.py" line="16" />
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/status.py" line="22" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/status.py" line="44" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>Tour</name>
    <message>
        <location filename="../../desktop/tour.py" line="24" />
        <source>入门导览</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="28" />
        <source>第一步：导入数据</source>
        <translation>Step 1: import data</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="29" />
        <source>下载空白模板并填写，或把填好的工作簿拖到“数据导入”页。没有数据时可先打开演示工作区。</source>
        <translation>Download a blank template and fill it in, or drop a filled workbook on the Import page. Without data, open the demo workspace first.</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="30" />
        <source>第二步：校验数据</source>
        <translation>Step 2: check the data</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="31" />
        <source>“数据校验”页列出每个数值的状态、来源和导入发现的问题，并说明如何修改。</source>
        <translation>The Check page lists every value's status and source and the problems found on import, with how to fix them.</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="32" />
        <source>第三步：查看指数</source>
        <translation>Step 3: the index</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="33" />
        <source>“指数测算”页给出总指数和四个一级指标的走势；悬停指标可看定义、单位和来源。</source>
        <translation>The Index page shows the total and the four pillars over the years; hover an indicator for its definition, unit and source.</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="34" />
        <source>第四步：潜力与定位</source>
        <translation>Step 4: potential and role</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="35" />
        <source>“潜力与定位”页给出每个结论及其理由；“全国格局”方块地图显示本地区在全国的位置。</source>
        <translation>The Potential &amp; role page gives every verdict with its reasons; the National landscape tile map shows where the region stands in the country.</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="36" />
        <source>第五步：导出报告</source>
        <translation>Step 5: export the report</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="37" />
        <source>“报告导出”页导出 Word、PDF、Excel 报告和图表。任何页面按 F1 可查看帮助和方法术语表。</source>
        <translation>The Export page writes Word, PDF and Excel reports and charts. Press F1 on any page for help and the method glossary.</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="47" />
        <source>不再显示</source>
        <translation>Don't show again</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="50" />
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="51" />
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="52" />
        <location filename="../../desktop/tour.py" line="75" />
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/tour.py" line="75" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>WhatIfPage</name>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="72" />
        <source>还没有可推演的结果。请先导入数据并完成潜力与定位评估。</source>
        <translation>Nothing to project yet. Import data and let the potential and positioning assessment finish first.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="94" />
        <source>指标年增速（%/年）</source>
        <translation>Annual growth of the indicators (%/yr)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="99" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="100" />
        <source>趋势增速</source>
        <translation>Trend growth</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="101" />
        <source>情景增速</source>
        <translation>Scenario growth</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="102" />
        <source>上限</source>
        <translation>Bound</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="103" />
        <source>努力程度</source>
        <translation>Effort</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="104" />
        <source>路径建议</source>
        <translation>Levers</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="109" />
        <source>双击“情景增速”一栏修改；上限为历史最高年增速加余量。努力程度 = 提速幅度 ÷ 历年增速波动。</source>
        <translation>Double-click the scenario growth column to change it; the bound is the highest historical annual growth plus a margin. Effort = the extra growth ÷ the year-to-year volatility of the growth.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="125" />
        <source>情景推演不是预测：结论随所设增速改变。基线按各指标近年年均增速延续，全国按自身趋势。</source>
        <translation>A scenario is not a forecast: its conclusions change with the growth you set. The baseline continues each indicator's recent average annual growth; the nation follows its own trend.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="132" />
        <source>目标年份</source>
        <translation>Target year</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="139" />
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="145" />
        <source>余量</source>
        <translation>Margin</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="150" />
        <source> 点</source>
        <translation> pts</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="151" />
        <source>方案在分组或象限阈值之上多留的水平点数，避免结论处于临界。</source>
        <translation>Level points a plan keeps above the group or quadrant threshold, so that its verdict is not borderline.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="153" />
        <source>求解最小调整方案</source>
        <translation>Find the smallest plan</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="157" />
        <source>恢复趋势基线</source>
        <translation>Back to the trend</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="173" />
        <source>融合水平（全国 = 100）</source>
        <translation>Fusion level (nation = 100)</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="174" />
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="175" />
        <source>定位象限</source>
        <translation>Positioning quadrant</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="176" />
        <source>功能定位</source>
        <translation>Functional role</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="217" />
        <source>推演未完成。</source>
        <translation>The projection did not finish.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="190" />
        <source>推演结果</source>
        <translation>Projection</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="192" />
        <source>情景对比</source>
        <translation>Compare scenarios</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="200" />
        <source>请选择一个地区（全国本身不参与推演）。</source>
        <translation>Choose a region (the nation itself is not projected).</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="206" />
        <source>正在计算基线…</source>
        <translation>Computing the baseline…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="237" />
        <source>分组：</source>
        <translation>Group: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="243" />
        <source>象限：</source>
        <translation>Quadrant: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="279" />
        <source>请输入年增速（%），例如 12.5。</source>
        <translation>Enter an annual growth in %, for example 12.5.</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="298" />
        <source>正在推演…</source>
        <translation>Projecting…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="305" />
        <source>正在求解目标…</source>
        <translation>Solving for the target…</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="339" />
        <source>{y} 年：</source>
        <translation>{y}: </translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="341" />
        <source>{y} 年融合指数 {i}</source>
        <translation>Fusion index {i} in {y}</translation>
    </message>
    <message>
        <location filename="../../desktop/pages/whatif_page.py" line="349" />
        <source>至 {y} 年（情景，非预测）</source>
        <translation>To {y} (a scenario, not a forecast)</translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="35" />
        <source>新建工作区</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="35" />
        <location filename="../../desktop/shell/workspace_actions.py" line="61" />
        <source>我的评估</source>
        <translation>My assessment</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="35" />
        <location filename="../../desktop/shell/workspace_actions.py" line="63" />
        <source>工作区 (*.lcws)</source>
        <translation>Workspaces (*.lcws)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="41" />
        <source>该文件已存在：请换一个文件名，或用“打开工作区”打开它。</source>
        <translation>That file exists: choose another name, or open it with “Open workspace”.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="48" />
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="48" />
        <source>工作区 (*.lcws);;数据文件 (*.xlsx *.csv)</source>
        <translation>Workspaces (*.lcws);;Data files (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="56" />
        <source>工作区已自动保存：每次导入和冲突处理都立即写入工作区文件。</source>
        <translation>The workspace saves itself: every import and conflict resolution is written to the file at once.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="63" />
        <source>工作区另存为</source>
        <translation>Save workspace as</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="71" />
        <source>保存工作区</source>
        <translation>Save workspace</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="73" />
        <source>工作区已保存：</source>
        <translation>Workspace saved: </translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="82" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="85" />
        <source>清除列表</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="89" />
        <source>导入工作簿</source>
        <translation>Import workbooks</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="89" />
        <source>填报模板或长表 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>Templates or long tables (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="95" />
        <source>导入文件夹</source>
        <translation>Import a folder</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="123" />
        <source>导入到哪里？</source>
        <translation>Import where?</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="126" />
        <source>当前打开的是演示工作区，其中是示意数据（非官方统计）。真实数据应导入新的工作区，以免与示意数据混合、被示意数据比较。</source>
        <translation>The demo workspace is open: its figures are illustrative, not official statistics. Import real data into a new workspace so that it is neither mixed with nor compared against the illustrative values.</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="130" />
        <source>新建工作区并导入（推荐）</source>
        <translation>Import into a new workspace (recommended)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/workspace_actions.py" line="131" />
        <source>导入到演示工作区（与示意数据混合）</source>
        <translation>Import into the demo (mixed with illustrative data)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="117" />
        <source>输入有问题，请按以下说明修改后重试：</source>
        <translation>There are problems with the input; fix them as described and try again:</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="120" />
        <source>无法访问文件：</source>
        <translation>Cannot access the file: </translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="122" />
        <source>（日志文件无法写入）</source>
        <translation>(the log file cannot be written)</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="123" />
        <source>发生了意外错误（{kind}）。详细信息已记录到日志文件：{path}。请将该文件发给技术支持。</source>
        <translation>An unexpected error occurred ({kind}). The details were written to the log file {path}. Please send that file to technical support.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="128" />
        <source>发送方法：点击“打开日志文件夹”，把该文件作为附件发给技术支持（电子邮件或单位内部通讯工具），并写明出错前做了什么操作。</source>
        <translation>To send it: click "Open log folder", attach that file to a message to technical support (e-mail or your office's messaging tool) and say what you did just before the error.</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="149" />
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../desktop/errors.py" line="156" />
        <source>打开日志文件夹</source>
        <translation>Open log folder</translation>
    </message>
</context>
<context><name>Help</name><message><source>；</source><translation>; </translation></message><message><source>帮助</source><translation>Help</translation></message><message><source>本页帮助</source><translation>Help for this page</translation></message><message><source>方法术语表</source><translation>Method glossary</translation></message><message><source>指标说明</source><translation>Indicators</translation></message><message><source>分界：融合水平 {l}，融合势能 {m}</source><translation>Splits: fusion level {l}, momentum {m}</translation></message><message><source>离散度 &lt; {s} 为{name}</source><translation>Spread &lt; {s}: {name}</translation></message><message><source>α = {a}，β = {b}；类型阈值 |U1 − U2| &gt; {t}</source><translation>α = {a}, β = {b}; type threshold |U1 − U2| &gt; {t}</translation></message><message><source>外推至 {y} 年；高潜力：M ≥ {hi} 或外推后分组升高；低潜力：M &lt; {lo} 且外推后分组降低</source><translation>Projected to {y}; high potential: M ≥ {hi} or a higher group after projection; low potential: M &lt; {lo} and a lower group after projection</translation></message><message><source>区位熵分界 {lq}，潜力分界 {p}；评分 {a}–{b} 分</source><translation>Location quotient split {lq}, potential split {p}; scores {a}–{b}</translation></message><message><source>短板：一级指标水平 &lt; {w}；毗邻系数 {f}；每个短板列出 {n} 个伙伴</source><translation>Weak pillar: level &lt; {w}; adjacency factor {f}; {n} partners per weak pillar</translation></message><message><source>余弦相似度 &gt; {c}</source><translation>Cosine similarity &gt; {c}</translation></message><message><source>本结论所占比例 &lt; {s} 为临界；权重扰动 ±{w}%；预估值 ±{e}%，插值 ±{i}%</source><translation>Borderline when the verdict's share &lt; {s}; weights perturbed ±{w}%; estimates ±{e}%, interpolated ±{i}%</translation></message><message><source>定义：{d}</source><translation>Definition: {d}</translation></message><message><source>单位：{u}</source><translation>Unit: {u}</translation></message><message><source>来源：{s}</source><translation>Source: {s}</translation></message><message><source>包含：{c}</source><translation>Contains: {c}</translation></message><message><source>公式</source><translation>Formula</translation></message><message><source>来源</source><translation>Source</translation></message><message><source>全国口径：{d}</source><translation>National definition: {d}</translation></message><message><source>、</source><translation>, </translation></message><message><source>阈值</source><translation>Thresholds</translation></message></context><context><name>DataTable</name><message><source>筛选（输入任意文字）…</source><translation>Filter (type any text)…</translation></message><message><source>复制（含表头）</source><translation>Copy (with headers)</translation></message><message><source>复制整张表</source><translation>Copy whole table</translation></message><message><source>导出为 Excel（.xlsx）…</source><translation>Export to Excel (.xlsx)…</translation></message><message><source>筛选</source><translation>Filter</translation></message><message><source>导出表格</source><translation>Export table</translation></message></context><context><name>TileMapTab</name><message><source>节点</source><translation>Node</translation></message><message><source>全国格局（方块地图）</source><translation>National landscape (tile map)</translation></message><message><source>每个省级行政区为一个等大方块，按大致地理位置排列（不表示行政区域界线）。点击方块选择地区。</source><translation>Each provincial-level region is one equal tile at its approximate geographic place (no administrative boundaries). Click a tile to select the region.</translation></message><message><source>着色</source><translation>Colour by</translation></message><message><source>{y} 年全国格局：{m} · {n}</source><translation>National landscape, {y}: {m} · {n}</translation></message></context><context><name>WhatIf</name><message><source>规划推演</source><translation>What-if</translation></message><message><source>规划推演：求解目标</source><translation>What-if: solving for the target</translation></message><message><source>规划推演：基线</source><translation>What-if: baseline</translation></message></context></TS>