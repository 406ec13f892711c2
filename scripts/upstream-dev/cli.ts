/**
 * npm run upstream:dev -- [--port 8787] [--secret S] [--store DIR] [--fail-rate 0.5] [--lost-rate 0.1] [--delay MS] [--status 503]
 *
 * A development receiver for the nightly summaries (see docs/upstream.md). Put its URL and secret in
 * 上报 settings, press 立即上报, and watch what arrives. Not a product: head office runs its own.
 */
import { parseArgs } from 'node:util';
import { startReceiver } from './receiver';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    secret: { type: 'string', default: 'dev-secret-change-me-0123456789' },
    store: { type: 'string', default: 'upstream-received' },
    'fail-rate': { type: 'string', default: '0' },
    'lost-rate': { type: 'string', default: '0' },
    delay: { type: 'string', default: '0' },
    status: { type: 'string' },
  },
});

const r = await startReceiver({
  secret: values.secret,
  port: Number(values.port),
  storeDir: values.store,
  faults: {
    failRate: Number(values['fail-rate']),
    lostAnswerRate: Number(values['lost-rate']),
    delayMs: Number(values.delay),
    forceStatus: values.status ? Number(values.status) : null,
  },
});
console.log(`upstream receiver on ${r.url}`);
console.log(`secret: ${r.secret}   store: ${values.store}/`);
let shown = 0;
setInterval(() => {
  for (; shown < r.log.length; shown++) {
    const e = r.log[shown];
    if (e) console.log(`${e.at}  ${String(e.status).padEnd(9)} ${e.key ?? '-'}  ${e.note}`);
  }
}, 250);
const stop = () => void r.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
