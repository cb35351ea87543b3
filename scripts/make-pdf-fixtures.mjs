// Writes the PDFs the importer must refuse, into test/fixtures/import/:
// - scanned.pdf: one page holding only an image (a page as a scanner makes it: pixels, no
//   text layer); the image is a few dark bars on white, 64×48 grey pixels;
// - encrypted.pdf: one page of text behind a user password (the standard security handler,
//   revision 3; the password check cannot pass without it, so nothing is decrypted).
// `node scripts/make-pdf-fixtures.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const W = 64, H = 48;
const pixels = Buffer.alloc(W * H, 0xff);
for (let y = 8; y < H - 8; y += 6) for (let x = 6; x < W - 6 - (y % 12); x++) { pixels[y * W + x] = 0x20; pixels[(y + 1) * W + x] = 0x20; }
const image = deflateSync(pixels);
const content = Buffer.from('q 595 0 0 842 0 0 cm /Im1 Do Q\n');

/** A PDF file of these objects (1 is the catalog), with a correct cross-reference table. */
function pdf(objects, trailerExtra = '') {
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
parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`));
return Buffer.concat(parts);
}

const out = name => new URL(`../test/fixtures/import/${name}`, import.meta.url);

writeFileSync(out('scanned.pdf'), pdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
  [`<< /Type /XObject /Subtype /Image /Width ${W} /Height ${H} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>`, image],
  [`<< /Length ${content.length} >>`, content],
]));

// O and U are fixed bytes that no empty password produces: a reader must ask for the password.
const hex = n => Array.from({ length: n }, (_, i) => ((i * 37 + 11) & 0xff).toString(16).padStart(2, '0')).join('');
const text = Buffer.from('BT /F1 24 Tf 72 720 Td (secret) Tj ET\n');
writeFileSync(out('encrypted.pdf'), pdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Contents 4 0 R >>',
  [`<< /Length ${text.length} >>`, text],
  `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <${hex(32)}> /U <${hex(32)}> >>`,
], `/Encrypt 5 0 R /ID [<${hex(16)}> <${hex(16)}>] `));
