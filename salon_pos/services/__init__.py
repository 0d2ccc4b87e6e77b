"""Use cases. Each public call is one transaction: the change, its outbox operation(s) and its
audit entry are written together or not at all. Calls return frozen dataclasses."""
