import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { Sql } from '../../src-main/db/sql';
import { ManualClock } from '../../src-main/lib/clock';
import { PropertyCalendar } from '@shared/calendar';
import { generateDemo, rng } from '../../src-main/features/roster/demo';
import { RoomsService } from '../../src-main/features/rooms/rooms.service';
import { ResidentsService } from '../../src-main/features/rooms/residents.service';
import { MoveInService } from '../../src-main/features/rooms/movein.service';
import { DecorationService } from '../../src-main/features/rooms/decoration.service';
import { ReceivablesService } from '../../src-main/features/receivables/receivables.service';
import { Accounts } from '../../src-main/features/receivables/accounts';
import { owedHook } from '../../src-main/features/receivables/room-owed';
import { visitorsTodayHook } from '../../src-main/features/visitors/room-file';
import { summarise, type Figure } from './stats';

const clock = new ManualClock('2026-11-23T02:00:00Z');
const YEARS = 10;
const DAY = 86_400_000;

/**
 * The room file and the occupancy statistics on a 50,000-resident demo store where every room has 10 years of history:
 * 24 state changes, 40 parcels (all collected, the last one still in stock in one room in ten), 6 service requests
 * (one still open in one room in five), 3 ended tenants with their leases and 2 past decoration cases per room in ten,
 * a finished move-in case, keys and cards.
 */
export async function roomsBenchmarks(work: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  const file = path.join(work, 'rooms', 'lobbydesk.sqlite');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openDatabase(file);
  migrate(db);
  const sql = new Sql(db);
  const t0 = performance.now();
  const residents = await generateDemo(sql, clock, null);
  db.prepare("INSERT INTO operators (id, username, display_name, role, password_hash, created_at, updated_at) VALUES (1, 'bench', '基准', 'admin', 'x', 'now', 'now')").run();
  const rooms = db.prepare('SELECT id, code FROM rooms ORDER BY id').all() as { id: number; code: string }[];
  const rand = rng(15);
  const start = clock.now().getTime() - YEARS * 365 * DAY;
  const iso = (ms: number) => new Date(ms).toISOString();
  const ins = {
    state: db.prepare('INSERT INTO room_state_changes (room_id, from_state, to_state, at, operator_id, reason) VALUES (?, ?, ?, ?, 1, ?)'),
    parcel: db.prepare(
      "INSERT INTO parcels (waybill, carrier, room_id, room_code, pickup_code, status, intake_at, intake_by, updated_at, closed_at, closed_by, picked_at, collector, check_method) VALUES (?, 'SF', ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
    ),
    request: db.prepare(
      "INSERT INTO service_requests (kind, source, room_id, room_code, category, description, urgency, status, target_minutes, created_at, created_by, done_at, updated_at, dispatched_at) VALUES ('repair', 'call', ?, ?, '水电', '厨房漏水', 'normal', ?, 60, ?, 1, ?, ?, ?)",
    ),
    resident: db.prepare("INSERT INTO residents (room_id, name, kind, initials, pinyin, given_name, move_in, move_out, note, created_at, updated_at) VALUES (?, ?, 'tenant', 'zs', 'zhangsan', '三', ?, ?, '', 'now', 'now')"),
    lease: db.prepare('INSERT INTO tenant_leases (resident_id, room_id, start_date, end_date, moved_out, created_at, operator_id) VALUES (?, ?, ?, ?, ?, ?, 1)'),
    deco: db.prepare(
      "INSERT INTO decoration_cases (room_id, status, contractor, person_in_charge, contractor_phone, start_date, planned_end, deposit_fen, created_at, created_by, updated_at) VALUES (?, ?, '美家装饰', '孙师傅', '13500004444', ?, ?, 200000, ?, 1, ?)",
    ),
    decoEvent: db.prepare("INSERT INTO decoration_events (case_id, kind, at, operator_id, note) VALUES (?, ?, ?, 1, '')"),
    movein: db.prepare("INSERT INTO movein_cases (room_id, status, started_at, started_by, completed_at, completed_by) VALUES (?, 'done', ?, 1, ?, 1)"),
    key: db.prepare("INSERT INTO keys (tag, kind, label, room_id, status, created_at, updated_at) VALUES (?, 'vacant', '入户门', ?, 'on_board', 'now', 'now')"),
  };
  const states = ['vacant', 'owner_occupied', 'rented', 'vacant', 'renovating', 'owner_occupied'] as const;
  let waybill = 1_000_000_000_000;
  db.transaction(() => {
    for (const r of rooms) {
      let prev: string | null = null;
      for (let i = 0; i < 24; i++) {
        const to = states[i % states.length] as string;
        ins.state.run(r.id, prev, to, iso(start + ((i + 1) * YEARS * 365 * DAY) / 25), '历史');
        prev = to;
      }
      for (let i = 0; i < 40; i++) {
        const at = iso(start + Math.floor(rand() * YEARS * 365 * DAY));
        const inStock = i === 39 && r.id % 10 === 0;
        // a code in stock is unique; collected ones repeat freely
        const code = inStock ? String(100000 + r.id) : String(100000 + Math.floor(rand() * 900000));
        ins.parcel.run(`SF${++waybill}`, r.id, r.code, code, inStock ? 'in_stock' : 'picked_up', at, at, inStock ? null : at, inStock ? null : 1, inStock ? null : at, inStock ? null : '本人', inStock ? null : 'code');
      }
      for (let i = 0; i < 6; i++) {
        const at = iso(start + Math.floor(rand() * YEARS * 365 * DAY));
        const open = i === 5 && r.id % 5 === 0;
        ins.request.run(r.id, r.code, open ? 'dispatched' : 'done', at, open ? null : at, at, at);
      }
      if (r.id % 10 === 0) {
        for (let k = 0; k < 3; k++) {
          const from = `${2017 + k * 3}-03-01`;
          const to = `${2019 + k * 3}-02-28`;
          const id = Number(ins.resident.run(r.id, `租户${k}号`, from, to).lastInsertRowid);
          ins.lease.run(id, r.id, from, to, to, 'now');
        }
        for (let k = 0; k < 2; k++) {
          const id = Number(ins.deco.run(r.id, 'refunded', `${2018 + k * 4}-05-01`, `${2018 + k * 4}-07-01`, 'now', 'now').lastInsertRowid);
          for (const kind of ['apply', 'approve', 'start', 'patrol', 'finish', 'accept', 'refund']) ins.decoEvent.run(id, kind, 'now');
        }
      }
      ins.movein.run(r.id, iso(start), iso(start + DAY));
      ins.key.run(`K-${r.id}`, r.id);
    }
  })();
  db.exec('ANALYZE');
  console.log(`  rooms store: ${residents} residents, ${rooms.length} rooms with ${YEARS} years of history in ${Math.round(performance.now() - t0)} ms`);

  const calendar = new PropertyCalendar(() => 'Asia/Shanghai', clock);
  const residentsSvc = new ResidentsService(sql, clock, calendar);
  const moveIn = new MoveInService(sql, clock, calendar, residentsSvc, { handOverToOwner: () => [] }, { issue: () => ({ id: 0 }) });
  const decoration = new DecorationService(sql, clock, calendar);
  // as the app builds it: with today's visitors and what the room owes
  const receivables = new ReceivablesService(sql, clock, calendar, { consumeApproval: () => ({ approverId: 0 }) } as never, new Accounts(sql, calendar));
  const svc = new RoomsService(sql, clock, calendar, { moveIn: (id) => moveIn.latest(id), decoration: (id) => decoration.latest(id) }, [
    visitorsTodayHook(sql, calendar),
    owedHook((id) => receivables.dues(id)),
  ]);

  const pick = rng(7);
  const sample = Array.from({ length: 3000 }, () => (rooms[Math.floor(pick() * rooms.length)] as { id: number }).id);
  for (const id of sample.slice(0, 200)) svc.file(id); // warm the statement cache
  const times: number[] = [];
  // the process's CPU time per call beside the wall time: on a shared machine the wall time's tail is mostly waiting for a core
  const cpu: number[] = [];
  for (const id of sample) {
    const c = process.cpuUsage();
    const a = performance.now();
    svc.file(id);
    times.push(performance.now() - a);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  figures.push(summarise('room file (service)', `${residents.toLocaleString()} residents, ${rooms.length.toLocaleString()} rooms × ${YEARS} years of history, ${sample.length} rooms`, times, 20));
  figures.push(summarise('room file, CPU time of the process per call', 'same calls', cpu, 20));

  const occ: number[] = [];
  for (let i = 0; i < 5; i++) svc.occupancy();
  for (let i = 0; i < 200; i++) {
    const a = performance.now();
    svc.occupancy();
    occ.push(performance.now() - a);
  }
  figures.push(summarise('occupancy statistics for the property (service)', `${rooms.length.toLocaleString()} rooms, ${(rooms.length * 24).toLocaleString()} state changes`, occ, 200));
  db.close();
  return figures;
}
