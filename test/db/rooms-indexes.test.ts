import { describe, expect, it } from 'vitest';
import { planStore } from '../support/plans';
import { ManualClock } from '../../src-main/lib/clock';
import { PropertyCalendar } from '@shared/calendar';
import { RoomsService } from '../../src-main/features/rooms/rooms.service';
import { ResidentsService } from '../../src-main/features/rooms/residents.service';
import { MoveInService } from '../../src-main/features/rooms/movein.service';
import { DecorationService } from '../../src-main/features/rooms/decoration.service';
import { ReceivablesService } from '../../src-main/features/receivables/receivables.service';
import { Accounts } from '../../src-main/features/receivables/accounts';
import { owedHook } from '../../src-main/features/receivables/room-owed';
import { visitorsTodayHook } from '../../src-main/features/visitors/room-file';

/** Every statement the room file runs finds the room's rows through an index: no table or index is read whole (a SCAN, even of an index, reads every row). */
describe('room file query plans', () => {
  const { db, sql, statementsOf } = planStore();
  db.exec(`
    INSERT INTO buildings (id, code, name, created_at) VALUES (1, '3', '3栋', 'now');
    INSERT INTO units (id, building_id, code) VALUES (1, 1, '2');
    INSERT INTO rooms (id, unit_id, number, code, created_at) VALUES (1, 1, '501', '3-2-501', 'now');
  `);
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  const calendar = new PropertyCalendar(() => 'Asia/Shanghai', clock);
  const moveIn = new MoveInService(
    sql,
    clock,
    calendar,
    new ResidentsService(sql, clock, calendar),
    { handOverToOwner: () => [] },
    { issue: () => ({ id: 0 }) },
  );
  const decoration = new DecorationService(sql, clock, calendar);
  // with the sections other areas add: today's visitors, what the room owes
  const receivables = new ReceivablesService(sql, clock, calendar, { consumeApproval: () => ({ approverId: 0 }) } as never, new Accounts(sql, calendar));
  const rooms = new RoomsService(sql, clock, calendar, { moveIn: (id) => moveIn.latest(id), decoration: (id) => decoration.latest(id) }, [
    visitorsTodayHook(sql, calendar),
    owedHook((id) => receivables.dues(id)),
  ]);

  it('the room file', () => {
    const statements = statementsOf(() => rooms.file(1));
    expect(statements.length).toBeGreaterThan(8);
    expect(statements.map((s) => s.sql).join('\n')).toMatch(/from "visits"[\s\S]*from "visitor_appointments"[\s\S]*from "receivable_plans"/);
    for (const s of statements) {
      const fullScans = s.plan.split(' | ').filter((step) => step.trim().startsWith('SCAN '));
      expect(fullScans, s.sql).toEqual([]);
    }
  });
});
