/** npm run upstream:schema — writes docs/upstream/daily-summary.v1.schema.json from the zod schema the app checks. */
import fs from 'node:fs';
import path from 'node:path';
import { dailySummaryJsonSchema } from '@shared/contract/summary';

const file = path.resolve('docs/upstream/daily-summary.v1.schema.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(dailySummaryJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
