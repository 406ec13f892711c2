import type { feesContract } from '@shared/contract/fees';
import { actor, done, type HandlersOf } from '../../ipc/handle';
import type { PrintQueue } from '../printing/print-queue';
import type { FeesService } from './fees.service';

/** Fee channels → the fees service; the print-job channels of the collect screen → the print queue. */
export function feesHandlers(fees: FeesService, print: PrintQueue): HandlersOf<typeof feesContract> {
  return {
    'fees.items.list': (i) => fees.items(i.includeInactive),
    'fees.items.save': (i, ctx) => fees.saveItem(i, actor(ctx)),
    'fees.quote': (i) => fees.quote(i.roomId, i.lines),
    'fees.collect': (i, ctx) => fees.collect(i, actor(ctx)),
    'fees.receipts.list': (i) => fees.receipts(i),
    'fees.receipts.get': (i) => fees.get(i.id),
    'fees.receipts.preview': (i) => fees.preview(i.id, i.copy),
    'fees.receipts.reprint': (i, ctx) => fees.reprint(i.id, actor(ctx)),
    'fees.void': (i, ctx) => fees.void(i.receiptId, i.approvalId, i.reason, actor(ctx)),
    'fees.refundDeposit': (i, ctx) => fees.refundDeposit(i.receiptId, i.approvalId, i.reason, i.method, i.reference, actor(ctx)),
    'print.jobs.open': () => print.open(),
    'print.jobs.retry': (i) => (print.retry(i.id), done),
    'print.jobs.cancel': (i) => (print.cancel(i.id), done),
  };
}
