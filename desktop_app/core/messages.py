"""The township's message table: message key -> Chinese template.

Validators raise ``ValidationError(field, code, key=…, params=…)`` instead of writing a
finished sentence; :mod:`sync_contract.messages` renders the template below into the
error's ``message`` (what the command line, the logs and anything without Qt show),
and the GUI translates the key (``desktop_app/gui/kit/messages.py``: an English source
per key whose zh_CN translation equals the template here, so the clerk reads the same
words). Templates use ``{name}`` placeholders filled from ``params``.

A key is ``<subject>.<problem>``; it never changes once used (a new wording is a new
template, not a new key). ``tests/core/test_messages.py`` checks that every key raised
has a template here and a translated GUI source rendering to the same text.
"""

from __future__ import annotations

from sync_contract.messages import Message, register, render

#: key -> Chinese template (``{name}`` placeholders).
TEMPLATES: dict[str, str] = {
    # rules/values.py — money
    "amount.required": "请填写金额",
    "amount.negative": "金额不能为负数",
    "amount.format": "金额格式不正确（例：1234.56）",
    "amount.decimals": "金额最多保留两位小数（到分）",
    "amount.too_large": "金额不能超过{max}元",
    "members.too_few": "家庭人口数应至少为1人",
    # rules/values.py — free text
    "text.control_char": "含有不可见的控制字符，请重新输入",
    "text.required": "此项必填",
    "text.too_long": "不能超过{max}个字（当前{length}个）",
    # rules/values.py — names
    "name.control_char": "姓名含有不可见的控制字符",
    "name.digit": "姓名不能包含数字",
    "name.invalid_char": "姓名含有不支持的字符“{char}”",
    "name.required": "请填写姓名",
    "name.too_long": "姓名不能超过{max}个字（当前{length}个）",
    "name.no_letters": "姓名应包含汉字或字母",
    "name.middle_dot": "姓名中的间隔号“·”位置不对",
    # rules/values.py — phone numbers
    "phone.required": "请填写联系电话",
    "phone.digits_only": "电话号码只能包含数字（固话可加“-”和分机号）",
    "phone.mobile_extension": "手机号码不能带分机号",
    "phone.area_code": "固定电话请加区号，如0571-12345678",
    "phone.mobile_length": "手机号码应为11位数字，以1开头",
    "phone.format": "电话号码格式不正确（手机11位，固话如0571-12345678）",
    # rules/values.py — dates
    "date.required": "请填写日期",
    "date.format": "日期格式应为“2026-11-24”",
    "date.nonexistent": "日期不存在（{year}年{month}月{day}日）",
    "date.too_late": "日期不能晚于{date}",
    "date.too_early": "日期不能早于{date}",
    # rules/identity.py — identity documents
    "id_type.unknown": "未知的证件类型",
    "id.required": "请填写证件号码",
    "id.birth_invalid": "号码中的出生日期无效（{year}年{month}月{day}日）",
    "id.birth_future": "号码中的出生日期晚于今天",
    "id.birth_too_early": "号码中的出生日期早于{year}年",
    "id.resident.length": "身份证号码应为18位（当前{length}位）",
    "id.resident.format": "身份证号码应为17位数字加1位数字或X",
    "id.resident.checksum": "身份证号码校验位错误",
    "id.resident.legacy_15": "15位旧身份证号码已停止使用，请填写18位号码",
    "id.resident.is_hmt": "这是港澳台居民居住证号码，请将证件类型选为“港澳台居民居住证”",
    "id.resident.is_foreign": "这是外国人永久居留身份证号码，请将证件类型选为“外国人永久居留身份证”",
    "id.resident.region": "身份证号码的地址码无效（首位应为1–6）",
    "id.hmt.length": "居住证号码应为18位（当前{length}位）",
    "id.hmt.format": "居住证号码应为17位数字加1位数字或X",
    "id.hmt.checksum": "居住证号码校验位错误",
    "id.hmt.region": "港澳台居民居住证号码应以810000、820000或830000开头",
    "id.foreign.length": "永久居留身份证号码应为18位（当前{length}位）",
    "id.foreign.format": "永久居留身份证号码应为17位数字加1位数字或X",
    "id.foreign.checksum": "永久居留身份证号码校验位错误",
    "id.foreign.old_format": "旧版永久居留身份证号码应为3位字母加12位数字",
    "id.foreign.old_or_new_length": "永久居留身份证号码应为18位（旧版15位），当前{length}位",
    "id.foreign.new_prefix": "新版永久居留身份证号码应以9开头",
    "id.other.too_long": "证件号码不能超过{max}个字符（当前{length}个）",
    "id.other.invalid_char": "证件号码含有无法识别的字符",
    "id.none.must_be_empty": "选择“无证件”时不能填写证件号码",
    "id_reason.required": "无证件时必须说明原因（如：流浪乞讨人员）",
    "id_reason.too_long": "原因不能超过{max}个字",
    "id_reason.invalid_char": "原因含有无法识别的字符",
    # rules/division.py — division codes and the villages CSV
    "division.township.required": "请填写乡镇（街道）区划代码",
    "division.township.format": "乡镇（街道）区划代码应为12位数字（当前“{code}”）",
    "division.township.county": "乡镇（街道）区划代码的前6位（县级代码）无效",
    "division.township.township_part": "乡镇（街道）区划代码第7–9位应在001–599之间",
    "division.township.village_part": "乡镇（街道）区划代码最后3位应为000（这像是村/居委会的代码）",
    "division.village.required": "请填写村（居）委会区划代码",
    "division.village.format": "村（居）委会区划代码应为12位数字（当前“{code}”）",
    "division.village.county": "村（居）委会区划代码的前6位（县级代码）无效",
    "division.village.other_township": "村（居）委会区划代码前9位应与本乡镇（街道）代码{code9}一致",
    "division.village.village_part": "村（居）委会区划代码最后3位应在001–599之间",
    "division.csv.encoding": "无法识别文件编码，请另存为UTF-8或GBK编码的CSV文件",
    "division.csv.line": "第{line}行：{problem}",
    "division.csv.syntax": "CSV格式错误（{error}）",
    "division.csv.name_required": "缺少村（居）委会名称",
    "division.csv.name_too_long": "名称不能超过{max}个字",
    "division.csv.name_invalid": "名称含有无法识别的字符",
    "division.csv.columns": "每行应为两列：代码,名称",
    "division.csv.duplicate_code": "代码{code}与第{first}行重复",
    "division.csv.duplicate_name": "名称“{name}”与第{first}行重复",
    "division.csv.empty": "文件中没有村（居）委会记录",
    "division.csv.too_many": "记录过多（{rows}行，最多{max}行）",
    # rules/settings.py — the settings an administrator may change
    "setting.unknown": "不能修改此设置",
    "setting.integer": "{label}应为整数",
    "setting.integer_between": "{label}应为 {lo}–{hi} 之间的整数",
    "setting.range": "{label}应在 {lo}–{hi} 之间",
    "setting.yes_no": "应为“是”或“否”",
    "setting.mirror.not_path": "备份镜像目录应为文件夹路径",
    "setting.mirror.too_long": "路径不能超过 {max} 个字符",
    "setting.mirror.invisible": "路径含有不可见字符",
    "setting.mirror.relative": "请填写完整路径（如 {windows} 或 {posix}）",
    "setting.keep.parts": "备份保留策略应包含 {recent}、{daily}、{weekly}、{monthly}",
    "setting.appeal.incomplete": "救济期限设置不完整",
    "setting.overrides.not_table": "应为 日期→是否工作日 的对照表",
    "setting.review.parts": "复核周期应包含 特困、低保A/B/C类 四项",
    # rules/settings.py — the settings' names (parameters of the messages above)
    "setting.label.idle_lock_minutes": "自动锁屏时间（分钟）",
    "setting.label.backup_recent": "最近备份份数",
    "setting.label.backup_daily": "按日保留份数",
    "setting.label.backup_weekly": "按周保留份数",
    "setting.label.backup_monthly": "按月保留份数",
    "setting.label.appeal_period": "期限",
    "setting.label.review_months": "复核周期（月）",
    "setting.label.emergency_ceiling": "先行救助限额（分）",
    "setting.label.emergency_paperwork_workdays": "先行救助补办手续时限（工作日）",
    "setting.label.due_soon_workdays": "临期提醒（工作日）",
    # services/intake/validation.py — an application draft and a decision
    "intake.relation_required": "请选择与申请人关系",
    "intake.duplicate_id": "证件号码与家庭成员“{name}”重复",
    "intake.value_invalid": "取值无效",
    "intake.disability_grade_required": "请选择残疾等级",
    "intake.income_unknown": "未知收入类别",
    "intake.number_between": "请输入 0 到 {limit} 之间的整数",
    "intake.house_rating": "房屋等级应为 A、B、C 或 D",
    "intake.hardship_cause_required": "请选择求助原因",
    "intake.staff_relative_note_required": "请说明与哪位经办人员或村（居）干部是何种亲属关系",
    "intake.supporters_able_required": "请选择义务人是否有赡养（抚养、扶养）能力",
    "intake.source_required": "请选择发现途径",
    "intake.village_required": "请选择现居住村（社区）",
    "intake.items_required": "请至少选择一个申请事项",
    "intake.item_unknown": "未知事项 {code}",
    "intake.item_duplicate": "事项“{name}”重复",
    "intake.material.status_invalid": "材料状态无效",
    "intake.material.no_commitment": "“{name}”不适用告知承诺",
    "intake.material.required": "“{name}”为必备材料",
    "intake.material.not_shared": "“{name}”不能通过信息共享获取",
    "intake.id_type_required": "请选择证件类型",
    "intake.decision.unknown": "未知的受理决定",
    "intake.decision.materials_missing": "材料不齐（缺少：{names}），不能受理；请出具一次性告知书",
    "intake.decision.materials_complete": "材料齐全，无需出具一次性告知书",
    "intake.decision.reasons_required": "请填写不予受理的理由",
    "intake.decision.reason_too_long": "每条理由不能超过 {max} 字",
    # services/setup.py — first-run setup and staff
    "setup.village.line": "第 {line} 行：{problem}",
    "setup.village.name_required": "村（社区）名称不能为空",
    "setup.village.duplicate_code": "村（社区）代码 {code} 重复",
    "setup.village.duplicate_name": "村（社区）名称 {name} 重复",
    "setup.villages_required": "请至少录入一个村（社区）",
    "setup.already_done": "本机已完成初始设置",
    # services/accounts.py (and setup) — staff accounts
    "staff.role_unknown": "未知角色",
    "staff.password_same": "新密码不能与原密码相同",
    "staff.username_taken": "该用户名已被使用",
    "staff.deactivate_self": "不能停用自己的账户",
    "staff.last_admin": "至少需要保留一名可登录的管理员",
    # services/documents.py — reprinting and voiding documents
    "document.voided_no_reprint": "已作废的文书不能补打",
    "document.void_reason_required": "请填写作废原因",
    "document.void_reason_too_long": "作废原因不能超过 {max} 字",
    "document.already_voided": "该文书已作废",
    # services/intake/supplements.py — supplying missing materials
    "intake.not_pending": "该申请不在待补正状态",
    # services/intake/registration.py — registering an application
    "intake.village_unknown": "村（社区）不存在",
    # services/intake/base.py — the clerk of a decision
    "intake.clerk_unknown": "经办人不存在或已停用",
    # services/settings.py — settings kept by the program
    "setting.reserved": "此设置由程序维护，不能直接修改",
    # services/handling/base.py — what the handling verbs share
    "handling.application_state": "该申请已{status}，不能办理",
    "handling.labelled": "{label}：{problem}",
    # services/handling/results.py — the department's reply (回执)
    "handling.label.signed_on": "签收时间",
    "handling.label.result_on": "反馈时间",
    "handling.label.period_from": "救助起始月",
    "handling.label.period_to": "救助截止月",
    "handling.result_required": "请选择办理结果",
    "handling.period_order": "救助截止月不能早于起始月",
    "handling.refusal_reason_required": "请填写不予办理的理由",
    "handling.return_reason_required": "请填写退回的原因",
    "handling.amount_not_done": "只有已办结的事项才有救助金额",
    "handling.review_class": "复核类别应为 A、B 或 C",
    "handling.signed_before_referral": "签收时间不能早于转办日期",
    "handling.result_before_referral": "反馈时间不能早于转办日期",
    "handling.result_before_acceptance": "反馈时间不能早于受理日期",
    # services/handling/emergency.py — emergency aid (先行救助) and referral to the county
    "emergency.amount_required": "请填写先行救助金额",
    "emergency.method_required": "请选择发放方式",
    "emergency.label.paid_on": "发放日期",
    "emergency.no_urgent_item": "该申请没有已受理的急难型临时救助事项",
    "emergency.item_closed": "该急难型临时救助事项已转县级审批或已办结，不能再先行救助",
    "emergency.above_ceiling": "金额 {amount} 元超过乡镇先行救助限额 {ceiling} 元，请报县民政局审批",
    "emergency.escalation_reason_required": "请填写报县审批的理由",
    "emergency.cannot_escalate": "该事项不能报县审批",
    # services/handling/reviews.py — periodic reviews
    "review.label.review_on": "复核日期",
    "review.outcome_required": "请选择复核结论",
    "review.not_needed": "该事项无需复核",
    # services/intake/withdrawal.py — withdrawing and voiding an application
    "withdrawal.final": "该申请已{status}，不能撤回",
    "withdrawal.already_voided": "该申请已作废",
    "withdrawal.reason_required": "请填写{label}",
    "withdrawal.reason_too_long": "{label}不能超过 {max} 字",
    "withdrawal.label.withdraw_reason": "撤回原因",
    "withdrawal.label.void_reason": "作废原因",
    # services/handling/handover.py — handover lists
    "handover.department_unknown": "未知的部门",
    "handover.nothing_to_refer": "{department}没有待转办的事项",
    # services/handling/notices.py — result notices
    "notice.no_results": "还没有任何事项的办理结果，不能出具告知书",
    # rules/workdays.py — working-day calendars
    "calendar.day_wrong_year": "{day}不属于{year}年",
    "calendar.holiday_and_workday": "{day}不能同时是假日和调休工作日",
    "calendar.data_wrong_year": "{year}年的日历数据标注为{marked}年",
    "calendar.out_of_range": "期限超出可计算的日期范围",
    # rules/numbering.py — receipt and document numbers
    "number.format": "编号格式不正确（应如330102101-20261124-0001）",
    "number.township": "编号格式不正确：前9位不是有效的乡镇（街道）代码（应如330102101-20261124-0001）",
    "number.date": "编号格式不正确：日期不存在（应如330102101-20261124-0001）",
    "number.sequence": "编号格式不正确：流水号无效（应如330102101-20261124-0001）",
    # rules/passwords.py — passwords and user names
    "password.invalid": "密码格式无效",
    "password.required": "请输入密码",
    "password.charset": "密码只能包含英文字母、数字和键盘符号（不能含中文或全角字符）",
    "password.too_short": "密码至少 {min} 位",
    "password.too_long": "密码不能超过 {max} 位",
    "password.spaces": "密码首尾不能是空格",
    "password.classes": "密码须同时包含字母和数字",
    "password.trivial": "密码过于简单（重复或连续的字符）",
    "password.common": "该密码过于常见，请换一个",
    "password.contains_username": "密码不能包含用户名",
    "username.invalid": "用户名格式无效",
    "username.required": "请输入用户名",
    "username.format": "用户名须为 2–32 位英文字母、数字或 . _ -，并以字母开头",
    # issue 11 — CLI authentication, recovery code, county key import
    "recovery.which_admin": "本机有多位管理员：请用 {option} 指定要恢复密码的管理员账户",
    "county_keys.not_county": "密钥文件中的代码 {code} 不是县级行政区划代码（应为 6 位，如 "
                              "522201），未导入；请县级用 {command} 重新生成",
    "county_keys.other_county": "此密钥文件属于 {code} {name}，本乡镇（{township}）不属于该县，"
                                "未导入；请向本县民政部门索取正确的公钥文件",
    "county_keys.changed": "确认后密钥文件被改动（指纹不同），未导入；请重新选择文件",
    # issue 11 — one text rule (rules/values.py)
    "text.combining_start": "开头是单独的附加符号（如声调符号），请删除后重新输入",
    # issue 11 — clock sanity (core/rules/clock.py, core/services/clock.py)
    "clock.behind": "电脑时钟显示的时间（{clock}）早于最近一条记录的时间（{newest}），"
                    "为避免文书日期倒退，暂不能出具文书。请先把电脑的系统时间改为正确的北京时间，再重新办理；"
                    "如电脑时间本来就对（是之前的记录日期有误），请管理员在“设置→电脑时钟”中确认",
    "clock.not_behind": "电脑时钟没有早于最近的记录，无需确认",
    "setting.clock.parts": "时钟检查设置应包含允许误差（分钟）和超前提醒天数",
    "setting.label.clock_tolerance": "时钟允许误差（分钟）",
    "setting.label.clock_ahead": "时钟超前提醒天数",
    # issue 12 — eligibility rules (core/rules/eligibility.py)
    "setting.eligibility.invalid": "救助评估规则第 {entry} 条的“{name}”不正确，请检查后重新填写",
    "setting.eligibility.duplicate": "救助评估规则中有两条的生效日期都是 {day}，每个日期只能有一条",
    # issue 12 — household
    "intake.counted.applicant": "申请人本人必须计入共同生活的家庭成员",
    "intake.counted.applicant_only": "“申请人本人”只能用于申请人",
    "intake.counted.reason_mismatch": "所选原因与“是否计入家庭成员”不一致",
    "intake.counted.reason_required": "不计入共同生活家庭成员的，请选择原因",
    "intake.related.duplicate_id": "证件号码与“{name}”重复，同一人只能登记一次",
    "intake.related.role_required": "请至少选择一项：法定赡养（抚养、扶养）义务人或监护人",
    "intake.related.household_size": "家庭人口数应为 1 到 {max} 之间的整数",
    "intake.related.able_invalid": "请选择义务人是否有履行能力",
    "intake.related.unable_reason_required": "义务人无履行能力的，请选择原因",
    "intake.related.unable_reason_unexpected": "只有义务人无履行能力时才选择原因",
    "intake.guardian.required": "申请人未满 {age} 周岁，请登记一名监护人（户内成年成员或户外人员），由监护人签字",
    "intake.guardian.too_many": "只能登记一名监护人，现登记了 {count} 名",
    "intake.guardian.not_minor": "申请人已满 {age} 周岁，不登记监护人",
    "intake.guardian.minor": "未满 {age} 周岁的人不能作为监护人",
    "intake.guardian.self": "申请人不能作为自己的监护人",
    "intake.residence.kind_required": "请选择申请地（户籍地、居住地或急难发生地）",
    "intake.residence.address_required": "居住证持有人或在急难发生地申请的，请填写现居住地址",
    "intake.residence.permit_required": "居住证持有人在居住地申请的，请填写居住证号码",
    "intake.residence.incident_item": "在急难发生地申请（非本地户籍）只能申请临时救助；"
                                      "“{name}”请向户籍地或居住地申请",
    "intake.medical_reimbursed.over": "报销金额不能超过近 12 个月医疗支出",
    # issue 13 — ceilings (core/rules/temporary.py)
    "ceiling.single": "本次金额 {amount} 元超过乡镇（街道）临时救助审批额度 {ceiling} 元，"
                      "请报县审批（报县民政局审批）",
    "ceiling.cumulative": "本次金额 {amount} 元，{scope}已救助 {count} 次共 {paid} 元，"
                          "合计 {total} 元，超过乡镇（街道）临时救助审批额度 {ceiling} 元，"
                          "请报县审批（报县民政局审批）",
    "ceiling.scope.incident": "本事项",
    "ceiling.scope.household_year": "本家庭{year}年",
    "ceiling.scope.invalid": "临时救助累计限额的适用范围设置不正确：每条须有生效日期"
                             "（每个日期一条）并写明是否按事项、按家庭年度累计",
    # issue 13 — stages (core/rules/stages.py, services/handling/stages.py)
    "stage.not_in_procedure": "本事项的办理程序中没有“{label}”环节，或本件无需{label}",
    "stage.already_recorded": "“{label}”已录入",
    "stage.done_on_required": "请填写“{label}”的结束日期",
    "stage.publicity_running": "公示期至{day}，期满后方可办结",
    "stage.after_publicity": "公示期至{day}，本环节的日期应在公示期满之后",
    "stage.publicity_not_ended": "公示期至{day}，期满后方可结束公示",
    "stage.done_before_start": "结束日期不得早于开始日期（{day}）",
    "stage.future": "日期不得晚于今天（{day}）",
    "stage.out_of_order": "请先完成“{first}”，再录入“{label}”",
    "stage.before_previous": "日期不得早于上一环节“{previous}”的日期（{day}）",
    "stage.before_acceptance": "日期不得早于受理日期（{day}）",
    "stage.unfinished_due": "“{label}”尚未完成（应于{day}前完成），程序完成后方可办结",
    "stage.unfinished": "“{label}”尚未完成，程序完成后方可办结",
    "stage.publicity_first": "公示期至{day}，期满并结束公示后方可录入“{label}”",
    "stage.unknown": "未知的办理环节",
    "stage.label.date": "日期",
    "stage.outcome_invalid": "请选择“{label}”的结果",
    "stage.source_invalid": "未知的录入来源",
    "stage.details_invalid": "附加信息格式不正确",
    "stage.visit_people": "入户调查须由至少 {min} 名调查人员进行，请填写调查人员",
    "stage.visit_findings": "请填写入户调查情况",
    "stage.check_outcome": "请选择核对结果（一致或有差异）",
    "stage.check_discrepancy": "核对结果有差异的，请说明差异及原因",
    "stage.publicity_outcome": "请选择公示结果（无异议、有异议已处理或异议成立）",
    "stage.publicity_objection": "公示有异议的，请填写异议内容及处理情况",
    "stage.reason_required": "不同意的，请填写理由",
    "stage.extension_reason": "请填写延期理由",
    "stage.conference_people": "请填写参加会商的人员",
    "stage.amount_unexpected": "该环节不填写金额",
    "stage.task_final": "该事项已办结，不能再录入办理环节",
    "stage.no_procedure": "该事项没有审核确认程序（受理早于本功能，或不由乡镇办理），"
                          "请直接录入办理结果",
    "stage.publicity_too_short": "公示期不得短于规定期限（至少至{day}）",
    "stage.no_extension": "该事项不能延期",
    "stage.already_extended": "该事项已延期一次，不能再延期",
    "stage.extension_late": "办理期限已于{day}届满，不能再延期",
    "stage.no_tasks": "请选择事项",
    "stage.publicity_village": "该事项的申请人不属于所选村（社区），不能列入本村公示名单",
    "stage.publicity_nothing": "所选事项均不公示（未成年人、孤儿等），没有可公示的事项",
    "stage.report_department": "上报清单只能列同一县级审核确认部门的事项（乡镇审核确认的事项不报县）",
    "stage.publicity_days.invalid": "公示期设置不正确：每条须有生效日期（每个日期一条）、"
                                    "天数（1 到 {max}）和单位（日历日或工作日）",
    # issue 13 — materials (dependent items, materials per stage)
    "materials.awaiting_not_dependent": "“{name}”不能选“待低保认定”",
    "materials.awaiting_not_allowed": "“{name}”只有在本次同时申请或尚在办理{items}时，"
                                      "才能选“待低保认定”",
    "materials.due_at_decision": "审核确认前须提供：{names}",
    "materials.task_final": "该事项已办结，不能再修改材料",
    # issue 13 — reserve (临时救助备用金, core/services/reserve.py)
    "reserve.overdraw": "备用金余额不足：{day} 可用余额 {balance} 元，本次支付 {amount} 元，"
                        "差 {short} 元；请先登记拨入或报县审批",
    "reserve.disabled": "本乡镇（街道）{day} 未启用临时救助备用金台账（设置“备用金”）",
    "reserve.amount_positive": "金额必须大于 0",
    "reserve.pay_source": "请指明支付的是哪一笔先行救助或哪一项临时救助",
    "reserve.aid_paid": "先行救助 {number} 已从备用金支付，不能重复支付",
    "reserve.task_not_payable": "只有已办结并有救助金额的临时救助事项才能从备用金支付",
    "reserve.above_decided": "本次支付 {amount} 元超过尚未支付的金额 {rest} 元"
                             "（决定金额 {decided} 元，已支付 {paid} 元）",
    "reserve.refund_payment": "请选择要退回的支付记录",
    "reserve.refund_before": "退回日期不能早于支付 {number} 的日期 {day}",
    "reserve.refund_above": "退回金额 {amount} 元超过该事项已支付且未退回的 {paid} 元",
    "reserve.batch_empty": "截至 {day} 没有未报账的备用金支付",
    "reserve.batch_reimbursed": "报账批次 {number} 已登记拨付",
    "reserve.reimburse_above": "拨付金额 {amount} 元超过报账金额 {total} 元",
    "reserve.reimburse_before": "拨付日期不能早于报账批次 {number} 的日期 {day}",
    "reserve.month_format": "月份格式应为 2026-11",
    "reserve.month_future": "该月份尚未开始，不能打印月度明细",
    "reserve.setting_invalid": "备用金设置不正确：每条须有生效日期（每个日期一条）"
                               "并写明是否启用、先行救助是否从备用金支付",
    # issue 13 — temporary (services/handling/temporary.py, rules/temporary.py)
    "first_aid.hours.invalid": "先行救助时限设置不正确：每条须有生效日期（每个日期一条）"
                               "和 1 到 {max} 之间的小时数",
    "temporary.bad_date": "生效日期格式不正确（例：2026-01-01）",
    "temporary.bands.invalid": "临时救助分档设置不正确：每条须有生效日期、依据，每档须有类型"
                               "（急难型/支出型）、名称、起止金额（起点小于止点）",
    "temporary.bands.overlap": "{type}临时救助的档次金额重叠或未按从低到高排列",
    "temporary.label.paperwork_on": "补齐日期",
    "temporary.label.conference_on": "会商日期",
    "temporary.label.followup_on": "跟进日期",
    "temporary.paperwork.bad_status": "请选择材料状态（已收取、告知承诺、信息共享免提交或缺少）",
    "temporary.paperwork.unknown": "该事项没有这项材料",
    "temporary.paperwork.nothing_changed": "材料状态没有变化，请修改至少一项材料的状态",
    "temporary.not_before_intake": "日期不能早于受理日期 {date}",
    "temporary.conference.people": "请填写至少两名参加会商人员",
    "temporary.conference.outcome": "请选择会商决定",
    "temporary.conference.amount": "乡镇审批或报县审批的，请填写救助金额",
    "temporary.not_temporary": "只有临时救助事项可以录入个案会商或跟进救助",
    # issue 13 — review fixes (备用金 pays what was decided, by whom it was decided)
    "reserve.aid_amount": "先行救助 {number} 发放 {decided} 元，从备用金支付的金额应与之相同（本次 {amount} 元）",
    "reserve.aid_in_kind": "先行救助 {number} 以实物发放，不从备用金支付",
    "reserve.task_not_township": "该事项由县级审批，救助金不从乡镇（街道）临时救助备用金支付",
    # issue 14 — drafts (services/intake/saved_drafts.py)
    "draft.not_found": "该草稿已不存在（可能已受理、清空或放弃）",
    "draft.unreadable": "该草稿无法读取，已不能恢复",
    # issue 15 — reviews (core/services/dynamic, core/rules/dynamic.py)
    "dynamic.setting.invalid": "动态管理设置不正确：每条须有生效日期、渐退月数（1 到 24）、渐退上限（标准的 100% "
                               "到 300%）、不固定收入类别、不固定就业状况和低保边缘复核月数（1 到 36）",
    "dynamic.month_invalid": "月份格式不正确（例：2027-01）",
    "dynamic.month_range": "执行月份应在核查当月至其后 12 个月之间",
    "dynamic.month_before_grant": "执行月份不能早于开始享受救助的月份",
    "dynamic.not_recipient": "该事项不是正在享受的低保、特困、低保边缘或刚性支出救助，不能复核或变更申报",
    "dynamic.kind_invalid": "请选择核查类型（定期复核或变更申报）",
    "dynamic.change_kinds_invalid": "变更事项不正确",
    "dynamic.change_kinds_required": "变更申报请至少选择一项变更事项（家庭人口、收入、财产或居住地）",
    "dynamic.amount_required": "调整救助金额的，请填写调整后的金额",
    "dynamic.taper_months_invalid": "渐退月数应为 1 到 24 之间的整数",
    "dynamic.on_too_early": "核查日期不能早于开始享受救助或上次复核的日期 {date}",
    "dynamic.stop_reason_required": "停止救助的，请填写停止原因",
    "dynamic.investigators_too_many": "核查人员最多填写 {max} 人",
}

register(TEMPLATES)

__all__ = ["TEMPLATES", "Message", "render"]
