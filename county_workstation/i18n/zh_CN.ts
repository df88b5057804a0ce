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
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../login_dialog.py" line="+81"/>
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
        <location filename="../login_dialog.py" line="-85"/>
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
    <name>window</name>
    <message>
        <location filename="../demo.py" line="+167"/>
        <source>Creating the demo townships…</source>
        <extracomment>(username, name, role, department, password) — demo folders only (README). The invented person applying for 低保 in the first two townships.</extracomment>
        <translation>正在生成演示乡镇…</translation>
    </message>
</context>
</TS>
