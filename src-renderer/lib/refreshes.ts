import type { Channel } from '@shared/contract';

/**
 * What a change refreshes: after it succeeds, the reads on screen under these channel prefixes are asked
 * again ('cash' → cash.current, cash.sessions.list, …). A change not listed refreshes its own area (the part
 * of its channel before the first dot: `keys.lend` → every `keys.*` read).
 */
export const REFRESHES: Partial<Record<Channel, readonly string[]>> = {
  // money moves the cash session's figures, prints, and may settle a card's fee
  'fees.collect': ['fees', 'cash', 'print', 'cards', 'receivables'],
  'fees.void': ['fees', 'cash', 'print', 'cards', 'receivables'],
  'fees.refundDeposit': ['fees', 'cash', 'print', 'cards', 'receivables'],
  'fees.receipts.reprint': ['fees', 'print'],
  'print.jobs.retry': ['print', 'fees'],
  'print.jobs.cancel': ['print', 'fees'],
  'cards.settleFee': ['cards', 'fees'],
  // a move-in or decoration case moves keys, cards, passes and money of the other areas
  'rooms.moveIn.keys': ['rooms', 'keys'],
  'rooms.moveIn.card': ['rooms', 'cards'],
  'rooms.moveIn.print': ['print'],
  'rooms.decoration.workerPass': ['rooms', 'visitors', 'print'],
  'rooms.decoration.keyLoan': ['rooms', 'keys'],
  'rooms.decoration.refund': ['rooms', 'fees', 'cash', 'print'],
  // the intake screen reloads the day's list itself, at most once a second and a half while scans keep coming
  'parcels.intake': [],
  'parcels.intakeBatch': [],
  // files and a revealed phone number change nothing on screen
  'parcels.export': [],
  'reports.export': [],
  'reports.pdf': [],
  'receivables.arrears.export': [],
  'receivables.notices.export': [],
  'receivables.figures.export': [],
  'receivables.notices.print': ['print'],
  // a notice is logged in the room's 催缴 log
  'receivables.notices.issue': ['receivables', 'print'],
  'roster.revealPhone': [],
  'rooms.occupancy.export': [],
  // a room or resident written in 房屋档案 is searched for through the roster (and a new building is listed there)
  'rooms.create': ['rooms', 'roster'],
  'rooms.units.create': ['rooms', 'roster'],
  'rooms.buildings.update': ['rooms', 'roster'],
  'rooms.residents.add': ['rooms', 'roster'],
  'rooms.residents.update': ['rooms', 'roster'],
  'rooms.residents.end': ['rooms', 'roster'],
  'rooms.residents.transfer': ['rooms', 'roster'],
  'rooms.residents.erase': ['rooms', 'roster'],
  'rooms.tenants.moveIn': ['rooms', 'roster'],
  'rooms.tenants.moveOut': ['rooms', 'roster'],
  'roster.buildings.create': ['roster', 'rooms'],
  'auth.touch': [],
};

/**
 * Reads no change asks again: each belongs to one moment on screen (the carrier detection of one scan, the
 * slot suggested for it, the price of one draft of a receipt, the reader's last card since a sequence number).
 */
export const ONE_MOMENT: ReadonlySet<Channel> = new Set<Channel>(['parcels.detect', 'parcels.suggestSlot', 'fees.quote', 'cardReader.lastRead']);

export const areaOf = (channel: string): string => channel.split('.')[0] ?? channel;

export function refreshes(channel: Channel): readonly string[] {
  return REFRESHES[channel] ?? [areaOf(channel)];
}
