"""Message keys: the Chinese text of a :class:`~sync_contract.errors.ValidationError`
raised with ``key=`` and ``params=`` instead of a finished sentence.

A key is a stable dotted name (``"amount.negative"``); its template is Chinese with named
placeholders (``"金额不能超过{max}元"``) filled by :meth:`str.format` from ``params``;
a parameter may itself be a :class:`Message` (a problem found on a line of a file).
The GUI translates the key itself (``desktop_app/gui/kit/messages.py``: an English
source per key whose zh_CN translation equals the template here); everything without
Qt — the command line, the county receiver, the logs — shows the text rendered here.

The contract's own record rules register their templates in :data:`TEMPLATES` below;
the township registers its table (``desktop_app/core/messages.py``) with
:func:`register` when ``desktop_app.core.errors`` is imported. A key has one template:
registering a different text for a key already known is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: key -> Chinese template with ``{name}`` placeholders: the contract's own keys here; the
#: township's are added by :func:`register`.
TEMPLATES: dict[str, str] = {
    # holidays.py — the holiday-years setting both ends share
    "holidays.day_format": "日期格式应为 {pattern}",
    "holidays.day_format_of": "日期格式应为 {pattern}：{text}",
    "holidays.day_invalid": "日期无效：{text}",
    "holidays.not_table": "应为 年份→节假日安排 的对照表",
    "holidays.year_format": "年份应为四位数字",
    "holidays.year_parts": "{year} 年的安排应包含 {holidays} 和 {workdays}",
    "holidays.part_not_list": "{year} 年的 {part} 应为日期列表",
    "holidays.other_year": "{year} 年的安排中有其他年份的日期",
    "holidays.conflict": "{year} 年有日期同时是节假日和调休工作日",
    # tasks.py — referred-task transitions
    "tasks.unknown_action": "未知的办理操作",
    "tasks.not_allowed": "该事项当前为“{status}”，不能{action}",
    # standards.py — the aid standards both ends share
    "standards.entry": "第 {entry} 条：{problem}",
    "standards.integer": "{label}应为整数",
    "standards.range": "{label}应在 {lo}–{hi} 之间",
    "standards.not_record": "标准应为一组字段",
    "standards.missing": "缺少：{missing}",
    "standards.effective_from": "生效日期应为 {pattern}",
    "standards.empty": "救助标准应为至少一条按生效日期的记录",
    "standards.duplicate": "生效日期 {day} 重复",
    "standards.none_in_force": "{year}年{month}月{day}日没有已生效的救助标准，请管理员设置",
    "standards.field.effective_from": "生效日期",
    "standards.field.urban_dibao_fen": "城市低保标准",
    "standards.field.rural_dibao_fen": "农村低保标准",
    "standards.field.edge_percent": "低保边缘倍数（%）",
    "standards.field.tekun_percent": "特困供养倍数（%）",
    "standards.field.rigid_share_percent": "刚性支出占收入比例（%）",
    "standards.field.urban_disposable_income_fen": "上年城镇居民人均可支配收入",
    "standards.field.rural_disposable_income_fen": "上年农村居民人均可支配收入",
    "standards.field.employment_deduction_percent": "就业成本扣减（占低保标准 %）",
    # faults.py — one fault vocabulary for files and folders, both ends
    "fault.disk_full": "{action}失败：{folder} 空间不足（磁盘已满）。请删除不需要的文件或换一个"
                       "U盘/文件夹后重试。{outcome}",
    "fault.read_only": "{action}失败：{folder} 是只读的（U盘写保护开关是否打开？）。请换一个可写"
                       "的U盘/文件夹后重试。{outcome}",
    "fault.permission": "{action}失败：没有权限写入或读取 {folder}。请换一个文件夹，或请管理员"
                        "检查该文件夹的权限。{outcome}",
    "fault.device_removed": "{action}失败：{folder} 所在的设备已断开或出错（U盘是否被拔出？）。"
                            "请重新插好后重试。{outcome}",
    "fault.path_missing": "{action}失败：找不到 {folder}（U盘是否已插好、路径是否正确？）。"
                          "{outcome}",
    "fault.not_a_folder": "{action}失败：{folder} 不是文件夹。请重新选择。{outcome}",
    "fault.name_too_long": "{action}失败：{folder} 的路径或文件名太长。请选择层级较浅的文件夹。"
                           "{outcome}",
    "fault.busy": "{action}失败：{folder} 中的文件正被其他程序占用。请关闭占用它的程序后重试。"
                  "{outcome}",
    "fault.other": "{action}失败：无法读写 {folder}（系统错误 {code}）。请换一个文件夹后重试；"
                   "如仍失败请告诉管理员。{outcome}",
    "fault.action.export": "导出同步包",
    "fault.action.import": "导入同步包",
    "fault.action.backup": "备份",
    "fault.action.restore": "恢复备份",
    "fault.action.save_pdf": "保存PDF",
    "fault.action.print_to_file": "打印到文件",
    "fault.action.keys": "读写密钥文件",
    "fault.action.lock": "锁定数据目录",
    "fault.action.log": "写日志",
    "fault.action.open_data": "打开数据目录",
    "fault.action.write_file": "写入文件",
    "fault.outcome.nothing_written": "未留下任何不完整的文件。",
    "fault.outcome.nothing_changed": "数据未作任何更改。",
    # issue 11 — faults (the county's two writes)
    "fault.action.ingest": "接收同步包",
    "fault.action.make_return": "生成返回包",
    "fault.action.mirror": "备份镜像",
    # issue 16 — ledgers (desktop_app/core/xlsx.py)
    "fault.action.write_xlsx": "导出Excel表格",
    # issue 16 — importer (desktop_app/core/services/ledger_import)
    "fault.action.read_ledger": "读取台账文件",
    # issue 17 — qrsign: the verdict on a document's QR code (docqr.py, both ends)
    "docqr.genuine": "真实：签名有效，内容与签发时一致",
    "docqr.altered": "已被改动：文书内容或二维码与签发时不一致",
    "docqr.unknown_signer": "签发者未知：签名密钥不在已登记的乡镇密钥中",
    "docqr.voided": "已作废：该文书已被签发乡镇作废",
    "docqr.not_ours": "不是本系统的文书二维码",
    "docqr.malformed": "二维码内容残缺或格式错误，无法读取",
    "docqr.no_code": "未找到二维码（预览件、草稿没有二维码；请对准二维码重新扫描或提高扫描分辨率）",
    "docqr.unreadable": "无法读取该文件（不是图片或 PDF，或文件已损坏）",
}


@dataclass(frozen=True)
class Message:
    """A message by key, used as a parameter of another (``"第{line}行：{problem}"``):
    formatted it renders its own template, and the GUI translates it as a key too."""

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return render(self.key, self.params)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def register(templates: Mapping[str, str]) -> None:
    """Add ``templates`` to :data:`TEMPLATES` (idempotent; a changed text is refused)."""
    for key, text in templates.items():
        known = TEMPLATES.get(key)
        if known is not None and known != text:
            raise ValueError(f"message key {key!r} already has another template")
        TEMPLATES[key] = text


def render(key: str, params: Mapping[str, object] | None = None) -> str:
    """The Chinese text of ``key`` filled with ``params`` (an unknown key gives the key
    itself: a missing template must not turn a validation failure into a crash —
    the tests check that every key raised has one)."""
    template = TEMPLATES.get(key)
    if template is None:
        return key
    return template.format_map(dict(params or {}))


__all__ = ["TEMPLATES", "Message", "register", "render"]
