import { useEffect, useRef } from 'react';
import { WedgeDetector, type ScanSource, type WedgeConfig } from '../../../src-main/contract/scan-wedge';

/** Marks the dedicated scan field: scans typed into it stay there (it is cleared when one is read). */
export const SCAN_FIELD_ATTR = 'data-scan-field';

type TextField = HTMLInputElement | HTMLTextAreaElement;

const isTextField = (el: EventTarget | null): el is TextField =>
  (el instanceof HTMLInputElement && ['text', 'search', 'tel', 'password', 'email', 'url', 'number', ''].includes(el.type)) || el instanceof HTMLTextAreaElement;

/** Sets a field's value the way typing would, so React's onChange sees it. */
function setFieldValue(el: TextField, value: string, caret?: number): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  if (caret !== undefined) {
    try {
      el.setSelectionRange(caret, caret);
    } catch {
      // number fields have no selection
    }
  }
}

/** Puts held-back characters where they were going: at the caret of the field that had the focus. */
function insertText(el: TextField, text: string): void {
  if (document.activeElement !== el) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? start;
  setFieldValue(el, el.value.slice(0, start) + text + el.value.slice(end), start + text.length);
}

interface Burst {
  target: EventTarget | null;
  inScanField: boolean;
  /** the field's value and caret before the burst's first character went in */
  before: { value: string; start: number | null; end: number | null } | null;
}

/**
 * Listens to every keydown (capture phase, before React and the shortcuts) while `enabled`, and reports
 * scans: `onScan(code, 'scanner')`. Characters of a fast burst are kept out of whatever field has the
 * focus; when the burst is a scan the field is put back as it was, otherwise the characters are put back.
 * In the dedicated scan field nothing is held (the code is visible as it arrives) and the field is
 * cleared when the scan is read; Enter after typing by hand is the field's own business ('typed').
 */
export function useWedge(enabled: boolean, config: WedgeConfig, onScan: (code: string, source: ScanSource) => void): void {
  const detector = useRef(new WedgeDetector(config));
  const handler = useRef(onScan);
  handler.current = onScan;

  useEffect(() => {
    detector.current.configure(config);
  }, [config]);

  useEffect(() => {
    if (!enabled) return;
    const d = detector.current;
    let burst: Burst | null = null;
    let timer = 0;

    const putBack = (text: string) => {
      if (!text || !burst || burst.inScanField) return;
      if (isTextField(burst.target)) insertText(burst.target, text);
    };
    const endBurst = () => {
      window.clearTimeout(timer);
      putBack(d.flush());
      burst = null;
    };

    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return;
      const target = e.target;
      const inScanField = target instanceof HTMLElement && target.hasAttribute(SCAN_FIELD_ATTR);
      // what the field looks like before this key's own character goes in (for the first one of a burst)
      const before = isTextField(target) ? { value: target.value, start: target.selectionStart, end: target.selectionEnd } : null;
      window.clearTimeout(timer);
      const step = d.key(e.key, e.timeStamp || performance.now());
      if (step.kind !== 'scan' && step.release) putBack(step.release);
      if (step.kind === 'pass') {
        if ([...e.key].length === 1 && d.held === '') burst = { target, inScanField, before };
        else if ([...e.key].length !== 1) burst = null;
        if (burst && [...e.key].length === 1) timer = window.setTimeout(endBurst, d.settleMs + 5);
        return;
      }
      if (step.kind === 'hold') {
        if (!burst?.inScanField) {
          e.preventDefault();
          e.stopPropagation();
        }
        timer = window.setTimeout(endBurst, d.settleMs + 5);
        return;
      }
      // a scan: the Enter does nothing else, and the field the burst started in gets its old value back
      e.preventDefault();
      e.stopPropagation();
      const b = burst;
      burst = null;
      let code = step.code;
      if (b?.inScanField && isTextField(b.target)) {
        // nothing was held in the scan field: all of it is the code, even characters that came in before a
        // pause longer than the burst gap (the burst alone would lose the start of the number)
        code = b.target.value.trim() || code;
        setFieldValue(b.target, '');
      } else if (b?.before && isTextField(b.target)) setFieldValue(b.target, b.before.value, b.before.start ?? undefined);
      handler.current(code, 'scanner');
    };

    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      endBurst();
    };
  }, [enabled]);
}
