"""选择服务机构 on the tracking screen (issue 15 item 5): a service-type task (访视, 照料,
心理疏导, 社会融入, 资源链接) waiting to be referred — or returned — goes to a provider of
the directory (社工站, charity, volunteer team …). Choosing one issues the 转办单 naming
it; the provider's 转办清单 (the handover box) hands it over, and its 回执 is recorded
with the same 登记签收 / 登记办理结果 as a department's."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...core import vocab
from ..kit.fmt import fmt
from ..kit.tasks import TaskRunner
from .dialogs import ServiceDialog, _task_line, field

if TYPE_CHECKING:
    from ...core.services import Services


def can_choose(row: Any) -> bool:
    """The selected task takes a provider now: a service task waiting without one, or
    returned by its provider."""
    return row is not None and row.handler_code == vocab.SERVICE_HANDLER and (
        (row.status == "to_refer" and row.provider_id is None) or row.status == "returned")


class ChooseProviderDialog(ServiceDialog):
    """The providers in force offering the task's service; OK chooses one."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 row: Any, parent: QWidget | None = None, *,
                 on_done: Callable[[Any], object] | None = None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName("chooseProviderDialog")
        self.setWindowTitle(self.tr("Choose a service provider"))
        self.row = row
        self.candidates = services.providers.candidates(row.task_id)
        self.provider = QComboBox()
        self.provider.setObjectName("providerChoice")
        for p in self.candidates:
            self.provider.addItem(f"{p.name}（{p.kind_label}）", p.id)
        self.details = QLabel()
        self.details.setObjectName("providerDetails")
        self.details.setWordWrap(True)
        self.provider.currentIndexChanged.connect(lambda _i: self._show())
        form = QFormLayout()
        form.addRow(self.tr("Provider"), field(self.provider, self.errors, "provider", "task"))
        form.addRow("", self.details)
        hint = QLabel(self.tr(
            "The referral slip naming the provider is issued now; it goes out with the "
            "provider's handover list. A returned item goes out again with 'Refer again'.")
            if row.status != "returned" else self.tr(
            "Choose who takes the returned item, then use 'Refer again' to issue its new "
            "referral slip."))
        hint.setWordWrap(True)
        hint.setObjectName("providerHint")
        layout = QVBoxLayout(self)
        layout.addWidget(_task_line(row))
        if not self.candidates:
            none = QLabel(self.tr(
                "No provider in use offers this service. An administrator adds providers in "
                "Administration → Service providers."))
            none.setObjectName("noProvider")
            none.setWordWrap(True)
            layout.addWidget(none)
            self.ok.setEnabled(False)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self._show()
        self.resize(520, 260)

    def _show(self) -> None:
        pid = self.provider.currentData()
        p = next((c for c in self.candidates if c.id == pid), None)
        if p is None:
            self.details.setText("")
            return
        parts = [fmt(self.tr("Services: %1"), p.service_names)]
        if p.contact or p.phone:
            parts.append(fmt(self.tr("Contact: %1 %2"), p.contact, p.phone).strip())
        if p.address:
            parts.append(fmt(self.tr("Address: %1"), p.address))
        self.details.setText("\n".join(parts))

    def chosen_name(self) -> str:
        pid = self.provider.currentData()
        return next((c.name for c in self.candidates if c.id == pid), "")

    def submit(self) -> None:
        pid = self.provider.currentData()
        if pid is None:
            return
        providers, task_id = self.services.providers, self.row.task_id
        self._run(lambda actor: providers.assign(task_id, pid, actor))


def provider_chosen_text(row: Any, outcome: Any, name: str) -> str:
    """What the tracking screen says after the choice."""
    slip = outcome.value
    if slip is not None:
        return fmt(QCoreApplication.translate(
            "ChooseProviderDialog", "%1 of %2 goes to %3: referral slip %4 issued; print it "
            "with the provider's handover list."), row.item_name, row.applicant, name,
            slip.number)
    return fmt(QCoreApplication.translate(
        "ChooseProviderDialog", "%1 of %2 goes to %3: refer it again to issue its slip."),
        row.item_name, row.applicant, name)
