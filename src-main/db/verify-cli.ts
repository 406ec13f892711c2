import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../lib/paths';
import { verifyChain } from './audit';
import { openDatabase } from './open';
import { Sql } from './sql';

/**
 * `npm run verify-audit -- [store.sqlite]`: walks the audit hash chain of a store (read-only) and prints the
 * head, or the first row that does not verify. Exit code 0 = intact, 1 = broken, 2 = could not open.
 */
const file = process.argv[2] ?? path.join(defaultDataDir(), 'lobbydesk.sqlite');
if (!fs.existsSync(file)) {
  process.stderr.write(`找不到数据库文件：${file}\n`);
  process.exit(2);
}
let code = 0;
try {
  const db = openDatabase(file, { readonly: true });
  const r = verifyChain(new Sql(db));
  db.close();
  if (r.ok) {
    process.stdout.write(`审计链完整：${r.rows} 行，链头 #${r.head.seq} ${r.head.hash}\n`);
  } else {
    const why = { 'hash-mismatch': '内容被改动（哈希不符）', 'broken-link': '与上一行的链接断开', gap: '缺少行（被删除）' }[r.reason];
    process.stdout.write(`审计链在第 ${r.firstBadSeq} 行处不完整：${why}。已检查 ${r.rows} 行。\n`);
    code = 1;
  }
} catch (e) {
  process.stderr.write(`无法打开数据库：${e instanceof Error ? e.message : String(e)}\n`);
  code = 2;
}
process.exit(code);
