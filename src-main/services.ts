import type { Db } from './db/open';
import { Maintenance } from './db/maintenance';
import { Sql } from './db/sql';
import { installLedgerStamp } from './db/ledger';
import type { Clock } from './lib/clock';
import type { Logger } from './lib/log';
import { keyFileSecretStore, type SecretStore } from './lib/sealed-secret';
import { createPrinter } from './devices/printer/config';
import type { PrinterPort } from './devices/printer/port';
import type { SessionStore } from './features/operators/sessions';
import { OperatorsService } from './features/operators/operators.service';
import { PRODUCTION_COST, type ScryptCost } from './features/operators/password';
import { RosterService } from './features/roster/roster.service';
import { RosterImportService } from './features/roster/import/import.service';
import { maintenanceStateOf } from './features/system/maintenance-state';
import { CounterSettings } from './features/printing/counter-settings';
import { PrintQueue } from './features/printing/print-queue';
import { CashService } from './features/cash/cash.service';
import { FeesService } from './features/fees/fees.service';
import { Accounts } from './features/receivables/accounts';
import { ReceivablesService } from './features/receivables/receivables.service';
import { CollectionsService } from './features/receivables/collections.service';
import { OpeningImport } from './features/receivables/opening';
import { LateFees } from './features/receivables/late-fees';
import { NoticesService } from './features/receivables/notices.service';
import { noticeSlip } from './features/receivables/notice-slip';
import { ArrearsExports } from './features/receivables/arrears-export';
import { ParcelsService } from './features/parcels/parcels.service';
import { ParcelsReport } from './features/parcels/parcels-report';
import { KeysService } from './features/keys/keys.service';
import { CardsService } from './features/cards/cards.service';
import { CardReaderService, type CardReaderFactory } from './features/cards/card-reader.service';
import { RequestsService } from './features/requests/requests.service';
import { dispatchSlipLines } from './features/requests/slip';
import { HandoverService } from './features/handover/handover.service';
import { handoverSources } from './features/handover/sources';
import { handoverSlipLines } from './features/handover/slip';
import { ReportsService } from './features/reports/reports.service';
import { RoomsService } from './features/rooms/rooms.service';
import { owedHook } from './features/receivables/room-owed';
import { collectionsToday } from './features/receivables/summary-figures';
import { roomsHandover } from './features/rooms/handover-lines';
import { visitorsTodayHook } from './features/visitors/room-file';
import { ResidentsService } from './features/rooms/residents.service';
import { MoveInService } from './features/rooms/movein.service';
import { DecorationService } from './features/rooms/decoration.service';
import { DecorationLinksService } from './features/rooms/decoration-links.service';
import { UpstreamService, type UpstreamOptions } from './sync/upstream.service';
import { VisitorSettingsStore } from './features/visitors/settings';
import { PassesService, type PassPrinter } from './features/visitors/passes.service';
import { VisitsService } from './features/visitors/visits.service';
import { AppointmentsService } from './features/visitors/appointments.service';
import { WorkersService } from './features/visitors/workers.service';
import { RemovalService } from './features/visitors/removal.service';
import { storeRoomIssueSources } from './features/visitors/room-issues';
import { VisitorRetention } from './features/visitors/retention';
import { keyFileDocumentSeal, type DocumentSeal } from './features/visitors/document-seal';
import type { VisitorServices } from './features/visitors/visitors.handlers';
import type { PrinterSettings } from '@shared/contract/printer';
import { PropertyCalendar } from '@shared/calendar';

/** The services of one open store. A restore opens the store again and builds a new set. */
export interface Services {
  db: Db;
  sql: Sql;
  /** the property's calendar (its time zone setting): today, day ranges, business days */
  calendar: PropertyCalendar;
  operators: OperatorsService;
  roster: RosterService;
  rosterImport: RosterImportService;
  maintenance: Maintenance;
  counter: CounterSettings;
  print: PrintQueue;
  cash: CashService;
  fees: FeesService;
  parcels: ParcelsService;
  parcelsReport: ParcelsReport;
  upstream: UpstreamService;
  requests: RequestsService;
  handover: HandoverService;
  reports: ReportsService;
  keys: KeysService;
  cards: CardsService;
  cardReader: CardReaderService;
  /** 访客与放行: the register, appointments and refusals, passes, workers' passes and forms, removal passes, retention */
  visitors: VisitorServices;
  rooms: RoomsService;
  residents: ResidentsService;
  moveIn: MoveInService;
  decoration: DecorationService;
  /** a decoration case's worker passes, key loans and deposit refund */
  decorationLinks: DecorationLinksService;
  receivables: ReceivablesService;
  collections: CollectionsService;
  notices: NoticesService;
  arrearsExports: ArrearsExports;
  openingImport: OpeningImport;
  lateFees: LateFees;
}

/** Devices and tuning the caller may replace (tests pass fakes and short timeouts). */
export interface ServiceOptions {
  /** better_sqlite3.node built for Electron (the Electron shell sets it). */
  nativeBinding?: string;
  passwordCost?: ScryptCost;
  /** The printer port for a configuration (tests pass a fake; the default builds the real transport). */
  printerPort?: (config: PrinterSettings['config']) => PrinterPort;
  /** Seals the upstream secret (Electron: the OS keychain); default: a key file in the data folder. */
  secretStore?: SecretStore;
  /** Upstream timing (tests shorten the timeouts and backoff). */
  upstream?: UpstreamOptions;
  /** The card reader port for a configuration (tests pass a fake; the default builds the real reader). */
  cardReaderPort?: CardReaderFactory;
  /** Seals whole visitor document numbers (where the property asks for them); default: a key file in the data folder. */
  documentSeal?: DocumentSeal;
}

/** What the services of a store need from the app around it. */
export interface ServiceEnv {
  clock: Clock;
  log: Logger;
  dataDir: string;
  dbFile: string;
  backupsDir: string;
  /** who is signed in where; its last activity tells the daily maintenance when the counter is idle */
  sessions: SessionStore;
  /** the idle-lock setting (the system use cases keep it) */
  idleLockMinutes: () => number;
  options: ServiceOptions;
}

/**
 * Builds the services of a store just opened, each from what it uses, in dependency order. One cycle is real:
 * the print queue lays out the slips of cash, handover and requests, and those features queue their slips on it.
 * The queue is built first and told where those documents come from at the end, before anything can print.
 */
export function buildServices(db: Db, env: ServiceEnv): Services {
  const { clock, log, options } = env;
  const sql = new Sql(db);
  // every money and custody row written through this connection gets its digest in the audit chain
  installLedgerStamp(sql, clock);

  const operators = new OperatorsService(sql, clock, env.sessions, env.idleLockMinutes, options.passwordCost ?? PRODUCTION_COST);
  const maintenance = new Maintenance(
    db,
    env.dbFile,
    env.backupsDir,
    clock,
    log,
    maintenanceStateOf(sql, clock),
    () => env.sessions.lastActivityAt,
    options.nativeBinding,
  );
  const counter = new CounterSettings(sql, clock);
  const calendar = new PropertyCalendar(() => counter.timeZone(), clock);
  const terminalId = () => counter.terminalId();

  const print = new PrintQueue(
    sql,
    clock,
    log,
    { settings: () => counter.printer(), propertyName: () => counter.propertyName(), terminalId, timeZone: () => calendar.tz() },
    options.printerPort ?? ((c) => createPrinter(c)),
  );
  const cash = new CashService(sql, clock, counter, operators, print);
  const accounts = new Accounts(sql, calendar);
  const receivables = new ReceivablesService(sql, clock, calendar, operators, accounts);
  const collections = new CollectionsService(sql, clock, calendar, accounts);
  const openingImport = new OpeningImport(sql, clock, calendar, receivables);
  const lateFees = new LateFees(sql, clock, calendar, operators, receivables);
  const notices = new NoticesService(sql, clock, calendar, {
    dues: (roomId) => receivables.dues(roomId),
    owingRooms: (buildingId) => collections.arrears({ buildingId, limit: 1_000_000 }).rows.map((r) => r.roomId),
    printerConfigured: () => print.configured(),
    enqueueSlip: (id) => print.enqueueNoticeSlip(id),
    propertyName: () => counter.propertyName(),
  });
  const arrearsExports = new ArrearsExports(collections, notices);
  const fees = new FeesService(sql, clock, terminalId, cash, operators, print, calendar, accounts);
  const parcels = new ParcelsService(
    sql,
    clock,
    operators,
    {
      enqueueParcelSlip: (id, copy) => print.enqueueParcelSlip(id, copy),
      parcelInfo: (id) => print.parcelInfo(id),
      width: () => counter.printer().width,
      propertyName: () => counter.propertyName(),
    },
    calendar,
  );
  const overdueDays = () => parcels.settings().overdueDays;
  const cardReader = new CardReaderService(sql, clock, log, options.cardReaderPort);
  const roster = new RosterService(sql, clock);
  const rosterImport = new RosterImportService(sql, clock);
  const parcelsReport = new ParcelsReport(sql, clock, parcels, calendar);
  const requests = new RequestsService(sql, clock, calendar, (id) => print.enqueueDispatchSlip(id));
  const upstream = new UpstreamService(
    sql,
    clock,
    log,
    { terminalId, propertyName: () => counter.propertyName(), overdueDays, timeZone: () => calendar.tz(), beforeBuild: () => collections.generate() },
    options.secretStore ?? keyFileSecretStore(env.dataDir),
    options.upstream,
  );
  const keys = new KeysService(sql, clock, operators);
  const cards = new CardsService(sql, clock, () => cardReader.format(), calendar);

  // 访客与放行: passes first (every kind issues through it), then what issues them
  const visitorSettings = new VisitorSettingsStore(sql, clock);
  const vs = () => visitorSettings.get();
  const passPrinter: PassPrinter = {
    enqueue: (id, copy) => print.enqueuePassSlip(id, copy),
    info: (id) => print.passInfo(id),
    width: () => counter.printer().width,
    propertyName: () => counter.propertyName(),
  };
  const seal = options.documentSeal ?? keyFileDocumentSeal(env.dataDir);
  const passes = new PassesService(sql, clock, terminalId, passPrinter, calendar, vs);
  const visits = new VisitsService(sql, clock, calendar, operators, passes, seal, vs);
  const appointments = new AppointmentsService(sql, clock, calendar);
  const visitors: VisitorServices = {
    settings: visitorSettings,
    visits,
    appointments,
    passes,
    workers: new WorkersService(sql, clock, calendar, passes, seal, vs),
    removal: new RemovalService(sql, clock, calendar, operators, passes, passPrinter, storeRoomIssueSources(sql), vs),
    // at the night hour: the business day's cut-off (日结时间) head office's summary is built by
    retention: new VisitorRetention(sql, clock, log, vs, () => appointments.expire(), { tz: () => calendar.tz(), hour: () => upstream.settings().cutoffHour }),
  };

  const handoverFeatures = {
    keys,
    cards,
    parcelsReport,
    requests,
    visitors: visits,
    receivables: { today: () => collectionsToday(sql, calendar) },
    rooms: { handoverLines: (since: string) => roomsHandover(sql, calendar, since) },
  };
  const handover = new HandoverService(sql, clock, handoverSources(db, handoverFeatures, terminalId), (id) => print.enqueueHandoverSlip(id));
  const reports = new ReportsService(sql, clock, {
    terminalId,
    overdueDays,
    requests,
    calendar,
    visits: (from, to, reveal) => visits.reportRows(from, to, reveal),
  });
  const residents = new ResidentsService(sql, clock, calendar, (roomId) => receivables.owed(roomId), operators);
  const moveIn = new MoveInService(sql, clock, calendar, residents, keys, cards, (id) => print.enqueueMoveInSlip(id));
  const decoration = new DecorationService(sql, clock, calendar);
  const decorationLinks = new DecorationLinksService(sql, clock, decoration, visitors.workers, keys, fees);
  const rooms = new RoomsService(sql, clock, calendar, { moveIn: (id) => moveIn.latest(id), decoration: (id) => decoration.latest(id) }, [
    visitorsTodayHook(sql, calendar),
    owedHook((id) => receivables.dues(id)),
  ]);

  print.printDocumentsFrom({
    closeResult: (id) => cash.slip(id),
    handoverLines: (id) => handoverSlipLines(handover.get(id), counter.propertyName(), calendar.tz()),
    dispatchLines: (id) => dispatchSlipLines(requests.dispatchLines(id), counter.propertyName(), calendar.tz()),
    passSlip: (id, opts) => passes.render(id, opts),
    noticeSlip: (id) => noticeSlip(notices.one(id), calendar.tz()),
    moveInSlip: (id) => moveIn.slip(id),
  });

  return {
    db,
    sql,
    calendar,
    operators,
    roster,
    rosterImport,
    maintenance,
    counter,
    print,
    cash,
    fees,
    parcels,
    parcelsReport,
    upstream,
    requests,
    handover,
    reports,
    keys,
    cards,
    cardReader,
    visitors,
    rooms,
    residents,
    moveIn,
    decoration,
    decorationLinks,
    receivables,
    collections,
    openingImport,
    lateFees,
    notices,
    arrearsExports,
  };
}

/**
 * Starts what runs on its own: the print queue and the card reader; with `background` (production) also the daily
 * maintenance, the upstream sending and the visitor data retention (at start, then at the night hour).
 */
export function startServices(s: Services, background: boolean): void {
  s.print.start(background ? 3000 : 200);
  void s.cardReader.start();
  if (background) {
    s.maintenance.start();
    s.upstream.start();
    s.visitors.retention.start();
  }
}

/** Stops everything that runs on its own, waits for the work under way, and closes the store. */
export async function stopServices(s: Services): Promise<void> {
  s.maintenance.stop();
  await s.visitors.retention.stop();
  await s.upstream.stop();
  await s.print.stop();
  await s.cardReader.stop();
  s.db.close();
}
