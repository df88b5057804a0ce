"""验证文书 and 发文登记簿 (issue 17 — qrcheck): the verify dialog and the register button."""
