import type { Sql } from '../../../db/sql';
import * as repo from '../roster.repo';
import { unitKey, type Plan, type Snapshot } from './plan';
import type { CheckedRow } from './validate';

/**
 * Writes checked rows into the roster, row by row, as their plan says (new / update / unchanged / error). The
 * caller cuts the file into chunks and runs each chunk in its own transaction; the writer only keeps what it has
 * learnt of the roster between chunks (the ids of buildings, units and rooms, created ones included).
 *
 * Between two chunks the counter's own calls run on the same connection. Of those, only 新建楼栋 writes to the
 * roster tables; so a building, unit or room the snapshot does not know is looked up again before it is created,
 * and a building created meanwhile is used rather than created twice. Residents are written by imports alone,
 * and only one import writes at a time.
 *
 * Re-running a file after a stop is safe: a resident is (room code, name), so a row already written is planned as
 * unchanged the next time, and a blank cell never erases anything.
 */

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  buildingsCreated: number;
}

export class RosterWriter {
  readonly counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0, skipped: 0, buildingsCreated: 0 };

  constructor(
    private readonly sql: Sql,
    private readonly snap: Snapshot,
    private readonly at: string,
  ) {}

  private buildingId(code: string): number {
    let id = this.snap.buildings.get(code);
    if (id === undefined) {
      id = repo.buildingByCode(this.sql, code)?.id;
      if (id === undefined) {
        id = repo.insertBuilding(this.sql, { code, name: `${code}栋`, at: this.at });
        this.counts.buildingsCreated++;
      }
      this.snap.buildings.set(code, id);
    }
    return id;
  }

  private unitId(building: string, unit: string): number {
    const key = unitKey(building, unit);
    let id = this.snap.units.get(key);
    if (id === undefined) {
      const b = this.buildingId(building);
      id = repo.unitId(this.sql, b, unit) ?? repo.insertUnit(this.sql, b, unit);
      this.snap.units.set(key, id);
    }
    return id;
  }

  private room(r: CheckedRow): { id: number; areaCm2: number | null } {
    let room = this.snap.rooms.get(r.roomCode);
    if (!room) {
      const found = repo.roomByCode(this.sql, r.roomCode);
      room = found
        ? { id: found.id, areaCm2: found.area_cm2 }
        : {
            id: repo.insertRoom(this.sql, { unitId: this.unitId(r.building, r.unit), number: r.number, code: r.roomCode, areaCm2: r.area, at: this.at }),
            areaCm2: r.area,
          };
      this.snap.rooms.set(r.roomCode, room);
    }
    return room;
  }

  /** Writes one row. Must run inside the chunk's transaction. */
  write(r: CheckedRow, p: Plan['rows'][number]): void {
    const c = this.counts;
    if (p.status === 'error') {
      c.skipped++;
      return;
    }
    const room = this.room(r);
    if (r.area !== null && room.areaCm2 !== r.area) {
      repo.setRoomArea(this.sql, room.id, r.area);
      room.areaCm2 = r.area;
    }
    const ex = p.existing;
    if (p.status === 'new') {
      repo.insertResident(this.sql, {
        roomId: room.id,
        name: r.name,
        kind: r.kind ?? 'owner',
        initials: r.initials,
        pinyin: r.pinyin,
        phone: r.phone,
        moveIn: r.moveIn,
        moveOut: r.moveOut,
        note: r.note ?? '',
        at: this.at,
      });
      c.inserted++;
    } else if (p.status === 'update' && ex) {
      repo.updateResident(this.sql, ex.id, {
        kind: r.kind ?? ex.kind,
        phone: r.phone ?? ex.phone,
        moveIn: r.moveIn ?? ex.moveIn,
        moveOut: r.moveOut ?? ex.moveOut,
        note: r.note ?? ex.note,
        at: this.at,
      });
      c.updated++;
    } else {
      c.unchanged++;
    }
  }
}
