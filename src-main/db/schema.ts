/**
 * Kysely table types, one file per area under ./tables. Keep them in step with the migrations:
 * test/db/schema.test.ts compares every table and column (storage class, nullability, defaults, the values a CHECK
 * allows) with the store as the migrations build it.
 */
import type {
  SettingsTable,
  OperatorsTable,
  ApprovalsTable,
  AuditLogTable,
  BuildingsTable,
  UnitsTable,
  RoomsTable,
  ResidentsTable,
  RosterImportsTable,
} from './tables/foundation';
import type {
  FeeItemsTable,
  CountersTable,
  CashSessionsTable,
  ReceiptsTable,
  ReceiptLinesTable,
  PaymentsTable,
  CashMovementsTable,
  PrintJobsTable,
} from './tables/fees';
import type { ParcelShelvesTable, ParcelsTable, ParcelNoticesTable } from './tables/parcels';
import type { KeysTable, KeyLoansTable, KeyCountsTable, CardsTable, CardEventsTable, CardStockMovesTable } from './tables/keys-cards';
import type { UpstreamOutboxTable } from './tables/upstream';
import type {
  RoomStateChangesTable,
  TenantLeasesTable,
  OwnershipTransfersTable,
  MoveinCasesTable,
  MoveinLinksTable,
  MeterReadingsTable,
  DecorationCasesTable,
  DecorationEventsTable,
  DecorationLinksTable,
} from './tables/rooms';
import type {
  ReceivableItemsTable,
  ReceivableRatesTable,
  ReceivablePlansTable,
  ReceivableVacanciesTable,
  ReceivableAdjustmentsTable,
  ReceivableChargesTable,
  ReceivableAllocationsTable,
  ReceivableContactsTable,
  ReceivableMonthTotalsTable,
  ReceivableLateWaiversTable,
} from './tables/receivables';
import type { ReceivableNoticesTable } from './tables/notices';
import type { ServiceRequestsTable, ServiceEventsTable, HandoversTable, HandoverItemsTable } from './tables/service';
import type {
  VisitorPersonalTable,
  VisitorRefusalsTable,
  VisitorAppointmentsTable,
  VisitsTable,
  PassFormBatchesTable,
  PassFormsTable,
  PassFormCountsTable,
  RemovalPassesTable,
  RemovalPassItemsTable,
  PassIssuesTable,
  PassVerificationsTable,
} from './tables/visitors';

export type * from './tables/foundation';
export type * from './tables/fees';
export type * from './tables/parcels';
export type * from './tables/keys-cards';
export type * from './tables/upstream';
export type * from './tables/service';
export type * from './tables/visitors';
export type * from './tables/rooms';
export type * from './tables/receivables';
export type * from './tables/notices';

export interface DB {
  settings: SettingsTable;
  operators: OperatorsTable;
  approvals: ApprovalsTable;
  audit_log: AuditLogTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  rooms: RoomsTable;
  residents: ResidentsTable;
  roster_imports: RosterImportsTable;
  fee_items: FeeItemsTable;
  counters: CountersTable;
  cash_sessions: CashSessionsTable;
  receipts: ReceiptsTable;
  receipt_lines: ReceiptLinesTable;
  payments: PaymentsTable;
  cash_movements: CashMovementsTable;
  print_jobs: PrintJobsTable;
  parcel_shelves: ParcelShelvesTable;
  parcels: ParcelsTable;
  parcel_notices: ParcelNoticesTable;
  keys: KeysTable;
  key_loans: KeyLoansTable;
  key_counts: KeyCountsTable;
  cards: CardsTable;
  card_events: CardEventsTable;
  card_stock_moves: CardStockMovesTable;
  upstream_outbox: UpstreamOutboxTable;
  service_requests: ServiceRequestsTable;
  service_events: ServiceEventsTable;
  handovers: HandoversTable;
  handover_items: HandoverItemsTable;
  visitor_personal: VisitorPersonalTable;
  visitor_refusals: VisitorRefusalsTable;
  visitor_appointments: VisitorAppointmentsTable;
  visits: VisitsTable;
  pass_form_batches: PassFormBatchesTable;
  pass_forms: PassFormsTable;
  pass_form_counts: PassFormCountsTable;
  removal_passes: RemovalPassesTable;
  removal_pass_items: RemovalPassItemsTable;
  pass_issues: PassIssuesTable;
  pass_verifications: PassVerificationsTable;
  room_state_changes: RoomStateChangesTable;
  tenant_leases: TenantLeasesTable;
  ownership_transfers: OwnershipTransfersTable;
  movein_cases: MoveinCasesTable;
  movein_links: MoveinLinksTable;
  meter_readings: MeterReadingsTable;
  decoration_cases: DecorationCasesTable;
  decoration_events: DecorationEventsTable;
  decoration_links: DecorationLinksTable;
  receivable_items: ReceivableItemsTable;
  receivable_rates: ReceivableRatesTable;
  receivable_plans: ReceivablePlansTable;
  receivable_vacancies: ReceivableVacanciesTable;
  receivable_adjustments: ReceivableAdjustmentsTable;
  receivable_charges: ReceivableChargesTable;
  receivable_allocations: ReceivableAllocationsTable;
  receivable_contacts: ReceivableContactsTable;
  receivable_month_totals: ReceivableMonthTotalsTable;
  receivable_late_waivers: ReceivableLateWaiversTable;
  receivable_notices: ReceivableNoticesTable;
}
