import { MAX_IMPORT_BYTES, type ImportPreviewRow } from '@shared/contract/roster';
import type { MsgKey } from '../../app/i18n/dict';

export const ROW_STATUS: Record<ImportPreviewRow['status'], MsgKey> = {
  new: 'import.status.new',
  update: 'import.status.update',
  unchanged: 'import.status.unchanged',
  error: 'import.status.error',
};

/** The server names columns and kinds in Chinese; in English mode show these instead (unknown: as is). */
const EN: Record<string, string> = {
  楼栋: 'Building',
  单元: 'Unit',
  房号: 'Room',
  姓名: 'Name',
  类型: 'Kind',
  电话: 'Phone',
  入住日期: 'Move-in',
  迁出日期: 'Move-out',
  面积: 'Area',
  备注: 'Note',
  业主: 'Owner',
  租户: 'Tenant',
  家属: 'Family',
};

export const enWord = (zh: string, lang: string): string => (lang === 'en' ? (EN[zh] ?? zh) : zh);

/** Checked here too, so an oversize file is refused before it is read and sent. */
export const MAX_FILE_BYTES = MAX_IMPORT_BYTES;
