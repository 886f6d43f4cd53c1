<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message>
        <location filename="../../widgets/common.py" line="19" />
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../widgets/common.py" line="27" />
        <source>超期 %n 天</source>
        <translation>%n days overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/common.py" line="29" />
        <source>今日到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../widgets/common.py" line="30" />
        <source>剩余 %n 天</source>
        <translation>%n days left</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="24" />
        <source>按用户、操作或对象筛选</source>
        <translation>Filter by user, action or target</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="26" />
        <source>校验哈希链(&amp;V)</source>
        <translation>&amp;Verify hash chain</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="64" />
        <source>正在校验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="70" />
        <source>审计日志完整：%1 条，链头 %2</source>
        <translation>Audit log intact: %1 entries, head %2</translation>
    </message>
    <message>
        <location filename="../../widgets/audit_viewer.py" line="74" />
        <source>审计日志被篡改：第 %1 条，%2</source>
        <translation>Audit log tampered: entry %1, %2</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location filename="../../widgets/case_detail.py" line="37" />
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../widgets/case_detail.py" line="55" />
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <location filename="../../widgets/case_form.py" line="29" />
        <source>修改案件</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="29" />
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="40" />
        <source>普通程序</source>
        <translation>Ordinary procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="41" />
        <source>简易程序</source>
        <translation>Simplified procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="49" />
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="59" />
        <location filename="../../widgets/case_form.py" line="60" />
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="70" />
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="71" />
        <source>案由(&amp;C)</source>
        <translation>&amp;Cause</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="72" />
        <source>审理程序</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="73" />
        <source>立案日期(&amp;D)</source>
        <translation>Filing &amp;date</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="74" />
        <source>延长审限</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="75" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="76" />
        <source>承办法官</source>
        <translation>Judge in charge</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="77" />
        <source>书记员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="78" />
        <source>诉讼请求</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="84" />
        <source>添加当事人(&amp;A)</source>
        <translation>&amp;Add party</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="87" />
        <source>删除所选(&amp;R)</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="98" />
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="99" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="104" />
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="150" />
        <source>格式：（年度）法院代字类型代字序号号</source>
        <translation>Format: (year) court code, type code, number, 号</translation>
    </message>
    <message>
        <location filename="../../widgets/case_form.py" line="159" />
        <source>有效：</source>
        <translation>Valid: </translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <location filename="../../widgets/case_list.py" line="79" />
        <source>搜索案号、当事人、案由…（Ctrl+F）</source>
        <translation>Search case number, party, cause… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="83" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="151" />
        <source>共 %n 件</source>
        <translation>%n cases</translation>
    </message>
    <message>
        <location filename="../../widgets/case_list.py" line="155" />
        <source>查询失败：</source>
        <translation>Query failed: </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../widgets/lock_screen.py" line="21" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../widgets/lock_screen.py" line="24" />
        <source>用户：</source>
        <translation>User: </translation>
    </message>
    <message>
        <location filename="../../widgets/lock_screen.py" line="28" />
        <source>输入密码解锁</source>
        <translation>Enter password to unlock</translation>
    </message>
    <message>
        <location filename="../../widgets/lock_screen.py" line="30" />
        <source>解锁(&amp;U)</source>
        <translation>&amp;Unlock</translation>
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
        <location filename="../../widgets/main_window.py" line="74" />
        <source>审判辅助系统</source>
        <translation>Trial Assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="76" />
        <source> 【演示库 DEMO，请勿录入真实案件】</source>
        <translation> [DEMO store: do not enter real cases]</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="101" />
        <source>修改案件(&amp;E)</source>
        <translation>&amp;Edit case</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="114" />
        <source>案件信息</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="124" />
        <source>操作记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="130" />
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="137" />
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="138" />
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="143" />
        <source>数据交换</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="144" />
        <source>信息技术管理员不能查看案件内容。</source>
        <translation>IT administrators cannot see case content.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="155" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="157" />
        <source>新建案件(&amp;N)</source>
        <translation>&amp;New case</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="161" />
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="165" />
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="170" />
        <source>查找案件</source>
        <translation>Find case</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="174" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="175" />
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="178" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="179" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="223" />
        <source>关于</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../widgets/users_panel.py" line="18" />
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="27" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="28" />
        <source>显示名称</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="29" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="30" />
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="19" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="41" />
        <source>由管理策略设定（%1），不能在此修改</source>
        <translation>Set by machine policy (%1); cannot be changed here</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="54" />
        <source>部分设置在重新登录后生效。</source>
        <translation>Some settings take effect at the next login.</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../widgets/users_panel.py" line="54" />
        <source>新建用户(&amp;N)</source>
        <translation>&amp;New user</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="54" />
        <source>停用/启用</source>
        <translation>Disable/enable</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="55" />
        <location filename="../../widgets/users_panel.py" line="112" />
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="55" />
        <source>解除锁定</source>
        <translation>Clear lock-out</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="72" />
        <location filename="../../widgets/users_panel.py" line="104" />
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="72" />
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="73" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="98" />
        <source>已新建用户</source>
        <translation>User created</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="105" />
        <source>已更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="112" />
        <source>新密码：</source>
        <translation>New password:</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="114" />
        <source>密码已重置</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../widgets/users_panel.py" line="120" />
        <source>已解除锁定</source>
        <translation>Lock-out cleared</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <location filename="../../widgets/terms.py" line="13" />
        <source>15天内到期</source>
        <translation>Due within 15 days</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="14" />
        <source>30天内到期</source>
        <translation>Due within 30 days</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="15" />
        <source>7天内到期</source>
        <translation>Due within 7 days</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="16" />
        <source>中止</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="17" />
        <source>书记员</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="18" />
        <source>交换目录</source>
        <translation>Exchange folder</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="19" />
        <source>交换目录扫描间隔（秒）</source>
        <translation>Inbox scan interval (s)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="20" />
        <source>代理人信息</source>
        <translation>Agent details</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="21" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="22" />
        <source>修改后采纳机器结果</source>
        <translation>Accepted machine output with changes</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="23" />
        <source>修改密码</source>
        <translation>Changed password</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="24" />
        <source>修改案件</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="25" />
        <source>修改设置</source>
        <translation>Changed settings</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="26" />
        <source>停用用户</source>
        <translation>Disabled user</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="27" />
        <source>全部期限</source>
        <translation>All deadlines</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="28" />
        <source>创建案件库</source>
        <translation>Created store</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="29" />
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="30" />
        <source>启用卷宗自动归目辅助</source>
        <translation>Enable dossier cataloguing assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="31" />
        <source>启用文书辅助审查</source>
        <translation>Enable document review assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="32" />
        <source>启用文书辅助生成</source>
        <translation>Enable drafting assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="33" />
        <source>启用用户</source>
        <translation>Enabled user</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="34" />
        <source>启用语音转写辅助</source>
        <translation>Enable transcription assistant</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="35" />
        <source>姓名/名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="36" />
        <source>委托代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="37" />
        <source>审判员</source>
        <translation>Judge</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="38" />
        <source>审理中</source>
        <translation>In trial</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="39" />
        <source>审理程序</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="40" />
        <source>审限剩余</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="41" />
        <source>审限届满</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="42" />
        <source>审限预警天数</source>
        <translation>Deadline warning (days)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="43" />
        <source>密码锁定时长（分钟）</source>
        <translation>Lock-out duration (min)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="44" />
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="45" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="46" />
        <source>已归档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="47" />
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="48" />
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="49" />
        <source>平台公钥（指纹或文件）</source>
        <translation>Platform key (fingerprint or file)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="50" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="51" />
        <source>庭审笔录</source>
        <translation>Hearing records</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="52" />
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="53" />
        <source>待立案</source>
        <translation>Awaiting filing</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="54" />
        <source>恢复密钥重置密码</source>
        <translation>Password reset with recovery key</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="55" />
        <source>承办法官</source>
        <translation>Judge in charge</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="56" />
        <source>拒绝机器结果</source>
        <translation>Rejected machine output</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="57" />
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="58" />
        <source>数据目录</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="59" />
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="60" />
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="61" />
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="62" />
        <source>时间 (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="63" />
        <source>显示名称</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="64" />
        <source>普通程序</source>
        <translation>Ordinary procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="65" />
        <source>查看案件</source>
        <translation>Viewed case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="66" />
        <source>案件类型</source>
        <translation>Case type</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="67" />
        <source>案号</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="68" />
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="69" />
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="70" />
        <source>法院代字</source>
        <translation>Court code</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="71" />
        <source>法院名称</source>
        <translation>Court name</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="72" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="73" />
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="74" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="75" />
        <source>电子卷宗</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="76" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="77" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="78" />
        <source>登录失败</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="79" />
        <source>空闲自动锁定（分钟）</source>
        <translation>Auto-lock after idle (min)</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="80" />
        <source>立案日期</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="81" />
        <source>简易程序</source>
        <translation>Simplified procedure</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="82" />
        <source>管理员</source>
        <translation>IT administrator</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="83" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="84" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="85" />
        <source>解锁失败</source>
        <translation>Failed unlock</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="86" />
        <source>解除账户锁定</source>
        <translation>Cleared lock-out</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="87" />
        <source>解除锁定</source>
        <translation>Clear lock-out</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="88" />
        <source>诉讼地位</source>
        <translation>Role in case</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="89" />
        <source>诉讼请求</source>
        <translation>Claims</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="90" />
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="91" />
        <source>语音识别模型目录</source>
        <translation>Speech model folder</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="92" />
        <source>身份证号/信用代码</source>
        <translation>ID / credit code</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="93" />
        <source>连续输错密码锁定次数</source>
        <translation>Wrong passwords before lock-out</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="94" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="95" />
        <source>采纳机器结果</source>
        <translation>Accepted machine output</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="96" />
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../widgets/terms.py" line="97" />
        <source>锁定</source>
        <translation>Locked</translation>
    </message>
</context>
</TS>