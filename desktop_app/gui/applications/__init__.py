"""The applications screen (查询) and the application detail."""
