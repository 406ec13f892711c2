import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Figure {
  name: string;
  /** what is measured and at what scale */
  scale: string;
  unit: 'ms' | 'MB';
  p50?: number;
  p99?: number;
  max?: number;
  value?: number;
  budget: number;
  /** which statistic the budget applies to */
  against: 'p99' | 'value';
  pass: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

export function summarise(name: string, scale: string, samples: number[], budget: number): Figure {
  const s = [...samples].sort((a, b) => a - b);
  const p99 = percentile(s, 99);
  return { name, scale, unit: 'ms', p50: round(percentile(s, 50)), p99: round(p99), max: round(s[s.length - 1] ?? NaN), budget, against: 'p99', pass: p99 <= budget };
}

export function single(name: string, scale: string, ms: number, budget: number): Figure {
  return { name, scale, unit: 'ms', value: round(ms), budget, against: 'value', pass: ms <= budget };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function writeResults(figures: Figure[], dir = 'bench'): string {
  fs.mkdirSync(dir, { recursive: true });
  const meta = { at: new Date().toISOString(), node: process.version, platform: `${process.platform}-${process.arch}`, cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}` };
  fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify({ ...meta, figures }, null, 2) + '\n');
  const lines = [
    `# Benchmark results`,
    ``,
    `${meta.at} · Node ${meta.node} · ${meta.platform} · ${meta.cpus}`,
    ``,
    `| benchmark | scale | p50 | p99 / value | max | budget | |`,
    `|---|---|---|---|---|---|---|`,
    ...figures.map((f) => `| ${f.name} | ${f.scale} | ${f.p50 ?? ''} | ${f.p99 ?? f.value} | ${f.max ?? ''} | ${f.against} ≤ ${f.budget} ${f.unit} | ${f.pass ? 'ok' : '**over budget**'} |`),
    ``,
  ];
  const md = path.join(dir, 'results.md');
  fs.writeFileSync(md, lines.join('\n'));
  return md;
}
