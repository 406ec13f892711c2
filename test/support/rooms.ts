import Database from 'better-sqlite3';
import path from 'node:path';
import { openKeysCardsCore, type KeysCardsFixture } from './keys-cards';

export interface RoomsFixture extends KeysCardsFixture {
  /** building 3 (from the keys-cards fixture), unit 2 */
  unitId: number;
  /** a room created by hand: 3-2-1201, 未交房 */
  newRoom: number;
}

/** The keys-cards terminal plus a room a supervisor created by hand (3-2-1201, not handed over yet). */
export async function openRoomsCore(): Promise<RoomsFixture> {
  const t = await openKeysCardsCore();
  const unitId = t.core
    .need()
    .sql.db.prepare("SELECT u.id AS id FROM units u JOIN buildings b ON b.id = u.building_id WHERE b.code = '3' AND u.code = '2'")
    .get() as { id: number };
  const room = await t.call('rooms.create', { unitId: unitId.id, number: '1201', floor: 12, areaM2: 118.5, roomType: '三室两厅' });
  return { ...t, unitId: unitId.id, newRoom: room.id };
}

/** A count of rows, read straight from the store file (what is really there, not what a service says). */
export function rowsIn(t: { dataDir: string }, query: string, ...params: unknown[]): number {
  const db = new Database(path.join(t.dataDir, 'lobbydesk.sqlite'), { readonly: true });
  try {
    return (db.prepare(query).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}
