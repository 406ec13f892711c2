/**
 * Renders the receipt previews (receiptline SVG) to PNG in headless Chromium, to look at the layout:
 *   npx tsx test/devices/render-preview.ts [out-dir]      (default: test-results/printer-preview)
 * Uses Debian's /usr/bin/chromium (never `npx playwright install`) and needs fonts-noto-cjk for Chinese.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { renderReceipt, testPage } from '../../src-main/devices/printer/receipt';
import { SAMPLE_MIXED, SAMPLE_RECEIPT, SAMPLE_VOID } from './samples';

const outDir = path.resolve(process.argv[2] ?? 'test-results/printer-preview');
fs.mkdirSync(outDir, { recursive: true });

const previews: Record<string, string> = {
  'receipt-58': renderReceipt(SAMPLE_RECEIPT, { width: 58 }).svg,
  'receipt-80-copy-qr': renderReceipt(SAMPLE_RECEIPT, { width: 80, copy: 2, qr: true }).svg,
  'void-58': renderReceipt(SAMPLE_VOID, { width: 58 }).svg,
  'mixed-58': renderReceipt(SAMPLE_MIXED, { width: 58 }).svg,
  'test-page-58': testPage(58, '2026-11-23T06:05:00Z').svg,
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [name, svg] of Object.entries(previews)) {
    // a paper-coloured page with a margin, the receipt at its printed size (1 px = 1 dot)
    await page.setContent(
      `<html><body style="margin:0;padding:16px;background:#ccc;display:inline-block"><div id="r" style="background:#fff;padding:8px;display:inline-block">${svg}</div></body></html>`,
    );
    const file = path.join(outDir, `${name}.png`);
    await page.locator('#r').screenshot({ path: file });
    console.log(file);
  }
} finally {
  await browser.close();
}
