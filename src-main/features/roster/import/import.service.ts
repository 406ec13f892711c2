import type { Sql } from '../../../db/sql';
import type { Clock } from '../../../lib/clock';
import { AppError } from '../../../lib/errors';
import type { ImportStatus } from '../../../contract/index';
import type { SessionOperator } from '../../operators/sessions';

/** Roster import from CSV/XLSX: parse → check row by row → preview → commit on confirmation. (being written) */
export class RosterImportService {
  constructor(
    readonly sql: Sql,
    readonly clock: Clock,
  ) {}

  start(_fileName: string, _data: Buffer, _createBuildings: boolean, _actor: SessionOperator): { jobId: string } {
    throw new AppError('INTERNAL', '导入功能尚未完成。');
  }

  status(_jobId: string): ImportStatus {
    throw new AppError('INTERNAL', '导入功能尚未完成。');
  }

  commit(_jobId: string, _skipErrors: boolean, _actor: SessionOperator): ImportStatus {
    throw new AppError('INTERNAL', '导入功能尚未完成。');
  }

  cancel(_jobId: string): void {}
}
