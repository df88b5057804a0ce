"""统计与档案 (issue 16): statistics, ledgers to Excel, legacy import, the household file."""
