import type { ImportPreview } from '@shared/contract';
import type { WriteCounts } from './writer';

/** The import's progress and result lines (Chinese; the screen shows them as they come). */

export const zh = (n: number) => n.toLocaleString('zh-CN');

export function writingMessage(done: number, total: number): string {
  return `正在写入名册：已处理 ${zh(done)} / ${zh(total)} 行（${Math.floor((100 * done) / Math.max(1, total))}%）。其间可以照常收费、查询。`;
}

export function doneMessage(r: WriteCounts): string {
  return (
    `导入完成：新增 ${zh(r.inserted)}，更新 ${zh(r.updated)}，无变化 ${zh(r.unchanged)}，跳过 ${zh(r.skipped)}` +
    (r.buildingsCreated ? `，新建楼栋 ${r.buildingsCreated} 个` : '')
  );
}

export function countsMessage(p: ImportPreview['summary']): string {
  return `共 ${zh(p.total)} 行：新增 ${zh(p.new)}，更新 ${zh(p.update)}，无变化 ${zh(p.unchanged)}，有错误 ${zh(p.error)}`;
}
