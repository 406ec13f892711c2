import http from 'node:http';
import https from 'node:https';

/** What came back from head office, or why nothing did. Never throws. */
export type PostResult =
  | { kind: 'answer'; status: number; body: string; headers: Record<string, string | string[] | undefined> }
  | { kind: 'timeout' }
  | { kind: 'network'; error: string };

/** One POST with a deadline for the whole exchange (connect, send, answer). HTTPS, or HTTP to loopback only. */
export function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostResult> {
  return new Promise((resolve) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      resolve({ kind: 'network', error: '上报地址格式不对' });
      return;
    }
    const lib = u.protocol === 'https:' ? https : http;
    let settled = false;
    const done = (r: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = lib.request(
      u,
      { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= 64 * 1024) chunks.push(c);
        });
        res.on('end', () => done({ kind: 'answer', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', (e) => done({ kind: 'network', error: e.message }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ kind: 'timeout' });
    }, timeoutMs);
    req.on('error', (e) => done({ kind: 'network', error: e.message }));
    req.end(body);
  });
}

/** Only https://, except plain http:// to this machine (the development receiver). */
export function checkUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '上报地址格式不对：应为 https://… 的完整地址';
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) return null;
  return '上报地址必须是 https://（只有本机测试接收端可以用 http://127.0.0.1）';
}
