"""Errors of the sync contract: :class:`PackageError` (a refused package, a bad key file,
a county refusal — one line, Chinese / English, with a stable ``reason`` code of
docs/sync-format.md §9), :class:`Cancelled`, and :class:`ValidationError` — one invalid
value, raised by the contract's record rules (catalogue, standards, holiday years, task
transitions) and by the township's own validators (``desktop_app.core.errors`` re-exports
it), so both ends catch the same class."""

from __future__ import annotations

from collections.abc import Mapping

from .messages import Message, render

#: reason code -> (Chinese, English) base message
MESSAGES: dict[str, tuple[str, str]] = {
    "file_too_large": ("文件过大", "file too large"),
    "not_age": ("不是同步包，或文件头已损坏/被截断",
                "not an age-encrypted package, or its header is damaged/truncated"),
    "wrong_recipient": ("此包不是加密给本机密钥的", "package is not encrypted to our key"),
    "decrypt_failed": ("解密失败：文件被截断或损坏", "decryption failed: file truncated or damaged"),
    "not_zip": ("解密后的内容不是有效的压缩包", "decrypted content is not a valid ZIP archive"),
    "unsafe_path": ("压缩包含有不安全的路径", "archive entry has an unsafe path"),
    "bad_entry": ("压缩包含有不允许的条目", "archive has a forbidden entry"),
    "too_many_entries": ("压缩包条目过多", "too many archive entries"),
    "member_too_large": ("压缩包中的文件过大", "archive member too large"),
    "total_too_large": ("压缩包解压后总量过大", "archive too large when uncompressed"),
    "zip_bomb": ("压缩比异常（疑似压缩炸弹）", "suspicious compression ratio (zip bomb)"),
    "manifest_invalid": ("清单无效", "manifest invalid"),
    "unsupported_version": ("不支持的格式版本", "unsupported format version"),
    "wrong_kind": ("包的类型不对", "wrong package kind"),
    "wrong_township": ("包不属于本乡镇", "package is for another township"),
    "unknown_signer": ("签名者未登记", "unknown signer"),
    "bad_signature": ("签名验证失败", "signature verification failed"),
    "missing_member": ("缺少数据文件", "data member missing"),
    "size_mismatch": ("数据文件大小与清单不符", "member size differs from the manifest"),
    "hash_mismatch": ("数据文件校验值与清单不符（内容被改动）", "member SHA-256 differs from the manifest (altered)"),
    "count_mismatch": ("记录条数与清单不符", "record count differs from the manifest"),
    "malformed_record": ("记录不是有效的 JSON", "record is not valid JSON"),
    "schema_invalid": ("记录不符合格式规范", "record fails the JSON Schema"),
    "text_invalid": ("记录中的文字不符合文本规则", "record text breaks the text rule"),
    "line_too_long": ("数据文件中有一行过长", "a record line is longer than the limit"),
    "keys_missing": ("缺少密钥", "keys missing"),
    "keys_invalid": ("密钥文件无效", "key file invalid"),
    "io_error": ("读写文件失败", "file I/O failed"),
    "confirmation_invalid": ("县级审核确认不能登记", "county confirmation cannot be recorded"),
    # issue 15 — monitor: the county's warning list (county-receiver warning add)
    "warning_invalid": ("县级预警名单不能登记", "county warning list cannot be recorded"),
    "county_ahead": ("县级已收到本机导出记录之后的同步包",
                     "the county holds a package this township's export log does not have"),
}


class PackageError(Exception):
    """A package is refused. ``reason``: a code of docs/sync-format.md §9; ``message``:
    one line, Chinese and English."""

    def __init__(self, reason: str, detail: str = "", *, zh: str | None = None,
                 en: str | None = None) -> None:
        base_zh, base_en = MESSAGES.get(reason, (reason, reason))
        zh, en = zh or base_zh, en or base_en
        if detail:
            detail = " ".join(str(detail).split())[:200]
            en = f"{en}: {detail}"
        self.reason = reason
        self.message = f"{zh} / {en}"
        super().__init__(self.message)


class Cancelled(Exception):
    """The caller's cancel event was set; nothing was left behind."""


class ValidationError(ValueError):
    """One invalid value.

    :param field: machine name of the field (e.g. ``"id_number"``); the GUI uses it
        to put the message next to the right widget.
    :param code: stable machine-readable reason (e.g. ``"checksum"``) for tests
        and for callers that want to react to a particular problem.
    :param message: human-readable explanation in Chinese, e.g. "身份证号码校验位错误";
        may be left out when ``key`` is given: it is then rendered from the message
        table (:mod:`sync_contract.messages`).
    :param line: optional 1-based line number, for problems found in files.
    :param key: optional stable message key (e.g. ``"amount.negative"``) the GUI
        translates; ``params`` holds the values its placeholders name.
    """

    def __init__(self, field: str, code: str, message: str | None = None, *,
                 line: int | None = None, key: str | None = None,
                 params: Mapping[str, object] | None = None):
        if message is None:
            if key is None:
                raise TypeError("ValidationError needs a message or a key")
            message = render(key, params)
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message
        self.line = line
        self.key = key
        self.params: dict[str, object] = dict(params or {})

    def problem(self) -> Message | str:
        """This error's text as a parameter of another message (``"第{line}行：{problem}"``):
        its key and params, or — raised without a key — its message."""
        return Message(self.key, self.params) if self.key else self.message

    def with_field(self, field: str) -> ValidationError:
        """The same problem reported on another field (a validator's error moved to the
        form's field name): code, message, line, key and params are kept."""
        return ValidationError(field, self.code, self.message, line=self.line, key=self.key,
                               params=self.params)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        extra = f", line={self.line}" if self.line is not None else ""
        return f"ValidationError({self.field!r}, {self.code!r}, {self.message!r}{extra})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ValidationError):
            return NotImplemented
        return (self.field, self.code, self.message, self.line) == (
            other.field,
            other.code,
            other.message,
            other.line,
        )

    def __hash__(self) -> int:
        return hash((self.field, self.code, self.message, self.line))


__all__ = ["MESSAGES", "Cancelled", "PackageError", "ValidationError"]
