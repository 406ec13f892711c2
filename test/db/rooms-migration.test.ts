import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { migrate } from '../../src-main/db/migrate';
import { MIGRATIONS } from '../../src-main/db/migrations';
import { m0014 } from '../../src-main/db/migrations/0014_rooms';

/** Rooms already on file take their state from their residents when the rooms migration runs. */
describe('rooms migration', () => {
  it('a current tenant → 出租, a current owner → 自住, nobody or only former residents → 空置', () => {
    const db = openDatabase(':memory:');
    migrate(db, { migrations: MIGRATIONS.slice(0, m0014.version - 1) });
    db.exec(`
      INSERT INTO buildings (id, code, name, created_at) VALUES (1, '3', '3栋', 'now');
      INSERT INTO units (id, building_id, code) VALUES (1, 1, '2');
      INSERT INTO rooms (id, unit_id, number, code, created_at) VALUES (1, 1, '501', '3-2-501', 'now'), (2, 1, '502', '3-2-502', 'now'),
        (3, 1, '503', '3-2-503', 'now'), (4, 1, '504', '3-2-504', 'now');
      INSERT INTO residents (room_id, name, kind, initials, pinyin, given_name, move_out, created_at, updated_at) VALUES
        (1, '张伟', 'owner', 'zw', 'zhangwei', '伟', NULL, 'now', 'now'),
        (1, '王芳', 'tenant', 'wf', 'wangfang', '芳', NULL, 'now', 'now'),
        (2, '李雷', 'owner', 'll', 'lilei', '雷', NULL, 'now', 'now'),
        (3, '韩梅', 'tenant', 'hm', 'hanmei', '梅', '2025-01-01', 'now', 'now');
    `);
    migrate(db);
    expect(db.prepare('SELECT code, state FROM rooms ORDER BY id').all()).toEqual([
      { code: '3-2-501', state: 'rented' },
      { code: '3-2-502', state: 'owner_occupied' },
      { code: '3-2-503', state: 'vacant' },
      { code: '3-2-504', state: 'vacant' },
    ]);
  });
});
