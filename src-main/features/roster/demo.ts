import type { Sql } from '../../db/sql';
import type { Clock } from '../../lib/clock';
import { appendAudit } from '../../db/audit';
import { yieldToLoop, type Job } from '../../lib/jobs';
import * as repo from './roster.repo';
import { nameKeys, roomCode } from './rules';

/** Common surnames roughly by frequency (weights), including the polyphonic ones the search must read right. */
const SURNAMES: Array<[string, number]> = [
  ['王', 72],
  ['李', 71],
  ['张', 68],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 23],
  ['赵', 22],
  ['吴', 20],
  ['周', 20],
  ['徐', 15],
  ['孙', 15],
  ['马', 13],
  ['朱', 12],
  ['胡', 11],
  ['郭', 11],
  ['何', 10],
  ['高', 10],
  ['林', 10],
  ['罗', 9],
  ['郑', 9],
  ['梁', 8],
  ['谢', 7],
  ['宋', 7],
  ['唐', 7],
  ['许', 6],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 6],
  ['彭', 5],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['袁', 5],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['单', 1],
  ['解', 1],
  ['区', 1],
  ['朴', 1],
  ['仇', 1],
  ['查', 1],
  ['欧阳', 1],
  ['司马', 1],
  ['诸葛', 1],
  ['覃', 1],
];
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鑫宇浩然子涵欣怡梓轩一诺雨桐晨阳思远佳琪文博俊熙嘉怡志强建国海燕春梅晓东'.split('');

/** A small deterministic PRNG so demo data (and benchmarks) are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoName(rand: () => number): string {
  const total = SURNAMES.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  let surname = '王';
  for (const [s, w] of SURNAMES) {
    x -= w;
    if (x < 0) {
      surname = s;
      break;
    }
  }
  const len = rand() < 0.35 ? 1 : 2;
  let given = '';
  for (let i = 0; i < len; i++) given += GIVEN[Math.floor(rand() * GIVEN.length)];
  return surname + given;
}

export function demoPhone(rand: () => number): string {
  const prefixes = [
    '130',
    '131',
    '132',
    '133',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '155',
    '158',
    '159',
    '166',
    '176',
    '177',
    '180',
    '181',
    '186',
    '187',
    '188',
    '189',
    '199',
  ];
  let s = prefixes[Math.floor(rand() * prefixes.length)] as string;
  for (let i = 0; i < 8; i++) s += Math.floor(rand() * 10);
  return s;
}

export interface DemoShape {
  buildings: number;
  units: number;
  floors: number;
  perFloor: number;
  residents: number;
}

/** 40 buildings × 4 units × 32 floors × 4 rooms = 20,480 rooms, 50,000 residents. */
export const DEMO_SHAPE: DemoShape = { buildings: 40, units: 4, floors: 32, perFloor: 4, residents: 50_000 };

/**
 * Fills an empty roster with realistic demo data, in chunks so the app stays responsive.
 * Each chunk is its own transaction; a crash midway leaves whole rooms, never half a resident.
 */
export async function generateDemo(
  sql: Sql,
  clock: Clock,
  job: Job<{ residents: number }> | null,
  shape: DemoShape = DEMO_SHAPE,
  seed = 20261123,
): Promise<number> {
  const rand = rng(seed);
  const at = clock.now().toISOString();
  const roomsTotal = shape.buildings * shape.units * shape.floors * shape.perFloor;
  const perRoom = shape.residents / roomsTotal;
  let written = 0;
  let roomIndex = 0;
  for (let b = 1; b <= shape.buildings; b++) {
    sql.tx(() => {
      const code = String(b);
      const buildingId = repo.buildingByCode(sql, code)?.id ?? repo.insertBuilding(sql, { code, name: `${code}栋`, at });
      for (let u = 1; u <= shape.units; u++) {
        const unit = String(u);
        const unitId = repo.unitId(sql, buildingId, unit) ?? repo.insertUnit(sql, buildingId, unit);
        for (let f = 1; f <= shape.floors; f++)
          for (let k = 1; k <= shape.perFloor; k++) {
            const number = `${f}${String(k).padStart(2, '0')}`;
            const rc = roomCode(code, unit, number);
            const roomId = repo.roomByCode(sql, rc)?.id ?? repo.insertRoom(sql, { unitId, number, code: rc, areaCm2: 6000 + Math.floor(rand() * 9000), at });
            roomIndex++;
            // spread residents evenly: the target count by this room minus what is written so far
            const target = Math.min(shape.residents, Math.round(roomIndex * perRoom));
            const count = Math.max(target - written, 0);
            const used = new Set<string>();
            for (let i = 0; i < count; i++) {
              let name = demoName(rand);
              while (used.has(name)) name = demoName(rand);
              used.add(name);
              const keys = nameKeys(name);
              const kind = i === 0 ? 'owner' : rand() < 0.3 ? 'tenant' : 'family';
              repo.insertResident(sql, {
                roomId,
                name,
                kind,
                initials: keys.initials,
                pinyin: keys.pinyin,
                phone: rand() < 0.92 ? demoPhone(rand) : null,
                moveIn: `20${String(10 + Math.floor(rand() * 15)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-01`,
                moveOut: null,
                note: '',
                at,
              });
              written++;
            }
          }
      }
    });
    job?.step(written, shape.residents, `正在生成演示数据：${b}/${shape.buildings} 栋`);
    await yieldToLoop();
  }
  sql.tx(() =>
    appendAudit(sql, clock, { operatorId: null, action: 'roster.demo_generated', entity: 'roster', entityId: 'demo', detail: { residents: written } }),
  );
  return written;
}
