import { printedTime, type SlipLine } from '../../devices/printer/receipt';

const TIME = /^\d{4}-\d{2}-\d{2}T/;

/** The 派工单 lines for the receipt printer: label/value pairs, times on the property's clock, the description last. */
export function dispatchSlipLines(fields: { label: string; value: string }[], propertyName: string, timeZone: string): SlipLine[] {
  const lines: SlipLine[] = propertyName ? [{ heading: propertyName }] : [];
  for (const f of fields) {
    const value = f.value
      .split(' ')
      .map((w) => (TIME.test(w) ? printedTime(w, timeZone) : w))
      .join(' ');
    if (f.label === '内容') lines.push({ rule: true }, value);
    else lines.push([f.label, value]);
  }
  return lines;
}
