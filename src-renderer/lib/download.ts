export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Saves bytes main returned (base64) as a file: a download, in the browser host and in Electron alike. The
 * link is in the page for the click (some browsers ignore a click on a detached one) and the object URL is
 * let go a little later, once the download has taken it.
 */
export function download(fileName: string, base64: string, type: string = XLSX_TYPE): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
