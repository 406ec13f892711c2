/**
 * The receipt printer device layer, for the fees/cash services and the settings screen.
 *   ports:     createPrinter(config) → PrinterPort (status / print / kickDrawer / close); FakePrinterPort for tests
 *   documents: renderReceipt / renderSlip / testPage → { bytes, svg, text }; drawerKickBytes()
 *   settings:  printerConfigSchema, paperWidthSchema (zod, for the IPC contract: import them from './schema',
 *              which pulls in no Node modules)
 */
export type { PrinterPort, PrinterStatus, PrinterState, PrinterErrorCode } from './port';
export { PrinterError, isPrinterError, PRINTER_ERROR_MESSAGES, statusForError } from './port';
export { decodeStatus, errorForStatus, isStatusReply, statusQuery } from './status';
export type { PrinterConfig, PrinterConfigInput, PaperWidth, BaudRate } from './schema';
export { printerConfigSchema, paperWidthSchema, BAUD_RATES } from './schema';
export { createPrinter, type PrinterTimeouts } from './config';
export { FakePrinterPort } from './fake';
export type { ReceiptDoc, ReceiptItem, ReceiptPayment, PaymentMethod, ReceiptOptions, SlipLine, SlipOptions, Rendered, Width } from './receipt';
export { renderReceipt, renderSlip, testPage, printedTime, money, PAYMENT_METHOD_LABELS, drawerKickBytes } from './receipt';
