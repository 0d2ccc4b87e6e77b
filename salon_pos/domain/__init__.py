"""Pure rules of the salon: money, tickets, tenders, business days. No Qt, no SQL, no I/O."""
