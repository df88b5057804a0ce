<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CountyApp</name>
    <message>
        <location filename="../app.py" line="+166"/>
        <source>County workstation</source>
        <translation>县级接收工作站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The county database could not be opened.</source>
        <translation>无法打开县级数据库。</translation>
    </message>
</context>
<context>
    <name>CountyCommon</name>
    <message>
        <location filename="../common.py" line="+34"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>CountyWindow</name>
    <message>
        <location filename="../main_window.py" line="+35"/>
        <source>Townships</source>
        <extracomment>The tabs, in order (cviews adds its lines here).</extracomment>
        <translation>乡镇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive packages</source>
        <translation>收包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return packages</source>
        <translation>返回包</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue referrals</source>
        <translation>超期转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monthly figures</source>
        <translation>月度统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicates</source>
        <translation>重复申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department feedback</source>
        <translation>部门回执</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>officer</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Session</source>
        <translation>会话</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>County workstation</source>
        <translation>县级接收工作站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <location filename="../views/duplicates.py" line="+76"/>
        <source>Same item in two townships</source>
        <extracomment>a department&apos;s login does not see the county&apos;s duplicate checks</extracomment>
        <translation>同一事项跨乡镇申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member of households in two townships</source>
        <translation>跨乡镇家庭成员</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All cases</source>
        <translation>全部情形</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case</source>
        <translation>情形</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>Item</source>
        <translation>救助事项</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Townships</source>
        <translation>涉及乡镇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application numbers</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show full ID number</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered on</source>
        <translation>受理登记日期</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The query failed.</source>
        <translation>查询失败。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 case(s)</source>
        <translation>共 %1 例</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Select a case to see where it occurs.</source>
        <translation>选择一例，查看涉及的申请。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>FeedbackTab</name>
    <message>
        <location filename="../views/feedback.py" line="+83"/>
        <source>Done (办结)</source>
        <translation>办结</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refused (不予办理)</source>
        <translation>不予办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned (退回)</source>
        <translation>退回</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Application no. or township</source>
        <translation>申请编号或乡镇</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without a 回执 only</source>
        <translation>仅未录回执</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>救助事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Referred on</source>
        <translation>转办日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+61"/>
        <source>回执</source>
        <translation>回执</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>元, e.g. 1200 or 350.50</source>
        <translation>单位：元，如 1200 或 350.50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give a period</source>
        <translation>填写</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Who signed for the referral, if not recorded yet</source>
        <translation>签收人（乡镇尚未登记签收时填写）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Result, or why refused / returned</source>
        <translation>办理结果，或不予办理／退回的理由</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save 回执</source>
        <translation>保存回执</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result day</source>
        <translation>结果日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (元)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>结果说明</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 day(s) overdue</source>
        <translation>超期 %1 天</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, to send</source>
        <translation>%1（待发送）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The query failed.</source>
        <translation>查询失败。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 task(s) waiting</source>
        <translation>待回执 %1 件</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select a task to enter its 回执.</source>
        <translation>选择一件事项，录入其回执。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2 · %3 (%4), referred %5</source>
        <translation>%1 · %2 · %3（%4），%5 转办</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose the result.</source>
        <translation>请选择办理结果。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type the amount in 元 with at most two decimals, e.g. 1200 or 350.50.</source>
        <translation>金额以元为单位，最多两位小数，如 1200 或 350.50。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say why the task is refused or returned.</source>
        <translation>不予办理或退回须写明理由。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The period ends before it starts.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>回执 replaced; it goes with the next return package.</source>
        <translation>回执已更新，将随下一个返回包发给乡镇。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>回执 saved; it goes with the next return package.</source>
        <translation>回执已保存，将随下一个返回包发给乡镇。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../login_dialog.py" line="+83"/>
        <source>County workstation — first administrator</source>
        <translation>县级接收工作站 — 首位管理员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No one can log in yet. Create the first administrator; they add the other users.</source>
        <translation>尚无任何账户。请创建首位管理员，由其添加其他用户。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>KeygenDialog</name>
    <message>
        <location filename="../townships.py" line="+91"/>
        <source>Create the county&apos;s keys</source>
        <translation>创建县级密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>6 digits</source>
        <translation>6 位数字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>County division code:</source>
        <translation>县级行政区划代码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Office name:</source>
        <translation>单位名称：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login_dialog.py" line="-86"/>
        <source>County workstation — log in</source>
        <translation>县级接收工作站 — 登录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MonthlyTab</name>
    <message>
        <location filename="../views/monthly.py" line="+121"/>
        <source>e.g. 2026-11</source>
        <translation>如 2026-11</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>◀ Previous</source>
        <translation>◀ 上一月</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next ▶</source>
        <translation>下一月 ▶</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+22"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Item</source>
        <translation>救助事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>By</source>
        <translation>统计口径</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>month %2 of %1</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Type the month as 2026-11 (or a quarter 2026-Q4, a year 2026, days 2026-11-03..2026-11-20).</source>
        <translation>请按 2026-11 输入月份（也可输入季度 2026-Q4、年份 2026 或日期段 2026-11-03..2026-11-20）。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The query failed.</source>
        <translation>查询失败。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1, %2 by %3</source>
        <translation>%2%1（按%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing in this month.</source>
        <translation>本期无数据。</translation>
    </message>
</context>
<context>
    <name>OverdueTab</name>
    <message>
        <location filename="../views/overdue.py" line="+83"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdue as of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <location line="+17"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+22"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Application no.</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>救助事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred on</source>
        <translation>转办日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>办理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days overdue</source>
        <translation>超期天数</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+72"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+68"/>
        <source>All townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>%1 overdue referral(s)</source>
        <translation>超期转办 %1 件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The query failed.</source>
        <translation>查询失败。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Click a count to list the tasks behind it.</source>
        <translation>点击数字，列出其中的事项。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 · %2: %3 task(s), the longest overdue first</source>
        <translation>%1 · %2：%3 件，超期最久的在前</translation>
    </message>
</context>
<context>
    <name>ReceiveTab</name>
    <message>
        <location filename="../receive.py" line="+60"/>
        <source>Drop the folder of the USB stick here, or choose it. Every township package in it (and in its sub-folders) is received in order; a refused package stops its township only.</source>
        <translation>把U盘中的文件夹拖到这里，或点“选择文件夹”。其中（含下一级文件夹）各乡镇的同步包按顺序接收；某个包被拒收时，只停止该乡镇其后的包。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Package</source>
        <translation>包号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The folder with the packages</source>
        <translation>同步包所在文件夹</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancelling after the package being received…</source>
        <translation>正在取消（当前包接收完毕后停止）…</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../townships.py" line="-54"/>
        <source>Register a township</source>
        <translation>登记乡镇</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the township to read its key fingerprint aloud (同步 → 密钥). Register only if it is the same as the one below.</source>
        <translation>请乡镇在电话中读出其密钥指纹（同步 → 密钥），与下方指纹一致时才登记。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Township code:</source>
        <translation>乡镇代码：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Township name:</source>
        <translation>乡镇名称：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key fingerprint:</source>
        <translation>密钥指纹：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whole fingerprint:</source>
        <translation>完整指纹：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReturnsTab</name>
    <message>
        <location filename="../returns.py" line="+88"/>
        <source>Return packages carry the acknowledgements of the packages received, the departments&apos; feedback, the county&apos;s confirmations and the updates queued for a township. Choose townships (or none for all) and the folder on the USB stick.</source>
        <extracomment>The Chinese name of each record type a return package carries.</extracomment>
        <translation>返回包带回收包确认、部门回执、县级审核确认以及为该乡镇准备的更新。请选择乡镇（不选则为全部乡镇），再选择U盘中的文件夹。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+9"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Not acknowledged</source>
        <translation>未确认包数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback to send</source>
        <translation>待发回执</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirmations to send</source>
        <translation>待发审核确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last return package</source>
        <translation>最近返回包</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make return packages…</source>
        <translation>生成返回包…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Return package</source>
        <translation>返回包号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The folder for the return packages</source>
        <translation>返回包保存文件夹</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Making return packages</source>
        <translation>正在生成返回包</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 return packages made in %2.</source>
        <translation>已在 %2 生成 %1 个返回包。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some townships were refused: see the table.</source>
        <translation>部分乡镇未能生成，见下表。</translation>
    </message>
</context>
<context>
    <name>StatusTab</name>
    <message>
        <location filename="../status.py" line="+46"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last package</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days since</source>
        <translation>距今天数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not acknowledged</source>
        <translation>未确认包数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback to send</source>
        <translation>待发回执</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirmations to send</source>
        <translation>待发审核确认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last return package</source>
        <translation>最近返回包</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue referrals</source>
        <translation>超期转办</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 townships; %2 late (nothing received for more than %3 days, shown in red).</source>
        <translation>共 %1 个乡镇；%2 个逾期（超过 %3 天未收到数据包，红色标出）。</translation>
    </message>
</context>
<context>
    <name>TownshipsTab</name>
    <message>
        <location filename="../townships.py" line="+48"/>
        <source>Create the county&apos;s keys…</source>
        <translation>创建县级密钥…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register a township from its key file…</source>
        <translation>从公钥文件登记乡镇…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last package</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last return package</source>
        <translation>最近返回包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format version</source>
        <translation>格式版本</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Only an administrator registers townships and creates the county&apos;s keys.</source>
        <translation>只有管理员可以登记乡镇和创建县级密钥。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The county has no keys yet: create them first; townships import the county&apos;s public key file made with them.</source>
        <translation>县级尚无密钥：请先创建；各乡镇导入由此生成的县级公钥文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>County %1 %2 — key fingerprint %3. Public key file for the townships: %4</source>
        <translation>县级 %1 %2 — 密钥指纹 %3。供乡镇导入的公钥文件：%4</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The township&apos;s public key file</source>
        <translation>乡镇公钥文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public key files (*.json);;All files (*)</source>
        <translation>公钥文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Registered township %1 %2 (fingerprint %3).</source>
        <translation>已登记乡镇 %1 %2（指纹 %3）。</translation>
    </message>
</context>
<context>
    <name>VerifyTab</name>
    <message>
        <location filename="../views/verify.py" line="+65"/>
        <source>Genuine: signed by the township and unchanged</source>
        <extracomment>verdict code -&gt; colour of the verdict line what the file dialog offers (any file may be chosen)</extracomment>
        <translation>真实：签名有效，内容与签发时一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALTERED: the document does not match its signed QR</source>
        <translation>已被改动：文书内容或二维码与签发时不一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VOIDED: the township voided this document</source>
        <translation>已作废：该文书已被签发乡镇作废</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UNKNOWN SIGNER: not signed by a registered township</source>
        <translation>签发者未知：签名密钥不在已登记的乡镇密钥中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not one of our documents&apos; QR codes</source>
        <translation>不是本系统的文书二维码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The QR code is damaged or incomplete</source>
        <translation>二维码内容残缺或格式错误，无法读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No QR code could be read from the file</source>
        <translation>未能从文件中识别出二维码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check a document before acting on it: choose or drop a scan, a photo or the PDF, or paste the text a scanner read from its QR code.</source>
        <translation>办理前先核验文书：选择或拖入扫描件、照片或 PDF 文件，或粘贴扫码枪读出的二维码文字。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste the QR code&apos;s text here</source>
        <translation>在此粘贴二维码文字</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Scans, photos and PDFs</source>
        <translation>扫描件、照片和 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued on</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (masked)</source>
        <translation>姓名（部分隐藏）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Choose the document to verify</source>
        <translation>选择要验证的文书</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Paste the QR code&apos;s text, or choose a file.</source>
        <translation>请粘贴二维码文字，或选择文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pasted QR text</source>
        <translation>粘贴的二维码文字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No document checked yet.</source>
        <translation>尚未验证文书。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The check failed.</source>
        <translation>验证失败。</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../demo.py" line="+167"/>
        <source>Creating the demo townships…</source>
        <extracomment>(username, name, role, department, password) — demo folders only (README). The invented person applying for 低保 in the first two townships.</extracomment>
        <translation>正在生成演示乡镇…</translation>
    </message>
</context>
</TS>
