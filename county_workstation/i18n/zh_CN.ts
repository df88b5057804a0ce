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
        <source>Status</source>
        <translation>状态</translation>
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
        <location line="+85"/>
        <source>County workstation</source>
        <translation>县级接收工作站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Working without county accounts</source>
        <translation>未启用县级账户（本机操作）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../login_dialog.py" line="+76"/>
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
        <location filename="../townships.py" line="+90"/>
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
        <location filename="../login_dialog.py" line="-80"/>
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
        <location line="+4"/>
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
    <name>StatusTab</name>
    <message>
        <location filename="../status.py" line="+111"/>
        <source>Refresh</source>
        <extracomment>A township that sent nothing for longer than this is late (townships send at least weekly).</extracomment>
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
        <translation>未回执包数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback to send</source>
        <translation>待发回执</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last return package</source>
        <translation>最近返回包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue referrals</source>
        <translation>超期转办</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location line="+33"/>
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
</TS>
