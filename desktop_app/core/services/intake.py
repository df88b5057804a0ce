"""受理登记: validate an application draft and record the window's decision.

The GUI passes raw field text; validation happens here and returns every problem
keyed by a field path ("applicant.id_number", "members.1.name", "income.wage",
"items"), so the screen can show each message next to its field. Nothing is written
unless the whole draft is valid.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .. import vocab
from ..catalog import TOWNSHIP
from ..errors import ValidationError, ValidationErrors, collect
from ..models import (
    Application,
    Document,
    HouseholdMember,
    Income,
    Material,
    RequestedItem,
    SearchKey,
    Staff,
    Township,
    Village,
    utcnow,
)
from ..rules import identity, numbering, pinyin, routing, values
from . import auth
from .auth import ActorRef
from .context import Changes, Outcome, ServiceContext
from .documents import DocumentInfo, DocumentService, void_authority
from .drafts import ApplicationDraft, ItemInput, MemberInput
from .events import record_event


@dataclass(frozen=True)
class IntakeWarning:
    """Something the clerk should know before deciding; never blocks the decision.

    ``code``: ``open_task`` (the same ID number already has an open task for the same
    item), ``other_household`` (the ID number is in another application's household),
    ``temporary_same_cause`` (temporary assistance for the same cause this year) or
    ``staff_relative`` (flagged as a relative of staff or village cadres).
    """

    code: str
    message: str
    application_number: str = ""
    application_id: int | None = None


@dataclass(frozen=True)
class DecisionResult:
    application_id: int
    number: str
    status: str
    documents: list[DocumentInfo]
    changes: Changes
    #: Documents recorded without their PDF yet (``defer_secondary``): render them with
    #: ``DocumentService.render_pending`` (the GUI does it on its worker right after).
    deferred: list[int] = field(default_factory=list)


def material_status(item: ItemInput, material) -> str:
    """The status given for ``material``; unset means missing, or not applicable for a
    conditional material (e.g. 残疾人证 only when a member is disabled)."""
    return item.materials.get(material.code, "missing" if material.required else "na")


@dataclass
class _Clean:
    """A validated draft, ready to write."""

    members: list[tuple[MemberInput, identity.IdInfo | None]]
    incomes: dict[str, int]
    monthly_total: int
    numbers: dict[str, int]
    items: list[ItemInput]


def referral_departments(app: Application) -> list[str]:
    """County departments the accepted ``app``'s items are referred to, in item order."""
    return list(dict.fromkeys(r.handler_code for r in app.items
                              if r.status == "accepted" and r.handler_code != TOWNSHIP))


class IntakeService:
    def __init__(self, ctx: ServiceContext, documents: DocumentService) -> None:
        self.ctx = ctx
        self.documents = documents

    # -- validation --------------------------------------------------------------
    def validate(self, draft: ApplicationDraft) -> list[ValidationError]:
        errors, _ = self._validate(draft)
        return errors

    # -- warnings (duplicates, conflicts of interest) ---------------------------------
    def warnings(self, draft: ApplicationDraft, *, exclude_application_id: int | None = None
                 ) -> list[IntakeWarning]:
        """What the clerk should know before deciding (DOMAIN §3–§4): the same person
        with an open task for the same item, in another household, or given temporary
        assistance for the same cause this year; a flagged relative of staff."""
        people = [(m.name.strip(), identity.normalize_number(m.id_number))
                  for m in [draft.applicant, *draft.members]]
        people = [(n, i) for n, i in people if i]
        applicant_id = identity.normalize_number(draft.applicant.id_number)
        codes = {it.item_code for it in draft.items}
        out: list[IntakeWarning] = []
        if draft.staff_relative:
            out.append(IntakeWarning("staff_relative", "申请人家庭为经办人员或村（居）干部近亲属，"
                                     "将单独登记备案，由县级部门核查"))
        if not people:
            return out
        ids = [i for _, i in people]
        names = dict((i, n) for n, i in people)
        cat = self.ctx.catalog
        year = (draft.intake_date or self.ctx.today()).year
        live = ("accepted", "pending_materials", "closed")
        with self.ctx.db.read() as s:
            q = (select(HouseholdMember, Application)
                 .join(Application, Application.id == HouseholdMember.application_id)
                 .where(HouseholdMember.id_number.in_(ids), Application.status.in_(live))
                 .order_by(Application.id.desc()))
            if exclude_application_id is not None:
                q = q.where(Application.id != exclude_application_id)
            seen_household: set[str] = set()
            seen_task: set[tuple[int, str]] = set()
            seen_temp: set[str] = set()
            for member, app in s.execute(q):
                who = f"{names[member.id_number]}（{identity.mask_id(member.id_number)}）"
                other_applicant = app.applicant
                number = app.number or ""
                for req in app.items:
                    key = (app.id, req.item_code)  # one warning per application and item
                    open_task = ((req.status == "accepted"
                                  and req.task_status in vocab.OPEN_TASK_STATUSES
                                  and app.status == "accepted")
                                 or (req.status == "requested" and app.status == "pending_materials"))
                    if req.item_code in codes and open_task and key not in seen_task:
                        seen_task.add(key)
                        out.append(IntakeWarning(
                            "open_task", f"{who}已有未办结的“{cat.item(req.item_code).name}”"
                            f"（受理编号 {number}，{app.intake_date.isoformat()}）",
                            number, app.id))
                if other_applicant.id_number != applicant_id and member.id_number not in seen_household:
                    seen_household.add(member.id_number)
                    out.append(IntakeWarning(
                        "other_household", f"{who}已登记在 {other_applicant.name} 的家庭中"
                        f"（受理编号 {number}），请核实是否重复申请",
                        number, app.id))
                if (draft.hardship_cause and app.hardship_cause == draft.hardship_cause
                        and codes & {"LINSHI_URGENT", "LINSHI_EXPENSE"}
                        and app.intake_date.year == year and app.status in ("accepted", "closed")
                        and app.number not in seen_temp
                        and any(r.item_code in ("LINSHI_URGENT", "LINSHI_EXPENSE")
                                and r.status == "accepted" and r.task_status != "refused"
                                for r in app.items)):
                    seen_temp.add(app.number)
                    cause = vocab.HARDSHIP_CAUSE_LABELS[app.hardship_cause]
                    out.append(IntakeWarning(
                        "temporary_same_cause",
                        f"{who}本年度已因同一原因（{cause}）申请临时救助（受理编号 {number}，"
                        f"{app.intake_date.isoformat()}），同一原因原则上一年一次",
                        number, app.id))
        return out

    def _validate(self, draft: ApplicationDraft) -> tuple[list[ValidationError], _Clean]:  # noqa: C901 - field-by-field validation, one check per field
        errors: list[ValidationError] = []
        today = self.ctx.today()

        def check(fn, *args, **kw):
            return collect(errors, fn, *args, **kw)

        members: list[tuple[MemberInput, identity.IdInfo | None]] = []
        seen_ids: dict[str, str] = {}
        for idx, m in enumerate([draft.applicant, *draft.members]):
            prefix = "applicant" if idx == 0 else f"members.{idx}"
            check(values.validate_name, m.name, f"{prefix}.name")
            if idx > 0 and m.relation not in vocab.RELATIONS:
                errors.append(ValidationError(f"{prefix}.relation", "invalid", "请选择与申请人关系"))
            info = self._check_id(m, prefix, today, errors)
            if info is not None and info.normalized:
                if info.normalized in seen_ids:
                    errors.append(ValidationError(
                        f"{prefix}.id_number", "duplicate",
                        f"证件号码与家庭成员“{seen_ids[info.normalized]}”重复"))
                seen_ids[info.normalized] = m.name.strip()
            check(values.validate_phone, m.phone, f"{prefix}.phone", required=(idx == 0))
            check(values.validate_text, m.hukou_address, f"{prefix}.hukou_address", 200,
                  required=(idx == 0))
            for attr, allowed in (("hukou_type", vocab.HUKOU_TYPES), ("health", vocab.HEALTH),
                                  ("education", vocab.EDUCATION), ("marital", vocab.MARITAL),
                                  ("employment", vocab.EMPLOYMENT), ("self_care", vocab.SELF_CARE),
                                  ("disability_category", vocab.DISABILITY_CATEGORIES)):
                if getattr(m, attr) not in allowed:
                    errors.append(ValidationError(f"{prefix}.{attr}", "invalid", "取值无效"))
            if m.disability_category and m.disability_grade not in vocab.DISABILITY_GRADES:
                errors.append(ValidationError(f"{prefix}.disability_grade", "required", "请选择残疾等级"))
            members.append((m, info))

        incomes: dict[str, int] = {}
        for code, raw in draft.incomes.items():
            if code not in vocab.INCOME_LABELS:
                errors.append(ValidationError(f"income.{code}", "invalid", "未知收入类别"))
                continue
            fen = check(values.parse_amount, raw, f"income.{code}", allow_empty=True)
            if fen:
                incomes[code] = fen

        numbers: dict[str, int] = {}
        for attr in ("deposits", "medical_spending", "education_spending"):
            fen = check(values.parse_amount, getattr(draft, attr), attr, allow_empty=True)
            numbers[attr] = fen or 0
        for attr, limit in (("housing_area", 100_000), ("vehicles", 100)):
            raw = getattr(draft, attr).strip()
            if not raw:
                numbers[attr] = 0
            elif not raw.isdigit() or not raw.isascii() or int(raw) > limit:
                errors.append(ValidationError(attr, "invalid", f"请输入 0 到 {limit} 之间的整数"))
            else:
                numbers[attr] = int(raw)
        if draft.house_rating not in vocab.HOUSE_RATINGS:
            errors.append(ValidationError("house_rating", "invalid", "房屋等级应为 A、B、C 或 D"))
        check(values.validate_text, draft.business, "business", 200)
        check(values.validate_text, draft.hardship_reason, "hardship_reason", 500)
        if draft.hardship_cause and draft.hardship_cause not in vocab.HARDSHIP_CAUSE_LABELS:
            errors.append(ValidationError("hardship_cause", "invalid", "请选择求助原因"))
        if draft.staff_relative and not draft.staff_relative_note.strip():
            errors.append(ValidationError("staff_relative_note", "required",
                                          "请说明与哪位经办人员或村（居）干部是何种亲属关系"))
        check(values.validate_text, draft.staff_relative_note, "staff_relative_note", 200)
        if draft.supporters_able not in (None, True, False):
            errors.append(ValidationError("supporters_able", "invalid", "请选择义务人是否有赡养（抚养、扶养）能力"))
        if draft.source not in vocab.SOURCE_LABELS:
            errors.append(ValidationError("source", "invalid", "请选择发现途径"))
        if draft.village_id is None:
            errors.append(ValidationError("village", "required", "请选择现居住村（社区）"))

        if not draft.items:
            errors.append(ValidationError("items", "required", "请至少选择一个申请事项"))
        seen_items: set[str] = set()
        for it in draft.items:
            try:
                item = self.ctx.catalog.item(it.item_code)
            except KeyError:
                errors.append(ValidationError("items", "unknown", f"未知事项 {it.item_code}"))
                continue
            if it.item_code in seen_items:
                errors.append(ValidationError("items", "duplicate", f"事项“{item.name}”重复"))
            seen_items.add(it.item_code)
            for mat in item.materials:
                status = material_status(it, mat)
                if status not in vocab.MATERIAL_LABELS:
                    errors.append(ValidationError(f"materials.{it.item_code}.{mat.code}", "invalid", "材料状态无效"))
                elif status == "committed" and not mat.commitment_allowed:
                    errors.append(ValidationError(f"materials.{it.item_code}.{mat.code}", "no_commitment",
                                                  f"“{mat.name}”不适用告知承诺"))
                elif status == "na" and mat.required:
                    errors.append(ValidationError(f"materials.{it.item_code}.{mat.code}", "required",
                                                  f"“{mat.name}”为必备材料"))
                elif status == "shared" and not mat.data_shared:
                    errors.append(ValidationError(f"materials.{it.item_code}.{mat.code}", "not_shared",
                                                  f"“{mat.name}”不能通过信息共享获取"))

        total = sum(incomes.values())
        return errors, _Clean(members, incomes, total, numbers, list(draft.items))

    @staticmethod
    def _check_id(m: MemberInput, prefix: str, today: date,
                  errors: list[ValidationError]) -> identity.IdInfo | None:
        try:
            id_type = identity.IdType[m.id_type]
        except KeyError:
            errors.append(ValidationError(f"{prefix}.id_type", "invalid", "请选择证件类型"))
            return None
        try:
            return identity.validate_id(id_type, m.id_number, today,
                                        reason=m.no_id_reason if id_type is identity.IdType.NONE else None)
        except ValidationError as exc:
            where = "no_id_reason" if exc.field == identity.REASON_FIELD else "id_number"
            errors.append(ValidationError(f"{prefix}.{where}", exc.code, exc.message))
            return None

    @staticmethod
    def missing_materials(ctx: ServiceContext, items: list[ItemInput]) -> list[tuple[str, str]]:
        """Every (item name, material name) not received, committed or data-shared."""
        out = []
        for it in items:
            item = ctx.catalog.item(it.item_code)
            for mat in item.materials:
                if material_status(it, mat) == "missing":
                    out.append((item.name, mat.name))
        return out

    # -- the decision ----------------------------------------------------------------
    def decide(self, draft: ApplicationDraft, decision: str, clerk_id: ActorRef,
               reject_reasons: list[str] | None = None, *,
               defer_secondary: bool = False) -> DecisionResult:
        """Record the application and the window's decision; issue its documents.

        ``clerk_id``: the logged-in :class:`~.auth.Actor` (or, as before, a staff id).

        ``accept`` needs every material received, committed or data-shared (an urgent
        case may be accepted first and documented later); ``notice`` needs at least one
        missing material; ``reject`` needs at least one reason.

        ``defer_secondary``: render only the document handed to the applicant now
        (receipt / notice) inside the save; the others (承诺书, 转办单) are recorded with
        their data and rendered afterwards (``DecisionResult.deferred``) — the window's
        queue waits for one PDF, not four. Their content is fixed by the recorded data
        either way (rendering is deterministic).
        """
        errors, clean = self._validate(draft)
        reasons = [r.strip() for r in (reject_reasons or []) if r.strip()]
        errors += self._decision_errors(decision, clean.items, draft.urgent, reasons)
        if errors:
            raise ValidationErrors(errors)
        with self.ctx.db.transaction() as s:
            clerk = self._clerk(s, clerk_id)
            app = self._create(s, draft, clean, clerk, self.ctx.clock())
            docs = self._apply_decision(s, app, decision, clerk, reasons, self.ctx.clock(),
                                        defer_secondary=defer_secondary)
            self._record_assessment(s, app, clerk)
        written = self.documents.write_files(docs)
        deferred = [p.document.id for p in docs if p is not None and p.pdf is None]
        return DecisionResult(app.id, app.number or "", app.status, written,
                              Changes(applications={app.id}, documents={d.id for d in written}),
                              deferred)

    def record_batch(self, entries: list[tuple[ApplicationDraft, str, list[str], datetime]],
                     clerk_id: ActorRef) -> Outcome[list[int]]:
        """Record many decided applications in one transaction without rendering PDFs.

        For bulk loads (demo data, benchmarks, migrations from paper ledgers): each
        entry is (draft, decision, reject reasons, when). Documents are recorded with
        their data snapshot and rendered on first open. All or nothing.
        """
        prepared = []
        for draft, decision, reasons, when in entries:
            errors, clean = self._validate(draft)
            errors += self._decision_errors(decision, clean.items, draft.urgent, reasons)
            if errors:
                raise ValidationErrors(errors)
            prepared.append((draft, clean, decision, reasons, when))
        ids = []
        with self.ctx.db.transaction() as s:
            clerk = self._clerk(s, clerk_id)
            for draft, clean, decision, reasons, when in prepared:
                app = self._create(s, draft, clean, clerk, when)
                self._apply_decision(s, app, decision, clerk, reasons, when, render=False)
                ids.append(app.id)
        return Outcome(ids, Changes(applications=set(ids)))

    def _create(self, s: Session, draft: ApplicationDraft, clean: _Clean, clerk: Staff,
                now: datetime) -> Application:
        if s.get(Village, draft.village_id) is None:
            raise ValidationErrors([ValidationError("village", "unknown", "村（社区）不存在")])
        app = Application(
            status="draft", intake_date=draft.intake_date or now.date(),
            village_id=draft.village_id, source=draft.source, urgent=draft.urgent,
            hardship_reason=draft.hardship_reason.strip(),
            housing_area_m2=clean.numbers["housing_area"], house_rating=draft.house_rating,
            vehicles=clean.numbers["vehicles"], deposits_fen=clean.numbers["deposits"],
            business=draft.business.strip(),
            medical_spending_fen=clean.numbers["medical_spending"],
            education_spending_fen=clean.numbers["education_spending"],
            monthly_income_fen=clean.monthly_total,
            per_capita_income_fen=values.per_capita_monthly(clean.monthly_total, len(clean.members)),
            supporters_able=draft.supporters_able,
            hardship_cause=draft.hardship_cause,
            staff_relative=bool(draft.staff_relative),
            staff_relative_note=draft.staff_relative_note.strip() if draft.staff_relative else "",
            created_by_id=clerk.id,
        )
        for pos, (m, info) in enumerate(clean.members):
            app.members.append(self._member(pos, m, info))
        for code, fen in clean.incomes.items():
            app.incomes.append(Income(category=code, monthly_fen=fen))
        for pos, it in enumerate(clean.items):
            item = self.ctx.catalog.item(it.item_code)
            req = RequestedItem(position=pos, item_code=item.code, handler_code=item.handler,
                                limit_days=item.limit_days, status="requested")
            for mpos, mat in enumerate(item.materials):
                req.materials.append(Material(position=mpos, code=mat.code, name=mat.name,
                                              status=material_status(it, mat)))
            app.items.append(req)
        s.add(app)
        s.flush()
        record_event(s, "application.create", actor_id=clerk.id, application_id=app.id,
                     items=[i.item_code for i in clean.items], urgent=draft.urgent,
                     **({"staff_relative": True} if draft.staff_relative else {}))
        self._index(s, app)
        return app

    def _record_assessment(self, s: Session, app: Application, clerk: Staff) -> None:
        """Log the needs assessment as the clerk saw it: each suggestion with its reason,
        which suggested items were requested (adopted) and which were not (dismissed).
        Skipped when no standards are in force on the intake date."""
        from ..rules.assessment import assess
        from ..rules.standards import standards_on
        from .assessment import AssessmentService

        try:
            st = standards_on(self.ctx.get_setting(s, "standards"), app.intake_date)
        except ValidationError:
            return
        suggestions = assess(AssessmentService.facts_from_application(app), st, app.intake_date)
        requested = [r.item_code for r in app.items]
        suggested = list(dict.fromkeys(x.item_code for x in suggestions))
        record_event(s, "application.assessment", actor_id=clerk.id, application_id=app.id,
                     standards_from=st.effective_from.isoformat(),
                     suggestions=[{"item": x.item_code, "rule": x.rule_id, "reason": x.reason}
                                  for x in suggestions],
                     adopted=[c for c in suggested if c in requested],
                     dismissed=[c for c in suggested if c not in requested])

    def decide_existing(self, application_id: int, materials: dict[str, dict[str, str]],
                        decision: str, clerk_id: ActorRef,
                        reject_reasons: list[str] | None = None) -> DecisionResult:
        """补正: the applicant came back with materials after a one-time notice."""
        reasons = [r.strip() for r in (reject_reasons or []) if r.strip()]
        with self.ctx.db.transaction() as s:
            clerk = self._clerk(s, clerk_id)
            app = s.get(Application, application_id)
            if app is None:
                raise LookupError(f"application {application_id} not found")
            if app.status != "pending_materials":
                raise ValidationErrors([ValidationError("status", "not_pending", "该申请不在待补正状态")])
            changed: dict[str, list[str]] = {}
            for req in app.items:
                for mat in req.materials:
                    status = materials.get(req.item_code, {}).get(mat.code, mat.status)
                    if status not in vocab.MATERIAL_LABELS:
                        raise ValidationErrors([ValidationError("materials", "invalid", "材料状态无效")])
                    if status != mat.status:
                        changed[f"{req.item_code}.{mat.code}"] = [mat.status, status]
                    mat.status = status
            items = [ItemInput(r.item_code, {m.code: m.status for m in r.materials}) for r in app.items]
            errors = self._decision_errors(decision, items, app.urgent, reasons)
            if errors:
                raise ValidationErrors(errors)
            record_event(s, "application.materials", actor_id=clerk.id, application_id=app.id,
                         changes=changed)
            docs = self._apply_decision(s, app, decision, clerk, reasons, self.ctx.clock())
        written = self.documents.write_files(docs)
        return DecisionResult(app.id, app.number or "", app.status, written,
                              Changes(applications={app.id}, documents={d.id for d in written}))

    def _decision_errors(self, decision: str, items: list[ItemInput], urgent: bool,
                         reasons: list[str]) -> list[ValidationError]:
        if decision not in vocab.DECISIONS:
            return [ValidationError("decision", "invalid", "未知的受理决定")]
        missing = self.missing_materials(self.ctx, items) if items else []
        if decision == "accept" and missing and not urgent:
            names = "、".join(m for _, m in missing[:5])
            return [ValidationError("materials", "incomplete",
                                    f"材料不齐（缺少：{names}），不能受理；请出具一次性告知书")]
        if decision == "notice" and not missing:
            return [ValidationError("materials", "complete", "材料齐全，无需出具一次性告知书")]
        if decision == "reject":
            if not reasons:
                return [ValidationError("reject_reasons", "required", "请填写不予受理的理由")]
            if any(len(r) > 500 for r in reasons):
                return [ValidationError("reject_reasons", "too_long", "每条理由不能超过 500 字")]
        return []

    def _apply_decision(self, s: Session, app: Application, decision: str, clerk: Staff,
                        reasons: list[str], now: datetime, *, render: bool = True,
                        defer_secondary: bool = False):
        number = self._next_number(s, now.date())
        if app.number is None:
            app.number = number
        app.decision, app.decided_by_id, app.decided_at = decision, clerk.id, now
        kinds: list[str]
        if decision == "accept":
            app.status = "accepted"
            cal = self.ctx.calendar(s)
            confirms = bool(self.ctx.get_setting(s, "township_confirms"))
            for req in app.items:
                due = cal.add_workdays(now.date(), req.limit_days)
                req.due_date, req.due_provisional, req.status = due.date, due.provisional, "accepted"
                # 分类派单: handler and decider from the catalogue in force at acceptance.
                r = routing.route(self.ctx.catalog, req.item_code, confirms)
                req.handler_code, req.decider_code = r.handler_code, r.decider_code
                req.task_status = "to_refer" if r.referred else "in_progress"
            kinds = ["receipt", "commitment"]
        elif decision == "notice":
            app.status = "pending_materials"
            kinds = ["notice_missing", "commitment"]
        else:
            app.status = "rejected"
            app.reject_reasons = json.dumps(reasons, ensure_ascii=False)
            for req in app.items:
                req.status = "rejected"
            kinds = ["notice_reject"]
        record_event(s, f"application.{decision}", actor_id=clerk.id, application_id=app.id,
                     number=number)
        docs = []
        for kind in kinds:
            doc_number = app.number if kind == "commitment" else number
            existing = s.scalar(select(Document.id).where(Document.kind == kind,
                                                          Document.number == doc_number))
            if existing is not None:  # commitment already issued at an earlier visit
                continue
            primary = kind in ("receipt", "notice_missing", "notice_reject")
            docs.append(self.documents.create(s, app, kind, doc_number, clerk, now,
                                              render=render and (primary or not defer_secondary)))
        if decision == "accept":
            # 转办单: one per receiving county department, numbered <receipt>-Z1, -Z2 …
            for n, dept in enumerate(referral_departments(app), 1):
                slip = numbering.suffixed_number(number, numbering.REFERRAL, n)
                docs.append(self.documents.create(s, app, "referral", slip, clerk, now,
                                                  render=render and not defer_secondary,
                                                  department=dept))
        return docs

    # -- withdraw and void ---------------------------------------------------------------
    def withdraw(self, application_id: int, reason: str, by: ActorRef) -> Changes:
        """撤回: the applicant withdraws; the application and its numbers stay, with the
        reason. Any clerk may record it (it is the applicant's act, not a correction)."""
        reason = self._reason(reason, "withdraw_reason", "撤回原因")
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.WITHDRAW)
            app = s.get(Application, application_id)
            if app is None:
                raise LookupError(f"application {application_id} not found")
            if app.status in ("voided", "withdrawn", "rejected", "closed"):
                raise ValidationErrors([ValidationError(
                    "status", "final", f"该申请已{vocab.STATUS_LABELS.get(app.status, app.status)}，不能撤回")])
            old = app.status
            app.status, app.void_reason = "withdrawn", reason
            for req in app.items:
                if req.status in ("requested", "accepted"):
                    req.status = "withdrawn"
            record_event(s, "application.withdraw", actor_id=actor.staff_id,
                         application_id=app.id, reason=reason,
                         changes={"status": [old, "withdrawn"]})
        return Changes(applications={application_id})

    def void_application(self, application_id: int, reason: str, by: ActorRef, *,
                         confirmed_by: ActorRef | None = None) -> Changes:
        """作废 an application registered in error, with every document it still has in
        force; numbers stay used. A supervisor, or a clerk with a supervisor's
        confirmation (see ``DocumentService.void``)."""
        reason = self._reason(reason, "void_reason", "作废原因")
        with self.ctx.db.transaction() as s:
            actor, confirmer = void_authority(s, by, confirmed_by)
            app = s.get(Application, application_id)
            if app is None:
                raise LookupError(f"application {application_id} not found")
            if app.status == "voided":
                raise ValidationErrors([ValidationError("status", "voided", "该申请已作废")])
            old = app.status
            app.status, app.void_reason = "voided", reason
            docs = list(s.scalars(select(Document).where(
                Document.application_id == app.id, Document.voided.is_(False))))
            for doc in docs:
                doc.voided, doc.void_reason, doc.voided_by_id = True, reason, actor.staff_id
                doc.voided_at = utcnow()
            record_event(s, "application.void", actor_id=actor.staff_id, application_id=app.id,
                         reason=reason, changes={"status": [old, "voided"]},
                         documents=[d.number for d in docs], confirmed_by=confirmer.staff_id)
        return Changes(applications={application_id}, documents={d.id for d in docs})

    @staticmethod
    def _reason(reason: str, field: str, label: str) -> str:
        reason = (reason or "").strip()
        if not reason:
            raise ValidationErrors([ValidationError(field, "required", f"请填写{label}")])
        if len(reason) > 500:
            raise ValidationErrors([ValidationError(field, "too_long", f"{label}不能超过 500 字")])
        return reason

    # -- helpers ---------------------------------------------------------------------
    @staticmethod
    def _clerk(s: Session, clerk_id: ActorRef) -> Staff:
        if isinstance(clerk_id, auth.Actor) and clerk_id.system:
            raise auth.PermissionDenied(auth.DECIDE, auth.MESSAGES[auth.DECIDE])
        staff_id = clerk_id.staff_id if isinstance(clerk_id, auth.Actor) else clerk_id
        clerk = s.get(Staff, staff_id) if isinstance(staff_id, int) else None
        if clerk is None or not clerk.active:
            raise ValidationErrors([ValidationError("clerk", "unknown", "经办人不存在或已停用")])
        auth.actor_from_staff(clerk).require(auth.DECIDE)
        return clerk

    def _next_number(self, s: Session, day: date) -> str:
        """The next number of ``day``'s series: continuous, never reused (one statement,
        inside the caller's transaction, so a rolled-back decision uses no number)."""
        code = s.info.get("township_code")
        if code is None:
            code = s.info["township_code"] = s.scalars(select(Township.code)).one()
        seq = s.execute(text(
            "INSERT INTO number_series (day, last_seq) VALUES (:d, 1) "
            "ON CONFLICT (day) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq"
        ), {"d": day.isoformat()}).scalar_one()
        return numbering.format_number(code, day, seq)

    @staticmethod
    def _member(pos: int, m: MemberInput, info: identity.IdInfo | None) -> HouseholdMember:
        return HouseholdMember(
            position=pos, relation="本人" if pos == 0 else m.relation, name=m.name.strip(),
            id_type=m.id_type, id_number=info.normalized if info else "",
            no_id_reason=m.no_id_reason.strip(), sex=(info.sex or "") if info else "",
            birth_date=info.birth_date if info else None, phone=m.phone.strip(),
            hukou_type=m.hukou_type, hukou_address=m.hukou_address.strip(),
            education=m.education, marital=m.marital, health=m.health,
            disability_category=m.disability_category,
            disability_grade=m.disability_grade if m.disability_category else None,
            employment=m.employment, self_care=m.self_care,
        )

    @staticmethod
    def _index(s: Session, app: Application) -> None:
        keys: set[str] = set()
        for m in app.members:
            keys.add(m.name)
            keys.update(pinyin.search_keys(m.name))
            full = pinyin.full(m.name)
            if full:
                keys.add(full)
            if m.id_number:
                s.execute(text("INSERT INTO id_fts(rowid, id_number) VALUES (:r, :n)"),
                          {"r": m.id, "n": m.id_number})
        s.add_all(SearchKey(key=k, application_id=app.id) for k in keys if k)

