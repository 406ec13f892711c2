import type { Sql } from '../../../db/sql';
import * as repo from '../roster.repo';
import { residentKey, unitKey, type Snapshot } from './plan';

/** What the roster holds for the buildings named in the file: one query per building, into maps. */
export function loadSnapshot(sql: Sql, codes: Set<string>): Snapshot {
  const snap: Snapshot = { buildings: new Map(), units: new Map(), rooms: new Map(), residents: new Map() };
  for (const b of repo.allBuildings(sql)) snap.buildings.set(b.code, b.id);
  for (const code of codes) {
    const id = snap.buildings.get(code);
    if (id === undefined) continue;
    for (const u of repo.unitsOfBuilding(sql, id)) snap.units.set(unitKey(code, u.code), u.id);
    for (const r of repo.roomsOfBuilding(sql, id)) snap.rooms.set(r.code, { id: r.id, areaCm2: r.area_cm2 });
    for (const r of repo.residentsOfBuilding(sql, id))
      snap.residents.set(residentKey(r.room_code, r.name), {
        id: r.id,
        kind: r.kind,
        phone: r.phone,
        moveIn: r.move_in,
        moveOut: r.move_out,
        note: r.note,
      });
  }
  return snap;
}
