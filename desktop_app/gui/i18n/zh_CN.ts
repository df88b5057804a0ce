<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="+117"/>
        <source>Creating demo applications…</source>
        <translation>正在生成演示办件…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../main_window.py" line="+112"/>
        <source>Social Assistance Window</source>
        <translation>社会救助一门受理窗口</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore that backup now?</source>
        <translation>现在从该备份恢复吗？</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot open the data folder</source>
        <translation>无法打开数据目录</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../applications.py" line="+60"/>
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
        <location line="+25"/>
        <source>Name, pinyin initials (e.g. zs), part of an ID number, or document number</source>
        <translation>姓名、拼音首字母（如 zs）、身份证号片段或文书编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intake date</source>
        <translation>按受理日期</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>All villages</source>
        <translation>全部村（社区）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Showing the newest %1; narrow the search to see others.</source>
        <translation>仅显示最新的 %1 件，请缩小查询范围查看其他办件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 application(s)</source>
        <translation>共 %1 件</translation>
    </message>
</context>
<context>
    <name>DetailDialog</name>
    <message>
        <location filename="../detail.py" line="+384"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location line="-291"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+83"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="-83"/>
        <location line="+83"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location line="-83"/>
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
        <location line="+0"/>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Household</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+3"/>
        <source>Timeline</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Supply missing materials…</source>
        <translation>补正材料…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The applicant brought what the one-time notice asked for: record it and decide again</source>
        <translation>申请人已按一次性告知书补交材料：登记后重新作出决定</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cannot load this application: %1</source>
        <translation>无法读取该办件：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · emergency</source>
        <translation> · 急难</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Application %1</source>
        <translation>办件 %1</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <source>Cause of hardship</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reasons for not accepting</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Void reason</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 yuan a month; %2 yuan per person</source>
        <translation>每月 %1 元，人均 %2 元</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Status: %1    Time limit: %2 working days    Due: %3</source>
        <translation>状态：%1    时限：%2 个工作日    办结期限：%3</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Voided: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed %1 time(s)</source>
        <translation>已打印 %1 次</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open</source>
        <translation>打开</translation>
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
    <message>
        <location line="+22"/>
        <source>Choose the clerk on duty first.</source>
        <translation>请先选择当班经办人。</translation>
    </message>
</context>
<context>
    <name>IntakeScreen</name>
    <message>
        <location filename="../intake.py" line="+93"/>
        <source>Household members (besides the applicant)</source>
        <translation>家庭成员（申请人以外）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Requested items</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Materials</source>
        <translation>材料清单</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+322"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="-312"/>
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
        <location line="+18"/>
        <source>Monthly household income (yuan)</source>
        <translation>家庭月收入（元）</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location line="+1"/>
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
        <location line="+1"/>
        <source>Education spending, last 12 months (yuan)</source>
        <translation>近12个月教育支出（元）</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <source>e.g. 因病致贫, 因残致贫, 缺劳动力</source>
        <translation>如：因病致贫、因残致贫、缺劳动力</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How the need was found</source>
        <translation>发现途径</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause of hardship</source>
        <translation>致贫原因</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+136"/>
        <source>Clear form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location line="-101"/>
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
        <location line="+11"/>
        <source>Total %1 yuan a month; %2 people; %3 yuan per person a month</source>
        <translation>月收入合计 %1 元，共 %2 人，人均 %3 元/月</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (some amounts are not valid numbers)</source>
        <translation>（部分金额格式不正确）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose the clerk on duty first.</source>
        <translation>请先选择当班经办人。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Saving and printing…</source>
        <translation>正在保存并生成文书…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Discard everything entered for this application?</source>
        <translation>放弃本次录入的全部内容吗？</translation>
    </message>
</context>
<context>
    <name>ItemsPanel</name>
    <message>
        <location filename="../intake_items.py" line="+93"/>
        <source>Handled by: %1; time limit: %2 working days</source>
        <translation>办理：%1；时限：%2 个工作日</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../labels.py" line="+14"/>
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
        <location line="+17"/>
        <location line="+8"/>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <location line="-24"/>
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
        <source>Document voided</source>
        <translation>作废文书</translation>
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
        <location line="-61"/>
        <source>The clerk on duty; recorded on every decision and document</source>
        <translation>当班经办人，记录在每项决定和文书上</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening the data folder…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New application</source>
        <translation>新建受理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Register an application (Ctrl+N)</source>
        <translation>登记新的申请（Ctrl+N）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find applications</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search and open applications (Ctrl+F)</source>
        <translation>查询并打开办件（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+17"/>
        <source>Demo mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Invented data for practice and demonstration</source>
        <translation>虚构数据，仅供练习和演示</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clerk on duty:</source>
        <translation>当班经办人：</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+22"/>
        <source>Data folder: %1</source>
        <translation>数据目录：%1</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <location filename="../intake_items.py" line="+46"/>
        <source>Tick the requested items above; their materials appear here.</source>
        <translation>在上方勾选申请事项后，这里列出所需材料。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>All received</source>
        <translation>全部已收取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark every required material of this item as received</source>
        <translation>将该事项的必备材料全部标为已收取</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <location filename="../intake_person.py" line="+284"/>
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
    <name>PersonFields</name>
    <message>
        <location line="-247"/>
        <source>Name as on the ID card</source>
        <translation>与证件一致的姓名</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+86"/>
        <source>18 characters; the last may be X</source>
        <translation>18位，末位可为X</translation>
    </message>
    <message>
        <location line="-81"/>
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
        <location line="+7"/>
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Self-care</source>
        <translation>生活自理</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+56"/>
        <source>Why there is no ID</source>
        <translation>无证件原因</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1/18</source>
        <translation>已输入 %1/18 位</translation>
    </message>
    <message>
        <location line="+16"/>
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
    <name>ReasonsDialog</name>
    <message>
        <location filename="../dialogs.py" line="+44"/>
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
    <name>ResultPage</name>
    <message>
        <location filename="../intake_result.py" line="+46"/>
        <source>Documents issued</source>
        <translation>已出具文书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested items</source>
        <translation>申请事项</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New application</source>
        <translation>新建受理(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>View application</source>
        <translation>查看办件</translation>
    </message>
    <message>
        <location line="+39"/>
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
        <location line="+9"/>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Due %1</source>
        <translation>办结期限 %1</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../setup_dialog.py" line="+50"/>
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
    <name>SupplementDialog</name>
    <message>
        <location filename="../supplement.py" line="+65"/>
        <source>Supply missing materials — %1</source>
        <translation>补正材料 — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 has returned after the one-time notice. Record what was brought, then decide again.</source>
        <translation>%1 已按一次性告知书补交材料。请登记补交情况后重新作出决定。</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <source>Choose the clerk on duty first.</source>
        <translation>请先选择当班经办人。</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../tasks.py" line="+106"/>
        <source>Operation failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The operation could not be completed. Try again; if it keeps failing, tell the administrator and keep the details below.</source>
        <translation>操作未能完成。请重试；如仍失败，请告知管理员并保留下方的详细信息。</translation>
    </message>
</context>
</TS>
