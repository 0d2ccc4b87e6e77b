"""Run by test_crash.py: checkouts in a loop until killed; prints each ticket number it commits."""

import json
import sys
from pathlib import Path

from salon_pos.domain.ticket import LineKind, Tender, TenderKind
from salon_pos.paths import Paths
from salon_pos.services.backend import open_backend
from salon_pos.services.checkout import SaleLine, SaleRequest


def main() -> None:
    home, ids = Path(sys.argv[1]), json.loads(sys.argv[2])
    backend = open_backend(Paths(home))
    request = SaleRequest(
        cashier_id=ids["desk"],
        lines=[
            SaleLine(LineKind.SERVICE, ids["facial"], technician_id=ids["tech"]),
            SaleLine(LineKind.SERVICE, ids["manicure"], technician_id=ids["tech"]),
            SaleLine(LineKind.PRODUCT, ids["serum"]),
        ],
        tenders=[Tender(TenderKind.WECHAT, 30000), Tender(TenderKind.CASH, 20000)],
    )
    while True:
        print(backend.checkout.complete_sale(request).number, flush=True)


if __name__ == "__main__":
    main()
