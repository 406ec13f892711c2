import type { printerContract } from '@shared/contract/printer';
import { actor, done, type HandlersOf } from '../../ipc/handle';
import type { CounterSettings } from './counter-settings';
import type { PrintQueue } from './print-queue';

/** Printer channels → the counter's settings and the print queue (the cash settings are counter settings too). */
export function printingHandlers(counter: CounterSettings, print: PrintQueue): HandlersOf<typeof printerContract> {
  return {
    'printer.settings.get': () => counter.printer(),
    'printer.settings.save': (i, ctx) => counter.savePrinter(i, actor(ctx)),
    'printer.status': () => print.status(),
    'printer.testPage': () => (print.testPage(), done),
    'cash.settings.get': () => counter.cashSettings(),
    'cash.settings.save': (i, ctx) => counter.saveCashSettings(i, actor(ctx)),
  };
}
