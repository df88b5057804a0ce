"""备用金: the 临时救助备用金 ledger page (issue 13)."""
