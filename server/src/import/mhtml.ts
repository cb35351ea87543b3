// MHTML (.mhtml, .mht): a web page saved with its resources as one MIME message. The
// page is its first text/html part, decoded from quoted-printable or base64.

/** The HTML part of an MHTML file and its declared charset; undefined when the bytes are not MIME. */
export function readMhtml(bytes: Uint8Array): { html: Uint8Array; charset?: string } | undefined {
  const head = latin1(bytes.subarray(0, 2048));
  if (!/^(?:[\w-]+:.*\r?\n(?:[ \t].*\r?\n)*)*?content-type:\s*multipart\//im.test(head) || !/^mime-version:/im.test(head)) return undefined;
  const all = latin1(bytes);
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(all)?.[1];
  if (!boundary) return undefined;
  for (const part of all.split(`--${boundary}`).slice(1)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index).replace(/\r?\n[ \t]+/g, ' ');
    if (!/^content-type:\s*text\/html/im.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const transfer = /^content-transfer-encoding:\s*([\w-]+)/im.exec(headers)?.[1].toLowerCase();
    const charset = /charset\s*=\s*"?([\w-]+)"?/i.exec(headers)?.[1];
    const html = transfer === 'base64' ? base64(body) : transfer === 'quoted-printable' ? quotedPrintable(body) : bytesOf(body);
    return { html, charset };
  }
  return undefined;
}

const latin1 = (b: Uint8Array) => { let s = ''; for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192)); return s; };
const bytesOf = (s: string) => Uint8Array.from(s, ch => ch.charCodeAt(0));
const base64 = (s: string) => bytesOf(atob(s.replace(/[^A-Za-z0-9+/=]/g, '')));
const quotedPrintable = (s: string) => bytesOf(s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
