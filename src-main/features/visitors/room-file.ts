import type { Sql } from '../../db/sql';
import { maskName } from '@shared/mask';
import type { PropertyCalendar } from '@shared/calendar';
import type { RoomFileHook } from '../rooms/rooms.service';
import { PURPOSE_ZH, STATUS_ZH } from './visit-place';
import { appointmentsOfRoom, visitsOfRoom } from './room-visits.repo';

/**
 * The room file's 今日访客 section: today's visits to the room (on site or gone, not voided) and the appointments still
 * expected today, names masked, each a line linking to 访客 (refId: the visit; null for an appointment).
 */
export function visitorsTodayHook(sql: Sql, calendar: PropertyCalendar): RoomFileHook {
  return {
    area: 'visitors',
    title: '今日访客',
    lines: (roomId) => {
      const today = calendar.today();
      const { from, to } = calendar.day(today);
      const party = (n: number) => (n > 1 ? ` 等 ${n} 人` : '');
      return [
        ...visitsOfRoom(sql, roomId, from, to).map((v) => ({
          area: 'visitors',
          refId: v.id,
          label: `${maskName(v.name) ?? '已删除'}${party(v.party_size)}`,
          detail: `${PURPOSE_ZH[v.purpose]} · ${STATUS_ZH[v.status]} · ${calendar.dateTime(v.checked_in_at)}${v.checked_out_at ? ` 至 ${calendar.dateTime(v.checked_out_at)}` : ''}`,
        })),
        ...appointmentsOfRoom(sql, roomId, today).map((a) => ({
          area: 'visitors',
          refId: null,
          label: `${maskName(a.name) ?? '已删除'}${party(a.party_size)}`,
          detail: `${PURPOSE_ZH[a.purpose]} · 预约今天来访`,
        })),
      ];
    },
  };
}
