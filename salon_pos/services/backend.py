"""Everything below the UI, wired together over one database file."""

from __future__ import annotations

from dataclasses import dataclass

from salon_pos.db.database import Database
from salon_pos.db.migrate import migrate
from salon_pos.domain.clock import Clock, SystemClock
from salon_pos.paths import Paths
from salon_pos.services.attendance import AttendanceService
from salon_pos.services.backups import BackupService
from salon_pos.services.bookings import BookingService
from salon_pos.services.catalog import CatalogService
from salon_pos.services.checkout import CheckoutService
from salon_pos.services.commission import CommissionService
from salon_pos.services.customers import CustomerService
from salon_pos.services.day_close import DayCloseService
from salon_pos.services.drawer import DrawerService
from salon_pos.services.members import MemberService
from salon_pos.services.parked_tickets import ParkedTickets
from salon_pos.services.patch_tests import PatchTestService
from salon_pos.services.purchasing import PurchasingService
from salon_pos.services.receipts import ReceiptService
from salon_pos.services.reminders import ReminderService
from salon_pos.services.reports import ReportService
from salon_pos.services.settings import SettingsService
from salon_pos.services.sign_in import SignInService
from salon_pos.services.staff import StaffService
from salon_pos.services.stock import StockService
from salon_pos.services.stocktake import StocktakeService
from salon_pos.services.sync_status import SyncService
from salon_pos.services.tickets import TicketQueries
from salon_pos.services.transfers import TransferService


@dataclass(frozen=True)
class Backend:
    db: Database
    clock: Clock
    settings: SettingsService
    staff: StaffService
    catalog: CatalogService
    customers: CustomerService
    members: MemberService
    checkout: CheckoutService
    tickets: TicketQueries
    receipts: ReceiptService
    sign_in: SignInService
    sync: SyncService
    patch_tests: PatchTestService
    bookings: BookingService
    reminders: ReminderService
    attendance: AttendanceService
    day_close: DayCloseService
    parked: ParkedTickets
    reports: ReportService
    backups: BackupService
    drawer: DrawerService
    commission: CommissionService
    stock: StockService
    purchasing: PurchasingService
    stocktakes: StocktakeService
    transfers: TransferService

    def close(self) -> None:
        self.db.close()


def open_backend(paths: Paths, clock: Clock | None = None) -> Backend:
    """Open (creating and migrating if needed) the counter's database and build the services."""
    paths.ensure()
    clock = clock or SystemClock()
    db = Database(paths.database)
    migrate(db.engine)
    settings = SettingsService(db, clock)
    customers = CustomerService(db, settings, clock)
    tickets = TicketQueries(db, customers)
    sign_in = SignInService(db, settings, clock)
    return Backend(
        db=db,
        clock=clock,
        settings=settings,
        staff=StaffService(db, settings, clock),
        catalog=CatalogService(db, settings, clock),
        customers=customers,
        members=MemberService(db, settings, clock),
        checkout=CheckoutService(db, settings, clock),
        tickets=tickets,
        receipts=ReceiptService(db, settings, tickets, clock),
        sign_in=sign_in,
        sync=SyncService(db, settings, clock),
        patch_tests=PatchTestService(db, settings, clock),
        bookings=BookingService(db, settings, clock),
        reminders=ReminderService(db, settings, clock),
        attendance=AttendanceService(db, settings, clock, sign_in),
        day_close=DayCloseService(db, settings, clock),
        parked=ParkedTickets(db, settings, clock),
        reports=ReportService(db, settings, clock),
        backups=BackupService(paths, clock, settings),
        drawer=DrawerService(db, settings, clock),
        commission=CommissionService(db, settings, clock),
        stock=StockService(db, settings, clock),
        purchasing=PurchasingService(db, settings, clock),
        stocktakes=StocktakeService(db, settings, clock),
        transfers=TransferService(db, settings, clock),
    )
