<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../admin/screen.py" line="+338"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service providers</source>
        <translation>服务机构</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="+139"/>
        <source>Creating demo applications…</source>
        <extracomment>Start-up hook for measurements (tests/bench/probe.py, not shipped): when $TOWNSHIP_STARTUP_HOOK names an importable module, its ``install(app)`` runs first and the object it returns is told ``attached(window)`` once the screens are built (the automatic backups then stay off: a benchmark times start-up alone). Unset: nothing.</extracomment>
        <translation>正在生成演示办件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Creating demo applications… %1</source>
        <translation>正在生成演示办件… %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong. What you saved is safe. The details were written to the log file; if it happens again, tell the administrator.</source>
        <translation>程序出现意外错误。已保存的内容不受影响。详细情况已写入日志文件；如再次出现，请告知管理员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong. What you saved is safe. If it happens again, tell the administrator.</source>
        <translation>程序出现意外错误。已保存的内容不受影响。如再次出现，请告知管理员。</translation>
    </message>
    <message>
        <location line="+30"/>
        <location filename="../main_window.py" line="+132"/>
        <source>Social Assistance Window</source>
        <translation>社会救助一门受理窗口</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+22"/>
        <location line="+43"/>
        <source>The database is damaged</source>
        <extracomment>Above this size ``PRAGMA quick_check`` (which reads the whole file: ~2 s per GB here) runs on its own thread while the clerk logs in and works, instead of before the login dialog; a problem it finds still offers the newest good backup.</extracomment>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Restore this backup</source>
        <translation>恢复该备份</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Already running</source>
        <translation>程序已在运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The program is already running with this data folder. Switch to that window.</source>
        <translation>程序已在运行，正在使用该数据目录。请切换到已打开的窗口。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot open the data folder</source>
        <translation>无法打开数据目录</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../applications/screen.py" line="+73"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Items</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+90"/>
        <source> (emergency)</source>
        <translation>（急难）</translation>
    </message>
</context>
<context>
    <name>ApplicationsScreen</name>
    <message>
        <location line="+29"/>
        <source>Name, pinyin initials (e.g. zs), part of an ID number, or document number</source>
        <translation>姓名、拼音首字母（如 zs）、身份证号片段或文书编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake date</source>
        <translation>按受理日期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Showing the newest %1; narrow the search to see others.</source>
        <translation>仅显示最新的 %1 件，请缩小查询范围查看其他办件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 application(s)</source>
        <translation>共 %1 件</translation>
    </message>
</context>
<context>
    <name>AssessmentPanel</name>
    <message>
        <location filename="../intake/assessment.py" line="+73"/>
        <source>Needs assessment (suggestions only)</source>
        <translation>救助需求综合评估（仅供参考）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Suggestions from the entered household data; whether an item is requested is for the applicant and the clerk.</source>
        <translation>以上根据已填写的家庭情况自动提示；是否申请由申请人和经办人决定。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter the household, its incomes and circumstances: the items it may qualify for appear here.</source>
        <translation>填写家庭成员、收入和困难情况后，这里提示可能符合的救助事项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Standard</source>
        <translation>低保标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members counted</source>
        <translation>计入人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gross income</source>
        <translation>毛收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not counted / deducted</source>
        <translation>不计入／扣减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net income (compared)</source>
        <translation>计算收入（用于比较）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subsistence top-up</source>
        <translation>低保补差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Property</source>
        <translation>财产</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 %2 yuan a person a month (%3); edge %4 yuan</source>
        <translation>%1 每人每月 %2 元（%3）；低保边缘 %4 元</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 yuan a month in total, %2 yuan per person (%3 people)</source>
        <translation>家庭月收入 %1 元，人均 %2 元（%3 人）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 yuan a month in total, %2 yuan per person</source>
        <translation>家庭月收入 %1 元，人均 %2 元</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>%1 × %2 people − %3 = %4 yuan a month</source>
        <translation>%1 元 × %2 人 − %3 元 = %4 元/月</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>None (net income not below the standard)</source>
        <translation>无（计算收入不低于低保标准）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None: property exceeds the local limits (not eligible for 低保)</source>
        <translation>无：财产超过当地规定（不符合低保条件）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 of %2 people counted</source>
        <translation>共 %2 人，计入 %1 人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; not counted: %1</source>
        <translation>；不计入：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not counted: %1 %2 yuan</source>
        <translation>不计入%1 %2 元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>employment cost deducted: %1 yuan</source>
        <translation>扣除就业成本 %1 元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No item suggested for the household as entered.</source>
        <translation>按已填写的情况，暂无提示的救助事项。</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+21"/>
        <source>Ado&amp;pt</source>
        <translation>采纳(&amp;P)</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Adopt</source>
        <translation>采纳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>不采纳</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tick “%1” in the requested items</source>
        <translation>在申请事项中勾选“%1”</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+23"/>
        <source>&amp;Dismiss</source>
        <translation>不采纳(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+69"/>
        <source>Not requested this time (remembered for this application)</source>
        <translation>本次不申请（本件登记中记住此选择）</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Adopted</source>
        <translation>已采纳</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismissed</source>
        <translation>未采纳</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Requested: untick the item to withdraw it</source>
        <translation>已申请：如不申请，请在申请事项中取消勾选</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../dynamic/leads.py" line="+219"/>
        <source>Assign a lead</source>
        <translation>分派线索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. the village assistant</source>
        <translation>如：村协理员姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who goes to see</source>
        <translation>走访责任人</translation>
    </message>
</context>
<context>
    <name>AuditDetail</name>
    <message>
        <location filename="../admin/audit.py" line="+79"/>
        <source>unknown username</source>
        <translation>用户名不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account deactivated</source>
        <translation>账户已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no password set</source>
        <translation>尚未设置密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account locked</source>
        <translation>账户已锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>role not allowed</source>
        <translation>角色无此权限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>start-up check</source>
        <translation>启动检查</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Idle lock (minutes)</source>
        <translation>自动锁屏（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup mirror folder</source>
        <translation>备份镜像目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups kept</source>
        <translation>备份保留策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal periods</source>
        <translation>救济期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Township confirms</source>
        <translation>乡镇审核确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working-day changes</source>
        <translation>工作日调整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holiday calendars</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 entries</source>
        <translation>%1 项</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 recent, %2 days, %3 weeks, %4 months</source>
        <translation>最近 %1 份、按日 %2、按周 %3、按月 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>review %1 days, reconsideration %2 days, litigation %3 months</source>
        <translation>复查 %1 天、行政复议 %2 天、行政诉讼 %3 个月</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>emergency</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>account: %1</source>
        <translation>账户：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failure no. %1</source>
        <translation>第 %1 次失败</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 characters typed as username</source>
        <translation>用户名处输入了 %1 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to void</source>
        <translation>用于作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>confirmed by %1</source>
        <translation>确认人：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>print no. %1</source>
        <translation>第 %1 次打印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 people</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>backup %1</source>
        <translation>备份 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 applications</source>
        <translation>%1 件申请</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mirror failed: %1</source>
        <translation>镜像失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restored from %1</source>
        <translation>恢复自 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 villages</source>
        <translation>%1 个村（社区）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location line="+13"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <location line="-224"/>
        <source>All actions</source>
        <extracomment>(label, action codes or &quot;prefix.&quot; prefixes) for the action filter.</extracomment>
        <translation>全部操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applications and decisions</source>
        <translation>登记与受理决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logins and screen locks</source>
        <translation>登录与锁屏</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor confirmations</source>
        <translation>负责人确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passwords</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full ID numbers viewed</source>
        <translation>查看完整证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups and restores</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export and import</source>
        <translation>导出与导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve fund</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location line="+234"/>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Application number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Select a row to see everything recorded with it.</source>
        <translation>选中一行可查看该条记录的全部内容。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Load older entries</source>
        <translation>加载更早的记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify integrity</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checks the database, the chained audit trail and every issued document&apos;s file</source>
        <translation>检查数据库、链式操作日志以及每份已出具文书的文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 entries shown</source>
        <translation>已显示 %1 条</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Everything checks out: the database, %1 audit entries in an unbroken chain, and %2 document files.</source>
        <translation>校验通过：数据库完好，%1 条操作日志链条完整，%2 个文书文件无改动。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problems found:</source>
        <translation>发现问题：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Noted:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>AutoBackups</name>
    <message>
        <location filename="../admin/backups.py" line="+375"/>
        <location line="+12"/>
        <source>Automatic backup failed: %1</source>
        <translation>自动备份失败：%1</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Backed up, but not copied to the mirror folder: %1</source>
        <translation>已备份，但未能复制到镜像目录：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backed up at %1</source>
        <translation>已于 %1 自动备份</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location line="-317"/>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Audit entries</source>
        <translation>日志条数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Damaged</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation>完好</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <location line="+55"/>
        <source>The app backs up the database when it starts, when it closes and once a day, and keeps a thinned series. Restoring replaces all data with the chosen backup; the current data is backed up first, and exports pause until an administrator confirms.</source>
        <translation>程序在启动、退出时以及每天自动备份数据库，并按策略保留。恢复会用所选备份替换全部数据；恢复前会先备份当前数据，恢复后暂停导出，直至管理员确认。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open backups folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No mirror folder is set: backups stay on this disk only. An administrator can set one under Settings.</source>
        <translation>未设置备份镜像目录：备份只保存在本机硬盘上。管理员可在“设置”中指定。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mirror folder %1 is not available (is the USB stick plugged in?).</source>
        <translation>镜像目录 %1 不可用（U 盘是否已插好？）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mirror folder %1 holds %2 backup(s).</source>
        <translation>镜像目录 %1 中有 %2 份备份。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backup written: %1</source>
        <translation>已写入备份：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not copied to the mirror folder: %1</source>
        <translation>未能复制到镜像目录：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Replace ALL current data with the backup made on %1 (%2)?

It holds %3 applications, %4 documents and %5 audit entries.

The current data is backed up first. Afterwards exports pause until an administrator confirms, and everyone must log in again.</source>
        <translation>用 %1 的备份（%2）替换当前的全部数据吗？

该备份包含 %3 件申请、%4 份文书、%5 条操作日志。

恢复前会先备份当前数据。恢复后暂停导出，直至管理员确认；所有人需重新登录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
</context>
<context>
    <name>BandHint</name>
    <message>
        <location filename="../tracking/temporary_dialogs.py" line="+75"/>
        <source>%1 %2 (%3–%4 yuan)</source>
        <extracomment>Statuses a material may get at 补齐手续 (the service&apos;s PAPERWORK_STATUSES).</extracomment>
        <translation>%1%2（%3–%4 元）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Band of this amount: %1</source>
        <translation>本金额建议档次：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Above every band of the township: the county decides</source>
        <translation>超过乡镇全部档次，须报县审批</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Band usual for this cause: %1</source>
        <translation>按求助原因通常为：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the amount or the cause to see the suggested band.</source>
        <translation>填写金额或求助原因后显示建议档次。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A suggestion only: the clerk decides.</source>
        <translation>仅供参考，由经办人决定。</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../reserve/dialogs.py" line="+180"/>
        <source>Submit payments to the county (reimbursement)</source>
        <translation>向县报账</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not submitted yet: %1 payment(s), %2 yuan net of money given back.</source>
        <translation>尚未报账：支付 %1 笔，扣除退回后 %2 元。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optional, e.g. 11月报账</source>
        <translation>可不填，例如 11月报账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments up to</source>
        <translation>报账截至</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit</source>
        <translation>报账</translation>
    </message>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="+635"/>
        <location line="+9"/>
        <source>No item is waiting for this step.</source>
        <translation>没有等待此环节的事项。</translation>
    </message>
</context>
<context>
    <name>CareButton</name>
    <message>
        <location filename="../dynamic/care.py" line="+589"/>
        <source>Care (extreme poverty)…</source>
        <translation>特困照料…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-care assessment, centralised or dispersed support and the entrusted care agreement</source>
        <translation>生活自理能力评估、集中或分散供养、委托照料协议</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <location line="-528"/>
        <source>Eats unaided</source>
        <extracomment>Labels shown on screen (English sources, translated; the printed words are the rules&apos;).</extracomment>
        <translation>自主吃饭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dresses unaided</source>
        <translation>自主穿衣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gets in and out of bed unaided</source>
        <translation>自主上下床</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uses the toilet unaided</source>
        <translation>自主如厕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walks indoors unaided</source>
        <translation>室内自主行走</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bathes unaided</source>
        <translation>自主洗澡</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Able to care for themself</source>
        <translation>具备生活自理能力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly lost self-care</source>
        <translation>部分丧失生活自理能力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wholly lost self-care</source>
        <translation>完全丧失生活自理能力</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Centralised (in an institution)</source>
        <translation>集中供养</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispersed (at home)</source>
        <translation>分散供养</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relative or friend</source>
        <translation>亲友</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Village (residents&apos;) committee</source>
        <translation>村（居）民委员会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care institution</source>
        <translation>供养服务机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social organisation or social work agency</source>
        <translation>社会组织／社会工作服务机构</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Daily looking-after</source>
        <translation>日常看护</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal care</source>
        <translation>生活照料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company in hospital</source>
        <translation>住院陪护</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meals</source>
        <translation>助餐送餐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleaning</source>
        <translation>居室清洁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errands</source>
        <translation>代购代办</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Self-care assessment and entrusted care</source>
        <translation>生活自理能力评估与委托照料</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1&#x3000;support for persons in extreme poverty</source>
        <translation>%1&#x3000;特困人员救助供养</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Names separated by spaces, at least two</source>
        <translation>姓名之间用空格分隔，至少两人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Can</source>
        <translation>能</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot</source>
        <translation>不能</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Self-care (six indicators, 民发〔2021〕43号)</source>
        <translation>生活自理能力（6项指标，民发〔2021〕43号）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>e.g. the township&apos;s home for the elderly</source>
        <translation>例：本镇敬老院</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entrusted care agreement (dispersed support)</source>
        <translation>委托照料协议（分散供养）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. nephew, neighbour</source>
        <translation>例：侄子、邻居</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Caretaker kind</source>
        <translation>照料人类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caretaker (name or organisation)</source>
        <translation>照料人（姓名或机构）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relation to the person</source>
        <translation>与特困人员关系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caretaker&apos;s phone</source>
        <translation>照料人电话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caretaker&apos;s address</source>
        <translation>照料人住址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Services</source>
        <translation>照料服务内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Term</source>
        <translation>协议期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Care standard</source>
        <translation>照料护理标准</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person assessed</source>
        <translation>被评估人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assessment date</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assessors</source>
        <translation>评估人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Support</source>
        <translation>供养方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Institution</source>
        <translation>供养服务机构</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save and print</source>
        <translation>保存并打印</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Answer all six indicators (%1 of 6 answered)</source>
        <translation>请逐项评估6项指标（已评估 %1 项）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — %2 of 6 indicators not met</source>
        <translation>%1 — 6项指标中%2项不能达到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 yuan a month (setting in force since %2)</source>
        <translation>每月 %1 元（%2 起执行的标准）</translation>
    </message>
</context>
<context>
    <name>CareModel</name>
    <message>
        <location line="+97"/>
        <source>Application</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Person</source>
        <translation>特困人员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Situation</source>
        <translation>情况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Self-care</source>
        <translation>自理能力</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Support</source>
        <translation>供养方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caretaker</source>
        <translation>照料人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agreement ends</source>
        <translation>协议到期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
</context>
<context>
    <name>CareTab</name>
    <message>
        <location line="-312"/>
        <source>Ends soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired, not renewed</source>
        <translation>已到期，未续签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended early, no new agreement</source>
        <translation>已提前终止，未签新协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No self-care assessment</source>
        <translation>未进行生活自理能力评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispersed, lost self-care, no agreement</source>
        <translation>分散供养失能，未签协议</translation>
    </message>
    <message>
        <location line="+364"/>
        <source>Assess / sign an agreement…</source>
        <translation>评估／签订协议…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>End the agreement…</source>
        <translation>终止协议…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the application</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Every person in extreme poverty supported at home who has lost self-care needs an entrusted care agreement. Agreements ending within %1 days are listed first; default term %2 months (setting since %3).</source>
        <translation>分散供养的失能特困人员须全部签订委托照料协议。上方列出 %1 天内到期的协议；协议默认期限 %2 个月（%3 起执行的设置）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Agreements ending soon (%1)</source>
        <translation>即将到期的委托照料协议（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without an agreement in force (%1)</source>
        <translation>未评估或无有效协议的特困人员（%1）</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The agreement of %1 (%2) was ended.</source>
        <translation>已终止 %1（%2）的委托照料协议。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recorded for %1 (%2); the forms were printed.</source>
        <translation>已为 %1（%2）登记，评估表和协议已生成。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../auth/login.py" line="+400"/>
        <location line="+22"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>An administrator set your password. Choose your own now.</source>
        <translation>您的密码由管理员设置，请现在设置自己的密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, enter your current password and the new one twice.</source>
        <translation>%1，请输入当前密码，并输入两遍新密码。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="-268"/>
        <source>Record the economic-status check</source>
        <translation>登记信息核对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The check report has come back</source>
        <translation>核对报告已返回</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number on the check report</source>
        <translation>核对报告上的编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consistent with the declaration</source>
        <translation>与申报一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Differs from the declaration</source>
        <translation>与申报有出入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What differs and how it was explained</source>
        <translation>有出入的内容及说明情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested on</source>
        <translation>提请核对日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report date</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report number</source>
        <translation>核对报告编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>核对结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discrepancies explained</source>
        <translation>出入说明</translation>
    </message>
</context>
<context>
    <name>ChooseProviderDialog</name>
    <message>
        <location filename="../tracking/providers.py" line="+39"/>
        <source>Choose a service provider</source>
        <translation>选择服务机构</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Provider</source>
        <translation>服务机构</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The referral slip naming the provider is issued now; it goes out with the provider&apos;s handover list. A returned item goes out again with &apos;Refer again&apos;.</source>
        <translation>现在即开具写明该服务机构的转办单，随该机构的转办清单一并送出。退回的事项请用“再次转办”重新送出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose who takes the returned item, then use &apos;Refer again&apos; to issue its new referral slip.</source>
        <translation>请选择承接该退回事项的服务机构，然后用“再次转办”开具新的转办单。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No provider in use offers this service. An administrator adds providers in Administration → Service providers.</source>
        <translation>没有在用的服务机构提供此项服务。请管理员在“系统管理 → 服务机构”中添加。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Services: %1</source>
        <translation>提供服务：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact: %1 %2</source>
        <translation>联系人：%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 of %2 goes to %3: referral slip %4 issued; print it with the provider&apos;s handover list.</source>
        <translation>%2的%1转交%3：已开具转办单 %4，请随该机构的转办清单一并打印。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 goes to %3: refer it again to issue its slip.</source>
        <translation>%2的%1转交%3：请再次转办以开具转办单。</translation>
    </message>
</context>
<context>
    <name>ClockWarning</name>
    <message>
        <location filename="../auth/clock_warning.py" line="+37"/>
        <source>%1 days %2 hours</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 hours %2 minutes</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The computer clock is behind</source>
        <translation>电脑时钟慢了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The computer clock says %1, but the newest record in this program is from %2: the clock is %3 behind.

While the clock is behind, no receipt or other document can be issued: it would be dated before documents already issued.

What to do: quit, set the Windows clock to the correct Beijing time (right-click the time on the taskbar, then “Adjust date/time”), and start the program again.

This warning is recorded in the audit log.</source>
        <translation>电脑时钟显示为 %1，但本程序中最近一条记录的时间是 %2，时钟慢了 %3。

时钟偏慢期间不能出具回执或其他文书，否则文书的日期会早于已经出具的文书。

处理办法：退出程序，把电脑的系统时间改为正确的北京时间（右键单击屏幕右下角的时间，选择“调整日期/时间”），然后重新打开本程序。

本次提示已记入操作日志。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the newest record in this program is from %1</source>
        <translation>本程序中最近一条记录的时间是 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this program holds no records yet</source>
        <translation>本程序中还没有任何记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The computer clock is far ahead</source>
        <translation>电脑时钟超前太多</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The computer clock says %1; %2, and this program was released long before. The clock is %3 ahead.

If the date is wrong, every receipt and document issued now carries the wrong date.

What to do: if the date is wrong, quit and set the Windows clock to the correct Beijing time (right-click the time on the taskbar, then “Adjust date/time”). If the date is right (for example after a long closure), continue.

This warning is recorded in the audit log.</source>
        <translation>电脑时钟显示为 %1；%2，而本程序的发布日期远早于此。时钟超前了 %3。

如果日期不对，现在出具的回执和文书都会带上错误的日期。

处理办法：如果日期不对，请退出程序，把电脑的系统时间改为正确的北京时间（右键单击屏幕右下角的时间，选择“调整日期/时间”）；如果日期确实无误（例如长时间放假后），请继续。

本次提示已记入操作日志。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Quit and correct the clock</source>
        <translation>退出并校正时钟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Continue (look-up only)</source>
        <translation>继续（只能查询）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date is right, continue</source>
        <translation>日期无误，继续</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../dynamic/leads.py" line="+60"/>
        <source>Not eligible</source>
        <translation>不符合条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred elsewhere</source>
        <translation>转介其他渠道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why not eligible</source>
        <translation>不符合条件的原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Department or channel referred to</source>
        <translation>转介到的部门或渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Referred to</source>
        <translation>转介至</translation>
    </message>
</context>
<context>
    <name>ConferenceDialog</name>
    <message>
        <location filename="../tracking/temporary_dialogs.py" line="+86"/>
        <source>Case conference</source>
        <translation>个案会商</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Township ceiling (cumulative): %1 yuan. Above it the case is decided one by one (case conference) and reported to the county for approval.</source>
        <translation>乡镇（街道）临时救助审批额度（累计）：%1 元。超过的一事一议、个案会商，报县审批。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Names separated by 、 or spaces, at least two</source>
        <translation>姓名之间用“、”或空格分隔，至少两人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The township decides (within its ceiling)</source>
        <translation>乡镇（街道）审批（额度以内）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report to the county for approval</source>
        <translation>报县审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No assistance</source>
        <translation>不予救助</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yuan, e.g. 5000</source>
        <translation>元，例：5000</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The case, the opinions and the decision</source>
        <translation>案情、各方意见和会商决定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conference date</source>
        <translation>会商日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision</source>
        <translation>会商决定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minutes</source>
        <translation>会商记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the conference record</source>
        <translation>保存会商记录</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../auth/login.py" line="+28"/>
        <source>Supervisor&apos;s confirmation</source>
        <translation>负责人确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a supervisor or an administrator may do this. Ask them to confirm with their own username and password:</source>
        <translation>此操作只有负责人或管理员可以执行。请负责人用本人的用户名和密码确认：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Supervisor&apos;s username</source>
        <translation>负责人用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CountyDialog</name>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="+160"/>
        <source>County confirmation (paper reply)</source>
        <translation>县级审核确认（纸质回复）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document number on the county&apos;s reply</source>
        <translation>县级回复上的文号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply number</source>
        <translation>回复文号</translation>
    </message>
</context>
<context>
    <name>CountyKeysDialog</name>
    <message>
        <location filename="../sync/keys.py" line="+55"/>
        <source>Import the county&apos;s public keys</source>
        <translation>导入县级公钥</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This key file belongs to %1 %2. This township (%3) is in that county.
Read the fingerprint below to the county on the phone and import only if it matches what they read to you.</source>
        <translation>此密钥文件属于 %1 %2，本乡镇（%3）属于该县。
请与县级电话核对下面的指纹，与对方念出的一致才导入。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key fingerprint (signing and encryption keys):</source>
        <translation>密钥指纹（签名公钥和加密公钥）：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Encryption key: %1</source>
        <translation>加密公钥：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This replaces the county key imported before (%1 %2, fingerprint %3). Every package exported from now on will be encrypted to the new key: only the holder of the new key can read it.</source>
        <translation>将替换此前导入的县级公钥（%1 %2，指纹 %3）。今后导出的每个同步包都将加密给新的密钥：只有新密钥的持有者能够解密。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is the county key already imported.</source>
        <translation>与已导入的县级公钥相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every package exported from now on will be encrypted to this key.</source>
        <translation>今后导出的每个同步包都将加密给此密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="-61"/>
        <source>Township confirmation</source>
        <translation>审核确认（乡镇）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>同意</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused</source>
        <translation>不同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yuan, e.g. 620 (monthly)</source>
        <translation>元，如 620（按月）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The decision; for a refusal the reasons the notice will give</source>
        <translation>审核意见；不同意的，写明告知书中的理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>审核结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assistance period</source>
        <translation>救助期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opinion / reasons</source>
        <translation>意见/理由</translation>
    </message>
</context>
<context>
    <name>DetailDialog</name>
    <message>
        <location filename="../applications/detail.py" line="+736"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DetailDocumentActions</name>
    <message>
        <location filename="../applications/detail_actions.py" line="+54"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Void %1 %2. Reason: %3</source>
        <translation>作废 %1 %2。原因：%3</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Show full ID numbers</source>
        <translation>显示完整证件号</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hide full ID numbers</source>
        <translation>隐藏完整证件号</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../applications/detail.py" line="-568"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+8"/>
        <location line="+150"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-158"/>
        <location line="+8"/>
        <location line="+151"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Sex, birth date</source>
        <translation>性别、出生日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hukou</source>
        <translation>户口性质</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disability</source>
        <translation>残疾情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Household</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Monthly income</source>
        <translation>家庭月收入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requested items</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Closed</source>
        <extracomment>Handling steps (协同办理) and their names in the timeline&apos;s action column; the core&apos;s timeline text starts with the same words (&quot;转办：医疗救助 → 县医保局 …&quot;).</extracomment>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred</source>
        <translation>转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed for by the department</source>
        <translation>部门签收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result reported</source>
        <translation>办理结果反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred again</source>
        <translation>重新转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Re-check</source>
        <translation>复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change report</source>
        <translation>变更申报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency aid paid first</source>
        <translation>先行救助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Above the ceiling: sent to the county</source>
        <translation>超出限额转县级审批</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provider chosen</source>
        <translation>选择服务机构</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Handling progress</source>
        <extracomment>issue 16 — householdgui: 一户一档 of this application&apos;s household (the main window opens 统计与档案 on that tab) Prints one saved PDF -&gt; its PrintReport or None (print dialog; ``remembered``: the remembered printer); tests replace it. Shows the built-in preview of one saved PDF; tests replace it. How the stage dialogs are shown; tests replace it (no modal loop). &quot;已发送到打印机 …&quot; after a print (issue 14)</extracomment>
        <translation>办理进度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handled by</source>
        <translation>办理部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred on</source>
        <translation>转办日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed for</source>
        <translation>签收</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue the notice of results</source>
        <translation>出具办理结果告知书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the notice of handling results for the applicant: every item&apos;s result so far</source>
        <translation>为申请人打印办理结果告知书，列明目前各事项的办理结果</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decide on the waiting item…</source>
        <translation>处理未获认定的事项…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Procedure</source>
        <translation>审核确认程序</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+207"/>
        <source>Counted</source>
        <translation>计入</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own household</source>
        <translation>本人家庭人口</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Can support</source>
        <translation>履行能力</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Legal supporters and guardian</source>
        <translation>法定义务人和监护人</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Handling timeline</source>
        <translation>办理时间线</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Supply missing materials…</source>
        <translation>补正材料…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The applicant brought what the one-time notice asked for: record it and decide again</source>
        <translation>申请人已按一次性告知书补交材料：登记后重新作出决定</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show full ID numbers</source>
        <translation>显示完整证件号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the household&apos;s complete ID numbers; every viewing is recorded</source>
        <translation>显示家庭成员的完整证件号码；每次查看都会记入操作日志</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Household file</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>一户一档: every application, member, result, re-check and document of this household</source>
        <translation>一户一档：该户历次申请、家庭成员、救助结果、复核和文书</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Cannot load this application: %1</source>
        <translation>无法读取该办件：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · emergency</source>
        <translation> · 急难</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  closed on %1</source>
        <translation>  办结日期 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Near relative of a staff member or village (residents&apos;) committee cadre (registered separately): %1</source>
        <translation>经办人员或村（居）干部近亲属（单独登记备案）：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Application %1</source>
        <translation>办件 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Able to support</source>
        <translation>有履行能力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unable to support, or none</source>
        <translation>无履行能力或无义务人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal supporters: %1</source>
        <translation>法定赡养（抚养、扶养）义务人：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal supporters, all told: %1</source>
        <translation>法定义务人总体情况：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (not counted)</source>
        <translation>%1（不计入）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Gross income</source>
        <translation>毛收入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The calculation was not stored at intake</source>
        <translation>受理时未保存核算结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Net income</source>
        <translation>计算收入</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>not counted %1 yuan; employment cost deducted %2 yuan</source>
        <translation>不计入 %1 元；扣除就业成本 %2 元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not counted / deducted</source>
        <translation>不计入／扣减</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+16"/>
        <source>%1 yuan a month; %2 yuan per person (%3 people counted)</source>
        <translation>每月 %1 元；人均 %2 元（计入 %3 人）</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+51"/>
        <source>%1 yuan a month</source>
        <translation>每月 %1 元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proposed top-up</source>
        <translation>拟补差金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 yuan in 12 months, of which %2 yuan reimbursed</source>
        <translation>近12个月 %1 元，其中已报销 %2 元</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Medical spending</source>
        <translation>医疗支出</translation>
    </message>
    <message>
        <location line="-290"/>
        <location line="+151"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hukou address</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lives in</source>
        <translation>现居住地</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Intake date</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the need was found</source>
        <translation>发现途径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for seeking help</source>
        <translation>求助原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause of hardship</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applies as</source>
        <translation>申请地</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lives at</source>
        <translation>现居住地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Residence permit no.</source>
        <translation>居住证号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reasons for not accepting</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Not counted</source>
        <translation>不计入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (guardian)</source>
        <translation>%1（监护人）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Legal supporter</source>
        <translation>义务人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not checked yet</source>
        <translation>未核实</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Able</source>
        <translation>有履行能力</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unable: %1</source>
        <translation>无履行能力：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unable</source>
        <translation>无履行能力</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 people</source>
        <translation>%1 人</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 yuan a month; %2 yuan per person (all %3 people)</source>
        <translation>每月 %1 元；人均 %2 元（按全部 %3 人）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>None (net income not below the standard, or property over the local limits)</source>
        <translation>无（计算收入不低于标准，或财产超过当地规定）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Status: %1    Time limit: %2 working days    Due: %3</source>
        <translation>状态：%1    时限：%2 个工作日    办结期限：%3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 · overdue by %2 working day(s)</source>
        <translation>%1 · 已超期 %2 个工作日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · due today</source>
        <translation>%1 · 今日到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · due in %2 working day(s)</source>
        <translation>%1 · 还剩 %2 个工作日到期</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 of %2 items have their final result</source>
        <translation>共 %2 项事项，已有 %1 项办理完毕</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; %1 overdue</source>
        <translation>，%1 项已超期</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Same household, %1</source>
        <translation>同户办件 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Voided: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed %1 time(s)</source>
        <translation>已打印 %1 次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not printed yet</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>emergency</source>
        <translation>急难</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>print no. %1</source>
        <translation>第 %1 次打印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reason: %1</source>
        <translation>原因：%1</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../kit/print_actions.py" line="+122"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open PDF</source>
        <translation>打开PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <location filename="../reports/household.py" line="+112"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issued</source>
        <translation>出具日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application</source>
        <translation>办件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved file</source>
        <translation>存档文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No saved file yet: it is made from the document&apos;s record when opened or exported</source>
        <translation>尚无存档文件：打开或导出时按该文书的登记内容生成</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>does not match its record</source>
        <translation>与登记不符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not made yet</source>
        <translation>待生成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verified</source>
        <translation>已核对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>voided; %1</source>
        <translation>已作废；%1</translation>
    </message>
</context>
<context>
    <name>DynamicScreen</name>
    <message>
        <location filename="../dynamic/screen.py" line="+18"/>
        <source>Care (extreme poverty)</source>
        <translation>特困照料</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Leads</source>
        <translation>主动发现</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Re-checks</source>
        <extracomment>The tabs in order: (``&quot;package.module:Class&quot;`` relative to ``desktop_app.gui``, the English title marked for translation in the context ``DynamicScreen``).</extracomment>
        <translation>复核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monitoring</source>
        <translation>监测</translation>
    </message>
</context>
<context>
    <name>EligibilityEditor</name>
    <message>
        <location filename="../admin/eligibility_editor.py" line="+69"/>
        <source>the applicant&apos;s hukou</source>
        <translation>申请人户籍</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the village: residents&apos; committee urban, villagers&apos; committee rural</source>
        <translation>所在村（居）：居委会按城市，村委会按农村</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban or rural standard by</source>
        <translation>城乡低保标准依据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the household&apos;s own standard</source>
        <translation>本户适用的低保标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the urban standard</source>
        <translation>城市低保标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extreme-poverty support based on</source>
        <translation>特困供养标准基数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Income not counted</source>
        <translation>不计入家庭收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a shop or business is allowed</source>
        <translation>允许拥有店铺或经营实体</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>deposits per person (months of the standard)</source>
        <translation>人均存款（低保标准月数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vehicles</source>
        <translation>机动车（辆）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>houses</source>
        <translation>住房（套）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>housing per person (m²)</source>
        <translation>人均住房（m²）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Property limits</source>
        <translation>财产限额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>grades 1–2 only</source>
        <translation>仅一、二级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grades 1–2, intellectual and mental grade 3</source>
        <translation>一、二级，及三级智力、精神残疾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>grades 1–2, intellectual and mental grades 3–4</source>
        <translation>一、二级，及三、四级智力、精神残疾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care subsidy for</source>
        <translation>护理补贴范围</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>any, by grade alone</source>
        <translation>不限，仅按残疾等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only those needing long-term care: partly or not able to look after themselves</source>
        <translation>仅限需长期照护者：部分自理或完全不能自理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only those not able to look after themselves at all</source>
        <translation>仅限完全不能自理者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care subsidy, self-care</source>
        <translation>护理补贴自理状况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subsistence households</source>
        <translation>低保家庭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subsistence and edge households</source>
        <translation>低保家庭和低保边缘家庭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any low-income household</source>
        <translation>所有低收入家庭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Living subsidy for</source>
        <translation>生活补贴范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to the fen</source>
        <translation>精确到分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>up to the yuan</source>
        <translation>按元向上取整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to the nearest yuan</source>
        <translation>按元四舍五入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top-up rounded</source>
        <translation>补差取整</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hardship from essential spending valid for</source>
        <translation>刚性支出困难认定有效期</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a change applies from this day; applications taken earlier keep the rules of their day</source>
        <translation>修改自该日起生效；此前受理的申请仍按当日规则评估</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changes effective from</source>
        <translation>修改生效日期</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Shown: the rules in force today (from %1).</source>
        <translation>显示的是今天执行的规则（自 %1 起）。</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <location filename="../tracking/dialogs.py" line="+350"/>
        <source>Emergency aid paid first</source>
        <translation>先行救助</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Township ceiling for aid paid first: %1 yuan; above it the county civil affairs bureau approves.</source>
        <translation>乡镇先行救助限额：%1 元；超过限额的报县民政局审批。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Temporary assistance this year (%1 times, %2 yuan):</source>
        <translation>本户今年已获临时救助（%1 次，共 %2 元）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No temporary assistance to this household this year.</source>
        <translation>本户今年未获临时救助。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Yuan, e.g. 1500</source>
        <translation>单位：元，例如 1500</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. 房屋失火，生活无着</source>
        <translation>例如：房屋失火，生活无着</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amount (yuan)</source>
        <translation>救助金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>救助原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pay and print the record</source>
        <translation>发放并打印记录</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <location filename="../dynamic/care.py" line="-208"/>
        <source>End the entrusted care agreement</source>
        <translation>终止委托照料协议</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. moved to centralised support; caretaker unable to continue</source>
        <translation>例：转为集中供养；照料人不能继续照料</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Last day</source>
        <translation>终止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>终止原因</translation>
    </message>
</context>
<context>
    <name>EscalateBox</name>
    <message>
        <location filename="../tracking/dialogs.py" line="-230"/>
        <source>Report to the county for approval</source>
        <translation>报县级审批</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The aid needed is above the township&apos;s ceiling</source>
        <translation>所需救助金额超过乡镇（街道）临时救助审批额度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report to the county civil affairs bureau</source>
        <translation>报县民政局审批</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>ExportLogModel</name>
    <message>
        <location filename="../sync/common.py" line="+154"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exported at</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checksum</source>
        <translation>校验值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acknowledged</source>
        <translation>县级已确认</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 records, changes %2–%3; file %4</source>
        <translation>共 %1 条记录，更改序号 %2–%3；文件 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Acknowledged by the county on %1</source>
        <translation>县级于 %1 确认收到</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not written</source>
        <translation>未写出</translation>
    </message>
</context>
<context>
    <name>ExportsBanner</name>
    <message>
        <location filename="../admin/backups.py" line="+31"/>
        <source>Confirm and resume exports</source>
        <translation>确认恢复导出</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Data restored on %1 from the backup made on %2. Exports to the county are paused until an administrator confirms the data is current.</source>
        <translation>已于 %1 从 %2 的备份恢复数据。在管理员确认数据无误之前，暂停向县级导出。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Resume exports</source>
        <translation>恢复导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Is the restored data complete and current? Exports will send it to the county again.</source>
        <translation>恢复后的数据是否完整、最新？确认后将重新向县级导出。</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="+67"/>
        <source>Extend the time limit</source>
        <translation>延期办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why the time limit must be extended (printed on the notice to the applicant)</source>
        <translation>延期理由（印在给申请人的延期告知书上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided on</source>
        <translation>决定延期日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>延期理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extend and print the notice</source>
        <translation>延期并出具告知书</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Due now: %1. The extension adds %2 working day(s); the applicant gets a written notice.</source>
        <translation>当前时限：%1。延期增加 %2 个工作日，并书面告知申请人。</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../tracking/dialogs.py" line="+43"/>
        <source>Record the result</source>
        <translation>登记办理结果</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>As written on the receipt slip; the reason when refused or returned</source>
        <translation>按回执填写；不予办理或退回时填写理由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 2400 (monthly for minimum living allowance)</source>
        <translation>例如 2400（低保等按月发放的填每月金额）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No period</source>
        <translation>无救助期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From – to (months)</source>
        <translation>起止月份</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback date</source>
        <translation>反馈时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result / reason</source>
        <translation>办理结果/理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (yuan)</source>
        <translation>救助金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assistance period</source>
        <translation>救助期限</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Re-check class: A and B yearly, C more often</source>
        <translation>复核类别：A、B 类每年复核，C 类更频繁</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-check class</source>
        <translation>复核类别</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature on the receipt slip (not recorded yet)</source>
        <translation>回执上的签收（尚未登记）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on</source>
        <translation>签收时间</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../dynamic/worksheet.py" line="+147"/>
        <source>Figures with the standards in force</source>
        <translation>按现行标准核算</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Members counted</source>
        <translation>计入人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gross income</source>
        <translation>家庭总收入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net income (compared)</source>
        <translation>核算收入（比对用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subsistence top-up</source>
        <translation>低保补差</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Property</source>
        <translation>财产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-check class</source>
        <translation>复核分类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next re-check</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 %2 yuan a person a month (%3)</source>
        <translation>%1 每人每月 %2 元（%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 people counted</source>
        <translation>共 %2 人，计入 %1 人</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>%1 yuan a month in total, %2 yuan per person</source>
        <translation>每月合计 %1 元，人均 %2 元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 × %2 people − %3 = %4 yuan a month</source>
        <translation>%1 × %2 人 − %3 = 每月 %4 元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None (net income not below the standard)</source>
        <translation>无（核算收入不低于标准）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>FirstPasswordDialog</name>
    <message>
        <location filename="../auth/login.py" line="-239"/>
        <source>Set the administrator&apos;s password</source>
        <translation>设置管理员密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is this computer&apos;s first administrator (username %2). Choose a password now; it is needed to log in.</source>
        <translation>%1 是本机的首位管理员（用户名 %2）。请现在设置登录密码。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and log in</source>
        <translation>保存并登录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FirstReviewDialog</name>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="-54"/>
        <source>First review opinion</source>
        <translation>初审意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommend approval</source>
        <translation>拟同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommend refusal</source>
        <translation>拟不同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The township&apos;s opinion for the county</source>
        <translation>乡镇（街道）报县的初审意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed on</source>
        <translation>初审日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opinion</source>
        <translation>初审结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opinion text</source>
        <translation>初审意见</translation>
    </message>
</context>
<context>
    <name>FollowupDialog</name>
    <message>
        <location filename="../tracking/temporary_dialogs.py" line="+34"/>
        <source>Follow-up</source>
        <translation>跟进救助</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. visited the household; temporary housing arranged</source>
        <translation>例：入户回访，已安排临时住所</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optional, e.g. subsistence allowance application, medical assistance, charity</source>
        <translation>可不填，例：低保申请、医疗救助、慈善救助</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up date</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done</source>
        <translation>跟进情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Further help referred</source>
        <translation>转介救助</translation>
    </message>
</context>
<context>
    <name>FoundModel</name>
    <message>
        <location filename="../reports/household.py" line="-51"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applications</source>
        <translation>办件数</translation>
    </message>
</context>
<context>
    <name>GlyphWarning</name>
    <message>
        <location filename="../kit/glyphs.py" line="+61"/>
        <source>No bundled font has %1: the name is saved exactly as typed; documents print %2 in its place with a note to write the character in by hand.</source>
        <translation>字库未收 %1：姓名按输入原样保存；打印的文书在该处印“%2”并注明请手写补正。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the character against the ID card. If it is right, go on: correct the printed documents by hand before they are signed.</source>
        <translation>请与身份证核对该字。无误即可继续办理：文书签字前在纸面手写补正。</translation>
    </message>
</context>
<context>
    <name>HouseholdEditor</name>
    <message>
        <location filename="../dynamic/household.py" line="+68"/>
        <source>Household members (besides the applicant)</source>
        <translation>家庭成员（申请人以外）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Where the applicant lives now</source>
        <translation>申请人现居住地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Residence permit number</source>
        <translation>居住证号码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hukou address</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lives in</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies as</source>
        <translation>申请方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permit no.</source>
        <translation>居住证号</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lives at</source>
        <translation>现居住地</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No-ID reason</source>
        <translation>无证件原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Monthly household income (yuan)</source>
        <translation>家庭月收入（元）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Property and essential spending</source>
        <translation>财产和刚性支出</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Housing area (m²)</source>
        <translation>住房面积（平方米）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>House safety rating</source>
        <translation>房屋安全等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicles</source>
        <translation>机动车（辆）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Houses or flats owned</source>
        <translation>住房套数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Savings and securities (yuan)</source>
        <translation>存款及有价证券（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shops or businesses</source>
        <translation>经营性门店或企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical spending, last 12 months (yuan)</source>
        <translation>近12个月医疗支出（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of which reimbursed by insurance (yuan)</source>
        <translation>其中医保及商业保险报销（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education spending, last 12 months (yuan)</source>
        <translation>近12个月教育支出（元）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not rated</source>
        <translation>未鉴定</translation>
    </message>
</context>
<context>
    <name>HouseholdTab</name>
    <message>
        <location filename="../reports/household.py" line="+91"/>
        <source>ID number, application number or name</source>
        <translation>身份证号码、办件编号或姓名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Household of</source>
        <translation>查找家庭</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+189"/>
        <source>Find a household to see its file.</source>
        <translation>查找一户，查看其档案。</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>Export household file PDF…</source>
        <translation>导出一户一档PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One PDF: an index page, then every saved document of the household in date order, each checked against its record; the export is recorded</source>
        <translation>生成一个PDF：目录页，然后按日期排列该户的每份存档文书，逐份与登记核对；导出记入操作日志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open the file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+16"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>Application</source>
        <translation>办件</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Items and results</source>
        <translation>救助事项与结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First listed</source>
        <translation>最早登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last listed</source>
        <translation>最近登记</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Times listed</source>
        <translation>登记次数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who was in the household, from the applications and the re-checks: first and last time listed, with the application number</source>
        <translation>根据历次申请和复核记录的家庭成员：最早和最近登记的日期及办件编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>Item</source>
        <translation>救助事项</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decided on</source>
        <translation>结果日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+4"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next re-check</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Members over time</source>
        <translation>家庭成员变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>救助结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments</source>
        <translation>救助金发放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-checks</source>
        <translation>复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Type an ID number, an application number or a name.</source>
        <translation>请输入身份证号码、办件编号或姓名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No household found.</source>
        <translation>未找到家庭。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 household(s) found</source>
        <translation>找到 %1 户</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The search failed.</source>
        <translation>查找失败。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The household file could not be read.</source>
        <translation>无法读取该户档案。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 application(s), %2</source>
        <translation>共 %1 件申请，%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 saved file(s) do not match their record: the export will be refused until they are restored.</source>
        <translation>有 %1 份存档文件与登记不符：恢复之前不能导出。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 yuan</source>
        <translation>%1元</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 a month</source>
        <translation>每月%1元</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Household file %1</source>
        <translation>一户一档_%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Household file</source>
        <translation>一户一档</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the household file as</source>
        <translation>一户一档另存为</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Assembling the household file…</source>
        <translation>正在生成一户一档…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Assembling the household file… step %1 of %2</source>
        <translation>正在生成一户一档… 第 %1 / %2 步</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Household file written: %1 (%2 pages, %3 documents).</source>
        <translation>一户一档已写入：%1（%2 页，%3 份文书）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 document(s) with the household&apos;s full ID numbers are listed in the index but not included: that needs the full-ID right.</source>
        <translation>另有 %1 份印有家庭成员完整身份证号码的文书仅列入目录、未收入：需要查看完整身份证号码的权限。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export cancelled: no file was written.</source>
        <translation>导出已取消：未写入任何文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not exported.</source>
        <translation>未导出。</translation>
    </message>
</context>
<context>
    <name>ImportTab</name>
    <message>
        <location filename="../reports/imports.py" line="+306"/>
        <source>Import an old ledger</source>
        <translation>导入原有台账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare a county list</source>
        <translation>县级名单比对</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An Excel file (.xlsx, .xls) or .csv</source>
        <translation>Excel 文件（.xlsx、.xls）或 .csv 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sample</source>
        <translation>示例</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save mapping</source>
        <translation>保存对应关系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suggest this mapping for files with the same columns</source>
        <translation>列相同的文件以后自动套用这个对应关系</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+140"/>
        <source>Check rows</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>&lt;b&gt;Columns&lt;/b&gt;</source>
        <translation>&lt;b&gt;列的对应&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Only rows with problems</source>
        <translation>仅看有问题的</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+103"/>
        <source>&lt;b&gt;Check&lt;/b&gt;</source>
        <translation>&lt;b&gt;检查结果&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+118"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Save problem rows…</source>
        <translation>保存问题行…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>The records changed since the check: check again.</source>
        <translation>检查之后记录有变化，请重新检查。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare</source>
        <translation>比对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Comparison&lt;/b&gt;</source>
        <translation>&lt;b&gt;比对结果&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Import %1 rows</source>
        <translation>导入 %1 行</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose the file to read</source>
        <translation>选择要读取的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel or CSV (%1)</source>
        <translation>Excel 或 CSV 文件（%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2 rows, %3 columns.</source>
        <translation>%1：共 %2 行，%3 列。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(column %1)</source>
        <translation>（第 %1 列）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 is chosen for more than one column.</source>
        <translation>“%1”对应了不止一列。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the column for %1.</source>
        <translation>请选择“%1”对应的列。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of %2 columns are imported; * marks what a row must have.</source>
        <translation>%2 列中导入 %1 列；带 * 的是每行必须有的项目。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Mapping saved: files with the same columns get it suggested.</source>
        <translation>对应关系已保存：列相同的文件会自动套用。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Comparing with the households on record…</source>
        <translation>正在与已有家庭比对…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Checking the rows…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 rows: %2 can be imported, %3 have problems, %4 duplicates, %5 imported before.</source>
        <translation>共 %1 行：可导入 %2 行，有问题 %3 行，重复 %4 行，已导入过 %5 行。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 people: %2 matched, %3 with another name on record, %4 not found. Double-click a row to open its application.</source>
        <translation>共 %1 人：已匹配 %2 人，姓名不一致 %3 人，未找到 %4 人。双击一行打开其办件。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No application on record for this row.</source>
        <translation>这一行没有对应的办件。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import %1 rows of %2 as past applications marked 导入?

%3 rows with problems or duplicates are left out, and so are rows imported before. The import is one step: if it is cancelled or fails, nothing is written.</source>
        <translation>将 %2 中的 %1 行作为历史办件导入（标记为“导入”）吗？

有问题或重复的 %3 行不导入，已导入过的行也不导入。导入一次完成：取消或出错时不写入任何内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import the ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported %1 rows as past applications (batch %2). Not imported: %3 with problems, %4 duplicates, %5 imported before.</source>
        <translation>已导入 %1 行，作为历史办件（批次 %2）。未导入：有问题 %3 行，重复 %4 行，已导入过 %5 行。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 problem rows</source>
        <translation>%1 问题行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the problem rows as</source>
        <translation>问题行另存为</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1 problem rows to %2.</source>
        <translation>已将 %1 个问题行保存到 %2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving the problem rows…</source>
        <translation>正在保存问题行…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消，没有写入任何内容。</translation>
    </message>
</context>
<context>
    <name>IntakeDrafts</name>
    <message>
        <location filename="../intake/drafts.py" line="+55"/>
        <source>Application not saved</source>
        <translation>受理登记尚未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The application being entered has not been saved. Keep it as a draft (offered again at the next start) or discard it?</source>
        <translation>正在录入的受理登记尚未保存。保存为草稿（下次启动时可恢复），还是放弃？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save draft and exit</source>
        <translation>保存草稿并退出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(no name yet)</source>
        <translation>（尚未填写姓名）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An application you were entering was not finished: %1, last saved %2, %3 item(s) requested. Restore it into the form?</source>
        <translation>有一份未完成的受理登记草稿：%1，最后保存于 %2，申请 %3 个事项。是否恢复到表单中继续填写？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore draft</source>
        <translation>恢复草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Draft saved %1</source>
        <translation>草稿已保存 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draft not saved</source>
        <translation>草稿未能保存</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Draft of %1 restored</source>
        <translation>已恢复 %1 保存的草稿</translation>
    </message>
</context>
<context>
    <name>IntakeFormLayout</name>
    <message>
        <location filename="../intake/form.py" line="+72"/>
        <source>Household members (besides the applicant)</source>
        <translation>家庭成员（申请人以外）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Requested items</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Materials</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+263"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No-ID reason</source>
        <translation>无证件原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hukou address</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lives in</source>
        <translation>现居住地</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Situation</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Legal supporters (赡养/抚养/扶养义务人):</source>
        <translation>法定赡养（抚养、扶养）义务人：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Monthly household income (yuan)</source>
        <translation>家庭月收入（元）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Property and essential spending</source>
        <translation>家庭财产与刚性支出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not rated</source>
        <translation>未鉴定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Housing area (m²)</source>
        <translation>住房面积（m²）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>House safety rating</source>
        <translation>房屋安全等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vehicles</source>
        <translation>机动车（辆）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Savings and securities (yuan)</source>
        <translation>存款及有价证券（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shops or businesses</source>
        <translation>商铺及经营实体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical spending, last 12 months (yuan)</source>
        <translation>近12个月医疗支出（元）</translation>
    </message>
    <message>
        <location line="-174"/>
        <source>Where the applicant applies: where the hukou is, where they live with a residence permit, or (for emergency aid only) where the emergency happened</source>
        <translation>申请地：户籍所在地；持居住证的，可在居住地申请；急难型临时救助可在急难发生地申请</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where the applicant lives now</source>
        <translation>申请人现居住地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Residence permit number</source>
        <translation>居住证号码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Applies as</source>
        <translation>申请地</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Permit no.</source>
        <translation>居住证号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lives at</source>
        <translation>现居住地址</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Legal supporters and guardian</source>
        <translation>法定义务人和监护人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>People legally bound to support the applicant (children, parents, spouse…) who do not live in the household. Extreme-poverty support is only suggested when they cannot support, or there are none.</source>
        <translation>不在本家庭共同生活、依法负有赡养、抚养或扶养义务的人（子女、父母、配偶等）。只有无法定义务人或义务人无履行能力时，才提示特困人员救助供养。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None at all</source>
        <translation>无法定义务人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes, listed below</source>
        <translation>有，逐人登记如下</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record each supporter: their own household, income and whether they can support</source>
        <translation>逐人登记义务人：其家庭人口、收入及有无履行能力</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A guardian who lives in the household is ticked on the member&apos;s row; list here only people living elsewhere.</source>
        <translation>与申请人共同生活的监护人在家庭成员行内勾选；此处只登记不在本家庭生活的人员。</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Houses or flats owned</source>
        <translation>住房套数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>of which reimbursed by insurance (yuan)</source>
        <translation>其中已报销（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education spending, last 12 months (yuan)</source>
        <translation>近12个月教育支出（元）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Circumstances</source>
        <translation>其他情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emergency: help first, paperwork later</source>
        <translation>急难情形：先行救助，后补材料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An emergency case may be accepted before all materials are in (先行救助).</source>
        <translation>急难情形可在材料不齐时先行受理（先行救助）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cause of hardship (category)</source>
        <translation>致困原因</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Details, e.g. 户主患尿毒症长期透析</source>
        <translation>简要说明，如：户主患尿毒症长期透析</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details of the hardship</source>
        <translation>困难情况说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relative of township staff or a village (community) cadre</source>
        <translation>为经办人员或村（居）干部近亲属</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close relatives of the staff handling the case or of village cadres are recorded (备案) and handled with extra care.</source>
        <translation>经办人员或村（居）干部的近亲属申请救助须如实登记备案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Which staff member or cadre, and the relation</source>
        <translation>与哪位经办人员或村（居）干部、何种亲属关系</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>How the need was found</source>
        <translation>发现途径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause of hardship</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Accept and print receipt</source>
        <translation>受理并打印回执(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue one-time &amp;notice</source>
        <translation>出具一次性告知书(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lists every missing material once</source>
        <translation>一次性列明需补正的全部材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject…</source>
        <translation>不予受理(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../intake/screen.py" line="+441"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>The assessment could not be made: %1</source>
        <extracomment>Shows the one-time notice before it is issued; True = 确认开具 (issue 14).</extracomment>
        <translation>无法评估：%1</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 material(s) missing: issue a one-time notice, or accept as an emergency.</source>
        <translation>缺少 %1 项材料：请出具一次性告知书，或按急难情形先行受理。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emergency: may be accepted with materials missing.</source>
        <translation>急难情形：材料不齐也可先行受理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Materials complete: the application can be accepted.</source>
        <translation>材料齐全，可以受理。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Total %1 yuan a month; %2 people counted; gross %3 yuan per person a month (before lines not counted and deductions, see the assessment)</source>
        <translation>合计每月 %1 元；计入 %2 人；人均毛收入每月 %3 元（未扣除不计入的收入和就业成本，见需求评估）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (some amounts are not valid numbers)</source>
        <translation>（部分金额格式不正确）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saving and printing…</source>
        <translation>正在保存并生成文书…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Discard everything entered for this application?</source>
        <translation>放弃本次录入的全部内容吗？</translation>
    </message>
    <message>
        <location filename="../intake/live_errors.py" line="+136"/>
        <source>Not saved: %1</source>
        <extracomment>field path -&gt; its name on the form, for the line at the top when the message does not say which field it is about (&quot;工资性收入：金额格式不正确&quot;)</extracomment>
        <translation>未能保存：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (and %1 more, marked in red below)</source>
        <translation>（另有 %1 处，已在下方标红）</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <location filename="../intake/items.py" line="+123"/>
        <source>Handled by: %1; time limit: %2 working days</source>
        <translation>办理：%1；时限：%2 个工作日</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../kit/labels.py" line="+21"/>
        <source>Initial setup</source>
        <translation>初始设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff member added</source>
        <translation>添加工作人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time notice of missing materials issued</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+80"/>
        <location line="+8"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Missing materials supplied</source>
        <translation>补正材料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application voided</source>
        <translation>办件作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document issued</source>
        <translation>出具文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document reprinted</source>
        <translation>补打文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document sent to a printer</source>
        <translation>打印文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document voided</source>
        <translation>作废文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document rendered for the first time</source>
        <translation>首次生成文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application withdrawn</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs assessment recorded</source>
        <translation>记录需求评估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred on the handover list</source>
        <translation>转办（转办清单）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed for by the department</source>
        <translation>部门签收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result recorded</source>
        <translation>办理结果反馈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred again</source>
        <translation>重新转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Re-check recorded</source>
        <translation>复核</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Emergency aid paid first</source>
        <translation>先行救助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported to the county for approval</source>
        <translation>超出限额报县级审批</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Procedure step recorded</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change report recorded</source>
        <translation>已登记变更申报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full ID numbers viewed</source>
        <translation>查看完整证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logged out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screen unlocked</source>
        <translation>解锁屏幕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock failed</source>
        <translation>解锁失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor confirmed</source>
        <translation>负责人确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor confirmation failed</source>
        <translation>负责人确认失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial password set</source>
        <translation>设置初始密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password change failed</source>
        <translation>修改密码失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password reset by an administrator</source>
        <translation>管理员重置密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator recovery code issued</source>
        <translation>生成管理员恢复码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator password set with the recovery code</source>
        <translation>用恢复码重设管理员密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovery code refused</source>
        <translation>恢复码被拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account changed</source>
        <translation>修改账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manual backup</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup restored</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exports resumed</source>
        <translation>确认恢复导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserve fund: money in</source>
        <translation>备用金拨入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve fund: payment</source>
        <translation>备用金支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve fund: money given back</source>
        <translation>备用金退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve fund: submitted for reimbursement</source>
        <translation>备用金报账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserve fund: reimbursed by the county</source>
        <translation>备用金报账款县级拨付</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service provider added</source>
        <translation>新增服务机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service provider changed</source>
        <translation>修改服务机构</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service provider chosen</source>
        <translation>选择服务机构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lead registered</source>
        <translation>登记主动发现线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead assigned</source>
        <translation>分派线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead visit recorded</source>
        <translation>线索走访记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12345 ticket replied</source>
        <translation>12345工单回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead: help to apply</source>
        <translation>线索帮助申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead closed</source>
        <translation>线索办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead became an application</source>
        <translation>线索转为申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monitoring visit</source>
        <translation>监测走访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead raised from a monitoring visit</source>
        <translation>监测走访登记线索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics report printed</source>
        <translation>打印统计报表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuance register printed</source>
        <translation>打印发文登记簿</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time notice</source>
        <translation>一次性告知</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referred</source>
        <translation>已转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>已办结</translation>
    </message>
</context>
<context>
    <name>LeadModel</name>
    <message>
        <location filename="../dynamic/leads.py" line="-223"/>
        <source>Number</source>
        <translation>线索编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reported</source>
        <translation>反映日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person</source>
        <translation>被反映人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit due</source>
        <translation>走访期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reply due</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Application</source>
        <translation>办件编号</translation>
    </message>
</context>
<context>
    <name>LeadsTab</name>
    <message>
        <location line="+250"/>
        <source>Open</source>
        <extracomment>an intake draft prefilled from a lead, to continue at the window (its id)</extracomment>
        <translation>未办结</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register lead…</source>
        <translation>登记线索…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print visit list</source>
        <translation>打印走访名单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The open leads of the village chosen, to visit</source>
        <translation>所选村（社区）未办结的线索，供入户走访</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Assign…</source>
        <translation>分派…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record visit…</source>
        <translation>走访记录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12345 reply…</source>
        <translation>12345回复…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help to apply</source>
        <translation>帮助申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not eligible…</source>
        <translation>不符合条件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referred…</source>
        <translation>转介…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print slip</source>
        <translation>打印登记单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print reply</source>
        <translation>打印回复单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open application</source>
        <translation>查看申请</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The lead register could not be read.</source>
        <translation>线索登记簿读取失败。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 lead(s), %2 overdue</source>
        <translation>共 %1 条线索，逾期 %2 条</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No lead selected.</source>
        <translation>未选择线索。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ticket %1</source>
        <translation>工单号 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reported %1</source>
        <translation>反映日期 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>by %1 %2</source>
        <translation>反映人 %1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Visit %1 by %2: %3</source>
        <translation>走访 %1（%2）：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>12345 reply due %1; replied %2 %3</source>
        <translation>12345回复期限 %1；回复 %2 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>application %1</source>
        <translation>办件编号 %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Printed %1</source>
        <translation>已打印 %1</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../reserve/screen.py" line="+66"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In (yuan)</source>
        <translation>收入（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out (yuan)</source>
        <translation>支出（元）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Batch</source>
        <translation>报账批次</translation>
    </message>
</context>
<context>
    <name>LedgersTab</name>
    <message>
        <location filename="../reports/ledgers.py" line="+91"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Full ID numbers (the export is recorded in the log)</source>
        <translation>完整证件号码（导出将记入操作日志）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID numbers</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Column</source>
        <translation>列名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data</source>
        <translation>数据项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Width</source>
        <translation>列宽</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出Excel(&amp;E)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Only a supervisor or an administrator may export full ID numbers</source>
        <translation>只有负责人或管理员可以导出完整证件号码</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>There are no ledger templates.</source>
        <translation>没有台账模板。</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+37"/>
        <source>The start date must not be after the end date.</source>
        <translation>开始日期不能晚于结束日期。</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Counting the rows…</source>
        <translation>正在统计行数…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 rows from %2 to %3, %4 columns.</source>
        <translation>%2至%3共 %1 行，%4 列。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save the ledger as</source>
        <translation>台账另存为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting the ledger</source>
        <translation>正在导出台账</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>full ID numbers</source>
        <translation>完整证件号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID numbers masked</source>
        <translation>证件号码已遮盖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1: %2 rows (%3) to %4</source>
        <translation>已导出%1：%2 行（%3），保存在 %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../auth/lock_screen.py" line="+145"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log in as another user…</source>
        <translation>以其他用户登录…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+74"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2) is logged in. The open screen and anything typed are kept; enter the password to continue.</source>
        <translation>当前登录：%1（%2）。打开的界面和已输入的内容都会保留；请输入密码继续。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Choose a new password to continue.</source>
        <translation>请先设置新密码再继续。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has unsaved input on the open screen. If another user logs in now, it is discarded. Switch user anyway?</source>
        <translation>%1 在当前界面有尚未保存的输入。如果现在换其他用户登录，这些输入将被丢弃。仍要切换用户吗？</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../auth/login.py" line="-218"/>
        <source>8 to 64 characters with at least one letter and one digit; not the username, not a run like 12345678, not a well-known password.</source>
        <translation>8–64 个字符，至少包含一个字母和一个数字；不能与用户名相同，不能是 12345678 这样的连续字符，也不能是常见密码。</translation>
    </message>
    <message>
        <location filename="../kit/errors.py" line="+97"/>
        <source>Too many wrong passwords: this account is locked until %1. Try again then, or ask an administrator to reset the password.</source>
        <extracomment>Class names of the package/export refusals (sync contract, backups). Class names of a cancelled job.</extracomment>
        <translation>密码错误次数过多，账户已锁定至 %1。请届时再试，或请管理员重置密码。</translation>
    </message>
    <message>
        <location filename="../auth/login.py" line="+8"/>
        <source>Demo accounts (invented data, practice only):</source>
        <translation>演示账户（虚构数据，仅供练习）：</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location line="+71"/>
        <location line="+16"/>
        <source>Log in</source>
        <extracomment>At start-up on a large database the dialog shows before the services are open (gui/opening.py: ``services`` then only answers the township and the names); ``opening()`` waits for them — ``None``: give up, the dialog is rejected.</extracomment>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>%1 social assistance window</source>
        <translation>%1社会救助服务窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social assistance window</source>
        <translation>社会救助服务窗口</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Forgot the administrator password…</source>
        <translation>忘记管理员密码…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>There is no account to log in with.</source>
        <translation>没有可以登录的账户。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a new password to continue.</source>
        <translation>请先设置新密码再继续。</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location line="-120"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="-1"/>
        <source>Social Assistance Window — %1</source>
        <translation>社会救助一门受理窗口 — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> [demo]</source>
        <translation>【演示】</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Opening the data folder…</source>
        <extracomment>The size the window asks for; never more than the screen&apos;s available geometry.</extracomment>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location line="+242"/>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The open application has not been saved. Log out and discard it?</source>
        <translation>当前申请尚未保存。注销并丢弃这些输入吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Logged out.</source>
        <translation>已注销。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Restoring the backup… Please wait.</source>
        <translation>正在恢复备份…请稍候。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The data was restored from the backup made on %1 (%2 applications). Accounts now come from that backup: please log in again.</source>
        <translation>数据已从 %1 的备份（%2 件申请）恢复。账户信息以该备份为准，请重新登录。</translation>
    </message>
    <message>
        <location line="-301"/>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+37"/>
        <source>Data folder: %1</source>
        <translation>数据目录：%1</translation>
    </message>
</context>
<context>
    <name>MainWindowNavigation</name>
    <message>
        <location filename="../navigation.py" line="+69"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>New application</source>
        <translation>新建受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register an application (Ctrl+N)</source>
        <translation>登记新的申请（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find applications</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search and open applications (Ctrl+F)</source>
        <translation>查询并打开办件（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tracking</source>
        <translation>转办跟踪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred and open items, overdue ones first; handover lists, results and re-checks (Ctrl+T)</source>
        <translation>转办和在办事项（逾期优先）；转办清单、办理结果和复核提醒（Ctrl+T）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dynamic management</source>
        <translation>动态管理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-checks and change reports, phase-outs, leads, the monitoring list and care (Ctrl+D)</source>
        <translation>复核与变更申报、渐退、主动发现线索、监测名单和特困照料（Ctrl+D）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Statistics and files</source>
        <translation>统计与档案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistics and charts, ledgers to Excel, importing old ledgers, one file per household (Ctrl+R)</source>
        <translation>统计与图表、台账导出Excel、导入原有台账、一户一档（Ctrl+R）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reserve fund</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The township&apos;s temporary assistance reserve fund: balance, ledger, reimbursement, monthly statement</source>
        <translation>乡镇（街道）临时救助备用金：余额、收支台账、报账、月度明细</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export packages to the county, the export log, and import the county&apos;s return packages</source>
        <translation>向县级导出数据包、查看导出记录、导入县级回执包</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Separate register</source>
        <translation>单独登记名单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applications of relatives of staff or village cadres, registered separately (supervisors)</source>
        <translation>经办人员或村（居）干部近亲属的申请，单独登记备案（负责人）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit trail</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who did what and when (supervisors and administrators)</source>
        <translation>谁在何时做了什么（负责人和管理员）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts, settings, backups and restore (administrators)</source>
        <translation>账户、设置、备份与恢复（管理员）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify document</source>
        <translation>验证文书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check a document&apos;s QR code: genuine, altered, voided or of an unknown issuer</source>
        <translation>核验文书二维码：真实、被改动、已作废或签发者未知</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invented data for practice and demonstration</source>
        <translation>虚构数据，仅供练习和演示</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The logged-in user; recorded on every decision and document</source>
        <translation>当前登录的用户；记录在每项决定和每份文书上</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock the screen when leaving the desk (Ctrl+L)</source>
        <translation>离开座位时锁定屏幕（Ctrl+L）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log out / switch user</source>
        <translation>注销/切换用户</translation>
    </message>
</context>
<context>
    <name>MatchModel</name>
    <message>
        <location filename="../reports/imports.py" line="-663"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applications</source>
        <translation>办件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name differs</source>
        <translation>姓名不一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <location filename="../intake/items.py" line="+45"/>
        <source>Tick the requested items above; their materials appear here.</source>
        <translation>在上方勾选申请事项后，这里列出所需材料。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The household&apos;s %1 is not decided yet: after acceptance this item waits, and is passed on once the status is confirmed; its time limit counts from then.</source>
        <translation>本户%1申请尚未认定：受理后本事项先等待认定，认定通过后再转办，办理时限自认定之日起算。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Awaiting the status is offered only while the household&apos;s minimum living allowance or extreme-poverty support is applied for now or still pending.</source>
        <translation>只有本次同时申请低保、特困，或本户低保、特困申请尚在办理中时，才能选“待低保认定”。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>All received</source>
        <translation>全部已收取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark every required material of this item as received</source>
        <translation>将该事项的必备材料全部标为已收取</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Suggested from the household: %1 (may be changed)</source>
        <translation>按家庭情况建议：%1（可修改）</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <location filename="../intake/person.py" line="+450"/>
        <source>Only the applicant so far. Add everyone who lives in the household and shares its income.</source>
        <translation>目前只有申请人。请添加共同生活、共享收入的全部家庭成员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a household member (Alt+M)</source>
        <translation>添加家庭成员（Alt+M）</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this member</source>
        <translation>删除该成员</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../kit/messages.py" line="+26"/>
        <source>Enter the amount</source>
        <translation>请填写金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount cannot be negative</source>
        <translation>金额不能为负数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount is not a valid number (example: 1234.56)</source>
        <translation>金额格式不正确（例：1234.56）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount has at most two decimals (to the fen)</source>
        <translation>金额最多保留两位小数（到分）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount cannot exceed %1 yuan</source>
        <translation>金额不能超过%1元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The household has at least 1 member</source>
        <translation>家庭人口数应至少为1人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contains invisible control characters; enter it again</source>
        <translation>含有不可见的控制字符，请重新输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This field is required</source>
        <translation>此项必填</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most %1 characters (now %2)</source>
        <translation>不能超过%1个字（当前%2个）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name contains invisible control characters</source>
        <translation>姓名含有不可见的控制字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name cannot contain digits</source>
        <translation>姓名不能包含数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name contains an unsupported character: %1</source>
        <translation>姓名含有不支持的字符“%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the name</source>
        <translation>请填写姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name has at most %1 characters (now %2)</source>
        <translation>姓名不能超过%1个字（当前%2个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name must contain Chinese characters or letters</source>
        <translation>姓名应包含汉字或字母</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The middle dot · in the name is in the wrong place</source>
        <translation>姓名中的间隔号“·”位置不对</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the phone number</source>
        <translation>请填写联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A phone number has only digits (a landline may add - and an extension)</source>
        <translation>电话号码只能包含数字（固话可加“-”和分机号）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A mobile number cannot have an extension</source>
        <translation>手机号码不能带分机号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the area code to a landline number, e.g. 0571-12345678</source>
        <translation>固定电话请加区号，如0571-12345678</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A mobile number has 11 digits and starts with 1</source>
        <translation>手机号码应为11位数字，以1开头</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The phone number is not valid (mobile: 11 digits; landline e.g. 0571-12345678)</source>
        <translation>电话号码格式不正确（手机11位，固话如0571-12345678）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the date</source>
        <translation>请填写日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the date as 2026-11-24</source>
        <translation>日期格式应为“2026-11-24”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This date does not exist (%1-%2-%3)</source>
        <translation>日期不存在（%1年%2月%3日）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date cannot be after %1</source>
        <translation>日期不能晚于%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date cannot be before %1</source>
        <translation>日期不能早于%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown kind of identity document</source>
        <translation>未知的证件类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the document number</source>
        <translation>请填写证件号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The birth date in the number does not exist (%1-%2-%3)</source>
        <translation>号码中的出生日期无效（%1年%2月%3日）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The birth date in the number is after today</source>
        <translation>号码中的出生日期晚于今天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The birth date in the number is before %1</source>
        <translation>号码中的出生日期早于%1年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A resident ID number has 18 characters (now %1)</source>
        <translation>身份证号码应为18位（当前%1位）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A resident ID number is 17 digits and a digit or X</source>
        <translation>身份证号码应为17位数字加1位数字或X</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check character of the resident ID number is wrong</source>
        <translation>身份证号码校验位错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>15-digit resident ID numbers are no longer used; enter the 18-digit number</source>
        <translation>15位旧身份证号码已停止使用，请填写18位号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is the number of a residence permit for Hong Kong, Macao and Taiwan residents; choose that document kind</source>
        <translation>这是港澳台居民居住证号码，请将证件类型选为“港澳台居民居住证”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is the number of a foreigner&apos;s permanent residence ID card; choose that document kind</source>
        <translation>这是外国人永久居留身份证号码，请将证件类型选为“外国人永久居留身份证”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The region code of the resident ID number is not valid (the first digit is 1-6)</source>
        <translation>身份证号码的地址码无效（首位应为1–6）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A residence permit number has 18 characters (now %1)</source>
        <translation>居住证号码应为18位（当前%1位）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A residence permit number is 17 digits and a digit or X</source>
        <translation>居住证号码应为17位数字加1位数字或X</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check character of the residence permit number is wrong</source>
        <translation>居住证号码校验位错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Hong Kong, Macao and Taiwan residence permit number starts with 810000, 820000 or 830000</source>
        <translation>港澳台居民居住证号码应以810000、820000或830000开头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A permanent residence ID number has 18 characters (now %1)</source>
        <translation>永久居留身份证号码应为18位（当前%1位）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A permanent residence ID number is 17 digits and a digit or X</source>
        <translation>永久居留身份证号码应为17位数字加1位数字或X</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check character of the permanent residence ID number is wrong</source>
        <translation>永久居留身份证号码校验位错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An old permanent residence ID number is 3 letters and 12 digits</source>
        <translation>旧版永久居留身份证号码应为3位字母加12位数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A permanent residence ID number has 18 characters (the old kind 15), now %1</source>
        <translation>永久居留身份证号码应为18位（旧版15位），当前%1位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new permanent residence ID number starts with 9</source>
        <translation>新版永久居留身份证号码应以9开头</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document number has at most %1 characters (now %2)</source>
        <translation>证件号码不能超过%1个字符（当前%2个）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The document number contains characters that cannot be read</source>
        <translation>证件号码含有无法识别的字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With no identity document, leave the document number empty</source>
        <translation>选择“无证件”时不能填写证件号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without an identity document, give the reason (e.g. a homeless person)</source>
        <translation>无证件时必须说明原因（如：流浪乞讨人员）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reason has at most %1 characters</source>
        <translation>原因不能超过%1个字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reason contains characters that cannot be read</source>
        <translation>原因含有无法识别的字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the township (subdistrict) division code</source>
        <translation>请填写乡镇（街道）区划代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The township (subdistrict) division code has 12 digits (now: %1)</source>
        <translation>乡镇（街道）区划代码应为12位数字（当前“%1”）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first 6 digits (county code) of the township (subdistrict) division code are not valid</source>
        <translation>乡镇（街道）区划代码的前6位（县级代码）无效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Digits 7-9 of the township (subdistrict) division code are 001-599</source>
        <translation>乡镇（街道）区划代码第7–9位应在001–599之间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last 3 digits of the township (subdistrict) division code are 000 (this looks like a village or residents&apos; committee code)</source>
        <translation>乡镇（街道）区划代码最后3位应为000（这像是村/居委会的代码）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the village (residents&apos;) committee division code</source>
        <translation>请填写村（居）委会区划代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The village (residents&apos;) committee division code has 12 digits (now: %1)</source>
        <translation>村（居）委会区划代码应为12位数字（当前“%1”）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first 6 digits (county code) of the village (residents&apos;) committee division code are not valid</source>
        <translation>村（居）委会区划代码的前6位（县级代码）无效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first 9 digits of the village (residents&apos;) committee division code must match this township&apos;s code %1</source>
        <translation>村（居）委会区划代码前9位应与本乡镇（街道）代码%1一致</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last 3 digits of the village (residents&apos;) committee division code are 001-599</source>
        <translation>村（居）委会区划代码最后3位应在001–599之间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file encoding is not recognised; save it as a UTF-8 or GBK CSV file</source>
        <translation>无法识别文件编码，请另存为UTF-8或GBK编码的CSV文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line %1: %2</source>
        <translation>第%1行：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV format error (%1)</source>
        <translation>CSV格式错误（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The village (residents&apos;) committee name is missing</source>
        <translation>缺少村（居）委会名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name has at most %1 characters</source>
        <translation>名称不能超过%1个字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name contains characters that cannot be read</source>
        <translation>名称含有无法识别的字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each line has two columns: code,name</source>
        <translation>每行应为两列：代码,名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code %1 repeats line %2</source>
        <translation>代码%1与第%2行重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name %1 repeats line %2</source>
        <translation>名称“%1”与第%2行重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file has no village (residents&apos;) committee records</source>
        <translation>文件中没有村（居）委会记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many records (%1 lines, at most %2)</source>
        <translation>记录过多（%1行，最多%2行）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This setting cannot be changed</source>
        <translation>不能修改此设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be a whole number</source>
        <translation>%1应为整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be a whole number from %2 to %3</source>
        <translation>%1应为 %2–%3 之间的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 must be from %2 to %3</source>
        <translation>%1应在 %2–%3 之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must be yes or no</source>
        <translation>应为“是”或“否”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup mirror must be a folder path</source>
        <translation>备份镜像目录应为文件夹路径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The path has at most %1 characters</source>
        <translation>路径不能超过 %1 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The path contains invisible characters</source>
        <translation>路径含有不可见字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the full path (e.g. %1 or %2)</source>
        <translation>请填写完整路径（如 %1 或 %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup keeping policy must list %1, %2, %3 and %4</source>
        <translation>备份保留策略应包含 %1、%2、%3、%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The appeal periods are incomplete</source>
        <translation>救济期限设置不完整</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Must be a table of dates and whether each is a working day</source>
        <translation>应为 日期→是否工作日 的对照表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The review periods must cover extreme poverty and subsistence allowance classes A, B and C</source>
        <translation>复核周期应包含 特困、低保A/B/C类 四项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic screen lock (minutes)</source>
        <translation>自动锁屏时间（分钟）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent backups kept</source>
        <translation>最近备份份数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily backups kept</source>
        <translation>按日保留份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly backups kept</source>
        <translation>按周保留份数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly backups kept</source>
        <translation>按月保留份数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The period</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review period (months)</source>
        <translation>复核周期（月）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emergency aid ceiling (fen)</source>
        <translation>先行救助限额（分）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emergency aid paperwork deadline (working days)</source>
        <translation>先行救助补办手续时限（工作日）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due-soon reminder (working days)</source>
        <translation>临期提醒（工作日）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the relation to the applicant</source>
        <translation>请选择与申请人关系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document number repeats that of household member %1</source>
        <translation>证件号码与家庭成员“%1”重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid value</source>
        <translation>取值无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the disability grade</source>
        <translation>请选择残疾等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown kind of income</source>
        <translation>未知收入类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a whole number from 0 to %1</source>
        <translation>请输入 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The housing grade is A, B, C or D</source>
        <translation>房屋等级应为 A、B、C 或 D</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the cause of hardship</source>
        <translation>请选择求助原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say which staff member or village cadre is a relative, and how</source>
        <translation>请说明与哪位经办人员或村（居）干部是何种亲属关系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose whether those obliged to support the applicant are able to</source>
        <translation>请选择义务人是否有赡养（抚养、扶养）能力</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose how the case came to notice</source>
        <translation>请选择发现途径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the village (community) of residence</source>
        <translation>请选择现居住村（社区）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose at least one item to apply for</source>
        <translation>请至少选择一个申请事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown item %1</source>
        <translation>未知事项 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item %1 is chosen twice</source>
        <translation>事项“%1”重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid material status</source>
        <translation>材料状态无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be replaced by a written commitment</source>
        <translation>“%1”不适用告知承诺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a required material</source>
        <translation>“%1”为必备材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be obtained through data sharing</source>
        <translation>“%1”不能通过信息共享获取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the kind of identity document</source>
        <translation>请选择证件类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown acceptance decision</source>
        <translation>未知的受理决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Materials are missing (%1); the application cannot be accepted. Issue a one-time notice</source>
        <translation>材料不齐（缺少：%1），不能受理；请出具一次性告知书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The materials are complete; no one-time notice is needed</source>
        <translation>材料齐全，无需出具一次性告知书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the reasons for not accepting</source>
        <translation>请填写不予受理的理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each reason has at most %1 characters</source>
        <translation>每条理由不能超过 %1 字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Village %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The village (community) name cannot be empty</source>
        <translation>村（社区）名称不能为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Village (community) code %1 is entered twice</source>
        <translation>村（社区）代码 %1 重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Village (community) name %1 is entered twice</source>
        <translation>村（社区）名称 %1 重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter at least one village (community)</source>
        <translation>请至少录入一个村（社区）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer has already been set up</source>
        <translation>本机已完成初始设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown role</source>
        <translation>未知角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new password cannot be the same as the old one</source>
        <translation>新密码不能与原密码相同</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This user name is already taken</source>
        <translation>该用户名已被使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You cannot deactivate your own account</source>
        <translation>不能停用自己的账户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least one administrator who can log in must remain</source>
        <translation>至少需要保留一名可登录的管理员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A voided document cannot be reprinted</source>
        <translation>已作废的文书不能补打</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the reason for voiding</source>
        <translation>请填写作废原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reason for voiding has at most %1 characters</source>
        <translation>作废原因不能超过 %1 字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This document has already been voided</source>
        <translation>该文书已作废</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This application is not waiting for missing materials</source>
        <translation>该申请不在待补正状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This village (community) does not exist</source>
        <translation>村（社区）不存在</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clerk does not exist or has been deactivated</source>
        <translation>经办人不存在或已停用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The program keeps this setting; it cannot be changed directly</source>
        <translation>此设置由程序维护，不能直接修改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This application is %1 and cannot be handled</source>
        <translation>该申请已%1，不能办理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date signed for</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date of the reply</source>
        <translation>反馈时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First month of aid</source>
        <translation>救助起始月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last month of aid</source>
        <translation>救助截止月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the result</source>
        <translation>请选择办理结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last month of aid cannot be before the first</source>
        <translation>救助截止月不能早于起始月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the reason for refusing</source>
        <translation>请填写不予办理的理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the reason for returning</source>
        <translation>请填写退回的原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a completed item has an aid amount</source>
        <translation>只有已办结的事项才有救助金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The review class is A, B or C</source>
        <translation>复核类别应为 A、B 或 C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date signed for cannot be before the referral</source>
        <translation>签收时间不能早于转办日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reply cannot be dated before the referral</source>
        <translation>反馈时间不能早于转办日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reply cannot be dated before the acceptance</source>
        <translation>反馈时间不能早于受理日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the amount of emergency aid</source>
        <translation>请填写先行救助金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose how the aid is paid</source>
        <translation>请选择发放方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date paid</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This application has no accepted item of urgent temporary assistance</source>
        <translation>该申请没有已受理的急难型临时救助事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This urgent temporary assistance item has gone to the county for approval or is closed; emergency aid can no longer be paid</source>
        <translation>该急难型临时救助事项已转县级审批或已办结，不能再先行救助</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The amount of %1 yuan is above the township&apos;s emergency aid ceiling of %2 yuan; refer it to the county civil affairs bureau for approval</source>
        <translation>金额 %1 元超过乡镇先行救助限额 %2 元，请报县民政局审批</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the reason for referring to the county</source>
        <translation>请填写报县审批的理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item cannot be referred to the county for approval</source>
        <translation>该事项不能报县审批</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date of the review</source>
        <translation>复核日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the outcome of the review</source>
        <translation>请选择复核结论</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item needs no review</source>
        <translation>该事项无需复核</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This application is %1 and cannot be withdrawn</source>
        <translation>该申请已%1，不能撤回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This application has already been voided</source>
        <translation>该申请已作废</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the %1</source>
        <translation>请填写%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 has at most %2 characters</source>
        <translation>%1不能超过 %2 字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reason for withdrawing</source>
        <translation>撤回原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reason for voiding</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown department</source>
        <translation>未知的部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no items waiting to be referred</source>
        <translation>%1没有待转办的事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No item has a result yet; the notice cannot be issued</source>
        <translation>还没有任何事项的办理结果，不能出具告知书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not in %2</source>
        <translation>%1不属于%2年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be both a holiday and a swapped working day</source>
        <translation>%1不能同时是假日和调休工作日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The calendar data for %1 is marked as %2</source>
        <translation>%1年的日历数据标注为%2年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The deadline is beyond the range of dates that can be computed</source>
        <translation>期限超出可计算的日期范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number is not valid (e.g. 330102101-20261124-0001)</source>
        <translation>编号格式不正确（应如330102101-20261124-0001）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number is not valid: the first 9 digits are not a township (subdistrict) code (e.g. 330102101-20261124-0001)</source>
        <translation>编号格式不正确：前9位不是有效的乡镇（街道）代码（应如330102101-20261124-0001）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number is not valid: the date does not exist (e.g. 330102101-20261124-0001)</source>
        <translation>编号格式不正确：日期不存在（应如330102101-20261124-0001）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number is not valid: the serial number is not valid (e.g. 330102101-20261124-0001)</source>
        <translation>编号格式不正确：流水号无效（应如330102101-20261124-0001）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password is not valid</source>
        <translation>密码格式无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the password</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password has only English letters, digits and keyboard symbols (no Chinese or full-width characters)</source>
        <translation>密码只能包含英文字母、数字和键盘符号（不能含中文或全角字符）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A password has at least %1 characters</source>
        <translation>密码至少 %1 位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password has at most %1 characters</source>
        <translation>密码不能超过 %1 位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password cannot begin or end with a space</source>
        <translation>密码首尾不能是空格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password must contain both letters and digits</source>
        <translation>密码须同时包含字母和数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password is too simple (repeated or consecutive characters)</source>
        <translation>密码过于简单（重复或连续的字符）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This password is too common; choose another</source>
        <translation>该密码过于常见，请换一个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A password cannot contain the user name</source>
        <translation>密码不能包含用户名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user name is not valid</source>
        <translation>用户名格式无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the user name</source>
        <translation>请输入用户名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A user name is 2-32 English letters, digits or . _ - and starts with a letter</source>
        <translation>用户名须为 2–32 位英文字母、数字或 . _ -，并以字母开头</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the date as %1</source>
        <translation>日期格式应为 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the date as %1: %2</source>
        <translation>日期格式应为 %1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid date: %1</source>
        <translation>日期无效：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be a table of years and their holiday arrangements</source>
        <translation>应为 年份→节假日安排 的对照表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A year has four digits</source>
        <translation>年份应为四位数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The arrangement for %1 must contain %2 and %3</source>
        <translation>%1 年的安排应包含 %2 和 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%2 of %1 must be a list of dates</source>
        <translation>%1 年的 %2 应为日期列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The arrangement for %1 has dates of another year</source>
        <translation>%1 年的安排中有其他年份的日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In %1 a date is both a holiday and a swapped working day</source>
        <translation>%1 年有日期同时是节假日和调休工作日</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entry %1: %2</source>
        <translation>第 %1 条：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 must be a whole number (standards)</source>
        <translation>%1应为整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 must be from %2 to %3 (standards)</source>
        <translation>%1应在 %2–%3 之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A standards entry must be a set of fields</source>
        <translation>标准应为一组字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the effective date as %1</source>
        <translation>生效日期应为 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The aid standards need at least one entry by effective date</source>
        <translation>救助标准应为至少一条按生效日期的记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Effective date %1 appears twice</source>
        <translation>生效日期 %1 重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No aid standards are in force on %1-%2-%3; ask the administrator to set them</source>
        <translation>%1年%2月%3日没有已生效的救助标准，请管理员设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban subsistence allowance standard</source>
        <translation>城市低保标准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rural subsistence allowance standard</source>
        <translation>农村低保标准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Near-poverty multiple (%)</source>
        <translation>低保边缘倍数（%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extreme poverty support multiple (%)</source>
        <translation>特困供养倍数（%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rigid spending share of income (%)</source>
        <translation>刚性支出占收入比例（%）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last year&apos;s urban per-capita disposable income</source>
        <translation>上年城镇居民人均可支配收入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last year&apos;s rural per-capita disposable income</source>
        <translation>上年农村居民人均可支配收入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Employment cost deduction (% of the standard)</source>
        <translation>就业成本扣减（占低保标准 %）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: %2 is full. Delete files you do not need or use another USB stick or folder, then try again. %3</source>
        <translation>%1失败：%2 空间不足（磁盘已满）。请删除不需要的文件或换一个U盘/文件夹后重试。%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: %2 is read-only (is the USB stick&apos;s write-protect switch on?). Use a writable USB stick or folder and try again. %3</source>
        <translation>%1失败：%2 是只读的（U盘写保护开关是否打开？）。请换一个可写的U盘/文件夹后重试。%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 failed: no permission to write or read %2. Choose another folder, or ask the administrator to check its permissions. %3</source>
        <translation>%1失败：没有权限写入或读取 %2。请换一个文件夹，或请管理员检查该文件夹的权限。%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: the device holding %2 was disconnected or failed (was the USB stick pulled out?). Plug it in again and retry. %3</source>
        <translation>%1失败：%2 所在的设备已断开或出错（U盘是否被拔出？）。请重新插好后重试。%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: %2 cannot be found (is the USB stick plugged in, is the path right?). %3</source>
        <translation>%1失败：找不到 %2（U盘是否已插好、路径是否正确？）。%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: %2 is not a folder. Choose again. %3</source>
        <translation>%1失败：%2 不是文件夹。请重新选择。%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: the path or file name of %2 is too long. Choose a folder nearer the top. %3</source>
        <translation>%1失败：%2 的路径或文件名太长。请选择层级较浅的文件夹。%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: a file in %2 is in use by another program. Close that program and try again. %3</source>
        <translation>%1失败：%2 中的文件正被其他程序占用。请关闭占用它的程序后重试。%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: cannot read or write %2 (system error %3). Try another folder; if it keeps failing, tell the administrator. %4</source>
        <translation>%1失败：无法读写 %2（系统错误 %3）。请换一个文件夹后重试；如仍失败请告诉管理员。%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting the sync package</source>
        <translation>导出同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Importing the sync package</source>
        <translation>导入同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restoring the backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving the PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printing to a file</source>
        <translation>打印到文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading or writing the key file</source>
        <translation>读写密钥文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locking the data folder</source>
        <translation>锁定数据目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the log</source>
        <translation>写日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening the data folder</source>
        <translation>打开数据目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the file</source>
        <translation>写入文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No incomplete file was left behind.</source>
        <translation>未留下任何不完整的文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing in the data was changed.</source>
        <translation>数据未作任何更改。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown handling action</source>
        <translation>未知的办理操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This item is now %1; it cannot be given: %2</source>
        <translation>该事项当前为“%1”，不能%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This computer has several administrators: name the administrator account to recover with %1</source>
        <translation>本机有多位管理员：请用 %1 指定要恢复密码的管理员账户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The code %1 in the key file is not a county division code (6 digits, e.g. 522201); not imported. Ask the county to regenerate it with %2</source>
        <translation>密钥文件中的代码 %1 不是县级行政区划代码（应为 6 位，如 522201），未导入；请县级用 %2 重新生成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This key file belongs to %1 %2; this township (%3) is not in that county. Not imported: ask your county&apos;s civil affairs office for the right public key file</source>
        <translation>此密钥文件属于 %1 %2，本乡镇（%3）不属于该县，未导入；请向本县民政部门索取正确的公钥文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key file changed after it was confirmed (another fingerprint); not imported. Choose the file again</source>
        <translation>确认后密钥文件被改动（指纹不同），未导入；请重新选择文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Starts with a lone accent mark (combining mark); delete it and enter it again</source>
        <translation>开头是单独的附加符号（如声调符号），请删除后重新输入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The computer clock (%1) is earlier than the newest record (%2); to keep document dates from going backwards, no document can be issued now. Set the Windows clock to the correct Beijing time, then try again; if the computer&apos;s time was right (the earlier records are misdated), ask an administrator to confirm it under Settings &gt; Computer clock</source>
        <translation>电脑时钟显示的时间（%1）早于最近一条记录的时间（%2），为避免文书日期倒退，暂不能出具文书。请先把电脑的系统时间改为正确的北京时间，再重新办理；如电脑时间本来就对（是之前的记录日期有误），请管理员在“设置→电脑时钟”中确认</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The computer clock is not earlier than the newest record; there is nothing to confirm</source>
        <translation>电脑时钟没有早于最近的记录，无需确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clock check needs the tolerance (minutes) and the days ahead</source>
        <translation>时钟检查设置应包含允许误差（分钟）和超前提醒天数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock tolerance (minutes)</source>
        <translation>时钟允许误差（分钟）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days ahead before a clock warning</source>
        <translation>时钟超前提醒天数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receiving the sync package</source>
        <translation>接收同步包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Making the return package</source>
        <translation>生成返回包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mirroring the backup</source>
        <translation>备份镜像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eligibility rules, entry %1: “%2” is not valid; check it and enter it again</source>
        <translation>救助评估规则第 %1 条的“%2”不正确，请检查后重新填写</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two eligibility rule entries take effect on %1; one entry per day</source>
        <translation>救助评估规则中有两条的生效日期都是 %1，每个日期只能有一条</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The applicant is always counted among the household members</source>
        <translation>申请人本人必须计入共同生活的家庭成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reason &apos;the applicant&apos; is for the applicant only</source>
        <translation>“申请人本人”只能用于申请人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reason does not match whether the member is counted</source>
        <translation>所选原因与“是否计入家庭成员”不一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose why this member is not counted in the household</source>
        <translation>不计入共同生活家庭成员的，请选择原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ID number repeats that of %1; record each person once</source>
        <translation>证件号码与“%1”重复，同一人只能登记一次</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose at least one: legal supporter or guardian</source>
        <translation>请至少选择一项：法定赡养（抚养、扶养）义务人或监护人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The household size is a whole number from 1 to %1</source>
        <translation>家庭人口数应为 1 到 %1 之间的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose whether the supporter is able to support</source>
        <translation>请选择义务人是否有履行能力</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose why the supporter is unable to support</source>
        <translation>义务人无履行能力的，请选择原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a reason only when the supporter is unable to support</source>
        <translation>只有义务人无履行能力时才选择原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The applicant is under %1: record one guardian (an adult member or a person outside the household), who signs</source>
        <translation>申请人未满 %1 周岁，请登记一名监护人（户内成年成员或户外人员），由监护人签字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record only one guardian; %1 are recorded</source>
        <translation>只能登记一名监护人，现登记了 %1 名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The applicant is %1 or older: no guardian is recorded</source>
        <translation>申请人已满 %1 周岁，不登记监护人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A person under %1 cannot be a guardian</source>
        <translation>未满 %1 周岁的人不能作为监护人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The applicant cannot be their own guardian</source>
        <translation>申请人不能作为自己的监护人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose where the applicant applies (hukou, residence or place of the emergency)</source>
        <translation>请选择申请地（户籍地、居住地或急难发生地）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Residence permit holders and applicants at the place of the emergency: enter the current address</source>
        <translation>居住证持有人或在急难发生地申请的，请填写现居住地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A residence permit holder applying where they live: enter the permit number</source>
        <translation>居住证持有人在居住地申请的，请填写居住证号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At the place of the emergency (no local hukou) only temporary assistance can be requested; apply for %1 where the hukou or residence is</source>
        <translation>在急难发生地申请（非本地户籍）只能申请临时救助；“%1”请向户籍地或居住地申请</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reimbursed amount cannot exceed the medical spending of the last 12 months</source>
        <translation>报销金额不能超过近 12 个月医疗支出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This amount of %1 yuan is above the township&apos;s temporary assistance ceiling of %2 yuan; report it to the county for approval (civil affairs bureau)</source>
        <translation>本次金额 %1 元超过乡镇（街道）临时救助审批额度 %2 元，请报县审批（报县民政局审批）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This amount of %1 yuan: %2 already %3 times, %4 yuan in all; together %5 yuan, above the township&apos;s temporary assistance ceiling of %6 yuan; report it to the county for approval (civil affairs bureau)</source>
        <translation>本次金额 %1 元，%2已救助 %3 次共 %4 元，合计 %5 元，超过乡镇（街道）临时救助审批额度 %6 元，请报县审批（报县民政局审批）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this item</source>
        <translation>本事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this household in %1</source>
        <translation>本家庭%1年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scope of the cumulative temporary assistance ceiling is not valid: each entry needs an effective date (one per date) and says whether amounts add up per item and per household per year</source>
        <translation>临时救助累计限额的适用范围设置不正确：每条须有生效日期（每个日期一条）并写明是否按事项、按家庭年度累计</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The procedure of this item has no step &quot;%1&quot;, or this case needs no %1</source>
        <translation>本事项的办理程序中没有“%1”环节，或本件无需%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is already recorded</source>
        <translation>“%1”已录入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the end date of &quot;%1&quot;</source>
        <translation>请填写“%1”的结束日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The public notice runs until %1; the case can be closed only after it</source>
        <translation>公示期至%1，期满后方可办结</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public notice runs until %1; this step must be dated after it</source>
        <translation>公示期至%1，本环节的日期应在公示期满之后</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public notice runs until %1; it can be concluded only after that</source>
        <translation>公示期至%1，期满后方可结束公示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The end date cannot be before the start date (%1)</source>
        <translation>结束日期不得早于开始日期（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date cannot be after today (%1)</source>
        <translation>日期不得晚于今天（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete &quot;%1&quot; first, then record &quot;%2&quot;</source>
        <translation>请先完成“%1”，再录入“%2”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date cannot be before that of the previous step &quot;%1&quot; (%2)</source>
        <translation>日期不得早于上一环节“%1”的日期（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date cannot be before the acceptance date (%1)</source>
        <translation>日期不得早于受理日期（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not finished (due by %2); the case can be closed once the procedure is complete</source>
        <translation>“%1”尚未完成（应于%2前完成），程序完成后方可办结</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not finished; the case can be closed once the procedure is complete</source>
        <translation>“%1”尚未完成，程序完成后方可办结</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public notice runs until %1; &quot;%2&quot; can be recorded once it has ended and been concluded</source>
        <translation>公示期至%1，期满并结束公示后方可录入“%2”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown procedure step</source>
        <translation>未知的办理环节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the result of &quot;%1&quot;</source>
        <translation>请选择“%1”的结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown source of the record</source>
        <translation>未知的录入来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The additional information is not in a valid form</source>
        <translation>附加信息格式不正确</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A home visit needs at least %1 investigators; enter them</source>
        <translation>入户调查须由至少 %1 名调查人员进行，请填写调查人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter what the home visit found</source>
        <translation>请填写入户调查情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the result of the check (matches or differs)</source>
        <translation>请选择核对结果（一致或有差异）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check found differences: explain them and why</source>
        <translation>核对结果有差异的，请说明差异及原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the result of the public notice (no objection, objection resolved or objection upheld)</source>
        <translation>请选择公示结果（无异议、有异议已处理或异议成立）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There were objections: enter them and how they were handled</source>
        <translation>公示有异议的，请填写异议内容及处理情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not agreed: enter the reason</source>
        <translation>不同意的，请填写理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the reason for the extension</source>
        <translation>请填写延期理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter who took part in the case conference</source>
        <translation>请填写参加会商的人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This step has no amount</source>
        <translation>该环节不填写金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This item is closed; no more procedure steps can be recorded</source>
        <translation>该事项已办结，不能再录入办理环节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item has no review procedure (accepted before it existed, or not handled by the township); record its result directly</source>
        <translation>该事项没有审核确认程序（受理早于本功能，或不由乡镇办理），请直接录入办理结果</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public notice cannot be shorter than the rule (at least until %1)</source>
        <translation>公示期不得短于规定期限（至少至%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item cannot be extended</source>
        <translation>该事项不能延期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This item was already extended once; it cannot be extended again</source>
        <translation>该事项已延期一次，不能再延期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The time limit ended on %1; it can no longer be extended</source>
        <translation>办理期限已于%1届满，不能再延期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the items</source>
        <translation>请选择事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The applicant of this item does not belong to the chosen village; it cannot be on this village&apos;s public notice list</source>
        <translation>该事项的申请人不属于所选村（社区），不能列入本村公示名单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None of the chosen items is publicised (minors, orphans …); there is nothing to put on the list</source>
        <translation>所选事项均不公示（未成年人、孤儿等），没有可公示的事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A report list can only hold items confirmed by one county department (items the township confirms are not reported)</source>
        <translation>上报清单只能列同一县级审核确认部门的事项（乡镇审核确认的事项不报县）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public notice period setting is not valid: each entry needs an effective date (one per date), a number of days (1 to %1) and a unit (calendar or working days)</source>
        <translation>公示期设置不正确：每条须有生效日期（每个日期一条）、天数（1 到 %1）和单位（日历日或工作日）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cannot be marked awaiting the assistance status</source>
        <translation>“%1”不能选“待低保认定”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 may be marked awaiting the assistance status only while %2 is applied for in this intake or still pending in an open application</source>
        <translation>“%1”只有在本次同时申请或尚在办理%2时，才能选“待低保认定”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Needed before the decision: %1</source>
        <translation>审核确认前须提供：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This item is closed; its materials can no longer be changed</source>
        <translation>该事项已办结，不能再修改材料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not enough money in the reserve fund: %2 yuan available on %1, this payment is %3 yuan, %4 yuan short; record money received first or report to the county</source>
        <translation>备用金余额不足：%1 可用余额 %2 元，本次支付 %3 元，差 %4 元；请先登记拨入或报县审批</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The township does not keep a temporary assistance reserve fund ledger on %1 (setting &quot;reserve fund&quot;)</source>
        <translation>本乡镇（街道）%1 未启用临时救助备用金台账（设置“备用金”）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The amount must be above 0</source>
        <translation>金额必须大于 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say which emergency aid or which temporary assistance item is paid</source>
        <translation>请指明支付的是哪一笔先行救助或哪一项临时救助</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emergency aid %1 was already paid from the reserve fund</source>
        <translation>先行救助 %1 已从备用金支付，不能重复支付</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a finished temporary assistance item with an amount can be paid from the reserve fund</source>
        <translation>只有已办结并有救助金额的临时救助事项才能从备用金支付</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This payment of %1 yuan is above the %2 yuan not yet paid (decided %3 yuan, paid %4 yuan)</source>
        <translation>本次支付 %1 元超过尚未支付的金额 %2 元（决定金额 %3 元，已支付 %4 元）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the payment that is given back</source>
        <translation>请选择要退回的支付记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund cannot be dated before payment %1 on %2</source>
        <translation>退回日期不能早于支付 %1 的日期 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The refund of %1 yuan is above the %2 yuan paid on this item and not given back yet</source>
        <translation>退回金额 %1 元超过该事项已支付且未退回的 %2 元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No reserve fund payment up to %1 waits to be submitted</source>
        <translation>截至 %1 没有未报账的备用金支付</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reimbursement of batch %1 is already recorded</source>
        <translation>报账批次 %1 已登记拨付</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reimbursement of %1 yuan is above the batch total of %2 yuan</source>
        <translation>拨付金额 %1 元超过报账金额 %2 元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reimbursement cannot be dated before batch %1 on %2</source>
        <translation>拨付日期不能早于报账批次 %1 的日期 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the month like 2026-11</source>
        <translation>月份格式应为 2026-11</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That month has not begun: no statement yet</source>
        <translation>该月份尚未开始，不能打印月度明细</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reserve fund setting is not valid: each entry needs an effective date (one per date) and says whether the fund is kept and whether emergency aid is paid from it</source>
        <translation>备用金设置不正确：每条须有生效日期（每个日期一条）并写明是否启用、先行救助是否从备用金支付</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The emergency first-aid time limit setting is not valid: each entry needs an effective date (one per date) and a number of hours from 1 to %1</source>
        <translation>先行救助时限设置不正确：每条须有生效日期（每个日期一条）和 1 到 %1 之间的小时数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The effective date is not valid (e.g. 2026-01-01)</source>
        <translation>生效日期格式不正确（例：2026-01-01）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The temporary assistance bands are not valid: each entry needs an effective date and its source, each band a type (emergency/expense), a name, and a from and to amount (from below to)</source>
        <translation>临时救助分档设置不正确：每条须有生效日期、依据，每档须有类型（急难型/支出型）、名称、起止金额（起点小于止点）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 temporary assistance bands overlap or are not in ascending order</source>
        <translation>%1临时救助的档次金额重叠或未按从低到高排列</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date completed</source>
        <translation>补齐日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conference date</source>
        <translation>会商日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up date</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the material&apos;s status (received, committed, data-shared or missing)</source>
        <translation>请选择材料状态（已收取、告知承诺、信息共享免提交或缺少）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item has no such material</source>
        <translation>该事项没有这项材料</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No material&apos;s status changed: change at least one</source>
        <translation>材料状态没有变化，请修改至少一项材料的状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date cannot be before the intake date %1</source>
        <translation>日期不能早于受理日期 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter at least two participants of the conference</source>
        <translation>请填写至少两名参加会商人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the conference&apos;s decision</source>
        <translation>请选择会商决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the amount when the township decides or reports to the county</source>
        <translation>乡镇审批或报县审批的，请填写救助金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only temporary assistance items have case conferences and follow-up</source>
        <translation>只有临时救助事项可以录入个案会商或跟进救助</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emergency aid %1 gave %2 yuan; the reserve fund pays the same amount (this payment: %3 yuan)</source>
        <translation>先行救助 %1 发放 %2 元，从备用金支付的金额应与之相同（本次 %3 元）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emergency aid %1 was given in kind and is not paid from the reserve fund</source>
        <translation>先行救助 %1 以实物发放，不从备用金支付</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This item was approved by the county; its money is not paid from the township&apos;s reserve fund</source>
        <translation>该事项由县级审批，救助金不从乡镇（街道）临时救助备用金支付</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This draft no longer exists (it may have been decided, cleared or discarded)</source>
        <translation>该草稿已不存在（可能已受理、清空或放弃）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This draft cannot be read and can no longer be restored</source>
        <translation>该草稿无法读取，已不能恢复</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The dynamic management setting is wrong: each entry needs an effective date, taper months (1 to 24), a taper ceiling (100% to 300% of the standard), the irregular income categories and employments, and the months between near-threshold re-checks (1 to 36)</source>
        <translation>动态管理设置不正确：每条须有生效日期、渐退月数（1 到 24）、渐退上限（标准的 100% 到 300%）、不固定收入类别、不固定就业状况和低保边缘复核月数（1 到 36）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The month is not valid (e.g. 2027-01)</source>
        <translation>月份格式不正确（例：2027-01）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The month it applies from must be between the month of the check and 12 months after it</source>
        <translation>执行月份应在核查当月至其后 12 个月之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The month it applies from cannot be before the benefit began</source>
        <translation>执行月份不能早于开始享受救助的月份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This task is not a subsistence, extreme-poverty, near-threshold or rigid-spending benefit being received; it cannot be re-checked or changed</source>
        <translation>该事项不是正在享受的低保、特困、低保边缘或刚性支出救助，不能复核或变更申报</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the kind of check (re-check or change report)</source>
        <translation>请选择核查类型（定期复核或变更申报）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The kinds of change are not valid</source>
        <translation>变更事项不正确</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A change report needs at least one kind of change (household, income, property or residence)</source>
        <translation>变更申报请至少选择一项变更事项（家庭人口、收入、财产或居住地）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To adjust the amount, enter the new amount</source>
        <translation>调整救助金额的，请填写调整后的金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The taper period must be a whole number of months from 1 to 24</source>
        <translation>渐退月数应为 1 到 24 之间的整数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date cannot be before the benefit began or the last re-check (%1)</source>
        <translation>核查日期不能早于开始享受救助或上次复核的日期 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To stop the benefit, give the reason</source>
        <translation>停止救助的，请填写停止原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most %1 investigators</source>
        <translation>核查人员最多填写 %1 人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The directory already has a provider of that name</source>
        <translation>服务机构名录中已有同名机构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the kind of provider</source>
        <translation>请选择机构类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one service the provider offers</source>
        <translation>请至少选择一项该机构提供的服务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A chosen service is not a service item of the catalogue</source>
        <translation>所选服务不在事项目录的服务类事项中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The end date cannot be before the start date</source>
        <translation>停用日期不能早于启用日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A provider can be chosen only for a service item waiting to be referred without a provider yet, or returned</source>
        <translation>只有待转办且尚未选择服务机构、或已退回的服务类事项可以选择服务机构</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only service items (visits, care …) can be referred to a provider</source>
        <translation>只有服务类事项（访视、照料等）可以转给服务机构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This provider is inactive or outside its service period</source>
        <translation>该服务机构已停用或不在服务期内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This provider does not offer this service</source>
        <translation>该服务机构不提供此项服务</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please assess “%1”: can or cannot</source>
        <translation>请评估“%1”：能或不能</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The care setting for persons in extreme poverty is not valid: each entry needs an effective date (one entry per date), the number of indicators not met for total loss (1 to 6), the three care standards (0 to 10,000 yuan), the agreement term (1 to %1 months) and the reminder days (0 to %2)</source>
        <translation>特困人员照料设置不正确：每条须有生效日期（每个日期一条）、完全丧失自理能力的不能达到项数（1 到 6）、三档照料护理标准（0 到 10,000 元）、协议期限（1 到 %1 个月）和到期提醒天数（0 到 %2 天）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only an extreme-poverty support task can have a self-care assessment and entrusted care</source>
        <translation>只有特困人员救助供养事项可以进行生活自理能力评估和委托照料</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This task was refused: no self-care assessment can be recorded</source>
        <translation>该事项已不予办理，不能进行生活自理能力评估</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please choose the household member assessed</source>
        <translation>请选择被评估的家庭成员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please enter at least %1 assessors</source>
        <translation>请填写至少 %1 名评估人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please choose how support is given (centralised or dispersed)</source>
        <translation>请选择供养方式（集中供养或分散供养）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For centralised support, please enter the care institution</source>
        <translation>集中供养的，请填写供养服务机构名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dispersed support with %1 needs an entrusted care agreement</source>
        <translation>分散供养且%1的，须签订委托照料协议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Please choose the kind of caretaker</source>
        <translation>请选择照料人类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please enter the caretaker&apos;s name or organisation</source>
        <translation>请填写照料人姓名或机构名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please choose at least one care service</source>
        <translation>请选择至少一项照料服务内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agreement&apos;s end must not be before its start, and the term not longer than %1 months</source>
        <translation>协议终止日期须不早于开始日期，期限不超过 %1 个月</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This record has no entrusted care agreement</source>
        <translation>该记录没有委托照料协议</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This agreement ended on %1</source>
        <translation>该协议已于 %1 终止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The end date must not be before the agreement&apos;s start %1</source>
        <translation>终止日期不能早于协议开始日期 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please enter why the agreement ends</source>
        <translation>请填写终止原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A newer assessment or agreement replaced this one: act on the newest</source>
        <translation>该协议已被新的评估或协议取代，请对最新的协议操作</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lead deadlines setting not valid: each entry needs an effective date, the 12345 reply limit and the visit limit (1 to %1 days, working or calendar days) and whether grid workers are used, with no effective date twice</source>
        <translation>主动发现时限设置无效：每条须有生效日期、12345回复时限和走访时限（1至%1天，工作日或自然日）及是否使用网格员，且生效日期不重复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose who reported the lead</source>
        <translation>请选择线索来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the name or the address of the person reported (at least one)</source>
        <translation>请填写被反映人的姓名或住址（至少一项）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the village</source>
        <translation>请选择所在村（社区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This lead does not exist</source>
        <translation>该线索不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead %1 is closed and can no longer be changed</source>
        <translation>线索 %1 已办结，不能再修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter at least one person who visited</source>
        <translation>请填写至少一名走访人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a 12345 hotline lead needs a reply</source>
        <translation>只有12345热线线索需要回复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose how the lead ends (not eligible or referred elsewhere)</source>
        <translation>请选择办结方式（不符合条件或转介其他渠道）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter why the person is not eligible</source>
        <translation>请填写不符合条件的原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the department or channel referred to</source>
        <translation>请填写转介到的部门或渠道</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log in as a clerk to help with an application</source>
        <translation>请以经办人身份登录后再帮助申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lead %1 has already become an application</source>
        <translation>线索 %1 已经转为申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This village has no open leads</source>
        <translation>该村（社区）没有待办的线索</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The monitoring settings are not valid: each entry needs an effective date (one entry per date), a source, and whole numbers of months, days and percent within the allowed range</source>
        <translation>监测名单设置不正确：每条须有生效日期（每个日期一条）、依据，以及各项月数、天数和比例（整数，在允许范围内）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the household to visit</source>
        <translation>请选择要走访的家庭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The household to visit no longer exists (application or warning not found)</source>
        <translation>要走访的家庭已不存在（办件或预警记录找不到）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the visit date</source>
        <translation>请填写走访日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter at least one visitor</source>
        <translation>请填写至少一名走访人员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter at most %1 visitors</source>
        <translation>走访人员最多填写 %1 名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter what the visit found</source>
        <translation>请填写走访发现的情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the outcome of the visit</source>
        <translation>请选择走访结论</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The next visit must be after this visit</source>
        <translation>下次走访日期应晚于本次走访日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This household does not receive dibao or tekun support now, so no change report can be made; choose &quot;needs help&quot; if it needs help</source>
        <translation>该家庭目前不享受低保、特困供养，不能提交变更申报；需要帮扶的请选择“需要帮扶”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The period is not valid: enter e.g. 2026-11 (month), 2026-Q4 (quarter), 2026 (year) or 2026-11-03..2026-11-20 (custom)</source>
        <translation>统计期间格式不正确，请填写如 2026-11（月）、2026-Q4（季度）、2026（年）或 2026-11-03..2026-11-20（自定义）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The period&apos;s end cannot be before its start</source>
        <translation>统计期间的结束日期不能早于开始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown breakdown: %1</source>
        <translation>未知的分组方式：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown figure: %1</source>
        <translation>未知的统计指标：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This breakdown has no such row: %1</source>
        <translation>该分组中没有这一行：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exporting the Excel workbook</source>
        <translation>导出Excel表格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet “%1” has more rows than Excel allows (%2 rows); export a shorter date range in several parts</source>
        <translation>工作表“%1”超过Excel的行数上限（%2行），请缩短日期范围后分次导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no ledger template named “%1”</source>
        <translation>没有名为“%1”的台账模板</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ledger template %1 is malformed (near line %2)</source>
        <translation>台账模板 %1 格式错误（第%2行附近）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ledger template %1 has no columns</source>
        <translation>台账模板 %1 没有任何列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ledger type “%2” of template %1 does not exist</source>
        <translation>台账模板 %1 的台账类型“%2”不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The field “%2” in ledger template %1 is not a field of the %3</source>
        <translation>台账模板 %1 中的字段“%2”不是%3的字段</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: not filled in</source>
        <translation>%1：未填写</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: not an item of the assistance catalogue</source>
        <translation>%1：无法对应到救助事项目录中的事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: not a village or community of this township</source>
        <translation>%1：不是本乡镇的村（社区）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: not understood (should be approved, refused …)</source>
        <translation>%1：无法识别（应为批准、不予批准等）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: earlier than the application date</source>
        <translation>%1：早于申请日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: earlier than the start date</source>
        <translation>%1：早于起始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeats row %1 (same ID number, item and application date)</source>
        <translation>与第%1行重复（同一身份证号码、事项和申请日期）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An application with the same ID number, item and application date is already recorded: %1</source>
        <translation>已有同一身份证号码、事项和申请日期的办件：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File %1 is not a spreadsheet that can be imported (.xlsx, .xls, .csv)</source>
        <translation>文件 %1 不是可导入的表格（支持 .xlsx、.xls、.csv）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File %1 cannot be read: it is damaged, has a password or is not a spreadsheet</source>
        <translation>文件 %1 无法读取：文件已损坏、有密码或不是表格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No header row and data found in file %1</source>
        <translation>文件 %1 中没有找到表头和数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column %1 is mapped to an unknown field</source>
        <translation>第%1列对应的项目不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The spreadsheet has no column %1</source>
        <translation>表格中没有第%1列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is mapped to more than one column</source>
        <translation>“%1”对应了不止一列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the column for “%1”</source>
        <translation>请为“%1”选择对应的列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: re-checks are recorded only for granted subsistence allowance, extreme poverty support, marginal-household or rigid-expenditure assistance</source>
        <translation>%1：只有已批准的低保、特困、低保边缘或刚性支出救助才登记复核</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: must be A, B or C</source>
        <translation>%1：应为A、B或C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: only the subsistence allowance has classes A, B and C</source>
        <translation>%1：只有低保分A、B、C类</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the ledger file</source>
        <translation>读取台账文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No application of this household was found</source>
        <translation>没有找到这一户的申请记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The saved file of %1 %2 differs from the checksum recorded when it was issued (the file may have been changed or damaged); the household file was not exported. Ask a supervisor to run the check, then export again</source>
        <translation>%1 %2 的存档文件与出具时记录的校验值不一致（文件可能被修改或损坏），已停止导出一户一档；请负责人用“检查”核对后再导出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan or paste the content of the document&apos;s QR code</source>
        <translation>请扫描或粘贴文书二维码的内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file to verify was not found</source>
        <translation>找不到要验证的文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file cannot be read: choose a PDF document, or a scan or photo of the QR code</source>
        <translation>无法读取该文件：请选择PDF文书，或二维码的扫描件、照片</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Genuine: the signature is valid and the content is as issued</source>
        <translation>真实：签名有效，内容与签发时一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Altered: the document&apos;s content or its QR code differs from what was issued</source>
        <translation>已被改动：文书内容或二维码与签发时不一致</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown signer: the signing key is not among the registered township keys</source>
        <translation>签发者未知：签名密钥不在已登记的乡镇密钥中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Voided: the issuing township has voided this document</source>
        <translation>已作废：该文书已被签发乡镇作废</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a document QR code of this system</source>
        <translation>不是本系统的文书二维码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The QR code is incomplete or malformed and cannot be read</source>
        <translation>二维码内容残缺或格式错误，无法读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No QR code found (previews and drafts have none; scan the code again or at a higher resolution)</source>
        <translation>未找到二维码（预览件、草稿没有二维码；请对准二维码重新扫描或提高扫描分辨率）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file cannot be read (not an image or a PDF, or it is damaged)</source>
        <translation>无法读取该文件（不是图片或 PDF，或文件已损坏）</translation>
    </message>
    <message>
        <location line="-96"/>
        <source>Ledger template %1 cannot be read; check that the file exists and is UTF-8</source>
        <translation>台账模板 %1 无法读取，请检查文件是否存在、是否为UTF-8编码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%2” in ledger template %1 is not a known setting</source>
        <translation>台账模板 %1 中的“%2”不是可用的设置项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ledger template %1 lacks “%2”</source>
        <translation>台账模板 %1 缺少“%2”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The value of “%2” in ledger template %1 is not valid</source>
        <translation>台账模板 %1 中“%2”的值不正确</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the ledger&apos;s start and end dates</source>
        <translation>请填写台账的开始日期和结束日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The start date must not be after the end date</source>
        <translation>开始日期不能晚于结束日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the ledger as an Excel file (a name ending in .xlsx)</source>
        <translation>台账须保存为Excel文件（文件名以 .xlsx 结尾）</translation>
    </message>
</context>
<context>
    <name>MonitorTab</name>
    <message>
        <location filename="../dynamic/monitor.py" line="+109"/>
        <source>All reasons</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue only</source>
        <translation>只看逾期未走访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include households taken off</source>
        <translation>含已移出名单的家庭</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Household</source>
        <translation>户主（申请人）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reasons</source>
        <translation>纳入监测原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next visit</source>
        <translation>下次走访</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case no.</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Record visit…</source>
        <translation>记录走访…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open application</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 day(s) overdue</source>
        <translation>逾期 %1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1 day(s)</source>
        <translation>%1 天后</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 household(s), %2 visit(s) overdue</source>
        <translation>共 %1 户，逾期未走访 %2 户</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Select a household to see why it is on the list and its visits.</source>
        <translation>选择一户，查看纳入监测的原因和走访记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why on the list:</source>
        <translation>纳入监测原因：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next visit due: %1</source>
        <translation>下次走访：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receives dibao/tekun now: a change found on a visit goes to a change report.</source>
        <translation>该户目前享受低保或特困供养：走访发现情况变化的，办理变更申报。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Visits (%1):</source>
        <translation>走访记录（%1 次）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  none yet</source>
        <translation>  尚无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  %1  %2 — %3 (%4)</source>
        <translation>  %1  %2 — %3（%4）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Visit recorded: the household needs help. Register the lead on the 主动发现 tab.</source>
        <translation>走访已记录：该户需要帮扶，请在“主动发现”中登记线索。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visit recorded: the application opens for its change report (变更申报).</source>
        <translation>走访已记录：已打开该户办件，请办理变更申报。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visit recorded. Next visit due %1.</source>
        <translation>走访已记录。下次走访：%1。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Visit recorded: lead %1 registered in the lead register (主动发现).</source>
        <translation>走访已记录：已在“主动发现”中登记线索 %1。</translation>
    </message>
</context>
<context>
    <name>MonitorVisitDialog</name>
    <message>
        <location line="+16"/>
        <source>Record a monitoring visit</source>
        <translation>记录监测走访</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Names, separated by 、 or commas</source>
        <translation>姓名，多人用顿号或逗号分隔</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the visit found: income, health, housing, needs</source>
        <translation>走访发现的情况：收入、健康、住房、需求等</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set the next visit date</source>
        <translation>指定下次走访日期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Visit date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>走访结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next visit</source>
        <translation>下次走访</translation>
    </message>
</context>
<context>
    <name>NewLeadDialog</name>
    <message>
        <location filename="../dynamic/leads.py" line="-430"/>
        <source>Register a lead</source>
        <translation>登记主动发现线索</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>12345 ticket number</source>
        <translation>12345工单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department document / warning list number</source>
        <translation>部门推送文号或预警名单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of who reported</source>
        <translation>反映人姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of the person in need</source>
        <translation>需要帮助的人的姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If known</source>
        <translation>知道时填写</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was reported</source>
        <translation>反映的情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who goes to see (optional)</source>
        <translation>走访责任人（可稍后分派）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Source</source>
        <translation>线索来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported on</source>
        <translation>反映日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12345 ticket</source>
        <translation>12345工单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>来源文号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported by</source>
        <translation>反映人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reporter&apos;s phone</source>
        <translation>反映人电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Person in need</source>
        <translation>被反映人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Village</source>
        <translation>所在村（社区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Situation</source>
        <translation>反映情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitor</source>
        <translation>走访责任人</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../admin/screen.py" line="-226"/>
        <source>New account</source>
        <translation>新增账户</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>letters, digits . _ -; e.g. clerk3</source>
        <translation>小写字母、数字及 . _ -，以字母开头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user chooses their own password at the first login. Leave it empty to create the account without a password (it cannot log in until one is set).</source>
        <translation>用户首次登录时须改为自己的密码。留空则创建无密码账户（设置密码前不能登录）。</translation>
    </message>
</context>
<context>
    <name>NoticeConfirmDialog</name>
    <message>
        <location filename="../intake/notice_confirm.py" line="+31"/>
        <source>Issue the one-time notice?</source>
        <extracomment>Preview resolution: an A4 page about 800 px wide, readable at 1366×768.</extracomment>
        <translation>开具一次性告知书？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the one-time notice as it will be printed for the applicant. Check the missing materials: once issued, the notice is recorded under its number.</source>
        <translation>以下是将打印给申请人的一次性告知书。请核对所缺材料：开具后，告知书即以该编号登记。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Confirm and &amp;issue</source>
        <translation>确认开具(&amp;Y)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PaperworkDialog</name>
    <message>
        <location filename="../tracking/temporary_dialogs.py" line="-163"/>
        <source>Complete the paperwork</source>
        <translation>补齐手续</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent cases are helped first and their paperwork completed afterwards: set the status of each material that arrived.</source>
        <translation>急难型临时救助先行救助、事后补齐手续：请修改已补交材料的状态。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Optional, e.g. who brought them</source>
        <translation>可不填，例：由谁送来</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date completed</source>
        <translation>补齐日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save and print the checklist</source>
        <translation>保存并打印材料清单</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <location filename="../reserve/dialogs.py" line="-85"/>
        <source>Pay temporary assistance from the reserve fund</source>
        <translation>从备用金支付临时救助</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Balance now: %1 yuan. Emergency aid paid first in cash or by transfer is drawn when it is recorded.</source>
        <translation>当前余额 %1 元。以现金或银行转账发放的先行救助在登记时自动从备用金支付。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 %2 %3 — %4 yuan unpaid</source>
        <translation>%1 %2 %3 — 未支付 %4 元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default: all that is unpaid</source>
        <translation>不填则支付全部未支付金额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid on</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No temporary assistance result waits to be paid.</source>
        <translation>没有待支付的临时救助。</translation>
    </message>
</context>
<context>
    <name>PeoplePicker</name>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="-436"/>
        <source>Other people, separated by 、</source>
        <translation>其他人员，用“、”分隔</translation>
    </message>
</context>
<context>
    <name>PeriodEdit</name>
    <message>
        <location line="+29"/>
        <source>Monthly, from</source>
        <translation>按月，自</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <location filename="../intake/person.py" line="-338"/>
        <source>Name as on the ID card</source>
        <translation>与证件一致的姓名</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+112"/>
        <source>18 characters; the last may be X</source>
        <translation>18位，末位可为X</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Why there is no ID, e.g. 流浪乞讨人员</source>
        <translation>无证件原因，如：流浪乞讨人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mobile or landline with area code</source>
        <translation>手机或带区号的固话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registered residence (户籍) address</source>
        <translation>户籍所在地地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No disability</source>
        <translation>无残疾</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grade %1</source>
        <translation>%1级</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Self-care</source>
        <translation>生活自理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counted in the household</source>
        <translation>计入家庭成员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counted among the household members whose income and number count (spouse, minor children, …)</source>
        <translation>计入共同生活的家庭成员，其收入和人数参与核算（配偶、未成年子女等）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why the member is (or is not) counted</source>
        <translation>计入或不计入的理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Relation to the applicant</source>
        <translation>与申请人关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hukou type</source>
        <translation>户口性质</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disability category</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Self-care ability</source>
        <translation>生活自理能力</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Why there is no ID</source>
        <translation>无证件原因</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Why…</source>
        <translation>计入理由…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why not counted…</source>
        <translation>不计入理由…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This member is the minor applicant&apos;s guardian and signs for them</source>
        <translation>该成员是未成年申请人的监护人，代为签字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only an adult member of a minor applicant&apos;s household can be the guardian</source>
        <translation>只有申请人未成年时，其成年家庭成员才能作为监护人</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>%1/18</source>
        <extracomment>Adults (民法典 第十七条): a younger applicant has a guardian (监护人) who signs.</extracomment>
        <translation>已输入 %1/18 位</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Valid</source>
        <translation>号码有效</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, born %2, age %3</source>
        <translation>%1，%2，%3岁</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../reports/imports.py" line="-57"/>
        <source>Row</source>
        <extracomment>The modes of the tab. Row statuses of a preview (``RowCheck.status``). The rows the problem filter shows and the rejected-rows file lists. Results of a county-list match (``MatchRow.status``). A value that looks like an ID number (masked in the samples). How many sample values of a column the mapping shows. ID numbers shown masked (a user without ``pii.full_id.any``)</extracomment>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Can be imported</source>
        <translation>可导入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Has problems</source>
        <translation>有问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported before</source>
        <translation>已导入过</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>same ID number as %1</source>
        <translation>与已有办件 %1 的证件号码相同</translation>
    </message>
</context>
<context>
    <name>PrintPdf</name>
    <message>
        <location filename="../kit/print_raster.py" line="+44"/>
        <source>No printer is installed on this computer.</source>
        <extracomment>Highest rasterisation resolution. 600 dpi keeps 10-pt CJK text as sharp as a laser printer shows it; a 1200-dpi driver would otherwise mean 140 MB per page. Preview pages are rasterised at most at this resolution (screen zoom).</extracomment>
        <translation>本机未安装打印机。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer “%1” is not available on this computer.</source>
        <translation>本机找不到打印机“%1”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The printer “%1” is offline or paused.</source>
        <translation>打印机“%1”脱机或已暂停。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer “%1” reports an error (out of paper, jammed or switched off).</source>
        <translation>打印机“%1”报告故障（缺纸、卡纸或未开机）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The printer “%1” refused the print job.</source>
        <translation>打印机“%1”拒绝了打印任务。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The saved PDF could not be read for printing.</source>
        <translation>无法读取已保存的PDF，不能打印。</translation>
    </message>
    <message>
        <location filename="../kit/print_failure.py" line="+68"/>
        <location line="+22"/>
        <source>The document is saved; nothing is lost:</source>
        <translation>文书已保存，没有丢失：</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Open PDF</source>
        <translation>打开PDF</translation>
    </message>
    <message>
        <location filename="../kit/print_pdf.py" line="+193"/>
        <location line="+61"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第%1页，共%2页…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location filename="../kit/print_failure.py" line="-2"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Check the printer and print again, save the PDF elsewhere (another computer, a USB stick) or open it and print it from the PDF viewer.</source>
        <translation>请检查打印机后重新打印；也可将PDF另存到其他位置（其他电脑、U盘），或打开PDF后在阅读器中打印。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No program on this computer could open the PDF (is a PDF viewer installed?).</source>
        <translation>本机没有程序能打开该PDF（是否安装了PDF阅读器？）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview it here and print from the preview, or save it elsewhere (another computer, a USB stick).</source>
        <translation>可在本程序中预览并从预览中打印，或另存到其他位置（其他电脑、U盘）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PDF could not be opened</source>
        <translation>无法打开PDF</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save PDF as</source>
        <translation>PDF另存为</translation>
    </message>
    <message>
        <location filename="../kit/print_actions.py" line="-91"/>
        <source>Sent to printer %1: %2 %3</source>
        <translation>已发送到打印机 %1：%2 %3</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Could not open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No program on this computer could open %1.</source>
        <translation>本机没有程序能打开 %1。</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <location filename="../admin/providers.py" line="+54"/>
        <source>Change provider</source>
        <translation>修改服务机构</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New provider</source>
        <translation>新增服务机构</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. the township&apos;s social work station</source>
        <translation>如：××镇社会工作服务站</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>e.g. service area, opening hours, agreement</source>
        <translation>如：服务范围、服务时间、合作协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>YYYY-MM-DD, empty = open</source>
        <translation>年-月-日，空白表示不限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>机构类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services offered</source>
        <translation>提供服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service period</source>
        <translation>服务期限</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <location line="+36"/>
        <source>Social work stations, charities, volunteer teams and other organisations that provide service items (visits, care, counselling, social integration, resource linking). The window chooses one for a service item on the tracking screen; the referral slip and the handover list name it, and its receipt slip is recorded like a department&apos;s.</source>
        <translation>提供服务类救助事项（访视、照料、心理疏导、社会融入、资源链接）的社工站、慈善组织、志愿服务队及其他社会组织。窗口在转办跟踪中为服务类事项选择服务机构；转办单和转办清单写明该机构，其回执与部门回执一样登记。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>机构名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>机构类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Services</source>
        <translation>提供服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items referred</source>
        <translation>已转办事项</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New provider…</source>
        <translation>新增机构…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+66"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>outside its period</source>
        <translation>不在服务期内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 provider(s), %2 in use</source>
        <translation>共 %1 家机构，%2 家在用</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>PublicityDialog</name>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="+519"/>
        <source>Start the public notice</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts on</source>
        <translation>公示开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks awaiting public notice</source>
        <translation>待公示事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start and print the list</source>
        <translation>开始公示并打印名单</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Public notice list</source>
        <translation>公示名单</translation>
    </message>
</context>
<context>
    <name>PublicityEndDialog</name>
    <message>
        <location line="-237"/>
        <source>Conclude the public notice</source>
        <translation>公示结束登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No objection</source>
        <translation>无异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objections resolved</source>
        <translation>有异议，已核实处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objections upheld</source>
        <translation>有异议，异议成立</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objections received, by whom and when</source>
        <translation>收到的异议：提出人及时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How they were checked and resolved</source>
        <translation>核实及处理情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concluded on</source>
        <translation>公示结束日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>公示结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Public notice from %1 to %2.</source>
        <translation>公示期：%1 至 %2。</translation>
    </message>
</context>
<context>
    <name>ReasonsDialog</name>
    <message>
        <location filename="../kit/dialogs.py" line="+50"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Please enter a reason.</source>
        <translation>请填写理由。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not accepted: reasons</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the reasons printed on the notice, one per line. The notice also tells the applicant how to appeal.</source>
        <translation>请填写印在不予受理通知书上的理由，每行一条。通知书同时告知申请人救济途径。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Void document</source>
        <translation>作废文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is this document voided? Its number stays used and the reason is kept.</source>
        <translation>作废原因？该文书编号不再使用，原因将被保留。</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../reserve/dialogs.py" line="-44"/>
        <source>Money received into the reserve fund</source>
        <translation>备用金拨入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance now: %1 yuan.</source>
        <translation>当前余额 %1 元。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yuan, e.g. 20000</source>
        <translation>元，例如 20000</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 县民政局拨付第四季度备用金</source>
        <translation>例如 县民政局拨付第四季度备用金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received on</source>
        <translation>拨入日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From whom / what for</source>
        <translation>来源及用途</translation>
    </message>
</context>
<context>
    <name>RechecksTab</name>
    <message>
        <location filename="../dynamic/rechecks.py" line="+84"/>
        <source>Re-checks due</source>
        <translation>到期复核</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+53"/>
        <source>Number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+53"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+53"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+53"/>
        <source>Item</source>
        <translation>救助事项</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Re-check…</source>
        <translation>复核(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in the re-check worksheet with the household as it is now</source>
        <translation>按家庭现状填写复核核查表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Change report…</source>
        <translation>变更申报(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The household reports a change of members, income, property or residence</source>
        <translation>家庭申报人口、收入、财产或居住地变化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open application</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Households whose re-check is due within</source>
        <translation>复核到期于以下天数内的家庭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(subsistence and extreme poverty by class; subsistence-edge and essential-spending households when their validity ends)</source>
        <translation>（低保、特困按分类周期；低保边缘家庭、刚性支出困难家庭按认定有效期）</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+171"/>
        <source>Taper periods ending</source>
        <translation>渐退期到期</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Taper from</source>
        <translation>渐退起始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ends on</source>
        <translation>渐退截止</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount a month</source>
        <translation>月发放金额</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Print list…</source>
        <translation>打印名单(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview list</source>
        <translation>预览名单</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Taper periods ending in</source>
        <translation>渐退期到期月份</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 day(s) late</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+29"/>
        <source>%1 household(s)</source>
        <translation>共 %1 户</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>tapering off until %1</source>
        <translation>渐退至 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving</source>
        <translation>享受中</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
</context>
<context>
    <name>RecoverAdminDialog</name>
    <message>
        <location filename="../auth/login.py" line="+219"/>
        <source>Forgot the administrator password</source>
        <translation>忘记管理员密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the administrator recovery code shown at the first-run setup (printed or saved then) and choose a new password. The code works once; a new one is shown afterwards. A wrong code counts as a wrong password of that administrator.</source>
        <translation>请输入首次设置时显示（当时已打印或保存）的管理员恢复码，并设置新密码。恢复码只能使用一次，用后会显示新的恢复码。输错恢复码按该管理员输错密码计算。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the password and log in</source>
        <translation>设置密码并登录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../auth/recovery_code.py" line="+71"/>
        <source>Administrator recovery code</source>
        <extracomment>``(parent, title, suggested path) -&gt; path or &quot;&quot;``; replaced in tests. ``(parent, code, township) -&gt; None``: shows a recovery code once; replaced in tests. ``(parent, text) -&gt; printed?``; replaced in tests.</extracomment>
        <translation>管理员恢复码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If the administrator&apos;s password is ever forgotten, this code sets a new one on this computer (command: %1). It works once; a new code is then shown.
Print it or write it down now and keep it locked away from this computer: it is shown only this once, and it is not stored anywhere in readable form.</source>
        <translation>如果忘记了管理员密码，可以在本机用此恢复码设置新密码（命令：%1）。恢复码只能使用一次，用后会显示新的恢复码。
请现在打印或抄写下来，与电脑分开锁好保管：它只显示这一次，任何地方都不保存可读的恢复码。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as a file…</source>
        <translation>保存为文件…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>I have kept the code</source>
        <translation>我已妥善保管</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Township Service Window: administrator recovery code

Township: %1
Issued: %2

    %3

If the administrator&apos;s password is forgotten: on this computer run
    %4
type this code and choose a new password. The code works once; write down the new code that is then shown. Keep this sheet locked away.</source>
        <translation>社会救助一门受理窗口：管理员恢复码

乡镇：%1
生成时间：%2

    %3

忘记管理员密码时：在本机运行
    %4
输入此恢复码并设置新密码。恢复码只能使用一次；请抄下届时显示的新恢复码。请将本页锁好保管。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the recovery code</source>
        <translation>保存恢复码</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved to %1. Keep that file away from this computer.</source>
        <translation>已保存到 %1。请将该文件与电脑分开保管。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print or write down the code, then click &quot;I have kept the code&quot;.</source>
        <translation>请先打印或抄写恢复码，然后点击“我已妥善保管”。</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../reserve/dialogs.py" line="+57"/>
        <source>Money given back into the reserve fund</source>
        <translation>退回备用金</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment %1 of %2: %3 yuan, %4 %5</source>
        <translation>支付 %1（%2）：%3 元，%4 %5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 多付部分退回</source>
        <translation>例如 多付部分退回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given back on</source>
        <translation>退回日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>ReimburseDialog</name>
    <message>
        <location line="+44"/>
        <source>The county reimbursed a batch</source>
        <translation>登记县级拨付</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of %2: %3 yuan, %4 payment(s)</source>
        <translation>%1（%2）：%3 元，%4 笔</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch</source>
        <translation>报账批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (yuan)</source>
        <translation>拨付金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received on</source>
        <translation>到账日期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No submitted batch waits for its money.</source>
        <translation>没有待拨付的报账批次。</translation>
    </message>
</context>
<context>
    <name>RelatedFields</name>
    <message>
        <location filename="../intake/related.py" line="+45"/>
        <source>Name</source>
        <extracomment>The answers to &quot;can this supporter support?&quot; (data of the ability combo).</extracomment>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relation…</source>
        <translation>关系…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relation to the applicant</source>
        <translation>与申请人关系</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal supporter</source>
        <translation>义务人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legally bound to support the applicant (赡养、抚养或扶养义务人)</source>
        <translation>依法负有赡养、抚养或扶养义务的人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The applicant&apos;s guardian (监护人), who signs for them</source>
        <translation>申请人的监护人，代为签字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Persons in the supporter&apos;s own household</source>
        <translation>义务人本人家庭的人口数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The supporter&apos;s household income, yuan a month</source>
        <translation>义务人家庭月收入（元）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Can this supporter support the applicant?</source>
        <translation>该义务人有无履行能力？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not checked yet</source>
        <translation>未核实</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Able to support</source>
        <translation>有履行能力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unable to support</source>
        <translation>无履行能力</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Why unable…</source>
        <translation>无履行能力原因…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the supporter cannot support</source>
        <translation>义务人无履行能力的原因</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Why there is no ID</source>
        <translation>无证件原因</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number, 18 characters</source>
        <translation>证件号码，18位</translation>
    </message>
</context>
<context>
    <name>RelatedPanel</name>
    <message>
        <location line="+101"/>
        <source>Add supporter or guardian</source>
        <translation>添加义务人或监护人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a legal supporter or guardian living outside the household (Alt+G)</source>
        <translation>添加不在本家庭生活的法定义务人或监护人（Alt+G）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Own household</source>
        <translation>本人家庭人口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Income a month</source>
        <translation>家庭月收入</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove this person</source>
        <translation>删除此人</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../dynamic/leads.py" line="+78"/>
        <source>Reply to the 12345 ticket</source>
        <translation>12345工单回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1&#x3000;reply due %2</source>
        <translation>%1&#x3000;回复期限 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What was done and the answer given</source>
        <translation>办理情况和答复内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replied on</source>
        <translation>回复日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply</source>
        <translation>回复内容</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="+228"/>
        <source>Report to the county</source>
        <translation>报县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported on</source>
        <translation>上报日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks to report</source>
        <translation>上报事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report and print the list</source>
        <translation>上报并打印清单</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Report list</source>
        <translation>上报清单</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../reports/screen.py" line="+15"/>
        <source>Statistics</source>
        <extracomment>The tabs in order: (``&quot;package.module:Class&quot;`` relative to ``desktop_app.gui``, the English title marked for translation in the context ``ReportsScreen``).</extracomment>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ledgers</source>
        <translation>台账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household file</source>
        <translation>一户一档</translation>
    </message>
</context>
<context>
    <name>ReserveScreen</name>
    <message>
        <location filename="../reserve/screen.py" line="+54"/>
        <source>Previous month (%1)</source>
        <translation>上个月（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next month (%1)</source>
        <translation>下个月（%1）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Money in…</source>
        <translation>拨入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record money received into the fund (supervisors)</source>
        <translation>登记拨入备用金的款项（负责人）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay…</source>
        <translation>支付…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay a township temporary assistance result from the fund</source>
        <translation>从备用金支付乡镇决定的临时救助</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Given back…</source>
        <translation>退回…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money of the selected payment given back into the fund (supervisors)</source>
        <translation>所选支付的款项退回备用金（负责人）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit for reimbursement…</source>
        <translation>报账…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit the payments not yet submitted to the county (supervisors)</source>
        <translation>将尚未报账的支付向县民政局报账（负责人）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reimbursed…</source>
        <translation>登记拨付…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The county paid a submitted batch back into the fund (supervisors)</source>
        <translation>县级已拨付报账款项，补入备用金（负责人）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monthly statement</source>
        <translation>月度明细</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the month&apos;s statement of the fund, with signature lines</source>
        <translation>打印本月备用金收支明细（含签字栏）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Setting…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the fund or not, and whether emergency aid is paid from it (administrators)</source>
        <translation>是否启用备用金台账、先行救助是否从备用金支付（管理员）</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Balance: %1 yuan</source>
        <translation>备用金余额：%1 元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not submitted: %1 yuan (%2 payment(s)) · submitted, awaiting the county: %3 yuan</source>
        <translation>未报账：%1 元（%2 笔）· 已报账待拨付：%3 元</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The township does not keep the reserve fund ledger yet: an administrator turns it on (%1).</source>
        <translation>本乡镇（街道）尚未启用备用金台账：请管理员启用（%1）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Emergency aid paid first in cash or by transfer is drawn from the fund when it is recorded; a payment larger than the balance is refused.</source>
        <translation>以现金或银行转账发放的先行救助在登记时从备用金支付；超过余额的支付不予登记。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Emergency aid is not drawn from the fund automatically; pay it here.</source>
        <translation>先行救助不自动从备用金支付，请在此登记支付。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Carried over %1 · in %2 · given back %3 · paid %4 · balance %5 (yuan)</source>
        <translation>上月结余 %1 · 拨入 %2 · 退回 %3 · 支付 %4 · 结余 %5（元）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Only a supervisor or administrator records this</source>
        <translation>只有负责人或管理员可以登记</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 %2: %3 yuan; balance %4 yuan.</source>
        <translation>%1 %2：%3 元；余额 %4 元。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Batch %1 submitted: %2 payment(s), %3 yuan.</source>
        <translation>报账批次 %1：%2 笔，%3 元。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reserve fund setting saved.</source>
        <translation>备用金设置已保存。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Monthly statement %1 printed: %2 line(s).</source>
        <translation>已打印月度明细 %1：%2 笔。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../admin/screen.py" line="+17"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password for %1 (%2). They must change it at their next login; a lockout is lifted.</source>
        <translation>为 %1（%2）设置新密码。该用户下次登录时须修改密码；锁定同时解除。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat</source>
        <translation>再次输入</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../intake/result.py" line="+69"/>
        <source>Documents issued</source>
        <extracomment>The saved PDF of a DocumentInfo (rendered on demand if it is still pending). Prints one saved PDF -&gt; its PrintReport or None (print dialog, or with ``remembered=True`` the remembered printer); tests replace it. Shows the built-in preview of one saved PDF; tests replace it. Records a job the printer accepted: ``record(document, report)``. &quot;已发送到打印机 …&quot; — or why nothing went to paper.</extracomment>
        <translation>已出具文书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested items</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>N&amp;ew application</source>
        <translation>新建受理(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>View application</source>
        <translation>查看办件</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One-time notice issued</source>
        <translation>已出具一次性告知书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not accepted; notice issued</source>
        <translation>不予受理，已出具通知书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number: %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant: %1    Lives in: %2</source>
        <translation>申请人：%1    现居住地：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Due %1</source>
        <translation>办结期限 %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not printed: %1 %2 is saved; print it with the buttons below.</source>
        <translation>未打印：%1 %2 已保存，请用下方按钮打印。</translation>
    </message>
</context>
<context>
    <name>ReviewsBox</name>
    <message>
        <location filename="../dynamic/history.py" line="+92"/>
        <source>Re-checks and change reports</source>
        <translation>复核和变更申报</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Re-check…</source>
        <translation>复核…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-check the household with the standards in force (复核核查表)</source>
        <translation>按现行标准复核家庭情况（复核核查表）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change report…</source>
        <translation>变更申报…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record a change of members, income, property or residence and decide again</source>
        <translation>登记人口、收入、财产或居住地变化并重新认定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>复核结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount a month</source>
        <translation>月发放金额</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facts no.</source>
        <translation>家庭情况版次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next re-check</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Household facts then…</source>
        <translation>查看当时家庭情况…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The household as this re-check recorded it</source>
        <translation>该次复核登记的家庭情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No re-check or change report yet.</source>
        <translation>尚无复核或变更申报记录。</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Household facts no. %1, recorded by the %2 of %3</source>
        <translation>第 %1 版家庭情况（%3 %2时登记）</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../admin/screen.py" line="+16"/>
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role of %1 (%2):</source>
        <translation>%1（%2）的角色：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>SeparateListView</name>
    <message>
        <location filename="../tracking/separate_list.py" line="+55"/>
        <source>Separately registered applications</source>
        <translation>单独登记名单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applications by near relatives of staff members or village (residents&apos;) committee cadres. They are handled like every application and registered here for supervision.</source>
        <translation>经办人员或村（居）干部近亲属提出的申请。与其他申请一样办理，在此单独登记备案，接受监督。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <source>Intake date</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receipt number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Village (community)</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested items</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relationship</source>
        <translation>亲属关系说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 of %2 applications shown</source>
        <translation>显示 %1 件，共 %2 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 applications</source>
        <translation>共 %1 件</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../tracking/dialogs.py" line="-192"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
</context>
<context>
    <name>SettingDialog</name>
    <message>
        <location filename="../reserve/dialogs.py" line="+24"/>
        <source>Reserve fund setting</source>
        <translation>备用金设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the day below, the township keeps the reserve fund ledger; earlier days keep their setting.</source>
        <translation>自下列日期起按本设置执行；此前各日仍按原设置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the temporary assistance reserve fund ledger</source>
        <translation>启用临时救助备用金台账</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Emergency aid paid in cash or by transfer is paid from the fund</source>
        <translation>以现金或银行转账发放的先行救助从备用金支付</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../admin/settings.py" line="+90"/>
        <source>Screen lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock after no input for</source>
        <translation>无操作自动锁屏时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None: backups stay on this disk only</source>
        <translation>未设置：备份只保存在本机硬盘上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>不设置</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mirror folder (another disk, USB stick)</source>
        <translation>镜像目录（另一块硬盘或 U 盘）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>newest</source>
        <translation>最近</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+20"/>
        <location line="+1"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+21"/>
        <location line="+56"/>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The newest backups, then the newest of each of the last days, weeks and months. Copies made before a restore or an upgrade are always kept.</source>
        <translation>保留最近的若干份，再按日、按周、按月各保留最新的一份。恢复前和升级前的备份始终保留。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Documents and deadlines</source>
        <translation>文书与期限</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>review</source>
        <translation>复查/复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administrative reconsideration</source>
        <translation>行政复议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administrative litigation</source>
        <translation>行政诉讼</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Appeal periods printed on refusals</source>
        <translation>不予受理通知书上的救济期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This township confirms subsistence allowance and extreme-poverty support itself (delegated authority)</source>
        <translation>本乡镇自行审核确认低保、特困供养（审核确认权下放）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirmation</source>
        <translation>审核确认</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One per line, e.g.
2026-12-31 off
2027-02-07 work</source>
        <translation>每行一项，例如：
2026-12-31 休息
2027-02-07 上班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Local working-day changes</source>
        <translation>本地工作日调整</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For years the built-in calendar does not know, one line per year and kind, e.g.
2027 holidays 2027-01-01 2027-02-16 2027-02-17
2027 workdays 2027-02-07</source>
        <translation>内置日历尚未包含的年份，每年每类一行，例如：
2027 节假日 2027-01-01 2027-02-16 2027-02-17
2027 调休上班 2027-02-07</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public holidays</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handling and follow-up</source>
        <translation>办理与跟踪</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yuan; above it the county decides</source>
        <translation>元；超过限额报县级审批</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Immediate emergency aid ceiling</source>
        <translation>先行救助限额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paperwork after emergency aid (working days)</source>
        <translation>先行救助后补办手续时限（工作日）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark items due soon (working days before the due date)</source>
        <translation>临期提醒（到期前工作日数）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>extreme poverty</source>
        <translation>特困</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subsistence class A</source>
        <translation>低保A类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>class B</source>
        <translation>B类</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>class C</source>
        <translation>C类</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re-check every</source>
        <translation>复核周期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Temporary assistance under control</source>
        <translation>临时救助管控</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Computer clock</source>
        <translation>电脑时钟</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>tolerance</source>
        <translation>允许误差</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>minutes; warn when ahead of the newest record by</source>
        <translation>分钟；比最近的记录超前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>days, then warn</source>
        <translation>天时提醒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock check</source>
        <translation>时钟检查</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confirm the clock is right…</source>
        <translation>确认时钟正确…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assistance standards (by effective date)</source>
        <translation>救助标准（按生效日期）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Needs assessment rules (by effective date)</source>
        <translation>救助需求评估规则（按生效日期）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+34"/>
        <source>holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+35"/>
        <source>workdays</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>work</source>
        <translation>上班</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>休息</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Line %1: write a date and “work” or “off”, e.g. 2026-12-31 off</source>
        <translation>第 %1 行：请写日期和“上班”或“休息”，如 2026-12-31 休息</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Line %1: write the year, “holidays” or “workdays”, then the dates</source>
        <translation>第 %1 行：请依次写年份、“节假日”或“调休上班”，然后是日期</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The clock (%1) is earlier than the newest record (%2): no document can be issued. Set the Windows clock to Beijing time; only if the clock is right and the newer records were dated by a clock that ran ahead, confirm it here.</source>
        <translation>电脑时钟（%1）早于最近一条记录（%2），暂不能出具文书。请把电脑的系统时间改为北京时间；只有电脑时间确实正确、较新的记录是在时钟超前时登记的，才在此确认。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The clock (%1) is far ahead of the newest record (%2) and of this program&apos;s date. Check the date.</source>
        <translation>电脑时钟（%1）远远超前于最近一条记录（%2）和本程序的日期，请核对日期。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The clock (%1) agrees with the newest record (%2).</source>
        <translation>电脑时钟（%1）与最近一条记录（%2）一致。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Confirm the computer clock</source>
        <translation>确认电脑时钟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm only if the computer&apos;s date and time are right now and the newer records were dated while the clock ran ahead.

Documents will be issued with today&apos;s date again, earlier than those records. The confirmation is recorded in the audit trail with your name and both times, and goes to the county with the next package.</source>
        <translation>只有在电脑当前的日期和时间确实正确、较新的记录是在时钟超前时登记的情况下，才能确认。

确认后将重新按今天的日期出具文书（早于那些记录）。本次确认连同您的姓名和两个时间记录在操作日志中，并随下一个同步包报送县级。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clock confirmed; documents can be issued again.</source>
        <translation>已确认电脑时钟，可以重新出具文书。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the backup mirror folder</source>
        <translation>选择备份镜像目录</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../auth/setup_dialog.py" line="+63"/>
        <source>First-run setup</source>
        <translation>首次设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter this township&apos;s details once. The statistical division code and the village list come from the National Bureau of Statistics&apos; yearly code table.</source>
        <translation>请一次性录入本乡镇（街道）的信息。统计用区划代码和村（社区）名单以国家统计局每年公布的统计用区划代码表为准。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Township name</source>
        <translation>乡镇（街道）名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 城关镇</source>
        <translation>如：城关镇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statistical division code</source>
        <translation>统计用区划代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12 digits, e.g. 522201100000</source>
        <translation>12位数字，如 522201100000</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Office name (optional)</source>
        <translation>窗口名称（可选）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed on documents; defaults to the township&apos;s window</source>
        <translation>印在文书上；默认为“乡镇名称＋社会救助服务窗口”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window phone</source>
        <translation>窗口电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 0856-5221234</source>
        <translation>如：0856-5221234</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervision phone</source>
        <translation>监督电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints and supervision line</source>
        <translation>投诉监督电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name of the person setting up this computer</source>
        <translation>设置本机人员的姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Villages and communities</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code (12 digits)</source>
        <translation>代码（12位）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add row</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove selected rows</source>
        <translation>删除选中行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import from CSV…</source>
        <translation>从CSV导入…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A CSV file with two columns, code and name; UTF-8 or GBK; a header row is allowed.</source>
        <translation>CSV文件，两列：代码、名称；UTF-8 或 GBK 编码；可带表头行。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save and start</source>
        <translation>保存并开始使用</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Import villages</source>
        <translation>导入村（社区）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../tracking/dialogs.py" line="+32"/>
        <source>Record signature</source>
        <translation>登记签收</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name on the receipt slip</source>
        <translation>回执上的签收人姓名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed on</source>
        <translation>签收时间</translation>
    </message>
</context>
<context>
    <name>SnapshotDialog</name>
    <message>
        <location filename="../dynamic/history.py" line="-141"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StageBar</name>
    <message>
        <location filename="../applications/detail_stages.py" line="+64"/>
        <source>procedure due %1</source>
        <extracomment>state -&gt; (border, background, text colour, bold)</extracomment>
        <translation>程序时限 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>extended by %1 working day(s)</source>
        <translation>已延期 %1 个工作日</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Also recorded: %1</source>
        <translation>其他记录：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Record the next step…</source>
        <translation>登记下一环节…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Disputed: village review…</source>
        <translation>有争议：民主评议…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a dispute about the application; a village democratic review follows</source>
        <translation>登记对申请的争议，随后进行民主评议</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extend…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extend the time limit with a reason; prints the notice to the applicant</source>
        <translation>说明理由延长办理时限，并打印给申请人的延期告知书</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Procedure complete</source>
        <translation>程序已完成</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>until %1</source>
        <translation>至 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>since %1</source>
        <translation>自 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>due %1</source>
        <translation>时限 %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not needed</source>
        <translation>无需</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>if disputed</source>
        <translation>有争议时</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="-466"/>
        <source>This stage is due by %1.</source>
        <translation>本环节时限：%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The procedure is due by %1.</source>
        <translation>审核确认程序时限：%1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not provided yet</source>
        <translation>尚未提供</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Materials due now</source>
        <translation>审核确认时提供的材料</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Recorded. %1 %2 is ready: print it, preview it or open the PDF.</source>
        <translation>已登记。%1 %2 已生成，可打印、预览或打开PDF。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StandardsEditor</name>
    <message>
        <location filename="../admin/standards_editor.py" line="+82"/>
        <source>Add entry</source>
        <extracomment>Columns after the date, in the order of ``FIELDS``: amounts in fen are shown in yuan.</extracomment>
        <translation>新增标准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new entry from a later date (e.g. next year&apos;s standards), starting from the latest values</source>
        <translation>新增一条从以后某日起执行的标准（如下一年度的标准），以最近一条的数值为起点</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove entry</source>
        <translation>删除所选标准</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only entries not yet in force can be removed</source>
        <translation>只能删除尚未生效的标准</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amounts in yuan, ratios in percent. Entries already in force are locked: applications keep the standards of their day. To change a standard, add an entry from the day it applies.</source>
        <translation>金额单位为元，倍数和比例为百分数。已生效的标准不能修改：各申请按其受理当日的标准评估。调整标准时，请新增一条从执行之日起生效的记录。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban
standard
(yuan/month)</source>
        <translation>城市
低保标准
（元/月）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rural
standard
(yuan/month)</source>
        <translation>农村
低保标准
（元/月）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low-income
edge (%)</source>
        <translation>低保边缘
（%）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Extreme
poverty (%)</source>
        <translation>特困供养
（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Essential
spending (%)</source>
        <translation>刚性支出
占比（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban disposable
income
(yuan/year)</source>
        <translation>上年城镇
人均可支配收入
（元/年）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rural disposable
income
(yuan/year)</source>
        <translation>上年农村
人均可支配收入
（元/年）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment
deduction (%)</source>
        <translation>就业成本
扣减（%）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first day the entry applies (YYYY-MM-DD)</source>
        <translation>本条标准开始执行的日期，如 2027-01-01</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urban subsistence allowance standard (低保标准), yuan per person a month</source>
        <translation>城市低保标准，元/人·月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rural subsistence allowance standard (低保标准), yuan per person a month</source>
        <translation>农村低保标准，元/人·月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low-income edge household (低保边缘): income below this percentage of the standard</source>
        <translation>低保边缘家庭：人均收入低于低保标准的此百分比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extreme-poverty basic support (特困): at least this percentage of the standard</source>
        <translation>特困人员基本生活标准：不低于低保标准的此百分比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Essential-spending hardship (刚性支出): medical and education spending above this percentage of the household&apos;s annual income</source>
        <translation>刚性支出困难家庭：医疗、教育支出超过家庭年收入的此百分比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last year&apos;s urban per-capita disposable income, yuan per year</source>
        <translation>上年度城镇居民人均可支配收入，元/年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year&apos;s rural per-capita disposable income, yuan per year</source>
        <translation>上年度农村居民人均可支配收入，元/年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employment cost deduction per working member, percentage of the standard</source>
        <translation>每名就业成员扣减的就业成本，占低保标准的百分比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Superseded, in force today, or not yet in force</source>
        <translation>已停用、现行或未生效</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New, from %1</source>
        <translation>新增，自 %1 起</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet in force</source>
        <translation>未生效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In force today</source>
        <translation>现行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Superseded</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Today (%1) no entry is in force: the needs assessment cannot run until one is added.</source>
        <translation>今天（%1）没有已生效的救助标准：请新增一条，否则无法进行救助需求评估。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Today (%1) the entry in force from %2 applies.</source>
        <translation>今天（%1）执行自 %2 起生效的标准。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, %2: write the date as YYYY-MM-DD, e.g. 2027-01-01</source>
        <translation>%1，%2：日期格式应为“年-月-日”，例如 2027-01-01</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: a new or changed entry cannot apply before today (%2)</source>
        <translation>%1：新增或修改的标准不能早于今天（%2）生效</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, %2: enter a whole number of percent</source>
        <translation>%1，%2：请填写整数百分比</translation>
    </message>
</context>
<context>
    <name>StatsModel</name>
    <message>
        <location filename="../reports/stats_model.py" line="+104"/>
        <source>%1 — %2: %3 (double-click or Enter: the applications)</source>
        <extracomment>A role answering the figure code of a cell (None for the label column).</extracomment>
        <translation>%1 — %2：%3（双击或按回车查看办件）</translation>
    </message>
</context>
<context>
    <name>StatsTab</name>
    <message>
        <location filename="../reports/stats.py" line="+88"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 2026-11, 2026-Q4, 2026, 2026-11-03..2026-11-20</source>
        <translation>如 2026-11、2026-Q4、2026、2026-11-03..2026-11-20</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>◀ Previous</source>
        <translation>◀ 上一期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next ▶</source>
        <translation>下一期 ▶</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Show</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print report…</source>
        <translation>打印报表…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>By</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chart</source>
        <translation>图表指标</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Back to the figures</source>
        <translation>返回统计</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>No figures: the period is not understood.</source>
        <translation>无统计数据：统计期间填写有误。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 by %2: %3 row(s); %4 application(s) received, %5 closed.</source>
        <translation>%1，按%2分组：共 %3 行；受理登记 %4 件，办结 %5 件。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The figures could not be read.</source>
        <translation>统计数据读取失败。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No figures</source>
        <translation>无统计数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (yuan)</source>
        <translation>%1（元）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (%)</source>
        <translation>%1（%）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 by %2</source>
        <translation>各%2%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing in this period</source>
        <translation>本期间无数据</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 month by month</source>
        <translation>%1逐月变化</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 application(s)</source>
        <translation>共 %1 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 row(s), %2 application(s)</source>
        <translation>共 %1 条，涉及 %2 件申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %2 · %3 = %4: %5. Enter or double-click opens an application, Esc goes back.</source>
        <translation>%1 · %2 · %3 = %4：%5。按回车或双击打开办件，按退出键返回统计。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Report %1 recorded: %2 by %3.</source>
        <translation>统计报表 %1 已生成：%2，按%3分组。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Printing the report…</source>
        <translation>正在生成统计报表…</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../intake/supplement.py" line="+79"/>
        <source>Supply missing materials — %1</source>
        <extracomment>Shows another one-time notice before it is issued; True = 确认开具 (issue 14).</extracomment>
        <translation>补正材料 — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has returned after the one-time notice. Record what was brought, then decide again.</source>
        <translation>%1 已按一次性告知书补交材料。请登记补交情况后重新作出决定。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Accept and print receipt</source>
        <translation>受理并打印回执(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue another one-time &amp;notice</source>
        <translation>再次出具一次性告知书(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reject…</source>
        <translation>不予受理(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
</context>
<context>
    <name>SyncDoctorDialog</name>
    <message>
        <location filename="../sync/screen.py" line="+489"/>
        <source>Sync check</source>
        <translation>同步检查</translation>
    </message>
</context>
<context>
    <name>SyncImportSection</name>
    <message>
        <location filename="../sync/receive.py" line="+25"/>
        <source>Return packages from the county</source>
        <translation>县级回执包</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A return package from the county carries its acknowledgements of our packages, department feedback for referred items, and updates to the catalogue, standards, villages and holidays. It is applied completely or not at all.</source>
        <translation>县级回执包包含：县级对本乡镇数据包的确认、转办事项的部门反馈，以及事项目录、救助标准、村（居）和节假日安排的更新。回执包要么全部导入，要么完全不导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import return package…</source>
        <translation>导入回执包…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose the county&apos;s return package</source>
        <translation>选择县级回执包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return packages</source>
        <translation>回执包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking and applying %1…</source>
        <translation>正在校验并导入 %1…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Return package No. %1 was imported before: nothing changed.</source>
        <translation>第 %1 号回执包已导入过，未作任何改动。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Return package No. %1 imported:</source>
        <translation>已导入第 %1 号回执包：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledged by the county: package(s) %1</source>
        <translation>县级已确认：第 %1 号包</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No new acknowledgements.</source>
        <translation>没有新的确认。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department feedback recorded for %1 item(s).</source>
        <translation>部门反馈：已登记 %1 个事项。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 feedback entr(ies) skipped: the result was already recorded at the window.</source>
        <translation>%1 条反馈未登记：该事项的结果已在窗口登记。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>County confirmation recorded for %1 item(s).</source>
        <translation>已登记县级审核确认 %1 项。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>catalogue</source>
        <translation>事项目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>standards</source>
        <translation>救助标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>eligibility rules</source>
        <translation>救助评估规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>villages</source>
        <translation>村（居）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>holiday calendars</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updates applied: %1</source>
        <translation>已更新：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No updates.</source>
        <translation>没有更新。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not imported (nothing was changed): %1</source>
        <translation>未导入（未作任何改动）：%1</translation>
    </message>
</context>
<context>
    <name>SyncKeysSection</name>
    <message>
        <location filename="../sync/keys.py" line="+32"/>
        <source>Keys (administrators)</source>
        <extracomment>``(parent, preview) -&gt; bool``: asks the administrator to confirm; tests replace it.</extracomment>
        <translation>密钥（管理员）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This township&apos;s signing key fingerprint:</source>
        <translation>本乡镇签名公钥指纹：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give the public key file to the county and read this fingerprint to them on the phone: they check it when registering this township.</source>
        <translation>请把公钥文件交给县级，并通过电话向县级念出此指纹：县级登记本乡镇时据此核对。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export public key file…</source>
        <translation>导出公钥文件…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import the county&apos;s public key file…</source>
        <translation>导入县级公钥文件…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The county&apos;s public keys are not imported yet: import the county&apos;s public key file under Keys below.</source>
        <translation>尚未导入县级公钥：请在下方“密钥”处导入县级公钥文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The county&apos;s public keys are not imported yet: ask an administrator to import them (Sync → Keys).</source>
        <translation>尚未导入县级公钥：请管理员导入（同步 → 密钥）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>County keys: not imported. Exports and return packages need them: import the public key file the county gave you.</source>
        <translation>县级公钥：未导入。导出和回执包都需要县级公钥：请导入县级提供的公钥文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>County keys: %1 %2
key fingerprint %3
encryption key %4</source>
        <translation>县级公钥：%1 %2
密钥指纹 %3
加密公钥 %4</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose the county&apos;s public key file</source>
        <translation>选择县级公钥文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+35"/>
        <source>Key files</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Not imported: %1</source>
        <translation>未导入：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>County keys imported: %1 %2, key fingerprint %3. Check the fingerprint with the county.</source>
        <translation>已导入县级公钥：%1 %2，密钥指纹 %3。请与县级核对指纹。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not imported: the county&apos;s keys were not confirmed.</source>
        <translation>未导入：县级公钥未经确认。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save this township&apos;s public key file</source>
        <translation>保存本乡镇公钥文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Public key file written: %1 (fingerprint %2). Give it to the county.</source>
        <translation>已写出公钥文件：%1（指纹 %2）。请交给县级。</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <location filename="../sync/common.py" line="-151"/>
        <source>applications</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supporters and guardians</source>
        <translation>义务人和监护人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>requested items</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>handover lists</source>
        <translation>转办清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>emergency aid</source>
        <translation>先行救助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>procedure steps</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reserve fund entries</source>
        <translation>备用金收支</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reserve fund claims</source>
        <translation>备用金报账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>audit entries</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>villages</source>
        <translation>村（居）</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>no records</source>
        <translation>无记录</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Package No. %1 was not written out completely; made again: hand it to the county.</source>
        <translation>第 %1 号包未完成写出，已重新生成，请交给县级</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../sync/screen.py" line="-253"/>
        <source>The next export writes it again.</source>
        <translation>下次导出时会一并重新写出。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../sync/screen.py" line="-103"/>
        <source>Export to the county</source>
        <translation>导出到县级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write everything changed since the last package into a folder you choose (e.g. a USB stick); the package is encrypted for the county and signed</source>
        <translation>把上次导出以来的全部更改写入所选文件夹（如U盘）；数据包为县级加密并签名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Export log</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Re-export selected package…</source>
        <translation>重新导出所选数据包…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A package lost on the way: write it again with the same number and the same content (the county accepts it once)</source>
        <translation>数据包在途中丢失时：以相同编号、相同内容重新写出（县级只接收一次）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync check…</source>
        <translation>同步检查…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explain the state of sync (export log, kept copies, packages not written out completely, leftover temporary files, keys) and fix what can be fixed safely</source>
        <translation>说明同步状况（导出记录、留存副本、未完成写出的包、遗留的临时文件、密钥），并修复可以安全修复的问题</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No package exported yet.</source>
        <translation>尚未导出过数据包。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last package: No. %1 on %2.</source>
        <translation>上次导出：第 %1 号包，%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 change(s) waiting to be exported.</source>
        <translation>有 %1 处更改待导出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing changed since the last package.</source>
        <translation>上次导出以来没有更改。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 package(s) not yet acknowledged by the county.</source>
        <translation>有 %1 个数据包县级尚未确认。</translation>
    </message>
    <message>
        <location line="+64"/>
        <location line="+91"/>
        <source>Nothing to export: no changes since the last package.</source>
        <translation>没有需要导出的更改（上次导出以来没有新的更改）。</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Export the package into folder</source>
        <translation>选择导出数据包的文件夹</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Re-export package %1 into folder</source>
        <translation>选择重新导出第 %1 号包的文件夹</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Collecting records… %1</source>
        <translation>正在整理记录… %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compressing… %1</source>
        <translation>正在压缩… %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypting for the county… %1</source>
        <translation>正在为县级加密… %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing into the folder… %1</source>
        <translation>正在写入文件夹… %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploading to the county… %1</source>
        <translation>正在上传到县级… %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Package No. %1 written again (same content as before):</source>
        <translation>已重新导出第 %1 号包（内容与原包相同）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Package No. %1 written:</source>
        <translation>已导出第 %1 号包：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Records: %1 (%2 in all)</source>
        <translation>记录：%1（共 %2 条）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checksum: %1</source>
        <translation>校验值：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand the file to the county (USB stick or upload). If it gets lost, re-export it from the log.</source>
        <translation>请把此文件交给县级（U盘或上传）。如文件丢失，可在导出记录中重新导出。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export cancelled: no file was written and the export log is unchanged.</source>
        <translation>已取消导出：没有写出任何文件，导出记录未变。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Checking sync…</source>
        <translation>正在检查同步…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync check</source>
        <translation>同步检查</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync check finished: all is well.</source>
        <translation>同步检查完成：一切正常。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync check finished: see the report.</source>
        <translation>同步检查完成：请查看报告。</translation>
    </message>
</context>
<context>
    <name>SyncUploadSection</name>
    <message>
        <location filename="../sync/upload.py" line="+47"/>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When online: export what changed and send every package the county does not hold yet to the county&apos;s receiver (the same package as on a USB stick)</source>
        <translation>联网时：导出新的更改，并把县级尚未收到的同步包发送到县级接收端（与U盘上的包完全相同）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download return package</source>
        <translation>下载返回包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When online: fetch the county&apos;s return packages and import them</source>
        <translation>联网时：从县级下载返回包并导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload settings…</source>
        <translation>上传设置…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Upload is not set up (county receiver address and upload token); use the USB stick.</source>
        <translation>尚未设置上传（县级接收端地址和上传凭证），请用U盘导出。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connecting to the county…</source>
        <translation>正在连接县级…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The county already holds every package: nothing to upload.</source>
        <translation>县级已收到全部同步包，没有需要上传的。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Uploaded: package(s) %1, received by the county.</source>
        <translation>已上传第 %1 号包，县级已接收。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The county already held package(s) %1.</source>
        <translation>县级此前已收到第 %1 号包。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Upload cancelled: what the county did not receive completely is sent again next time.</source>
        <translation>已取消上传：县级未收全的包下次会重新发送。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fetching return packages from the county…</source>
        <translation>正在从县级下载返回包…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No new return package from the county.</source>
        <translation>县级没有新的返回包。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Downloaded %1 return package(s).</source>
        <translation>已下载 %1 个返回包。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Upload to %1; token %2.</source>
        <translation>上传到 %1；上传凭证%2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../kit/errors.py" line="+21"/>
        <source>Something went wrong; the details were written to the log.</source>
        <translation>出错了，详细信息已写入日志。</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+19"/>
        <source>Operation failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The operation could not be completed. Try again; if it keeps failing, tell the administrator and keep the details below.</source>
        <translation>操作未能完成。请重试；如仍失败，请告知管理员并保留下方的详细信息。</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../kit/tasks.py" line="+294"/>
        <source>Cancel</source>
        <extracomment>A job shows the default progress dialog only if it runs longer than this.</extracomment>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location filename="../tracking/model.py" line="+39"/>
        <source> (not confirmed on %1: decide)</source>
        <translation>（%1 未获认定，请经办人决定）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not confirmed: decide</source>
        <translation>未获认定，请决定</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handled by</source>
        <translation>办理部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current stage</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stage due</source>
        <translation>环节时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date</source>
        <translation>办结期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Working days left</source>
        <translation>剩余工作日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>First aid overdue by %1 hour(s)</source>
        <extracomment>The day the stage due dates are compared with (the screen sets it on refresh).</extracomment>
        <translation>先行救助 超时 %1 小时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First aid: less than 1 hour left</source>
        <translation>先行救助 剩余不足 1 小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First aid: %1 hour(s) left</source>
        <translation>先行救助 剩余 %1 小时</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Overdue by %1 working day(s)</source>
        <translation>逾期 %1 个工作日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (due soon)</source>
        <translation>%1（临期）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source> (emergency)</source>
        <translation>（急）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (overdue)</source>
        <translation>%1（逾期）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>By %1</source>
        <translation>%1 前</translation>
    </message>
</context>
<context>
    <name>TemporaryEditor</name>
    <message>
        <location filename="../admin/temporary_editor.py" line="+52"/>
        <source>A change applies from this day; earlier days keep the rules then in force</source>
        <extracomment>The type words of a band line (either language).</extracomment>
        <translation>修改自该日起生效；此前各日仍按当时规定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>per incident</source>
        <translation>按事项（每次困难）累计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>per household per calendar year</source>
        <translation>按家庭年度累计</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One band per line: type, name, from, to (yuan), usual causes, e.g.
急难型 一档 0 1000 生活无着、走失</source>
        <translation>每行一档：类型、档次名称、起点、止点（元）、常见原因，例：
急难型 一档 0 1000 生活无着、走失</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Applies from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency aid first within</source>
        <translation>先行救助时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Township ceiling adds up</source>
        <translation>乡镇审批额度累计方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount bands</source>
        <translation>救助金额分档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source of the bands</source>
        <translation>分档依据</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The catalogue gives %1 hours for emergency aid paid first (泰安: 急难对象24小时先行救助制度) and a township ceiling of %2 yuan, which the ceiling for aid paid first never exceeds. The bands only suggest an amount; the clerk decides.</source>
        <translation>事项目录规定先行救助时限为 %1 小时（泰安：急难对象24小时先行救助制度），乡镇（街道）审批额度为 %2 元，先行救助限额不超过该额度。分档仅作参考，金额由经办人决定。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Line %1: write the type (急难型 or 支出型), the band&apos;s name, from and to in yuan, then the usual causes</source>
        <translation>第%1行：请依次填写类型（急难型或支出型）、档次名称、起点和止点金额（元）、常见原因</translation>
    </message>
</context>
<context>
    <name>TemporaryMenu</name>
    <message>
        <location filename="../tracking/temporary_dialogs.py" line="+160"/>
        <source>Temporary assistance</source>
        <translation>临时救助管控</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paperwork completed later, case conference, follow-up</source>
        <translation>补齐手续、个案会商、跟进救助</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Complete the paperwork…</source>
        <translation>补齐手续…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case conference…</source>
        <translation>个案会商…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up…</source>
        <translation>跟进救助…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Paperwork recorded for %1, %2; checklist %3 printed.</source>
        <translation>已登记补齐手续：%1，%2；已打印材料清单 %3。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Follow-up recorded for %1, %2.</source>
        <translation>已登记跟进救助：%1，%2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case conference recorded for %1; reported to the county, referral slip %2 printed.</source>
        <translation>已登记个案会商：%1；已报县审批，转办单 %2 已打印。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Case conference recorded for %1, %2.</source>
        <translation>已登记个案会商：%1，%2。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Case conference (one case, one decision)…</source>
        <translation>个案会商（一事一议）…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the case conference above the ceiling; it may report the case to the county in the same step</source>
        <translation>超过审批额度的，登记个案会商；可同时报县审批</translation>
    </message>
</context>
<context>
    <name>TrackingActions</name>
    <message>
        <location filename="../tracking/actions.py" line="+88"/>
        <source>Signature recorded: %1, %2.</source>
        <translation>已登记签收：%1，%2。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Result recorded: %1, %2 — %3.</source>
        <translation>已登记办理结果：%1，%2——%3。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every item of application %1 has its result: the application is closed.</source>
        <translation>申请 %1 的所有事项均有办理结果，申请已办结。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Application closed</source>
        <translation>申请已办结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every item of application %1 has its result and the application is closed. Print the result notice for the applicant now?</source>
        <translation>申请 %1 的所有事项均有办理结果，申请已办结。现在出具办理结果告知书吗？</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Reported to the county for approval; referral slip %1 printed.</source>
        <translation>已报县级审批，转办单 %1 已生成。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Emergency aid recorded (%1); the paperwork is due by %2.</source>
        <translation>已登记先行救助（%1），须在 %2 前补齐手续。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Refer again</source>
        <translation>重新转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refer %1 of %2 to %3 again with a new referral slip?</source>
        <translation>以新的转办单将 %2 的%1重新转办给%3？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Referral slip %1 printed; the item waits for the next handover list.</source>
        <translation>转办单 %1 已生成，该事项等待下一份转办清单。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Result notice %1 printed.</source>
        <translation>办理结果告知书 %1 已生成。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Handover list %1 issued for %2: %3 referral slip(s), now referred.</source>
        <translation>已为%2出具转办清单 %1：共 %3 份转办单，相关事项已转办。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Handover list</source>
        <translation>转办清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handover list and %1 referral slip(s)</source>
        <translation>转办清单及 %1 份转办单</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Next step…</source>
        <translation>下一环节…</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+10"/>
        <source>List %1 printed: %2 item(s).</source>
        <translation>清单 %1 已生成：%2 项。</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Recorded: %1, %2; %3 printed.</source>
        <translation>已登记：%1，%2；%3 已生成。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded: %1, %2.</source>
        <translation>已登记：%1，%2。</translation>
    </message>
</context>
<context>
    <name>TrackingScreen</name>
    <message>
        <location filename="../tracking/screen.py" line="+110"/>
        <source>Tracking</source>
        <extracomment>How dialogs are shown; tests replace it (no modal loop). Prints PDFs as one job (print dialog, progress, cancel) -&gt; its PrintReport or None; tests replace it. The built-in preview of saved PDFs (one document); tests replace it.</extracomment>
        <translation>转办跟踪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-checks due</source>
        <translation>复核提醒</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Department</source>
        <translation>办理部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+187"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>All items</source>
        <translation>全部事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+182"/>
        <source>Village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status or deadline</source>
        <translation>状态/期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due soon</source>
        <translation>临期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Include finished</source>
        <translation>含已办结</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+149"/>
        <source>Open application</source>
        <translation>打开办件</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Record signature…</source>
        <translation>登记签收…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record result…</source>
        <translation>登记办理结果…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refer again</source>
        <translation>重新转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency aid…</source>
        <translation>先行救助…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose provider…</source>
        <translation>选择服务机构…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refer the selected service item to a social work station, charity or volunteer team of the directory; prints nothing yet — the slip goes with its handover list</source>
        <translation>将选中的服务类事项转给名录中的社工站、慈善组织或志愿服务队；此时不打印，转办单随其转办清单打印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print result notice</source>
        <translation>出具办理结果告知书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next step…</source>
        <translation>下一环节…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disputed: village review…</source>
        <translation>有争议：民主评议…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extend…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public notice list…</source>
        <translation>公示名单…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report list…</source>
        <translation>上报清单…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the selected item&apos;s next procedure step (home visit, check, notice, decision…)</source>
        <translation>登记所选事项的下一环节（入户调查、信息核对、公示、审核确认等）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extend the time limit with a reason; prints the notice to the applicant</source>
        <translation>说明理由延长办理时限，并打印给申请人的延期告知书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the public notice of the selected items of one village and print its list</source>
        <translation>对同一村（社区）的所选事项开始公示并打印公示名单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report the selected items to the county civil affairs bureau and print the report list</source>
        <translation>将所选事项报县民政局并打印上报清单</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The department&apos;s receipt slip came back signed</source>
        <translation>部门签收的回执已交回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result from the receipt slip: completed, refused or returned</source>
        <translation>按回执登记结果：已办结、不予办理或退回</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A returned item goes to its department again with a new referral slip</source>
        <translation>退回的事项以新的转办单重新转办给原部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent temporary assistance paid at once within the township&apos;s ceiling</source>
        <translation>急难型临时救助在乡镇限额内先行发放</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notice to the applicant of every item&apos;s result</source>
        <translation>向申请人告知各事项的办理结果</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Print the handover list</source>
        <translation>打印转办清单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print handover list</source>
        <translation>打印转办清单</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lists every referral slip waiting for the department, for the courier; those items become referred</source>
        <translation>列出该部门所有待转办的转办单，交送件人；这些事项即为“已转办”</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print list and slips…</source>
        <translation>打印清单及转办单…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the last handover list and all its referral slips to the printer as one job</source>
        <translation>将刚出具的转办清单及其全部转办单作为一个任务发送到打印机</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview list and slips</source>
        <translation>预览清单及转办单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting to be handed over:</source>
        <translation>待转办：</translation>
    </message>
    <message>
        <location line="+24"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next re-check</source>
        <translation>下次复核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Record re-check…</source>
        <translation>登记复核…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Households whose re-check is due within</source>
        <translation>下次复核在以下天数内到期的家庭：</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All clerks</source>
        <translation>全部经办人</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 item(s), %2 overdue, %3 due soon</source>
        <translation>共 %1 项，逾期 %2 项，临期 %3 项</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Leads (主动发现): %1 overdue — see Dynamic management</source>
        <translation>主动发现：%1 条线索逾期，请到“动态管理”查看</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>12345 replies or first visits past their due day (Ctrl+D, tab Leads)</source>
        <translation>12345回复或首次走访已超过期限（Ctrl+D，“主动发现”页）</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+7"/>
        <source>%1 (%2 item(s))</source>
        <translation>%1（%2 项）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 department(s) have referral slips waiting.</source>
        <translation>%1 个部门有待转办的转办单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is waiting to be handed over.</source>
        <translation>没有待转办的事项。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 day(s) late</source>
        <translation>已超期 %1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 household(s)</source>
        <translation>共 %1 户</translation>
    </message>
</context>
<context>
    <name>UploadSettingsDialog</name>
    <message>
        <location filename="../sync/upload.py" line="+19"/>
        <source>Upload settings</source>
        <translation>上传设置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>leave empty to keep the current token</source>
        <translation>留空则保留现有凭证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The county gives the address and the token (county-receiver token issue). The token is kept in the key folder only.</source>
        <translation>地址和上传凭证由县级提供（县级签发上传凭证）。凭证只保存在本机密钥文件夹中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>County receiver address</source>
        <translation>县级接收端地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upload token</source>
        <translation>上传凭证</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../admin/screen.py" line="+30"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New account…</source>
        <translation>新增账户…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change role…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+61"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no password yet</source>
        <translation>尚未设置密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Deactivate account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate %1 (%2)? They can no longer log in; their records stay.</source>
        <translation>停用 %1（%2）吗？停用后不能再登录，其经办记录保留。</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <location filename="../verify/dialog.py" line="+47"/>
        <source>Genuine: the signature is valid and the content is as issued</source>
        <translation>真实：签名有效，内容与签发时一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Altered: the document or its code differs from what was issued</source>
        <translation>已被改动：文书内容或二维码与签发时不一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown issuer: the code is not signed by a registered township key</source>
        <translation>签发者未知：二维码不是由已登记的乡镇密钥签发</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Voided: the issuing township voided this document</source>
        <translation>已作废：签发乡镇已作废该文书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not a code of this system</source>
        <translation>不是本系统的文书二维码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code is damaged or incomplete and cannot be read</source>
        <translation>二维码残缺或格式错误，无法读取</translation>
    </message>
    <message>
        <location filename="../verify/register.py" line="+33"/>
        <source>Print issuance &amp;register</source>
        <translation>打印发文登记簿(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The register (发文登记簿) of every document issued in the period: number, kind, day, clerk, prints, voided</source>
        <translation>打印所选期间签发的全部文书登记簿：编号、名称、日期、经办人、打印次数、作废情况</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Printed the issuance register %1 (%2 documents): %3</source>
        <translation>已生成发文登记簿 %1（共 %2 件文书）：%3</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../verify/dialog.py" line="+19"/>
        <source>Verify a document</source>
        <translation>验证文书</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Scan the QR code of the paper document with the scanner, or paste its text; or choose the PDF, a scan or a photo of it.</source>
        <translation>用扫码枪扫描纸质文书上的二维码，或粘贴二维码内容；也可选择PDF文书、扫描件或照片。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TW1:… (the scanner types it here, then Enter)</source>
        <translation>二维码内容（扫码枪在此输入后回车）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Verify</source>
        <translation>验证(&amp;V)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Document number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document</source>
        <translation>文书名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued on</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Township code</source>
        <translation>乡镇代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (masked)</source>
        <translation>姓名（已遮盖）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare the number, date and name above with the paper: a genuine code copied onto another paper still verifies.</source>
        <translation>请核对以上编号、日期和姓名与纸质文书是否一致：真实的二维码被复制到其他纸上时仍会显示“真实”。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Choose the document or its scan</source>
        <translation>选择文书或其扫描件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents and images</source>
        <translation>文书和图片</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No QR code was found in the file</source>
        <translation>未在文件中找到二维码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 codes in the file: %2</source>
        <translation>文件中有 %1 个二维码：%2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Trusted: this township&apos;s own key and %1 township key(s) from the county; %2 voided document(s) of other townships known (from the county&apos;s return packages).</source>
        <translation>可信签发者：本乡镇密钥及县级下发的 %1 个乡镇密钥；已知作废文书 %2 件（来自县级返回包）。</translation>
    </message>
</context>
<context>
    <name>VillageReviewDialog</name>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="+113"/>
        <source>Record a dispute and the village review</source>
        <translation>登记争议及民主评议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is disputed, and by whom</source>
        <translation>争议内容及提出人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The review supports the application</source>
        <translation>评议同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review does not support it</source>
        <translation>评议不同意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The review&apos;s conclusion</source>
        <translation>评议结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review date</source>
        <translation>评议日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>评议结论</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conclusion</source>
        <translation>评议结论</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location line="-95"/>
        <source>Record the home visit</source>
        <translation>登记入户调查</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the investigators found: housing, income, property, living conditions</source>
        <translation>调查情况：住房、收入、财产、生活状况等</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit date</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigators (at least two)</source>
        <translation>调查人员（至少两人）</translation>
    </message>
    <message>
        <location filename="../dynamic/leads.py" line="-34"/>
        <source>Record a visit</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Names, separated by 、 or spaces</source>
        <translation>姓名，用“、”或空格分隔</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What was found</source>
        <translation>核实情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visited on</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visitors</source>
        <translation>走访人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../tracking/stage_dialogs.py" line="+1"/>
        <source>Findings</source>
        <translation>调查情况</translation>
    </message>
    <message>
        <location filename="../tracking/stage_dialogs.py" line="+2"/>
        <source>Print the visit form…</source>
        <translation>打印入户调查表…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The household&apos;s facts prefilled, with blanks for the findings and the signatures</source>
        <translation>预填家庭情况，留空填写调查情况和签名</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Visit form %1 is ready.</source>
        <translation>入户调查表 %1 已生成。</translation>
    </message>
</context>
<context>
    <name>WaitingDecisionDialog</name>
    <message>
        <location line="+394"/>
        <source>Status not confirmed: decide</source>
        <extracomment>Step codes whose dialog this module offers (the side records 补齐手续 / 个案会商 / 跟进救助 have their own dialogs, from the temporary-assistance part).</extracomment>
        <translation>未获认定：请决定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The status this item waited for was not confirmed. Record how the materials are provided now to go on handling it (its time limit starts today), or withdraw the application.</source>
        <translation>该事项等待的低保/特困认定未获通过。请登记材料现在的提供方式后继续办理（办理时限自今日起算），或撤回申请。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Still waiting</source>
        <translation>仍待认定</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose how each material is provided now.</source>
        <translation>请选择各项材料现在的提供方式。</translation>
    </message>
</context>
<context>
    <name>WarningsPanel</name>
    <message>
        <location filename="../intake/assessment.py" line="+31"/>
        <source>Please check before deciding:</source>
        <translation>请核实后再办理：</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open application %1</source>
        <translation>打开办件 %1</translation>
    </message>
</context>
<context>
    <name>Worksheet</name>
    <message>
        <location filename="../dynamic/worksheet.py" line="-120"/>
        <source>Continues unchanged</source>
        <translation>继续享受</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adjust the amount</source>
        <translation>调整金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taper off (渐退)</source>
        <translation>渐退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Household members</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Property</source>
        <translation>财产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residence</source>
        <translation>居住地</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-check</source>
        <translation>复核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change report</source>
        <translation>变更申报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>receiving</source>
        <translation>享受中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tapering off</source>
        <translation>渐退期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>WorksheetDialog</name>
    <message>
        <location line="+175"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 yuan a month</source>
        <translation>每月 %1 元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no amount recorded</source>
        <translation>未登记金额</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>household facts no. %1 since %2</source>
        <translation>第 %1 版家庭情况（自 %2 起）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>household facts of the application (%1)</source>
        <translation>申请时的家庭情况（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 · %3 · %4</source>
        <translation>%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · tapering off until %1</source>
        <translation> · 渐退至 %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;Record</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the re-check and issue the worksheet and the notice</source>
        <translation>保存复核结果，出具复核核查表和告知书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What changed</source>
        <translation>变化事项</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Names, separated by 、</source>
        <translation>姓名，用“、”分隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>核查人员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the home visit and the checks found</source>
        <translation>入户核查和信息核对情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Findings</source>
        <translation>核查情况</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Use suggestion</source>
        <translation>采用建议(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the suggested outcome and amount</source>
        <translation>采用建议的结果和金额</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Decision</source>
        <translation>复核决定</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Outcome</source>
        <translation>复核结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Amount a month (yuan)</source>
        <translation>月发放金额（元）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From the month</source>
        <translation>执行月份</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taper period</source>
        <translation>渐退期</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. 家庭人均收入超过低保标准</source>
        <translation>如：家庭人均收入超过低保标准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for stopping</source>
        <translation>停止原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As derived</source>
        <translation>按家庭情况自动判定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The class decides how often the household is re-checked; derived from the facts unless chosen</source>
        <translation>分类决定复核周期；未选择时按家庭情况自动判定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-check class</source>
        <translation>复核分类</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No suggestion until the household is complete.</source>
        <translation>家庭情况填写完整后给出建议。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The figures could not be computed: %1</source>
        <translation>无法核算：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Suggested: %1</source>
        <translation>建议：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 yuan a month</source>
        <translation>，每月 %1 元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Amount now: %1 yuan a month</source>
        <translation>现发放金额：每月 %1 元</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Log in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 recorded: %2.</source>
        <translation>%1已登记：%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> %1 yuan a month from %2.</source>
        <translation> 自 %2 起每月 %1 元。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> Stops from %1.</source>
        <translation> 自 %1 起停止。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No document was issued.</source>
        <translation>未出具文书。</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../admin/screen.py" line="-234"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
</TS>
