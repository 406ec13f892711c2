import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../lib/paths';
import { auditCheck } from './audit-check';
import { expectedTriggers } from './guards';
import { openDatabase } from './open';

/**
 * `npm run verify-audit -- [store.sqlite]`: checks a store read-only: the protective triggers against the
 * migrations, the whole audit hash chain, and every money and custody row against its digest in the chain.
 * Prints the head, or each problem (the first row that no longer matches first). Exit code 0 = intact,
 * 1 = a problem found, 2 = could not open.
 */
const file = process.argv[2] ?? path.join(defaultDataDir(), 'lobbydesk.sqlite');
if (!fs.existsSync(file)) {
  process.stderr.write(`找不到数据库文件：${file}\n`);
  process.exit(2);
}
let code = 0;
try {
  const db = openDatabase(file, { readonly: true });
  const r = auditCheck(db, { expected: expectedTriggers(), since: null, full: true, at: new Date().toISOString(), limit: 200 });
  db.close();
  if (r.ok) {
    process.stdout.write(`审计链完整：${r.chainRows} 行，链头 #${r.head.seq} ${r.head.hash}；${r.ledgerRows} 行收款与保管记录与审计链一致。\n`);
  } else {
    process.stdout.write(`发现 ${r.problems.length} 个问题（审计链 ${r.chainRows} 行，收款与保管记录 ${r.ledgerRows} 行已检查）：\n`);
    for (const p of r.problems) process.stdout.write(`  - ${p.message}\n`);
    code = 1;
  }
} catch (e) {
  process.stderr.write(`无法打开数据库：${e instanceof Error ? e.message : String(e)}\n`);
  code = 2;
}
process.exit(code);
