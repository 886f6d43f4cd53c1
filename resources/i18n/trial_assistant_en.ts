<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../widgets/common.py" line="26" />
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../widgets/common.py" line="34" />
        <source>超期 %n 天</source>
        <translation>%n days overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/common.py" line="36" />
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../widgets/common.py" line="37" />
        <source>剩余 %n 天</source>
        <translation>%n days left</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="71" />
        <source>按用户、操作或对象筛选，回车查找</source>
        <translation>Filter by user, action or object; press Enter</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="73" />
        <source>校验哈希链(&amp;V)</source>
        <translation>&amp;Verify hash chain</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="120" />
        <source>记入日志：%1</source>
        <translation>Logged at: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="122" />
        <source>显示最新 %1 条，共 %2 条</source>
        <translation>Showing the newest %1 of %2 entries</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="123" />
        <source>共 %1 条</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="128" />
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="134" />
        <source>审计日志完整：链上 %1 条均未被改动，链头 %2</source>
        <translation>Audit log intact: none of the %1 entries in the chain was altered; head %2</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="138" />
        <source>审计日志被篡改：第 %1 条，%2</source>
        <translation>Audit log tampered: entry %1, %2</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../widgets/case_detail.py" line="38" />
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="70" />
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <location filename="../../widgets/case_form.py" line="34" />
        <source>修改案件</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="34" />
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="45" />
        <source>普通程序</source>
        <translation>Ordinary procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="46" />
        <source>简易程序</source>
        <translation>Simplified procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="55" />
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="65" />
        <location filename="../../widgets/case_form.py" line="66" />
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="77" />
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="78" />
        <source>案由(&amp;C)</source>
        <translation>&amp;Cause</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="79" />
        <source>审理程序</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="80" />
        <source>审判组织</source>
        <translation>Bench</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="81" />
        <source>立案日期(&amp;D)</source>
        <translation>Filing &amp;date</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="82" />
        <source>延长审限</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="83" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="84" />
        <source>承办法官</source>
        <translation>Judge in charge</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="85" />
        <source>书记员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="86" />
        <source>诉讼请求</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="92" />
        <source>添加当事人(&amp;A)</source>
        <translation>&amp;Add party</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="95" />
        <source>删除所选(&amp;R)</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="106" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="107" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="117" />
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="133" />
        <source>独任审判</source>
        <translation>Single judge</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="134" />
        <source>合议庭</source>
        <translation>Collegial panel</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="138" />
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="138" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="141" />
        <source>添加合议庭成员</source>
        <translation>Add panel member</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="144" />
        <source>删除所选成员</source>
        <translation>Remove selected member</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="178" />
        <source>简易程序由审判员一人独任审理；署名为“审判员”。</source>
        <translation>A simplified-procedure case is heard by a single judge, who signs as “Judge”.</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="180" />
        <source>合议庭成员为三人以上的单数（含承办法官）；承办法官任审判长，除非另列审判长。署名：审判长、审判员、人民陪审员。</source>
        <translation>A collegial panel has an odd number of members, three or more, with the judge in charge, who presides unless another presiding judge is listed. Signed by the presiding judge, the judges and the people's assessors.</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="183" />
        <source>普通程序也可由审判员一人独任审理（民事诉讼法第四十条）；署名为“审判员”。</source>
        <translation>An ordinary-procedure case may also be heard by a single judge (Civil Procedure Law, art. 40), who signs as “Judge”.</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="252" />
        <source>格式：（年度）法院代字类型代字序号号</source>
        <translation>Format: (year) court code, type code, number, 号</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="260" />
        <source>有效：</source>
        <translation>Valid: </translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="319" />
        <source>未能保存：</source>
        <translation>Could not save: </translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <location filename="../../widgets/case_list.py" line="119" />
        <source>搜索案号、当事人、案由…（Ctrl+F）</source>
        <translation>Search case number, party, cause… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="123" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="222" />
        <source>共 %n 件</source>
        <translation>%n cases</translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="224" />
        <source>，已显示 %1 件（滚动到底部加载更多）</source>
        <translation>, %1 shown (scroll to the end for more)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="241" />
        <source>查询失败：</source>
        <translation>Query failed: </translation>
    </message>
</context>
<context>
    <name>CaseSuggestionsPanel</name>
    <message>
        <location filename="../../widgets/case_suggestions.py" line="56" />
        <source>卷宗提取建议（%1 项，采纳后保存生效）</source>
        <translation>Suggestions from the dossier (%1; take effect when saved)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_suggestions.py" line="72" />
        <source>采纳</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../widgets/case_suggestions.py" line="74" />
        <source>填入表单；保存案件时记录为已采纳</source>
        <translation>Fill in the form; recorded as accepted when the case is saved</translation>
    </message>
    <message>
        <location filename="../../widgets/case_suggestions.py" line="76" />
        <source>忽略</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../widgets/case_suggestions.py" line="88" />
        <source>与本案案号不一致，不可采纳</source>
        <translation>Differs from this case's number; cannot be adopted</translation>
    </message>
    <message>
        <location filename="../../widgets/case_suggestions.py" line="89" />
        <source>与本案案号不一致，可能混入了他案材料</source>
        <translation>Differs from this case's number; material of another case may have been mixed in</translation>
    </message>
    <message>
        <location filename="../../widgets/case_suggestions.py" line="130" />
        <source>已填入，保存后生效</source>
        <translation>Filled in; takes effect when saved</translation>
    </message>
    <message>
        <location filename="../../widgets/case_suggestions.py" line="138" />
        <source>已忽略</source>
        <translation>Ignored</translation>
    </message>
</context>
<context>
    <name>CataloguingTab</name>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="62" />
        <source>导入卷宗…</source>
        <translation>Import dossier…</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="63" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="92" />
        <source>改为此类</source>
        <translation>Set category</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="93" />
        <source>确认所选</source>
        <translation>Confirm selected</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="94" />
        <source>从此页起为新文书</source>
        <translation>New document from this page</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="95" />
        <source>并入上一文书</source>
        <translation>Join previous document</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="112" />
        <source>选择一页以预览</source>
        <translation>Select a page to preview</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="118" />
        <source>移到上一文书</source>
        <translation>Move to previous document</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="122" />
        <source>移到下一文书</source>
        <translation>Move to next document</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="132" />
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="132" />
        <source>页</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="143" />
        <source>导出卷内目录…</source>
        <translation>Export table of contents…</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="144" />
        <source>导出整理后的卷宗 PDF…</source>
        <translation>Export ordered dossier PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="153" />
        <source>采纳到案件信息</source>
        <translation>Apply to case details</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="160" />
        <source>目录树</source>
        <translation>Document tree</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="161" />
        <location filename="../../widgets/cataloguing_tab.py" line="474" />
        <source>卷内目录</source>
        <translation>Table of contents</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="162" />
        <source>案件信息建议</source>
        <translation>Case detail suggestions</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="189" />
        <source>类别为机器建议，须经书记员或承办法官确认或更正；更正会用于本院的本地学习。</source>
        <translation>Categories are machine suggestions for the clerk or the judge to confirm or correct; corrections train this court's local model.</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="191" />
        <source>待复核</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="191" />
        <source>其余底色按材料类别区分。</source>
        <translation>Other backgrounds only tell categories apart.</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="281" />
        <source>%1 第%2页</source>
        <translation>%1 p. %2</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="293" />
        <location filename="../../widgets/cataloguing_tab.py" line="310" />
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="297" />
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="314" />
        <source>与本案案号不一致，可能混入了他案材料：不可采纳</source>
        <translation>Differs from this case's number (material of another case?): cannot be adopted</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="325" />
        <source>共 %1 页、%2 件文书；待复核 %3 页</source>
        <translation>%1 pages, %2 documents; %3 pages to review</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="375" />
        <source>导入卷宗</source>
        <translation>Import dossier</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="376" />
        <source>PDF 或图片 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>PDF or images (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="390" />
        <source>未导入：材料中出现其他案件的案号。</source>
        <translation>Not imported: the material names another case's number.</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="407" />
        <source>已导入 %1 页</source>
        <translation>Imported %1 pages</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="414" />
        <source>已取消导入</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="453" />
        <source>没有上一件文书</source>
        <translation>There is no previous document</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="453" />
        <source>没有下一件文书</source>
        <translation>There is no next document</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="467" />
        <source>上一项修改仍在保存，请稍候。</source>
        <translation>The previous change is still being saved; please wait.</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="474" />
        <source>导出卷内目录</source>
        <translation>Export table of contents</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="482" />
        <source>卷内目录已导出：%1</source>
        <translation>Table of contents exported: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="487" />
        <source>导出整理后的卷宗</source>
        <translation>Export ordered dossier</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="487" />
        <source>卷宗</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="494" />
        <source>正在导出卷宗…</source>
        <translation>Exporting the dossier…</translation>
    </message>
    <message>
        <location filename="../../widgets/cataloguing_tab.py" line="496" />
        <source>卷宗已导出：%1</source>
        <translation>Dossier exported: %1</translation>
    </message>
</context>
<context>
    <name>ConfirmActDialog</name>
    <message>
        <location filename="../../widgets/confirm.py" line="28" />
        <source>尚未处理的问题（%n 项）：</source>
        <translation>Open issues (%n):</translation>
    </message>
    <message>
        <location filename="../../widgets/confirm.py" line="36" />
        <source>理由（记入操作记录）</source>
        <translation>Reason (written to the audit log)</translation>
    </message>
    <message>
        <location filename="../../widgets/confirm.py" line="36" />
        <source>备注（可不填）</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../widgets/confirm.py" line="39" />
        <source>仍要继续的理由(&amp;R)：</source>
        <translation>&amp;Reason for going ahead:</translation>
    </message>
    <message>
        <location filename="../../widgets/confirm.py" line="39" />
        <source>备注(&amp;R)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../widgets/confirm.py" line="50" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DraftingTab</name>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="72" />
        <source>受理费（元）</source>
        <translation>Court fee (CNY)</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="76" />
        <source>受理费负担人</source>
        <translation>Court fee borne by</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="78" />
        <source>生成草稿(&amp;G)</source>
        <translation>&amp;Generate draft</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="80" />
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="98" />
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="99" />
        <source>导入修改稿…</source>
        <translation>Import revised draft…</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="100" />
        <source>审查(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="101" />
        <location filename="../../widgets/drafting_tab.py" line="490" />
        <source>签发</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="135" />
        <source>黄色底纹为机器起草内容，须经法官确认；“本院认为”和判决主文由法官撰写。</source>
        <translation>Yellow shading marks machine-drafted text, which the judge must confirm; the court's reasoning (本院认为) and the operative part are written by the judge.</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="158" />
        <source>待确认的机器起草段落(&amp;M)</source>
        <translation>Machine-drafted paragraphs to confirm (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="160" />
        <source>接受所选(&amp;A)</source>
        <translation>Accept selected (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="161" />
        <source>退回所选(&amp;J)</source>
        <translation>Reject selected (&amp;J)</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="162" />
        <source>退回的段落改为“【待补充】”，由法官撰写</source>
        <translation>Rejected paragraphs become "[To be completed]" for the judge to write</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="163" />
        <source>全部接受(&amp;L)</source>
        <translation>Accept all (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="228" />
        <source>文书辅助审查已在设置中关闭</source>
        <translation>Document review assistance is switched off in the settings</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="288" />
        <source>机器起草，待法官确认</source>
        <translation>Machine-drafted, awaiting the judge's confirmation</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="299" />
        <source>第%1段</source>
        <translation>Paragraph %1</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="302" />
        <source>来源：%1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="324" />
        <source>受理费应为数字</source>
        <translation>The court fee must be a number</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="337" />
        <source>正在生成草稿…</source>
        <translation>Generating draft…</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="342" />
        <source>已生成 %1 第%2版</source>
        <translation>Generated %1, version %2</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="351" />
        <source>正在审查…</source>
        <translation>Reviewing…</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="358" />
        <source>审查已完成并保存；选中该版本可查看结果。</source>
        <translation>Review finished and saved; select that version to see the findings.</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="363" />
        <source>审查发现 %1 个问题（错误 %2 个），请逐项核对。</source>
        <translation>Review found %1 issues (%2 errors); please check each one.</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="366" />
        <source>审查未发现问题。</source>
        <translation>Review found no issues.</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="372" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="372" />
        <source>提示</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="401" />
        <source>导出文书</source>
        <translation>Export document</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="407" />
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="416" />
        <source>导入修改稿</source>
        <translation>Import revised draft</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="427" />
        <source>未导入：文书中出现其他案件的案号。</source>
        <translation>Not imported: the document names another case's number.</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="457" />
        <source>已接受 %1 段，生成第%2版</source>
        <translation>Accepted %1 paragraph(s); version %2 created</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="457" />
        <source>已退回 %1 段（改为【待补充】），生成第%2版</source>
        <translation>Rejected %1 paragraph(s) (now "[To be completed]"); version %2 created</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="469" />
        <source>上一项操作仍在进行，请稍候。</source>
        <translation>The previous action is still running; please wait.</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="483" />
        <source>错误 </source>
        <translation>Error </translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="483" />
        <source>提示 </source>
        <translation>Warning </translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="485" />
        <source>该版本尚未经辅助审查</source>
        <translation>This version has not been reviewed</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="487" />
        <source>签发《%1》第%2版？签发后不能撤回。</source>
        <translation>Sign “%1” version %2? Signing cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="489" />
        <source>审查发现的错误尚未处理：如仍签发，须说明理由，理由记入操作记录。</source>
        <translation>Review errors are still open: to sign anyway, give a reason; it is written to the audit log.</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="493" />
        <source>未签发。</source>
        <translation>Not signed.</translation>
    </message>
    <message>
        <location filename="../../widgets/drafting_tab.py" line="497" />
        <source>已签发</source>
        <translation>Signed off</translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="60" />
        <source>立即导入(&amp;I)</source>
        <translation>&amp;Import now</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="63" />
        <source>立即导出(&amp;E)</source>
        <translation>&amp;Export now</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="66" />
        <source>导出本案</source>
        <translation>Export this case</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="71" />
        <source>重新导入隔离包(&amp;R)</source>
        <translation>&amp;Retry quarantined package</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="73" />
        <source>排除隔离原因（如固定平台公钥、调整大小上限）后，重新检查并导入所选交换包</source>
        <translation>After fixing the cause (e.g. pinning the platform key or raising the size cap), check and import the selected package again</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="77" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="82" />
        <source>导入平台公钥…</source>
        <translation>Import platform public key…</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="91" />
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="91" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="91" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="91" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="91" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="91" />
        <source>交换包</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="103" />
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="103" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="103" />
        <source>本地值</source>
        <translation>Local value</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="103" />
        <source>平台值</source>
        <translation>Platform value</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="103" />
        <source>处理</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="107" />
        <source>平台变更与本地修改冲突（逐项处理）</source>
        <translation>Platform changes conflicting with local edits (resolve each)</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="143" />
        <source>您的角色不能进行数据交换。</source>
        <translation>Your role cannot exchange data.</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="154" />
        <source>交换目录：</source>
        <translation>Exchange folder: </translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="156" />
        <source>本机：%1　指纹：%2　平台公钥：%3</source>
        <translation>This node: %1   Fingerprint: %2   Platform key: %3</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="158" />
        <source>未固定</source>
        <translation>not pinned</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="160" />
        <source>待导入 %1　待确认 %2　暂存 %3　隔离 %4　冲突 %5</source>
        <translation>To import %1   Awaiting acknowledgement %2   Held %3   Quarantined %4   Conflicts %5</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="166" />
        <source>补发 %1 次</source>
        <translation>Resent %1 times</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="167" />
        <source>发出</source>
        <translation>Outgoing</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="171" />
        <location filename="../../widgets/exchange_tab.py" line="175" />
        <source>收到</source>
        <translation>Incoming</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="175" />
        <source>已隔离</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="214" />
        <source>保留本地</source>
        <translation>Keep local</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="217" />
        <source>采用平台</source>
        <translation>Use platform</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="233" />
        <source>未设置交换目录：请在“工具 &gt; 设置 &gt; 文件夹”中选择交换目录。</source>
        <translation>No exchange folder: choose one in Tools &gt; Settings &gt; Folders.</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="234" />
        <source>未设置交换目录：请联系信息技术人员设置。</source>
        <translation>No exchange folder: please ask IT to set one.</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="250" />
        <source>正在处理…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="267" />
        <source>导入完成：已导入 %1，暂存 %2，隔离 %3，重复 %4</source>
        <translation>Import finished: %1 imported, %2 held, %3 quarantined, %4 duplicates</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="295" />
        <source>已导出 %1 个案件</source>
        <translation>Exported %1 cases</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="303" />
        <source>已导出，序号 %1，等待平台确认</source>
        <translation>Exported as sequence %1, awaiting platform acknowledgement</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="309" />
        <source>已处理冲突</source>
        <translation>Conflict resolved</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="314" />
        <source>选择平台公钥文件</source>
        <translation>Choose the platform public key file</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="314" />
        <source>公钥文件 (*.json)</source>
        <translation>Public key files (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="325" />
        <source>核对平台公钥指纹</source>
        <translation>Verify the platform key fingerprint</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="326" />
        <source>平台节点：%1
指纹：%2

请与平台提供的指纹逐位核对，一致才固定。</source>
        <translation>Platform node: %1
Fingerprint: %2

Compare it character by character with the fingerprint the platform gave you; pin the key only if they match.</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="336" />
        <source>未固定平台公钥</source>
        <translation>Platform public key not pinned</translation>
    </message>
    <message>
        <location filename="../../widgets/exchange_tab.py" line="340" />
        <source>已固定平台公钥</source>
        <translation>Platform public key pinned</translation>
    </message>
</context>
<context>
    <name>FolderEdit</name>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="36" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="45" />
        <source>选择文件夹</source>
        <translation>Choose folder</translation>
    </message>
</context>
<context>
    <name>LiveHearingControls</name>
    <message>
        <location filename="../../widgets/transcription_live.py" line="30" />
        <source>庭审录音设备；录制该设备的全部声道</source>
        <translation>Hearing recording device; all of its channels are recorded</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="32" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="34" />
        <source>重新查找录音设备</source>
        <translation>Search for recording devices again</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="43" />
        <source>录音设备</source>
        <translation>Recording device</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="60" />
        <source>%1（%2 声道）</source>
        <translation>%1 (%2 channels)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="62" />
        <source>［默认］</source>
        <translation> [default]</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="74" />
        <source>未找到录音设备：请连接话筒或调音台后点“刷新”。</source>
        <translation>No recording device found: connect a microphone or mixer, then click “Refresh”.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="76" />
        <source>（上次使用的“%1”未连接）</source>
        <translation> (“%1”, used last time, is not connected)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="91" />
        <source>%n 个声道</source>
        <translation>%n channels</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="99" />
        <location filename="../../widgets/transcription_live.py" line="140" />
        <source>声道设置有误：</source>
        <translation>Channel setting invalid: </translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="136" />
        <source>无法打开录音设备：</source>
        <translation>Cannot open the recording device: </translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="143" />
        <source>正在加载语音模型…</source>
        <translation>Loading the speech model…</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="155" />
        <source>实时记录中…</source>
        <translation>Recording live…</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="167" />
        <source>休庭（已记录时间）</source>
        <translation>Adjourned (time recorded)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="173" />
        <source>继续开庭，实时记录中…</source>
        <translation>Hearing resumed, recording live…</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_live.py" line="182" />
        <source>正在结束庭审…</source>
        <translation>Ending the hearing…</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../widgets/lock_screen.py" line="99" />
        <location filename="../../widgets/lock_screen.py" line="102" />
        <location filename="../../widgets/lock_screen.py" line="156" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../widgets/lock_screen.py" line="105" />
        <source>用户：</source>
        <translation>User: </translation>
    </message>
    <message>
        <location filename="../../widgets/lock_screen.py" line="109" />
        <source>输入密码解锁</source>
        <translation>Enter password to unlock</translation>
    </message>
    <message>
        <location filename="../../widgets/lock_screen.py" line="111" />
        <source>解锁(&amp;U)</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../widgets/lock_screen.py" line="171" />
        <source>无法验证密码，请重试。</source>
        <translation>Could not check the password; please try again.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../widgets/login_dialog.py" line="24" />
        <source>审判辅助系统 — 登录</source>
        <translation>Trial Assistant — Log in</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="27" />
        <source>审判辅助系统</source>
        <translation>Trial Assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="36" />
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="37" />
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="46" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="47" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../widgets/login_dialog.py" line="68" />
        <source>请输入用户名和密码</source>
        <translation>Enter user name and password</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="79" />
        <source> 【演示库 DEMO，请勿录入真实案件】</source>
        <translation> [DEMO store: do not enter real cases]</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="108" />
        <source>修改案件(&amp;E)</source>
        <translation>&amp;Edit case</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="121" />
        <source>案件信息</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="128" />
        <source>操作记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="144" />
        <location filename="../../widgets/main_window.py" line="281" />
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="159" />
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="160" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="163" />
        <source>数据交换</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="164" />
        <source>信息技术管理员不能查看案件内容。</source>
        <translation>IT administrators cannot see case content.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="175" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="177" />
        <source>新建案件(&amp;N)</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="182" />
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="186" />
        <source>注销并切换用户(&amp;U)…</source>
        <translation>Log out and switch &amp;user…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="191" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="196" />
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="198" />
        <source>查找案件(&amp;F)</source>
        <translation>&amp;Find case</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="203" />
        <source>转到案件页签(&amp;T)</source>
        <translation>Go to case &amp;tabs</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="214" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="215" />
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="218" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="219" />
        <source>快捷键(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="224" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="322" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="323" />
        <source>审判辅助系统 0.1
离线运行，数据加密存储。
所有机器生成的内容均为辅助建议，须经人工确认。</source>
        <translation>Trial Assistant 0.1
Runs offline; data is encrypted at rest.
Every machine output is a suggestion a person must accept.</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../widgets/users_panel.py" line="24" />
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="42" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="43" />
        <source>显示名称</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="44" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="45" />
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="46" />
        <source>再次输入密码</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="64" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <location filename="../../widgets/page_preview.py" line="32" />
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../widgets/page_preview.py" line="33" />
        <source>放大 (Ctrl+=)</source>
        <translation>Zoom in (Ctrl+=)</translation>
    </message>
    <message>
        <location filename="../../widgets/page_preview.py" line="34" />
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../widgets/page_preview.py" line="34" />
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
</context>
<context>
    <name>QLabel</name>
    <message>
        <location filename="../../widgets/confirm.py" line="89" />
        <source>可能是他案材料</source>
        <translation>Possibly another case's material</translation>
    </message>
    <message>
        <location filename="../../widgets/confirm.py" line="92" />
        <source>核实无误，仍然使用</source>
        <translation>Checked, use it anyway</translation>
    </message>
    <message>
        <location filename="../../widgets/confirm.py" line="93" />
        <source>不使用</source>
        <translation>Do not use</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="75" />
        <source>停用用户</source>
        <translation>Disabled user</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="76" />
        <source>停用用户“%1”？停用后该用户不能登录，可随时重新启用。</source>
        <translation>Deactivate user “%1”? The user can no longer log in; you can reactivate them at any time.</translation>
    </message>
</context>
<context>
    <name>SeatMapDialog</name>
    <message>
        <location filename="../../widgets/transcript_parts.py" line="153" />
        <source>声道与席位</source>
        <translation>Channels and seats</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_parts.py" line="155" />
        <source>为每个声道选择对应的席位（录音有 %n 个声道）：</source>
        <translation>Choose the seat of each channel (the recording has %n channels):</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_parts.py" line="163" />
        <source>（不指定）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_parts.py" line="168" />
        <source>第 %n 声道</source>
        <translation>Channel %n</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_parts.py" line="188" />
        <source>审判长、书记员各只能对应一个声道。</source>
        <translation>The presiding judge and the clerk can each have only one channel.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="62" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="77" />
        <location filename="../../widgets/settings_dialog.py" line="120" />
        <source>安全策略由信息技术人员设定。</source>
        <translation>The security policy is set by IT.</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="86" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="87" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="116" />
        <source>由管理策略设定（%1），不能在此修改</source>
        <translation>Set by machine policy (%1); cannot be changed here</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="90" />
        <source>部分设置在重新登录后生效。</source>
        <translation>Some settings take effect at the next login.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../widgets/shortcuts_dialog.py" line="52" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../widgets/shortcuts_dialog.py" line="56" />
        <source>按键</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../widgets/shortcuts_dialog.py" line="56" />
        <source>作用</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../widgets/shortcuts_dialog.py" line="56" />
        <source>适用范围</source>
        <translation>Where</translation>
    </message>
</context>
<context>
    <name>TranscriptImport</name>
    <message>
        <location filename="../../widgets/transcript_import.py" line="40" />
        <source>导入庭审录音</source>
        <translation>Import hearing recording</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_import.py" line="41" />
        <source>录音 (*.wav *.flac *.mp3 *.m4a *.aac *.ogg *.opus)</source>
        <translation>Recordings (*.wav *.flac *.mp3 *.m4a *.aac *.ogg *.opus)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_import.py" line="52" />
        <source>正在读取录音的声道…</source>
        <translation>Reading the recording's channels…</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_import.py" line="57" />
        <source>未导入录音。</source>
        <translation>Recording not imported.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_import.py" line="62" />
        <location filename="../../widgets/transcript_import.py" line="76" />
        <location filename="../../widgets/transcript_import.py" line="78" />
        <source>无法导入：</source>
        <translation>Cannot import: </translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_import.py" line="66" />
        <source>正在导入录音…</source>
        <translation>Importing the recording…</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_import.py" line="69" />
        <source>录音已加密保存。</source>
        <translation>Recording saved encrypted.</translation>
    </message>
</context>
<context>
    <name>TranscriptPlayback</name>
    <message>
        <location filename="../../widgets/transcript_playback.py" line="41" />
        <source>录音无法读取：</source>
        <translation>Cannot read the recording: </translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_playback.py" line="54" />
        <source>录音仍在载入，请稍候再播放。</source>
        <translation>The recording is still loading; please try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_playback.py" line="62" />
        <source>停止(&amp;P)</source>
        <translation>Sto&amp;p</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_playback.py" line="70" />
        <source>播放(&amp;P)</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_playback.py" line="82" />
        <source>播放速度 %1</source>
        <translation>Playback speed %1</translation>
    </message>
</context>
<context>
    <name>TranscriptRecordActions</name>
    <message>
        <location filename="../../widgets/transcript_record.py" line="23" />
        <source>确认已对照录音核对全部笔录？</source>
        <translation>Confirm that the whole record was checked against the recording?</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_record.py" line="24" />
        <source>以下段落识别把握较低且未经核改。确认核对完成须填写理由，理由记入操作记录。</source>
        <translation>These lines were recognised with low confidence and nobody has corrected them. To mark the record checked, give a reason; it is written to the audit log.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_record.py" line="25" />
        <source>核对完成</source>
        <translation>Mark as checked</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_record.py" line="27" />
        <source>未标记核对完成。</source>
        <translation>Not marked as checked.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_record.py" line="33" />
        <source>已标记为核对完成。</source>
        <translation>Marked as checked.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_record.py" line="49" />
        <source>导出庭审笔录</source>
        <translation>Export hearing record</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_record.py" line="50" />
        <source>Word (*.docx);;文本 (*.txt);;字幕 SRT (*.srt)</source>
        <translation>Word (*.docx);;Text (*.txt);;Subtitles SRT (*.srt)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_record.py" line="59" />
        <source>已导出：</source>
        <translation>Exported: </translation>
    </message>
</context>
<context>
    <name>TranscriptionTab</name>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="81" />
        <source>声道未分配席位</source>
        <translation>No seats assigned to channels</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="82" />
        <source>各声道对应的席位；点“声道…”按声道选择</source>
        <translation>The seat of each channel; click “Channels…” to choose per channel</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="83" />
        <source>声道…</source>
        <translation>Channels…</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="88" />
        <source>导入录音…</source>
        <translation>Import recording…</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="89" />
        <source>转写(&amp;T)</source>
        <translation>&amp;Transcribe</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="90" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="96" />
        <source>庭审</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="99" />
        <source>开始实时记录</source>
        <translation>Start live recording</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="100" />
        <source>休庭</source>
        <translation>Adjourn</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="101" />
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="102" />
        <source>结束庭审</source>
        <translation>End hearing</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="126" />
        <source>按当事人要求补正</source>
        <translation>Correction requested by a party</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="130" />
        <source>提出补正的人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="131" />
        <source>播放(&amp;P)</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="137" />
        <source>播放速度（变速不变调）；Ctrl+[ 减慢，Ctrl+] 加快</source>
        <translation>Playback speed (pitch kept); Ctrl+[ slower, Ctrl+] faster</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="138" />
        <source>循环本段</source>
        <translation>Loop this line</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="140" />
        <source>记录未采纳的补正…</source>
        <translation>Record refused correction…</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="142" />
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="143" />
        <source>与下段合并</source>
        <translation>Merge with next</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="144" />
        <source>核对完成</source>
        <translation>Mark as checked</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="145" />
        <source>导出笔录…</source>
        <translation>Export record…</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="152" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="155" />
        <source>替换为</source>
        <translation>Replace with</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="156" />
        <source>查找下一个</source>
        <translation>Find next</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="157" />
        <source>全部替换</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="164" />
        <source>撤销所选更正</source>
        <translation>Undo selected correction</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="171" />
        <source>所选段落（点一个词，从该词播放）</source>
        <translation>Selected line (click a word to play from it)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="180" />
        <source>机器更正（读音相近，按本案用语）</source>
        <translation>Machine corrections (similar sound, this case's terms)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="200" />
        <source>笔录正文为语音识别初稿。指向词语可见其时间与识别把握；点右侧“所选段落”中的词，从该词开始播放。</source>
        <translation>The record text is a speech-recognition first draft. Point at a word to see its time and confidence; click a word under “Selected line” on the right to play from it.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="272" />
        <source>%1（%2，%3 秒）</source>
        <translation>%1 (%2, %3 s)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="328" />
        <source>机器原文：</source>
        <translation>Machine text: </translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="354" />
        <source>出错：</source>
        <translation>Error: </translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="361" />
        <source>上一项修改仍在保存，请稍候。</source>
        <translation>The previous change is still being saved; please wait.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="366" />
        <source>未保存：</source>
        <translation>Not saved: </translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="196" />
        <source>识别初稿，须经书记员核对：</source>
        <translation>Machine first draft, the clerk checks it:</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="197" />
        <source>把握较低的词</source>
        <translation>Unsure words</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="199" />
        <source>含此类词的段落</source>
        <translation>Lines with such words</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="199" />
        <source>改过的词不再标色。</source>
        <translation>Edited words lose their shade.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="375" />
        <source>正在转写…</source>
        <translation>Transcribing…</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="387" />
        <source>转写完成，共 %n 段，请核对。</source>
        <translation>Transcription finished: %n lines; please check them.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="390" />
        <source>已取消；已转写的段落已保存。</source>
        <translation>Cancelled; the lines transcribed so far are saved.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="434" />
        <source>已保存修改（%1）。</source>
        <translation>Change saved (%1).</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="452" />
        <source>%1 → %2（%3）</source>
        <translation>%1 → %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="460" />
        <source>请先选择要补正的段落。</source>
        <translation>Select the line to correct first.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="463" />
        <location filename="../../widgets/transcription_tab.py" line="466" />
        <source>补正申请</source>
        <translation>Correction request</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="463" />
        <source>当事人要求改为：</source>
        <translation>The party asks to change it to:</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="466" />
        <source>未采纳的理由：</source>
        <translation>Reason for refusal:</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="471" />
        <source>已记录未采纳的补正申请。</source>
        <translation>Refused correction request recorded.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="541" />
        <source>没有找到“%1”。</source>
        <translation>“%1” not found.</translation>
    </message>
    <message>
        <location filename="../../widgets/transcription_tab.py" line="549" />
        <source>已替换 %n 段。</source>
        <translation>Replaced in %n lines.</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../widgets/users_panel.py" line="101" />
        <source>新建用户(&amp;N)</source>
        <translation>&amp;New user</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="101" />
        <source>停用/启用</source>
        <translation>Disable/enable</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="102" />
        <location filename="../../widgets/users_panel.py" line="177" />
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="102" />
        <source>解除锁定</source>
        <translation>Clear lock-out</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="123" />
        <location filename="../../widgets/users_panel.py" line="166" />
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="123" />
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="124" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="143" />
        <source>上一项操作仍在进行，请稍候。</source>
        <translation>The previous action is still running; please wait.</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="160" />
        <source>已新建用户</source>
        <translation>User created</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="170" />
        <source>已更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="177" />
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="180" />
        <source>密码已重置</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="187" />
        <source>已解除锁定</source>
        <translation>Lock-out cleared</translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../widgets/transcript_parts.py" line="46" />
        <source>点击跳到该处；获得焦点时用左右方向键前后移动 5 秒</source>
        <translation>Click to jump there; with focus, Left/Right move 5 s</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_parts.py" line="93" />
        <source>（选择庭审后显示波形）</source>
        <translation>(choose a hearing to see its waveform)</translation>
    </message>
</context>
<context>
    <name>WordStrip</name>
    <message>
        <location filename="../../widgets/transcript_shading.py" line="163" />
        <source>点击一个词，从该词开始播放</source>
        <translation>Click a word to play from it</translation>
    </message>
</context>
<context>
    <name>audio</name>
    <message>
        <location filename="../../widgets/audio_player.py" line="51" />
        <source>无法播放：没有可用的放音设备。请连接耳机或音箱后重试。</source>
        <translation>Cannot play: no output device. Connect headphones or speakers and try again.</translation>
    </message>
    <message>
        <location filename="../../widgets/audio_player.py" line="52" />
        <source>无法播放：录音无法送到放音设备（%1）。</source>
        <translation>Cannot play: the recording could not be sent to the output device (%1).</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <location filename="../../widgets/common.py" line="14" />
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../widgets/common.py" line="14" />
        <source>超期 %n 天</source>
        <translation>%n days overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/common.py" line="15" />
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../widgets/common.py" line="15" />
        <source>剩余 %n 天</source>
        <translation>%n days left</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <location filename="../../widgets/terms.py" line="13" />
        <source>催告</source>
        <translation>Public summons</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="14" />
        <source>减刑假释</source>
        <translation>Sentence reduction and parole</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="15" />
        <source>刑事一审</source>
        <translation>Criminal, first instance</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="16" />
        <source>刑事二审</source>
        <translation>Criminal, second instance</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="17" />
        <source>刑事其他</source>
        <translation>Criminal, other</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="18" />
        <source>刑事再审</source>
        <translation>Criminal retrial</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="19" />
        <source>刑事司法救助</source>
        <translation>Criminal judicial aid</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="20" />
        <source>刑事复核</source>
        <translation>Criminal review</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="21" />
        <source>刑事审判监督</source>
        <translation>Criminal trial supervision</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="22" />
        <source>刑事抗诉再审审查</source>
        <translation>Criminal protest retrial review</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="23" />
        <source>刑事申诉审查</source>
        <translation>Criminal petition review</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="24" />
        <source>强制清算</source>
        <translation>Compulsory liquidation</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="25" />
        <source>恢复执行</source>
        <translation>Resumed enforcement</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="26" />
        <source>执行其他</source>
        <translation>Enforcement, other</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="27" />
        <source>执行协调</source>
        <translation>Enforcement coordination</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="28" />
        <source>执行司法救助</source>
        <translation>Enforcement judicial aid</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="29" />
        <source>执行复议</source>
        <translation>Enforcement reconsideration</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="30" />
        <source>执行实施</source>
        <translation>Enforcement</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="31" />
        <source>执行异议</source>
        <translation>Enforcement objection</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="32" />
        <source>执行监督</source>
        <translation>Enforcement supervision</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="33" />
        <source>民事一审</source>
        <translation>Civil, first instance</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="34" />
        <source>民事二审</source>
        <translation>Civil, second instance</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="35" />
        <source>民事其他</source>
        <translation>Civil, other</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="36" />
        <source>民事再审</source>
        <translation>Civil retrial</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="37" />
        <source>民事司法救助</source>
        <translation>Civil judicial aid</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="38" />
        <source>民事审判监督</source>
        <translation>Civil trial supervision</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="39" />
        <source>民事抗诉再审审查</source>
        <translation>Civil protest retrial review</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="40" />
        <source>民事特别程序</source>
        <translation>Civil special procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="41" />
        <source>民事申请再审审查</source>
        <translation>Civil retrial application review</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="42" />
        <source>法院作为赔偿义务机关</source>
        <translation>Court as compensating body</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="43" />
        <source>督促</source>
        <translation>Payment order</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="44" />
        <source>破产</source>
        <translation>Bankruptcy</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="45" />
        <source>第三人撤销之诉</source>
        <translation>Third-party revocation action</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="46" />
        <source>管辖</source>
        <translation>Jurisdiction</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="47" />
        <source>管辖上诉</source>
        <translation>Jurisdiction appeal</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="48" />
        <source>行为保全</source>
        <translation>Conduct preservation</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="49" />
        <source>行政一审</source>
        <translation>Administrative, first instance</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="50" />
        <source>行政二审</source>
        <translation>Administrative, second instance</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="51" />
        <source>行政其他</source>
        <translation>Administrative, other</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="52" />
        <source>行政再审</source>
        <translation>Administrative retrial</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="53" />
        <source>行政审判监督</source>
        <translation>Administrative trial supervision</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="54" />
        <source>行政申请再审审查</source>
        <translation>Administrative retrial application review</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="55" />
        <source>诉前证据保全</source>
        <translation>Pre-action evidence preservation</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="56" />
        <source>诉前财产保全</source>
        <translation>Pre-action property preservation</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="57" />
        <source>财产保全执行</source>
        <translation>Property preservation enforcement</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="58" />
        <source>赔偿委员会审理赔偿</source>
        <translation>Compensation committee case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="59" />
        <source>非诉行政行为审查</source>
        <translation>Review of non-litigation administrative acts</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="60" />
        <source>常规</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="61" />
        <source>文件夹</source>
        <translation>Folders</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="62" />
        <source>安全策略</source>
        <translation>Security policy</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="63" />
        <source>辅助功能</source>
        <translation>Assistants</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="64" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="65" />
        <source>密码至少 8 位</source>
        <translation>The password needs at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="66" />
        <source>诉请来源</source>
        <translation>Claims source</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="67" />
        <source>模型</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="68" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="69" />
        <source>段数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="70" />
        <source>辅助</source>
        <translation>Assisted</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="71" />
        <source>他案案号</source>
        <translation>Other case numbers</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="72" />
        <source>非本案当事人</source>
        <translation>Parties not of this case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="73" />
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="74" />
        <source>新文书起点</source>
        <translation>Starts a document</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="75" />
        <source>格式版本</source>
        <translation>Format version</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="76" />
        <source>剩余</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="77" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="78" />
        <source>归档案件</source>
        <translation>Archive case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="79" />
        <source>导入卷宗</source>
        <translation>Import dossier</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="80" />
        <source>确认卷宗归目</source>
        <translation>Confirm dossier categories</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="81" />
        <source>修改卷宗类别</source>
        <translation>Change dossier category</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="82" />
        <source>调整文书分界</source>
        <translation>Adjust document boundary</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="83" />
        <source>移动卷宗页</source>
        <translation>Move dossier pages</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="84" />
        <source>导出卷宗PDF</source>
        <translation>Export dossier PDF</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="85" />
        <source>导出卷内目录</source>
        <translation>Export table of contents</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="86" />
        <source>生成文书草稿</source>
        <translation>Generate draft</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="87" />
        <source>接受机器起草内容</source>
        <translation>Accept machine-drafted text</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="88" />
        <source>退回机器起草内容</source>
        <translation>Reject machine-drafted text</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="89" />
        <source>导出文书</source>
        <translation>Export document</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="90" />
        <source>文书辅助审查</source>
        <translation>Document review</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="91" />
        <source>审查外部文书</source>
        <translation>Review an outside document</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="92" />
        <source>签发文书</source>
        <translation>Sign document</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="93" />
        <source>导入庭审录音</source>
        <translation>Import hearing recording</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="94" />
        <source>语音转写</source>
        <translation>Transcription</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="95" />
        <source>庭审事件</source>
        <translation>Hearing event</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="96" />
        <source>开始实时记录</source>
        <translation>Start live recording</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="97" />
        <source>结束实时记录</source>
        <translation>Stop live recording</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="98" />
        <source>修改笔录</source>
        <translation>Edit transcript</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="99" />
        <source>笔录核对完成</source>
        <translation>Record checked</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="100" />
        <source>导出笔录</source>
        <translation>Export record</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="101" />
        <source>记录未采纳的补正</source>
        <translation>Record a refused correction</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="102" />
        <source>接收交换数据</source>
        <translation>Receive exchange data</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="103" />
        <source>发送交换数据</source>
        <translation>Send exchange data</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="104" />
        <source>处理交换冲突</source>
        <translation>Resolve exchange conflict</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="105" />
        <source>生成交换密钥</source>
        <translation>Create exchange keys</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="106" />
        <source>登记平台公钥</source>
        <translation>Register platform key</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="107" />
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="108" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="109" />
        <source>发生时间</source>
        <translation>Happened at</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="110" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="111" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="112" />
        <source>提示</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="113" />
        <source>未处理错误</source>
        <translation>Open errors</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="114" />
        <source>未处理提示</source>
        <translation>Open warnings</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="115" />
        <source>未核段落</source>
        <translation>Unchecked lines</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="116" />
        <source>已审查</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="117" />
        <source>庭审</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="118" />
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="119" />
        <source>时长</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="120" />
        <source>声道</source>
        <translation>Channels</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="121" />
        <source>原文</source>
        <translation>Old text</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="122" />
        <source>改为</source>
        <translation>New text</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="123" />
        <source>提出人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="124" />
        <source>页</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="125" />
        <source>机器结果</source>
        <translation>Machine result</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="126" />
        <source>最终</source>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="127" />
        <source>路径</source>
        <translation>Path</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="128" />
        <source>选择</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="129" />
        <source>摘要</source>
        <translation>Digest</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="130" />
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="131" />
        <source>密钥</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="132" />
        <source>交换包</source>
        <translation>Package</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="133" />
        <source>（案件内容，不向信息技术人员显示）</source>
        <translation>(case content, not shown to IT)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="134" />
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="135" />
        <source>节点</source>
        <translation>Node</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="136" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="137" />
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="138" />
        <source>播放/暂停</source>
        <translation>Play/stop</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="139" />
        <source>加快播放</source>
        <translation>Faster playback</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="140" />
        <source>减慢播放</source>
        <translation>Slower playback</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="141" />
        <source>下一段</source>
        <translation>Next line</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="142" />
        <source>上一段</source>
        <translation>Previous line</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="143" />
        <source>在笔录中查找</source>
        <translation>Find in the transcript</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="144" />
        <source>替换</source>
        <translation>Replace</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="145" />
        <source>编辑所选段落</source>
        <translation>Edit the selected line</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="146" />
        <source>查找（在所在窗格：案件列表中查找案件，笔录中查找文字）</source>
        <translation>Find (in the focused pane: cases in the case list, text in the transcript)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="147" />
        <source>在控件之间移动（表格内用方向键）</source>
        <translation>Move between controls (arrow keys inside tables)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="148" />
        <source>所选页移到上一文书</source>
        <translation>Move selected pages to the previous document</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="149" />
        <source>所选页移到下一文书</source>
        <translation>Move selected pages to the next document</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="150" />
        <source>页面预览放大 / 缩小 / 适合宽度</source>
        <translation>Page preview zoom in / out / fit width</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="151" />
        <source>波形获得焦点时前后移动 5 秒</source>
        <translation>Move 5 s back/forward when the waveform has focus</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="152" />
        <source>确认对话框（签发、核对完成的默认按钮为“取消”）</source>
        <translation>Confirm a dialog (for signing and checking, the default button is Cancel)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="153" />
        <source>关闭对话框</source>
        <translation>Close the dialog</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="154" />
        <source>案件列表 / 庭审笔录</source>
        <translation>Case list / Hearing record</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="155" />
        <source>全部</source>
        <translation>Everywhere</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="156" />
        <source>对话框</source>
        <translation>Dialogs</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="157" />
        <source>本院设置不允许在审查错误未处理时签发：请修改文书并重新审查。</source>
        <translation>This court does not allow signing with open review errors: correct the document and review it again.</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="158" />
        <source>允许在审查错误未处理时说明理由后签发</source>
        <translation>Allow signing with open review errors (reason required)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="159" />
        <source>15天内到期</source>
        <translation>Due within 15 days</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="160" />
        <source>30天内到期</source>
        <translation>Due within 30 days</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="161" />
        <source>7天内到期</source>
        <translation>Due within 7 days</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="162" />
        <source>中止</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="163" />
        <location filename="../../widgets/terms.py" line="274" />
        <source>书记员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="164" />
        <source>交换目录</source>
        <translation>Exchange folder</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="165" />
        <source>交换目录扫描间隔（秒）</source>
        <translation>Inbox scan interval (s)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="166" />
        <source>交换包大小上限（MB）</source>
        <translation>Largest exchange package (MB)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="167" />
        <source>代理人信息</source>
        <translation>Agent details</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="168" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="169" />
        <source>修改后采纳机器结果</source>
        <translation>Accepted machine output with changes</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="170" />
        <source>修改密码</source>
        <translation>Changed password</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="171" />
        <source>修改案件</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="172" />
        <source>修改设置</source>
        <translation>Changed settings</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="173" />
        <source>停用用户</source>
        <translation>Disabled user</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="174" />
        <source>全部期限</source>
        <translation>All deadlines</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="175" />
        <source>创建案件库</source>
        <translation>Created store</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="176" />
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="177" />
        <source>启用卷宗自动归目辅助</source>
        <translation>Enable dossier cataloguing assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="178" />
        <source>启用文书辅助审查</source>
        <translation>Enable document review assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="179" />
        <source>启用文书辅助生成</source>
        <translation>Enable drafting assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="180" />
        <source>启用用户</source>
        <translation>Enabled user</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="181" />
        <source>启用语音转写辅助</source>
        <translation>Enable transcription assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="182" />
        <source>姓名/名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="183" />
        <source>委托代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="184" />
        <location filename="../../widgets/terms.py" line="260" />
        <source>审判员</source>
        <translation>Judge</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="185" />
        <source>审理中</source>
        <translation>In trial</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="186" />
        <source>审理程序</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="187" />
        <source>审限剩余</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="188" />
        <source>审限届满</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="189" />
        <source>审限预警天数</source>
        <translation>Deadline warning (days)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="190" />
        <source>密码锁定时长（分钟）</source>
        <translation>Lock-out duration (min)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="191" />
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="192" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="193" />
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="194" />
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="195" />
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="196" />
        <source>平台公钥（指纹或文件）</source>
        <translation>Platform key (fingerprint or file)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="197" />
        <location filename="../../widgets/terms.py" line="348" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="198" />
        <location filename="../../widgets/terms.py" line="306" />
        <source>庭审笔录</source>
        <translation>Hearing records</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="199" />
        <location filename="../../widgets/terms.py" line="332" />
        <location filename="../../widgets/terms.py" line="446" />
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="200" />
        <source>待立案</source>
        <translation>Awaiting filing</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="201" />
        <source>恢复密钥重置密码</source>
        <translation>Password reset with recovery key</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="202" />
        <source>承办法官</source>
        <translation>Judge in charge</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="203" />
        <source>拒绝机器结果</source>
        <translation>Rejected machine output</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="204" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="205" />
        <source>数据交换</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="206" />
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="207" />
        <location filename="../../widgets/terms.py" line="368" />
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="208" />
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="209" />
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="210" />
        <source>时间 (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="211" />
        <source>显示名称</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="212" />
        <source>普通程序</source>
        <translation>Ordinary procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="213" />
        <source>查看案件</source>
        <translation>Viewed case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="214" />
        <source>案件类型</source>
        <translation>Case type</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="215" />
        <location filename="../../widgets/terms.py" line="356" />
        <location filename="../../widgets/terms.py" line="440" />
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="216" />
        <location filename="../../widgets/terms.py" line="334" />
        <location filename="../../widgets/terms.py" line="357" />
        <location filename="../../widgets/terms.py" line="441" />
        <source>案由</source>
        <translation>Cause of action</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="217" />
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="218" />
        <source>法院代字</source>
        <translation>Court code</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="219" />
        <source>法院名称</source>
        <translation>Court name</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="220" />
        <location filename="../../widgets/terms.py" line="346" />
        <location filename="../../widgets/terms.py" line="370" />
        <location filename="../../widgets/terms.py" line="444" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="221" />
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="222" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="223" />
        <source>电子卷宗</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="224" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="225" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="226" />
        <source>登录失败</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="227" />
        <source>空闲自动锁定（分钟）</source>
        <translation>Auto-lock after idle (min)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="228" />
        <location filename="../../widgets/terms.py" line="358" />
        <location filename="../../widgets/terms.py" line="443" />
        <source>立案日期</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="229" />
        <source>简易程序</source>
        <translation>Simplified procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="230" />
        <source>管理员</source>
        <translation>IT administrator</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="231" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="232" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="233" />
        <source>解锁失败</source>
        <translation>Failed unlock</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="234" />
        <source>解除账户锁定</source>
        <translation>Cleared lock-out</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="235" />
        <source>解除锁定</source>
        <translation>Clear lock-out</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="236" />
        <source>诉讼地位</source>
        <translation>Role in case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="237" />
        <location filename="../../widgets/terms.py" line="361" />
        <location filename="../../widgets/terms.py" line="445" />
        <source>诉讼请求</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="238" />
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="239" />
        <source>语音识别模型目录</source>
        <translation>Speech model folder</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="240" />
        <source>身份证号/信用代码</source>
        <translation>ID / credit code</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="241" />
        <source>连续输错密码锁定次数</source>
        <translation>Wrong passwords before lock-out</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="242" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="243" />
        <source>采纳机器结果</source>
        <translation>Accepted machine output</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="244" />
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="245" />
        <source>锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="251" />
        <source>审判组织</source>
        <translation>Bench</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="252" />
        <source>独任审判</source>
        <translation>Single judge</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="253" />
        <source>合议庭</source>
        <translation>Collegial panel</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="259" />
        <source>审判长</source>
        <translation>Presiding judge</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="261" />
        <source>人民陪审员</source>
        <translation>People's assessor</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="262" />
        <location filename="../../widgets/terms.py" line="281" />
        <location filename="../../widgets/terms.py" line="359" />
        <source>原告</source>
        <translation>Plaintiff</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="263" />
        <location filename="../../widgets/terms.py" line="282" />
        <location filename="../../widgets/terms.py" line="360" />
        <source>被告</source>
        <translation>Defendant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="264" />
        <source>原告代理人</source>
        <translation>Plaintiff's agent</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="265" />
        <source>被告代理人</source>
        <translation>Defendant's agent</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="266" />
        <location filename="../../widgets/terms.py" line="283" />
        <source>第三人</source>
        <translation>Third party</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="267" />
        <source>第三人代理人</source>
        <translation>Third party's agent</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="268" />
        <source>上诉人</source>
        <translation>Appellant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="269" />
        <source>被上诉人</source>
        <translation>Appellee</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="270" />
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="271" />
        <source>被申请人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="272" />
        <source>证人</source>
        <translation>Witness</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="273" />
        <source>鉴定人</source>
        <translation>Expert witness</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="275" />
        <source>法官助理</source>
        <translation>Judge's assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="276" />
        <source>未识别</source>
        <translation>Unidentified</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="284" />
        <source>自然人</source>
        <translation>Natural person</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="285" />
        <source>法人</source>
        <translation>Legal person</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="286" />
        <source>非法人组织</source>
        <translation>Unincorporated organisation</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="291" />
        <source>卷宗封面</source>
        <translation>Dossier cover</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="292" />
        <source>卷内目录</source>
        <translation>Table of contents</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="293" />
        <source>起诉状</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="294" />
        <location filename="../../widgets/terms.py" line="383" />
        <source>受理案件通知书</source>
        <translation>Notice of acceptance</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="295" />
        <source>诉讼费用材料</source>
        <translation>Litigation fee documents</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="296" />
        <source>应诉通知书</source>
        <translation>Notice to respond</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="297" />
        <source>举证通知书</source>
        <translation>Notice on evidence</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="298" />
        <source>答辩状</source>
        <translation>Defence</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="299" />
        <source>授权委托书</source>
        <translation>Power of attorney</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="300" />
        <source>身份证明材料</source>
        <translation>Identity documents</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="301" />
        <source>证据材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="302" />
        <source>询问笔录</source>
        <translation>Interview record</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="303" />
        <source>调解笔录</source>
        <translation>Mediation record</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="304" />
        <location filename="../../widgets/terms.py" line="382" />
        <source>传票</source>
        <translation>Summons</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="305" />
        <source>开庭公告</source>
        <translation>Hearing announcement</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="307" />
        <source>调解书</source>
        <translation>Mediation statement</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="308" />
        <source>判决书</source>
        <translation>Judgment</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="309" />
        <source>裁定书</source>
        <translation>Ruling</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="310" />
        <source>宣判笔录</source>
        <translation>Pronouncement record</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="311" />
        <source>送达回证</source>
        <translation>Proof of service</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="312" />
        <source>上诉状</source>
        <translation>Appeal petition</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="313" />
        <source>备考表</source>
        <translation>Reference sheet</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="314" />
        <source>其他材料</source>
        <translation>Other materials</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="319" />
        <source>录音中</source>
        <translation>Recording</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="320" />
        <source>录音中断</source>
        <translation>Recording interrupted</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="321" />
        <source>已录音</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="322" />
        <source>转写中</source>
        <translation>Transcribing</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="323" />
        <source>转写中断</source>
        <translation>Transcription interrupted</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="324" />
        <source>待核对</source>
        <translation>To check</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="325" />
        <source>已核对</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="326" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="327" />
        <source>发言人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="328" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="329" />
        <location filename="../../widgets/terms.py" line="345" />
        <source>置信度</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="330" />
        <source>补正</source>
        <translation>correction request</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="331" />
        <source>编辑</source>
        <translation>edit</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="333" />
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="335" />
        <source>法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="336" />
        <source>热词</source>
        <translation>Hot word</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="337" />
        <source>法律用语</source>
        <translation>Legal term</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="342" />
        <source>页号</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="343" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="344" />
        <location filename="../../widgets/terms.py" line="374" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="347" />
        <source>依据</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="349" />
        <source>文件名称</source>
        <translation>Document title</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="350" />
        <source>起止页号</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="351" />
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="352" />
        <location filename="../../widgets/terms.py" line="428" />
        <source>待确认</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="353" />
        <location filename="../../widgets/terms.py" line="429" />
        <source>已确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="354" />
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="355" />
        <source>人工</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="366" />
        <source>署名与审判组织不符</source>
        <translation>Signature block differs from the bench</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="367" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="369" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="371" />
        <source>创建人</source>
        <translation>Created by</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="372" />
        <source>段落</source>
        <translation>Paragraph</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="373" />
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="375" />
        <source>问题</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="376" />
        <source>模板生成</source>
        <translation>From template</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="377" />
        <source>导入修改稿</source>
        <translation>Import revised draft</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="378" />
        <source>已确认机器内容</source>
        <translation>Machine text confirmed</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="379" />
        <source>已退回机器内容</source>
        <translation>Machine text rejected</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="380" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="381" />
        <source>已签发</source>
        <translation>Signed off</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="384" />
        <source>庭审笔录_首部</source>
        <translation>Hearing record (heading)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="385" />
        <source>民事判决书_普通程序</source>
        <translation>Civil judgment (ordinary procedure)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="386" />
        <source>民事判决书_简易程序</source>
        <translation>Civil judgment (simplified procedure)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="387" />
        <source>民事裁定书_准许撤诉</source>
        <translation>Civil ruling (withdrawal allowed)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="388" />
        <source>民事裁定书_驳回起诉</source>
        <translation>Civil ruling (complaint dismissed)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="389" />
        <source>民事调解书</source>
        <translation>Civil mediation statement</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="390" />
        <source>案号格式</source>
        <translation>Case number format</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="391" />
        <source>案号年度</source>
        <translation>Case number year</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="392" />
        <source>案号前后不一致</source>
        <translation>Inconsistent case numbers</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="393" />
        <source>案号与案件记录不符</source>
        <translation>Case number differs from the case record</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="394" />
        <source>当事人名称不一致</source>
        <translation>Inconsistent party names</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="395" />
        <source>主文中的非当事人</source>
        <translation>Non-party in the operative part</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="396" />
        <source>当事人与案件记录不符</source>
        <translation>Parties differ from the case record</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="397" />
        <source>金额大小写不符</source>
        <translation>Amount in words and figures differ</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="398" />
        <source>合计金额不符</source>
        <translation>Total does not add up</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="399" />
        <source>受理费计算</source>
        <translation>Court fee calculation</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="400" />
        <source>受理费与收费标准不符</source>
        <translation>Court fee differs from the fee schedule</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="401" />
        <source>受理费减半与审理程序不符</source>
        <translation>Halved court fee does not match the procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="402" />
        <source>日期不存在</source>
        <translation>Nonexistent date</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="403" />
        <source>日期先后</source>
        <translation>Date order</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="404" />
        <source>落款日期格式</source>
        <translation>Signature date format</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="405" />
        <source>日期与案件记录不符</source>
        <translation>Date differs from the case record</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="406" />
        <source>缺少必备部分</source>
        <translation>Missing required section</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="407" />
        <source>判项编号</source>
        <translation>Numbering of the operative items</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="408" />
        <source>上诉法院</source>
        <translation>Appeal court</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="409" />
        <source>法律名称不规范</source>
        <translation>Non-standard law title</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="410" />
        <source>法条序号格式</source>
        <translation>Article number format</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="411" />
        <source>引用已废止法律</source>
        <translation>Repealed law cited</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="412" />
        <source>迟延履行利息条款</source>
        <translation>Late performance interest clause</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="413" />
        <source>引用的法条不存在</source>
        <translation>Cited article does not exist</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="414" />
        <source>引用尚未施行的法律</source>
        <translation>Law cited before it took effect</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="415" />
        <source>司法解释名称与文号不符</source>
        <translation>Interpretation title does not match its number</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="416" />
        <source>算式计算有误</source>
        <translation>Written calculation does not compute</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="417" />
        <source>当事人诉讼地位不一致</source>
        <translation>Party called by the wrong role</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="418" />
        <source>匿名处理前后不一致</source>
        <translation>Anonymisation inconsistent</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="419" />
        <source>缺少迟延履行告知</source>
        <translation>Late-performance notice missing</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="420" />
        <source>部分支持未驳回其他诉讼请求</source>
        <translation>Partial award without dismissing the other claims</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="421" />
        <source>诉讼请求与案件记录不符</source>
        <translation>Claims differ from the case record</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="422" />
        <source>陈述人与诉讼地位不符</source>
        <translation>Statement attributed to the wrong side</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="423" />
        <source>同一款项数额前后不一致</source>
        <translation>One item written with two different amounts</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="430" />
        <source>已发送</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="431" />
        <source>被拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="432" />
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="433" />
        <source>暂存（等待缺号）</source>
        <translation>Held (waiting for a missing sequence number)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="434" />
        <source>已处理</source>
        <translation>Processed</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="435" />
        <source>已隔离</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="436" />
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="437" />
        <source>确认</source>
        <translation>Acknowledgement</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="438" />
        <source>补发请求</source>
        <translation>Resend request</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="439" />
        <source>密钥更新</source>
        <translation>Key update</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="442" />
        <source>程序</source>
        <translation>Procedure</translation>
    </message>
</context>
<context>
    <name>transcript</name>
    <message>
        <location filename="../../widgets/transcript_shading.py" line="24" />
        <source>%1 秒 · 把握 %2</source>
        <translation>%1 s · confidence %2</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_shading.py" line="24" />
        <source>（已由书记员修改）</source>
        <translation> (edited by the clerk)</translation>
    </message>
    <message>
        <location filename="../../widgets/transcript_shading.py" line="25" />
        <source>书记员添加的文字</source>
        <translation>Text added by the clerk</translation>
    </message>
</context>
</TS>