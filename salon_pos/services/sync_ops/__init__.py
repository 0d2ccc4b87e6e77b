"""The counter's side of each operation family (sync/operations/): builders and appliers,
registered in registry.BUILDERS and registry.APPLIERS when this package is imported."""

from salon_pos.services.sync_ops import (  # noqa: F401
    attendance,
    bookings,
    conflicts,
    customers,
    day_close,
    drawer,
    inventory,
    members,
    patch_tests,
    sales,
    setup,
)
