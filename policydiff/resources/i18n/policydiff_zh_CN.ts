<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../../policydiff/gui/panes.py" line="363"/>
        <source>Drop the older (or higher-level) document here, or press Ctrl+O.</source>
        <translation>将较早（或上级）文件拖放到此处，或按 Ctrl+O。</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/panes.py" line="367"/>
        <source>Drop the newer (or implementing) document here, or press Ctrl+Shift+O.</source>
        <translation>将较新（或落实）文件拖放到此处，或按 Ctrl+Shift+O。</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/panes.py" line="373"/>
        <source>Left: no document</source>
        <translation>左侧：未打开文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/panes.py" line="373"/>
        <source>Right: no document</source>
        <translation>右侧：未打开文件</translation>
    </message>
</context>
<context>
    <name>FigureModel</name>
    <message>
        <location filename="../../policydiff/gui/figures_table.py" line="111"/>
        <source>Unit</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/figures_table.py" line="112"/>
        <source>Subject</source>
        <translation>指标对象</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/figures_table.py" line="113"/>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/figures_table.py" line="114"/>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/figures_table.py" line="115"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/figures_table.py" line="116"/>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
</context>
<context>
    <name>FiguresWidget</name>
    <message>
        <location filename="../../policydiff/gui/figures_table.py" line="207"/>
        <source>Changed figures only</source>
        <translation>仅显示有变化的数字</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/figures_table.py" line="210"/>
        <source>Search subjects and figures</source>
        <translation>搜索指标对象和数字</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/figures_table.py" line="270"/>
        <source>Figures: {changed} changed · {added} added · {removed} removed · {in_added} in added units · {in_removed} in removed units</source>
        <translation>数字：修改 {changed} · 新增 {added} · 删除 {removed} · 新增条目中 {in_added} · 删除条目中 {in_removed}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="76"/>
        <source>Outline</source>
        <translation>结构对照</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="80"/>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="92"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="160"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="165"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="185"/>
        <source>Open Left Document</source>
        <translation>打开左侧文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="185"/>
        <source>Open Right Document</source>
        <translation>打开右侧文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="188"/>
        <source>Policy documents ({patterns})</source>
        <translation>政策文件 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="190"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="209"/>
        <source>(no recent files)</source>
        <translation>（没有最近文件）</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="237"/>
        <source>{n} characters</source>
        <translation>{n} 字</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="287"/>
        <source>{pairs} pairs · {changed} changed · {added} added · {removed} removed · {moved} moved · {figures} figures changed</source>
        <translation>{pairs} 对 · 修改 {changed} · 新增 {added} · 删除 {removed} · 移动 {moved} · 数字变化 {figures}</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="298"/>
        <source>{n} paired by hand</source>
        <translation>手工配对 {n}</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="358"/>
        <source>No more differences</source>
        <translation>没有更多差异</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="382"/>
        <source>(Ctrl+P pairs them)</source>
        <translation>（按 Ctrl+P 配对）</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="416"/>
        <source>Copied {label}</source>
        <translation>已复制 {label}</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="442"/>
        <source>The language changes when policydiff is started again.</source>
        <translation>界面语言将在重新启动 policydiff 后生效。</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="460"/>
        <source>Save Report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="460"/>
        <source>HTML report (*.html)</source>
        <translation>HTML 报告 (*.html)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="462"/>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="462"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="470"/>
        <source>Reading the left document…</source>
        <translation>正在读取左侧文件…</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="471"/>
        <source>Reading the right document…</source>
        <translation>正在读取右侧文件…</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="472"/>
        <source>Comparing…</source>
        <translation>正在比对…</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="473"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="486"/>
        <source>Cannot open the left document</source>
        <translation>无法打开左侧文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="487"/>
        <source>Cannot open the right document</source>
        <translation>无法打开右侧文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="488"/>
        <source>Cannot compare the documents</source>
        <translation>无法比对文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="489"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="491"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="503"/>
        <source>About policydiff</source>
        <translation>关于 policydiff</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/mainwindow.py" line="505"/>
        <source>policydiff {version}
Compare two Chinese policy documents: alignment, wording and figures.</source>
        <translation>policydiff {version}
比对两份中文政策文件：条目对齐、文字差异和数字变化。</translation>
    </message>
</context>
<context>
    <name>MenuBuilder</name>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="17"/>
        <source>Traditional → Simplified (t2s)</source>
        <translation>繁体 → 简体 (t2s)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="18"/>
        <source>Taiwan → Mainland phrasing (tw2sp)</source>
        <translation>台湾用语 → 大陆用语 (tw2sp)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="19"/>
        <source>Hong Kong → Simplified (hk2s)</source>
        <translation>香港繁体 → 简体 (hk2s)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="20"/>
        <source>No normalization</source>
        <translation>不做字形转换</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="23"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="85"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="89"/>
        <source>Open &amp;Left Document…</source>
        <translation>打开左侧文件(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="91"/>
        <source>Choose the document shown on the left</source>
        <translation>选择显示在左侧的文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="96"/>
        <source>Open &amp;Right Document…</source>
        <translation>打开右侧文件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="98"/>
        <source>Choose the document shown on the right</source>
        <translation>选择显示在右侧的文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="102"/>
        <source>Open Recent on Left</source>
        <translation>在左侧打开最近文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="104"/>
        <source>Open Recent on Right</source>
        <translation>在右侧打开最近文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="106"/>
        <source>Clear Recent Files</source>
        <translation>清除最近文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="111"/>
        <source>S&amp;wap Sides</source>
        <translation>交换左右(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="113"/>
        <source>Show the left document on the right and back</source>
        <translation>把左侧文件放到右侧，右侧放到左侧</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="118"/>
        <source>Reload &amp;Documents</source>
        <translation>重新载入文件(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="120"/>
        <source>Read both documents from disk again</source>
        <translation>从磁盘重新读取两份文件</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="128"/>
        <source>&amp;Save Report as HTML…</source>
        <translation>保存 HTML 报告(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="130"/>
        <source>Write the comparison as an HTML report</source>
        <translation>将比对结果保存为 HTML 报告</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="135"/>
        <source>Export &amp;JSON…</source>
        <translation>导出 JSON(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="137"/>
        <source>Write the comparison as JSON</source>
        <translation>将比对结果保存为 JSON</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="142"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="145"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="149"/>
        <source>&amp;Copy Unit Text</source>
        <translation>复制条目文字(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="151"/>
        <source>Copy the text of the selected unit</source>
        <translation>复制所选条目的文字</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="156"/>
        <source>&amp;Pair Selected Units</source>
        <translation>配对所选条目(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="158"/>
        <source>Pair the unit selected on the left with the unit selected on the right</source>
        <translation>将左侧所选条目与右侧所选条目配对</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="163"/>
        <source>&amp;Unpair</source>
        <translation>取消配对(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="165"/>
        <source>Split the selected pair into a removed and an added unit</source>
        <translation>把所选配对拆为一条删除和一条新增</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="170"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="174"/>
        <source>&amp;Next Difference</source>
        <translation>下一处差异(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="176"/>
        <source>Go to the next changed, added, removed or moved unit</source>
        <translation>转到下一处修改、新增、删除或移动的条目</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="181"/>
        <source>&amp;Previous Difference</source>
        <translation>上一处差异(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="183"/>
        <source>Go to the previous difference</source>
        <translation>转到上一处差异</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="188"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="190"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="191"/>
        <source>&amp;Actual Size</source>
        <translation>原始大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="195"/>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="197"/>
        <source>Language (applies after restart)</source>
        <translation>界面语言（重启后生效）</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="209"/>
        <source>&amp;Compare</source>
        <translation>比对(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="223"/>
        <source>Show &amp;Normalization-only Differences</source>
        <translation>显示仅字形/标点不同的差异(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="224"/>
        <source>Also mark differences of script, width and punctuation</source>
        <translation>也标出繁简、全半角和标点的差异</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="229"/>
        <source>&amp;Recompare</source>
        <translation>重新比对(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="230"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="230"/>
        <source>Stop loading or comparing</source>
        <translation>停止读取或比对</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="231"/>
        <source>Reload Changed Files &amp;Automatically</source>
        <translation>自动重新载入已修改的文件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="236"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/menus.py" line="237"/>
        <source>&amp;About policydiff</source>
        <translation>关于 policydiff(&amp;A)</translation>
    </message>
</context>
<context>
    <name>OutlineWidget</name>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="218"/>
        <source>All units</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="219"/>
        <source>Differences</source>
        <translation>有差异</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="220"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="221"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="222"/>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="223"/>
        <source>Moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="224"/>
        <source>Figures changed</source>
        <translation>数字有变化</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="225"/>
        <source>Paired by hand</source>
        <translation>手工配对</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="231"/>
        <source>Search labels and headings</source>
        <translation>搜索序号和标题</translation>
    </message>
</context>
<context>
    <name>PairModel</name>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="63"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="64"/>
        <source>Preamble</source>
        <translation>导语</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="65"/>
        <source>Chapter</source>
        <translation>章</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="66"/>
        <source>Section</source>
        <translation>节</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="67"/>
        <source>Article</source>
        <translation>条</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="68"/>
        <source>Item</source>
        <translation>项</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="69"/>
        <source>Closing</source>
        <translation>结尾</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="76"/>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="77"/>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="78"/>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="79"/>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="126"/>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="127"/>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="128"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="129"/>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="130"/>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="148"/>
        <source>moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/outline.py" line="150"/>
        <source>manual</source>
        <translation>手工</translation>
    </message>
</context>
<context>
    <name>ReloadWatcher</name>
    <message>
        <location filename="../../policydiff/gui/watching.py" line="67"/>
        <source>{name} changed on disk; reloaded.</source>
        <translation>{name} 已在磁盘上修改，已重新载入。</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/watching.py" line="81"/>
        <source>Document changed</source>
        <translation>文件已修改</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/watching.py" line="82"/>
        <source>{name} changed on disk. Reload it?</source>
        <translation>{name} 已在磁盘上修改。是否重新载入？</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../policydiff/gui/session.py" line="31"/>
        <source>Out of memory; try smaller documents.</source>
        <translation>内存不足；请尝试较小的文件。</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/session.py" line="36"/>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../policydiff/gui/session.py" line="39"/>
        <source>Unexpected problem ({kind}): {text}</source>
        <translation>意外问题（{kind}）：{text}</translation>
    </message>
</context>
</TS>
