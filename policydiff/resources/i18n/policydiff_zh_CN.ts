<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../../gui/coverage_window.py" line="173"/>
        <source>Parent unit</source>
        <translation>上级文件条目</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="189"/>
        <source>{name} (not read)</source>
        <translation>{name}（无法读取）</translation>
    </message>
</context>
<context>
    <name>CoverageSetup</name>
    <message>
        <location filename="../../gui/coverage_window.py" line="71"/>
        <location filename="../../gui/coverage_window.py" line="147"/>
        <source>One Against Many</source>
        <translation>一对多对照</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="75"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="79"/>
        <source>Add Files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="81"/>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="83"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="104"/>
        <source>Parent document (e.g. the province&apos;s policy):</source>
        <translation>上级文件（如省级政策）：</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="106"/>
        <source>Documents that implement it (e.g. each city&apos;s):</source>
        <translation>落实文件（如各市的实施文件）：</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="127"/>
        <source>Choose the Parent Document</source>
        <translation>选择上级文件</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="134"/>
        <source>Add Documents</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="139"/>
        <source>Add Every Document of a Folder</source>
        <translation>添加文件夹中的全部文件</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="147"/>
        <source>Choose a parent document and at least one other.</source>
        <translation>请选择一份上级文件和至少一份落实文件。</translation>
    </message>
</context>
<context>
    <name>CoverageWindow</name>
    <message>
        <location filename="../../gui/coverage_window.py" line="231"/>
        <location filename="../../gui/coverage_window.py" line="359"/>
        <source>One Against Many</source>
        <translation>一对多对照</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="250"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="253"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="282"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="289"/>
        <source>Comparing with {count} documents…</source>
        <translation>正在与 {count} 份文件比对…</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="312"/>
        <source>{name}: not read</source>
        <translation>{name}：无法读取</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="354"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="381"/>
        <source>Web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="382"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="383"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="386"/>
        <source>Save the Matrix</source>
        <translation>保存对照矩阵</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="395"/>
        <source>Saving {path}…</source>
        <translation>正在保存 {path}…</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="333"/>
        <source>{name}: %p% implemented</source>
        <translation>{name}：已落实 %p%</translation>
    </message>
    <message>
        <location filename="../../gui/coverage_window.py" line="317"/>
        <source>Compared with {count} documents</source>
        <translation>已与 {count} 份文件比对</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../gui/diagnostics.py" line="56"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostics.py" line="59"/>
        <source>Something went wrong inside policydiff. Your documents were not changed.</source>
        <translation>policydiff 内部出错。您的文件没有被修改。</translation>
    </message>
    <message>
        <location filename="../../gui/diagnostics.py" line="63"/>
        <source>Details are in the log file: {0}</source>
        <translation>详细信息见日志文件：{0}</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../../gui/panes.py" line="474"/>
        <source>Drop the older (or higher-level) document here, or press Ctrl+O.</source>
        <translation>将较早（或上级）文件拖放到此处，或按 Ctrl+O。</translation>
    </message>
    <message>
        <location filename="../../gui/panes.py" line="478"/>
        <source>Drop the newer (or implementing) document here, or press Ctrl+Shift+O.</source>
        <translation>将较新（或落实）文件拖放到此处，或按 Ctrl+Shift+O。</translation>
    </message>
    <message>
        <location filename="../../gui/panes.py" line="484"/>
        <source>Left: no document</source>
        <translation>左侧：未打开文件</translation>
    </message>
    <message>
        <location filename="../../gui/panes.py" line="484"/>
        <source>Right: no document</source>
        <translation>右侧：未打开文件</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../gui/panes.py" line="423"/>
        <source>rewrite</source>
        <translation>改写</translation>
    </message>
</context>
<context>
    <name>FigureModel</name>
    <message>
        <location filename="../../gui/figures_table.py" line="52"/>
        <source>other unit</source>
        <translation>单位不同</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="53"/>
        <source>other basis</source>
        <translation>计量口径不同</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="54"/>
        <source>upper end moved</source>
        <translation>上限改变</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="55"/>
        <source>range changed</source>
        <translation>范围改变</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="56"/>
        <source>earlier</source>
        <translation>提前</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="57"/>
        <source>later</source>
        <translation>推迟</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="58"/>
        <source>date changed</source>
        <translation>日期改变</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="59"/>
        <source>deadline reworded</source>
        <translation>期限表述改变</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="60"/>
        <source>same value, other bound</source>
        <translation>数值相同，限定改变</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="181"/>
        <source>(no subject found)</source>
        <translation>（未找到所指）</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="161"/>
        <source>Unit</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="162"/>
        <source>Subject</source>
        <translation>指标对象</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="163"/>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="164"/>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="165"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="166"/>
        <source>Qualifier</source>
        <translation>限定词</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="70"/>
        <source>effective date changed</source>
        <translation>施行日期变更</translation>
    </message>
</context>
<context>
    <name>FiguresWidget</name>
    <message>
        <location filename="../../gui/figures_table.py" line="258"/>
        <source>Changed figures only</source>
        <translation>仅显示有变化的数字</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="261"/>
        <source>Search subjects and figures</source>
        <translation>搜索指标对象和数字</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="306"/>
        <source>Figures: {changed} changed · {added} added · {removed} removed · {in_added} in added units · {in_removed} in removed units</source>
        <translation>数字：修改 {changed} · 新增 {added} · 删除 {removed} · 新增条目中 {in_added} · 删除条目中 {in_removed}</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../gui/filedialogs.py" line="25"/>
        <source>Policy documents ({patterns})</source>
        <translation>政策文件 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../gui/filedialogs.py" line="28"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/find.py" line="35"/>
        <source>Find in both documents (traditional/simplified alike)</source>
        <translation>在两份文件中查找（繁简通查）</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="38"/>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="40"/>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="41"/>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="42"/>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="50"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="109"/>
        <location filename="../../gui/find.py" line="136"/>
        <source>Preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="114"/>
        <source>Cannot search: {problem}</source>
        <translation>无法查找：{problem}</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="137"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="46"/>
        <location filename="../../gui/find.py" line="153"/>
        <source>{n} of {total}</source>
        <translation>第 {n} 个，共 {total} 个</translation>
    </message>
</context>
<context>
    <name>HistorySetup</name>
    <message>
        <location filename="../../gui/history_window.py" line="81"/>
        <location filename="../../gui/history_window.py" line="234"/>
        <source>Version History</source>
        <translation>版本沿革</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="88"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="88"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="88"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="91"/>
        <source>Oldest first. Double-click a date to correct it.</source>
        <translation>旧版在前。双击日期可以更正。</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="92"/>
        <source>Add Files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="94"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="96"/>
        <source>Move Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="98"/>
        <source>Move Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="100"/>
        <source>Sort by Date</source>
        <translation>按日期排序</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="114"/>
        <source>Versions of one document, oldest first (choose files or drop them here). The dates are read from each text; check them.</source>
        <translation>同一文件的各个版本，旧版在前（选择文件或拖放到此处）。日期从各版文字中读出，请核对。</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="166"/>
        <source>cannot be read: {why}</source>
        <translation>无法读取：{why}</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="217"/>
        <source>Add Versions</source>
        <translation>添加版本</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="234"/>
        <source>Choose at least two versions.</source>
        <translation>请至少选择两个版本。</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="151"/>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <location filename="../../gui/history_window.py" line="247"/>
        <location filename="../../gui/history_window.py" line="420"/>
        <source>Version History</source>
        <translation>版本沿革</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="267"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="270"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="274"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="291"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="302"/>
        <source>Comparing {count} versions…</source>
        <translation>正在比较 {count} 个版本…</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="327"/>
        <source>Unit</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="338"/>
        <source>All units</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="339"/>
        <source>Changed at any time</source>
        <translation>任一版本有变化</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="342"/>
        <source>Changed in version {k} ({label})</source>
        <translation>在第 {k} 版（{label}）有变化</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="347"/>
        <source>{rows} lineages, {changed} changed at some time</source>
        <translation>{rows} 条沿革，其中 {changed} 条有过变化</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="365"/>
        <source>Double-click to open this step side by side</source>
        <translation>双击以并排对照打开这一步</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="390"/>
        <source>{shown} of {rows} lineages shown</source>
        <translation>显示 {shown} / {rows} 条沿革</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="438"/>
        <source>Save the History</source>
        <translation>保存版本沿革</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="447"/>
        <source>Saving {path}…</source>
        <translation>正在保存 {path}…</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="451"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="433"/>
        <source>Web page</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="434"/>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../gui/history_window.py" line="435"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <location filename="../../gui/keys.py" line="37"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/keys.py" line="39"/>
        <source>Next find hit (in the find field)</source>
        <translation>下一个查找结果（在查找框中）</translation>
    </message>
    <message>
        <location filename="../../gui/keys.py" line="40"/>
        <source>Close the find bar</source>
        <translation>关闭查找栏</translation>
    </message>
    <message>
        <location filename="../../gui/keys.py" line="41"/>
        <source>Scroll both documents</source>
        <translation>同步滚动两份文件</translation>
    </message>
    <message>
        <location filename="../../gui/keys.py" line="41"/>
        <source>wheel, arrows, Page Up/Down, scroll bar, ruler</source>
        <translation>滚轮、方向键、Page Up/Down、滚动条、概览标尺</translation>
    </message>
    <message>
        <location filename="../../gui/keys.py" line="45"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/keys.py" line="45"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../gui/ruler.py" line="142"/>
        <location filename="../../gui/ruler.py" line="143"/>
        <source>words</source>
        <translation>词语</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="142"/>
        <source>only on the left (deleted)</source>
        <translation>仅左侧有（删除）</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="143"/>
        <source>only on the right (inserted)</source>
        <translation>仅右侧有（新增）</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="144"/>
        <source>a figure that changed</source>
        <translation>有变化的数字</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="147"/>
        <location filename="../../gui/ruler.py" line="179"/>
        <source>phrase</source>
        <translation>短语</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="148"/>
        <source>shared phrase of a rewrite (pairs under 30% similar)</source>
        <translation>改写条款中的共同短语（相似度低于 30%）</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="161"/>
        <source>changed unit (gutter, ruler)</source>
        <translation>有修改的条款（边栏、标尺）</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="162"/>
        <source>added unit: faces an empty green band</source>
        <translation>新增条款：对侧为空白绿色带</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="163"/>
        <source>removed unit: faces an empty red band</source>
        <translation>删除条款：对侧为空白红色带</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="166"/>
        <source>moved unit: click its purple band to jump to the partner</source>
        <translation>移动的条款：点击紫色带跳到对应条款</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="168"/>
        <source>paired by hand</source>
        <translation>手动配对</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="169"/>
        <source>figures changed (ruler edge)</source>
        <translation>数字有变化（标尺边缘）</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="197"/>
        <source>hatched band: the other side has no counterpart here</source>
        <translation>斜线带：对侧此处没有对应内容</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="200"/>
        <source>rewrite</source>
        <translation>改写</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="207"/>
        <source>rewrite: a pair under 30% similar; its one-sided words are marked as above, the phrases both sides share are dotted</source>
        <translation>改写：相似度低于 30% 的对照；只在一侧的文字同样按上面的颜色标出，两侧共有的词句加点线</translation>
    </message>
    <message>
        <location filename="../../gui/ruler.py" line="154"/>
        <source>not compared: page furniture (menus, dates, related links) or text outside the document</source>
        <translation>未比较：网页导航、发布日期、相关链接等网页元素，或正文以外的文字</translation>
    </message>
</context>
<context>
    <name>LoadError</name>
    <message>
        <location filename="../../present/problems.py" line="28"/>
        <source>{name} could not be read; check the file or save it as .txt.</source>
        <translation>无法读取 {name}；请检查该文件，或将其另存为 .txt。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="31"/>
        <source>{name} is not a file path.</source>
        <translation>{name} 不是文件路径。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="32"/>
        <source>{name} does not exist; check the path.</source>
        <translation>{name} 不存在；请检查路径。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="33"/>
        <source>{name} is a folder, not a document; choose a file inside it.</source>
        <translation>{name} 是文件夹而不是文件；请选择其中的文件。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="36"/>
        <source>{name} is not a regular file (a device or pipe?); choose a document file.</source>
        <translation>{name} 不是普通文件（可能是设备或管道）；请选择文档文件。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="39"/>
        <source>{name} cannot be read: permission denied; check its permissions.</source>
        <translation>无权读取 {name}；请检查文件权限。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="42"/>
        <source>{name} cannot be opened or read; check the file.</source>
        <translation>无法打开或读取 {name}；请检查该文件。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="43"/>
        <source>{name} is larger than the {limit} limit; split it or compare a shorter version.</source>
        <translation>{name} 超过 {limit} 的大小上限；请拆分，或比对较短的版本。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="46"/>
        <source>{name} is too large to load in the memory available; split it first.</source>
        <translation>内存不足，无法载入 {name}；请先拆分。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="49"/>
        <source>{name} is empty; choose a file with text in it.</source>
        <translation>{name} 是空文件；请选择有文字内容的文件。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="50"/>
        <source>{name} has no readable text; open it in its program and save it as text.</source>
        <translation>{name} 中没有可读取的文字；请在原程序中打开并另存为文本。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="53"/>
        <source>{name} has no text layer (a scanned image?); install OCR (pip install &apos;policydiff[ocr]&apos;) to read it here, or open a text version.</source>
        <translation>{name} 没有文字层（可能是扫描图像）；安装文字识别（pip install &apos;policydiff[ocr]&apos;）后即可在此读取，或打开文字版本。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="58"/>
        <source>{name}: text recognition stopped (a recognition process ended unexpectedly: out of memory, or a damaged OCR install); close other programs and try again, or reinstall OCR (pip install &apos;policydiff[ocr]&apos;).</source>
        <translation>{name}：文字识别中断（识别进程意外退出：内存不足，或文字识别组件已损坏）；请关闭其他程序后重试，或重新安装文字识别（pip install &apos;policydiff[ocr]&apos;）。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="64"/>
        <source>{name} is not a text document; open a txt, html, md, docx, odt, pdf, doc, rtf, mht or ofd file.</source>
        <translation>{name} 不是文本文档；请打开 txt、html、md、docx、odt、pdf、doc、rtf、mht 或 ofd 文件。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="68"/>
        <source>The encoding of {name} is not recognised; save it again as UTF-8 text.</source>
        <translation>无法识别 {name} 的文字编码；请将其另存为 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="71"/>
        <source>{name} is in a format or version that is not read; open it in its program and save it as .docx.</source>
        <translation>不支持 {name} 的格式或版本；请在原程序中打开并另存为 .docx。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="75"/>
        <source>{name} is password-protected; remove the password and try again.</source>
        <translation>{name} 受密码保护；请移除密码后重试。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="78"/>
        <source>{name} is damaged; open it and save it again.</source>
        <translation>{name} 已损坏；请打开后重新保存。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="79"/>
        <source>{name} would unpack to far more than it holds (a zip bomb?), so it is not opened.</source>
        <translation>{name} 解压后的体积远超其本身（疑似压缩炸弹），因此不予打开。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="82"/>
        <source>{name} contains XML declarations that document programs never write; save it again from the program that made it.</source>
        <translation>{name} 含有文档程序从不写入的 XML 声明；请用生成它的程序重新保存。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="87"/>
        <source>{name} has text this reader could not place; save it again, or save it as .txt.</source>
        <translation>{name} 中有本程序无法定位的文字；请重新保存，或另存为 .txt。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="90"/>
        <source>{name} has more pages than the limit of {limit}; split it.</source>
        <translation>{name} 的页数超过 {limit} 页的上限；请拆分。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="93"/>
        <source>{name} has more units than the {limit} one comparison can hold; split it into parts and compare those.</source>
        <translation>{name} 的条目数超过单次比对可容纳的 {limit} 条；请拆分后分别比对。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="98"/>
        <source>{name} holds more than this reader&apos;s limit ({limit}); save it again or split it.</source>
        <translation>{name} 的内容超出本程序的读取上限（{limit}）；请重新保存或拆分。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="101"/>
        <source>{name} is nested too deeply to read; save it again as plain text.</source>
        <translation>{name} 嵌套层级过深，无法读取；请另存为纯文本。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="104"/>
        <source>{name} takes longer than {limit} to read; save it again or split it.</source>
        <translation>读取 {name} 的时间超过 {limit}；请重新保存或拆分。</translation>
    </message>
    <message>
        <location filename="../../present/problems.py" line="108"/>
        <source>{name} is damaged (in its part {part}); open it and save it again.</source>
        <translation>{name} 已损坏（损坏部分：{part}）；请打开后重新保存。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/mainwindow.py" line="131"/>
        <source>Outline</source>
        <translation>结构对照</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="135"/>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="139"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="156"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="295"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="300"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="42"/>
        <source>Open Left Document</source>
        <translation>打开左侧文件</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="44"/>
        <source>Open Right Document</source>
        <translation>打开右侧文件</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="143"/>
        <source>(no recent files)</source>
        <translation>（没有最近文件）</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="156"/>
        <source>(no recent pairs)</source>
        <translation>（无最近的文件对）</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="93"/>
        <source>{n} characters</source>
        <translation>{n} 字</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="105"/>
        <source>set</source>
        <translation>手动指定</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="107"/>
        <source>detected</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="110"/>
        <source>{script} ({how}, read by {conversion})</source>
        <translation>{script}（{how}，按 {conversion} 转换）</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="180"/>
        <source>{pairs} pairs · {changed} changed · {added} added · {removed} removed · {moved} moved</source>
        <translation>{pairs} 对 · 修改 {changed} · 新增 {added} · 删除 {removed} · 移动 {moved}</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="185"/>
        <source>{n} paired by hand</source>
        <translation>手工配对 {n}</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="186"/>
        <source>figures: {changed} changed, {added} added, {removed} removed</source>
        <translation>数字：修改 {changed}，新增 {added}，删除 {removed}</translation>
    </message>
    <message>
        <location filename="../../gui/window_navigation.py" line="106"/>
        <source>Pair Selected Units (Ctrl+P) pairs {left} with {right}</source>
        <translation>“配对所选条目”（Ctrl+P）将把 {left} 与 {right} 配对</translation>
    </message>
    <message>
        <location filename="../../gui/window_navigation.py" line="112"/>
        <source>{unit} picked on the left: pick a unit on the right to pair it with (Ctrl+P)</source>
        <translation>已在左侧选中 {unit}：再在右侧选一个条目即可配对（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../gui/window_navigation.py" line="117"/>
        <source>{unit} picked on the right: pick a unit on the left to pair it with (Ctrl+P)</source>
        <translation>已在右侧选中 {unit}：再在左侧选一个条目即可配对（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../gui/window_navigation.py" line="176"/>
        <source>Moved: its other unit is further down; click its band</source>
        <translation>已移动：另一侧的条目在其他位置，点击其色带即可跳转</translation>
    </message>
    <message>
        <location filename="../../gui/window_navigation.py" line="260"/>
        <source>No more differences</source>
        <translation>没有更多差异</translation>
    </message>
    <message>
        <location filename="../../gui/window_navigation.py" line="316"/>
        <source>(Ctrl+P pairs them)</source>
        <translation>（按 Ctrl+P 配对）</translation>
    </message>
    <message>
        <location filename="../../gui/window_navigation.py" line="342"/>
        <source>Clauses found in</source>
        <translation>各句见于</translation>
    </message>
    <message>
        <location filename="../../gui/window_navigation.py" line="348"/>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../gui/window_navigation.py" line="350"/>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <location filename="../../gui/window_actions.py" line="76"/>
        <source>Copied {label}</source>
        <translation>已复制 {label}</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="175"/>
        <source>HTML report</source>
        <translation>HTML 报告</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="176"/>
        <source>Word comparison table</source>
        <translation>Word 对照表</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="177"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="178"/>
        <source>Redline document</source>
        <translation>Word 修订文档</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="186"/>
        <source>Save As</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="190"/>
        <source>Save Report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="187"/>
        <source>Save Redline</source>
        <translation>保存修订文档</translation>
    </message>
    <message>
        <location filename="../../gui/window_files.py" line="188"/>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="66"/>
        <source>[page {n}: being read…]</source>
        <translation>［第 {n} 页：正在识别…］</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="73"/>
        <source>reading by OCR: {done} of {total} pages read; provisional text, page headers and footers not yet left out, not compared yet</source>
        <translation>正在进行文字识别（OCR）：已识别 {done}/{total} 页；临时文本，尚未去除页眉页脚，尚未比较</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="193"/>
        <source>Reading the left document…</source>
        <translation>正在读取左侧文件…</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="194"/>
        <source>Reading the right document…</source>
        <translation>正在读取右侧文件…</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="195"/>
        <source>Comparing…</source>
        <translation>正在比对…</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="196"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="209"/>
        <source>Cannot open the left document</source>
        <translation>无法打开左侧文件</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="210"/>
        <source>Cannot open the right document</source>
        <translation>无法打开右侧文件</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="211"/>
        <source>Cannot compare the documents</source>
        <translation>无法比对文件</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="212"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="214"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="229"/>
        <source>About policydiff</source>
        <translation>关于 policydiff</translation>
    </message>
    <message>
        <location filename="../../gui/window_display.py" line="230"/>
        <source>policydiff {version}
Compare two Chinese policy documents: alignment, wording and figures.</source>
        <translation>policydiff {version}
比对两份中文政策文件：条目对齐、文字差异和数字变化。</translation>
    </message>
</context>
<context>
    <name>MenuBuilder</name>
    <message>
        <location filename="../../gui/menus.py" line="20"/>
        <source>Taiwan → Mainland phrasing (tw2sp)</source>
        <translation>台湾用语 → 大陆用语 (tw2sp)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="22"/>
        <source>Hong Kong → Simplified (hk2s)</source>
        <translation>香港繁体 → 简体 (hk2s)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="23"/>
        <source>No normalization</source>
        <translation>不做字形转换</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="34"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="114"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="118"/>
        <source>Open &amp;Left Document…</source>
        <translation>打开左侧文件(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="120"/>
        <source>Choose the document shown on the left</source>
        <translation>选择显示在左侧的文件</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="125"/>
        <source>Open &amp;Right Document…</source>
        <translation>打开右侧文件(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="127"/>
        <source>Choose the document shown on the right</source>
        <translation>选择显示在右侧的文件</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="131"/>
        <source>Open Recent on Left</source>
        <translation>在左侧打开最近文件</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="133"/>
        <source>Open Recent on Right</source>
        <translation>在右侧打开最近文件</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="135"/>
        <source>Open Recent &amp;Pair</source>
        <translation>打开最近的文件对(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="137"/>
        <source>Clear Recent Files</source>
        <translation>清除最近文件</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="142"/>
        <source>S&amp;wap Sides</source>
        <translation>交换左右(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="144"/>
        <source>Show the left document on the right and back</source>
        <translation>把左侧文件放到右侧，右侧放到左侧</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="149"/>
        <source>Reload &amp;Documents</source>
        <translation>重新载入文件(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="151"/>
        <source>Read both documents from disk again</source>
        <translation>从磁盘重新读取两份文件</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="159"/>
        <source>&amp;Save Report as HTML…</source>
        <translation>保存 HTML 报告(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="161"/>
        <source>Write the comparison as an HTML report</source>
        <translation>将比对结果保存为 HTML 报告</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="166"/>
        <source>Export &amp;JSON…</source>
        <translation>导出 JSON(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="168"/>
        <source>Write the comparison as JSON</source>
        <translation>将比对结果保存为 JSON</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="173"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="175"/>
        <source>Write the comparison as an HTML report, a Word comparison table or JSON</source>
        <translation>将对照结果保存为 HTML 报告、Word 对照表或 JSON</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="180"/>
        <source>Save Re&amp;dline as Word…</source>
        <translation>保存为 Word 修订文档(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="182"/>
        <source>Write the right document with every difference as a tracked change (修订)</source>
        <translation>将右侧文档保存为 Word 修订文档：每处差异都是可接受或拒绝的修订</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="192"/>
        <source>One Against &amp;Many…</source>
        <translation>一对多对照(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="194"/>
        <source>Compare one policy with each of its implementations</source>
        <translation>将一份政策与其各个落实文件逐一比对</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="200"/>
        <source>Version &amp;History…</source>
        <translation>版本沿革(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="202"/>
        <source>Follow every article of a document through several versions</source>
        <translation>逐条追踪一份文件在多个版本中的沿革</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="206"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="209"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="213"/>
        <source>&amp;Copy Unit Text</source>
        <translation>复制条目文字(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="215"/>
        <source>Copy the text of the selected unit</source>
        <translation>复制所选条目的文字</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="220"/>
        <source>&amp;Pair Selected Units</source>
        <translation>配对所选条目(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="222"/>
        <source>Pair the unit selected on the left with the unit selected on the right</source>
        <translation>将左侧所选条目与右侧所选条目配对</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="227"/>
        <source>&amp;Unpair</source>
        <translation>取消配对(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="229"/>
        <source>Split the selected pair into a removed and an added unit</source>
        <translation>把所选配对拆为一条删除和一条新增</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="234"/>
        <source>&amp;Undo Pairing</source>
        <translation>撤销配对(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="236"/>
        <source>Take back the last pairing or unpairing</source>
        <translation>撤销上一次配对或取消配对</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="238"/>
        <source>&amp;Redo Pairing</source>
        <translation>重做配对(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="240"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="240"/>
        <source>Find text in either document</source>
        <translation>在任一文件中查找文字</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="241"/>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="242"/>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="249"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="253"/>
        <source>&amp;Next Difference</source>
        <translation>下一处差异(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="255"/>
        <source>Go to the next change: word by word inside long pairs, then the next unit</source>
        <translation>转到下一处修改：长条款内逐处跳转，然后到下一条款</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="292"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="260"/>
        <source>&amp;Previous Difference</source>
        <translation>上一处差异(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="262"/>
        <source>Go to the previous difference</source>
        <translation>转到上一处差异</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="270"/>
        <source>Show &amp;Rewrites as Plain Text</source>
        <translation>改写条款显示为纯文本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="272"/>
        <source>Pairs under {n}% similar: plain text with shared phrases and changed figures marked</source>
        <translation>相似度低于 {n}% 的条款：显示纯文本，只标出共同短语和有变化的数字</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="277"/>
        <source>&amp;Legend</source>
        <translation>图例(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="277"/>
        <source>What each colour and mark means</source>
        <translation>各种颜色和标记的含义</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="283"/>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="285"/>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="286"/>
        <source>&amp;Actual Size</source>
        <translation>原始大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="290"/>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="306"/>
        <source>&amp;Compare</source>
        <translation>比对(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="338"/>
        <source>Show &amp;Normalization-only Differences</source>
        <translation>显示仅字形/标点不同的差异(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="339"/>
        <source>Also mark differences of script, width and punctuation</source>
        <translation>也标出繁简、全半角和标点的差异</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="344"/>
        <source>&amp;Recompare</source>
        <translation>重新比对(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="345"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="345"/>
        <source>Stop loading or comparing</source>
        <translation>停止读取或比对</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="346"/>
        <source>Reload Changed Files &amp;Automatically</source>
        <translation>自动重新载入已修改的文件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="351"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="352"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="354"/>
        <source>&amp;About policydiff</source>
        <translation>关于 policydiff(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="19"/>
        <source>Each Side by Its Own Script (t2s, tw2sp, hk2s)</source>
        <translation>各文件按自身文字转换（t2s、tw2sp、hk2s）</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="27"/>
        <source>Detect from the Text</source>
        <translation>按文本自动识别</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="28"/>
        <source>Simplified, Mainland Phrasing</source>
        <translation>简体，大陆用词</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="29"/>
        <source>Traditional, Mainland Phrasing</source>
        <translation>繁体，大陆用词</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="30"/>
        <source>Traditional, Taiwan Phrasing</source>
        <translation>繁体，台湾用词</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="31"/>
        <source>Traditional, Hong Kong Forms</source>
        <translation>繁体，香港用字</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="318"/>
        <source>&amp;Left Document&apos;s Script</source>
        <translation>左文件的文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="319"/>
        <source>R&amp;ight Document&apos;s Script</source>
        <translation>右文件的文字(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/menus.py" line="21"/>
        <source>Taiwan Characters → Simplified (tw2s)</source>
        <translation>台湾字形 → 简体 (tw2s)</translation>
    </message>
</context>
<context>
    <name>OutlineWidget</name>
    <message>
        <location filename="../../gui/outline.py" line="227"/>
        <source>All units</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="228"/>
        <source>Differences</source>
        <translation>有差异</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="229"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="230"/>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="231"/>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="232"/>
        <source>Moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="233"/>
        <source>Figures changed</source>
        <translation>数字有变化</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="234"/>
        <source>Duty got stricter or looser</source>
        <translation>义务强度变化</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="235"/>
        <source>Responsible units changed</source>
        <translation>责任单位变化</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="236"/>
        <source>Stale cross-references</source>
        <translation>引用失效</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="237"/>
        <source>Paired by hand</source>
        <translation>手工配对</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="243"/>
        <source>Search labels and headings</source>
        <translation>搜索序号和标题</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="303"/>
        <source>No unit matches “{text}” under this filter.</source>
        <translation>在此筛选下没有与“{text}”匹配的条目。</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="307"/>
        <source>No unit of this kind: the documents have no such difference.</source>
        <translation>没有这类条目：两份文件之间没有这种差异。</translation>
    </message>
</context>
<context>
    <name>OverviewRuler</name>
    <message>
        <location filename="../../gui/ruler.py" line="52"/>
        <source>Overview: every change of the comparison; click to go there</source>
        <translation>概览：比较中的全部变化；点击即可跳转</translation>
    </message>
</context>
<context>
    <name>PairModel</name>
    <message>
        <location filename="../../gui/outline.py" line="117"/>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="118"/>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="119"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="120"/>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="121"/>
        <source>Figures</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="139"/>
        <source>moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="141"/>
        <source>manual</source>
        <translation>手工</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="143"/>
        <source>scattered</source>
        <translation>分散</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="145"/>
        <source>stricter</source>
        <translation>收紧</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="147"/>
        <source>looser</source>
        <translation>放宽</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="149"/>
        <source>owners</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../gui/outline.py" line="151"/>
        <source>reference</source>
        <translation>引用</translation>
    </message>
</context>
<context>
    <name>ReloadWatcher</name>
    <message>
        <location filename="../../gui/watching.py" line="76"/>
        <source>{name} changed on disk; reloaded.</source>
        <translation>{name} 已在磁盘上修改，已重新载入。</translation>
    </message>
    <message>
        <location filename="../../gui/watching.py" line="90"/>
        <source>Document changed</source>
        <translation>文件已修改</translation>
    </message>
    <message>
        <location filename="../../gui/watching.py" line="91"/>
        <source>{name} changed on disk. Reload it?</source>
        <translation>{name} 已在磁盘上修改。是否重新载入？</translation>
    </message>
</context>
<context>
    <name>ScrollSync</name>
    <message>
        <location filename="../../gui/sync.py" line="152"/>
        <source>↕ moved: its counterpart {label} is elsewhere — click to jump</source>
        <translation>↕ 已移动：对应条款 {label} 在别处——点击跳转</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../gui/problems.py" line="36"/>
        <source>Out of memory; try smaller documents.</source>
        <translation>内存不足；请尝试较小的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="41"/>
        <source>{file}: {reason}</source>
        <translation>{file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="44"/>
        <source>Unexpected problem ({kind}): {text}</source>
        <translation>意外问题（{kind}）：{text}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../gui/settings.py" line="72"/>
        <source>{path} is not a regular file: starting with default settings, which will not be kept</source>
        <translation>{path} 不是普通文件：本次以默认设置启动，设置不会保存</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../cli.py" line="108"/>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="218"/>
        <source>{parent}: {units} units, {documents} documents</source>
        <translation>{parent}：{units} 个条目，{documents} 份下级文件</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="227"/>
        <source>{name}: not read ({reason})</source>
        <translation>{name}：无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="233"/>
        <source>{count} of its own</source>
        <translation>自有新增 {count}</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="234"/>
        <source>{name}: {tally}, {added}</source>
        <translation>{name}：{tally}，{added}</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="238"/>
        <source>policydiff: {failed} of {total} documents could not be read</source>
        <translation>policydiff：{total} 份文件中有 {failed} 份无法读取</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="303"/>
        <source>{versions}: {lineages} lineages, {changed} ever changed</source>
        <translation>{versions}：{lineages} 条沿革，其中 {changed} 条有过修改</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="390"/>
        <source>{left} ↔ {right}: {pairs} pairs, {unchanged} unchanged, {changed} changed, {added} added, {removed} removed, {moved} moved; figures: {figures_changed} changed, {figures_added} added, {figures_removed} removed ({in_added} in added units, {in_removed} in removed units)</source>
        <translation>{left} ↔ {right}：{pairs} 对照单元，{unchanged} 未变，{changed} 修改，{added} 新增，{removed} 删除，{moved} 移动；数字 {figures_changed} 修改，{figures_added} 新增，{figures_removed} 删除（新增条目中 {in_added}，删除条目中 {in_removed}）</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="423"/>
        <source>policydiff: {name}: OCR page {done}/{total}</source>
        <translation>policydiff：{name}：OCR 识别第 {done}/{total} 页</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="456"/>
        <source>{format}, {encoding}, {chars} chars</source>
        <translation>{format}，{encoding}，{chars} 字</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="461"/>
        <source>note: {notice}</source>
        <translation>说明：{notice}</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="650"/>
        <source>policydiff: interrupted</source>
        <translation>policydiff：已中断</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="653"/>
        <source>policydiff: out of memory; try smaller documents</source>
        <translation>policydiff：内存不足；请改用较小的文件</translation>
    </message>
    <message>
        <location filename="../../cli.py" line="669"/>
        <source>policydiff: internal error ({error}); please report it</source>
        <translation>policydiff：内部错误（{error}）；请报告此问题</translation>
    </message>
</context>
</TS>
