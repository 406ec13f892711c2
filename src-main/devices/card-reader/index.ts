/**
 * The card reader device layer, for the cards service, the status bar and the settings/diagnostics screens.
 *   port:        createCardReader(config) → CardReaderPort (start / stop / status / onCard / onState / onReport);
 *                KeyboardWedgeCardReader.submit(raw) for the renderer fallback; FakeCardReaderPort for tests
 *   numbers:     parseCardNumber(raw, format) → CardNumber (key = low 24 bits, index it), cardCandidates(raw) for
 *                typed search, sameCard(a, b), formatCardNumber / cardForms for display
 *   settings:    cardReaderConfigSchema, cardFormatSchema (zod; import from './schema', no Node modules)
 *   diagnostics: diagnoseHid(loadNodeHid), HidRecorder (raw reports → recording text), udevRule(vid, pid)
 *   OS edge:     HidBackend / HidDevice (node-hid's shape), loadNodeHid(); FakeHidBackend + recordings for tests
 */
export type { CardReaderPort, CardReaderStatus, CardReaderState, CardReaderErrorCode, CardRead, RawReport, Unsubscribe } from './port';
export { CardReaderError, isCardReaderError, CARD_READER_ERROR_MESSAGES, CARD_READER_STATE_MESSAGES } from './port';
export type { CardNumber, CardFormat, ConcreteCardFormat, CardParseResult, CardParseErrorCode } from '@shared/card-number';
export {
  CARD_FORMATS,
  CONCRETE_CARD_FORMATS,
  CARD_FORMAT_LABELS,
  parseCardNumber,
  cardCandidates,
  sameCard,
  formatCardNumber,
  cardForms,
  matchKeyOf,
  reverseBytes32,
} from '@shared/card-number';
export type { CardReaderConfig, CardReaderConfigInput } from '@shared/contract/card-reader-config';
export { cardReaderConfigSchema, cardFormatSchema } from '@shared/contract/card-reader-config';
export { createCardReader, type CardReaderDeps } from './config';
export { HidCardReader, type HidCardReaderOptions } from './hid-reader';
export { KeyboardWedgeCardReader, NoCardReader, FakeCardReaderPort } from './fake';
export { KeyboardReportDecoder, decodeReports, keyChar, type DecodeResult, type KeyboardDecoderOptions } from './keyboard';
export type { HidBackend, HidDevice, HidDeviceInfo, HidDriver } from './hid';
export { loadNodeHid, isKeyboardUsage, usbIdText } from './hid';
export { diagnoseHid, HidRecorder, udevRule, type HidDiagnostics, type HidDeviceSummary } from './diagnostics';
export { parseRecording, formatRecording, RecordingFormatError, type RecordedEvent } from './recording';
export { FakeHidBackend, FakeHidDevice } from './fake-hid';
