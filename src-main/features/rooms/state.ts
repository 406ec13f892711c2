import { appendAudit } from '../../db/audit';
import type { Sql } from '../../db/sql';
import type { RoomState } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import * as repo from './rooms.repo';
import { transitionError } from './rules';

/** Moves a room to a new state (only an allowed change), with its history row and audit entry. Inside a transaction. */
export function changeState(sql: Sql, clock: Clock, roomId: number, to: RoomState, operatorId: number | null, reason: string): void {
  const room = repo.roomById(sql, roomId);
  if (!room) throw new AppError('NOT_FOUND', '找不到这个房间：请重新搜索房号。');
  const err = transitionError(room.state, to);
  if (err) throw new AppError('CONFLICT', err, { from: room.state, to });
  const at = clock.now().toISOString();
  repo.setRoomState(sql, roomId, to, at);
  repo.insertStateChange(sql, { roomId, from: room.state, to, at, operatorId, reason });
  appendAudit(sql, clock, {
    operatorId,
    action: 'room.state',
    entity: 'room',
    entityId: roomId,
    detail: { code: room.code, before: room.state, after: to, reason },
  });
}

export function mustRoom(sql: Sql, roomId: number): repo.RoomRow {
  const room = repo.roomById(sql, roomId);
  if (!room) throw new AppError('NOT_FOUND', '找不到这个房间：请重新搜索房号。');
  return room;
}
