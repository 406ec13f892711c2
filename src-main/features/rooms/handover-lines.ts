import type { Sql } from '../../db/sql';
import type { PropertyCalendar } from '@shared/calendar';
import { completedBetween } from './movein.repo';
import { countInStatus, patrolsDue } from './decoration.repo';

/**
 * The handover's room lines: move-ins completed since the shift began, decoration cases waiting for a supervisor's
 * review (申请中) or for acceptance (待验收), and works in progress with no patrol recorded today (a site is patrolled
 * every day it is worked on).
 */
export function roomsHandover(sql: Sql, calendar: PropertyCalendar, since: string) {
  return {
    moveIns: completedBetween(sql, since, '9999-12-31T00:00:00.000Z').map((c) => c.room_code),
    toReview: countInStatus(sql, 'applied'),
    toAccept: countInStatus(sql, 'awaiting_acceptance'),
    patrolsDue: patrolsDue(sql, calendar.day(calendar.today()).from),
  };
}
