"""动态管理 (issue 15): change reports (变更申报) and re-checks (复核) that recompute.

* :mod:`.schedule` — light, imported by handling: the class derived from the facts, the
  next re-check date, amounts in force, the due list and the 渐退 list;
* :mod:`.snapshots` — the household as recorded (snapshot 0 = the application);
* :mod:`.reviews` — ``services.rechecks``: the worksheet, recording, history, documents.

Nothing is imported here: handling imports :mod:`.schedule` while :mod:`.reviews`
imports intake validation (which imports handling) — no cycle either way.
"""
