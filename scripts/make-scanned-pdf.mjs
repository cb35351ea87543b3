// Writes test/fixtures/import/scanned.pdf: a one-page PDF holding only an image (a page as a
// scanner makes it: pixels, no text layer), to test that the PDF importer refuses it.
// `node scripts/make-scanned-pdf.mjs`. The image is a few dark bars on white, 64×48 grey pixels.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const W = 64, H = 48;
const pixels = Buffer.alloc(W * H, 0xff);
for (let y = 8; y < H - 8; y += 6) for (let x = 6; x < W - 6 - (y % 12); x++) { pixels[y * W + x] = 0x20; pixels[(y + 1) * W + x] = 0x20; }
const image = deflateSync(pixels);
const content = Buffer.from('q 595 0 0 842 0 0 cm /Im1 Do Q\n');

const objects = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
  [`<< /Type /XObject /Subtype /Image /Width ${W} /Height ${H} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>`, image],
  [`<< /Length ${content.length} >>`, content],
];
const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
const offsets = [];
let length = parts[0].length;
objects.forEach((o, i) => {
  const body = Array.isArray(o)
    ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n${o[0]}\nstream\n`), o[1], Buffer.from('\nendstream\nendobj\n')])
    : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`);
  offsets.push(length);
  parts.push(body);
  length += body.length;
});
const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
writeFileSync(new URL('../test/fixtures/import/scanned.pdf', import.meta.url), Buffer.concat(parts));
