"""The county's cross-township tabs (超期转办, 月度统计, 重复申请, 部门回执, 验证)."""
