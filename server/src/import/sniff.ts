// What a file is, from its first bytes: cheap tests with no library behind them, so that
// a registry can choose the importer to load (Word and Excel are zips told apart by their
// part names, which a zip stores uncompressed; pages by their markup).

/** The first `n` bytes, one character each, in one call: built a character at a time, the
 * sniffing of every file the CLI checks took a measurable share of its start-up (cold code). */
const ascii = (bytes: Uint8Array, n: number) => String.fromCharCode(...bytes.subarray(0, n));

export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Whether a zip names a part: the names are in its local headers and central directory, uncompressed. */
function zipHolds(bytes: Uint8Array, part: string): boolean {
  const name = Array.from(part, ch => ch.charCodeAt(0));
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let j = 0; j < name.length; j++) if (bytes[i + j] !== name[j]) continue outer;
    return true;
  }
  return false;
}

export const isDocx = (bytes: Uint8Array) => isZip(bytes) && zipHolds(bytes, 'word/document.xml');
export const isXlsx = (bytes: Uint8Array) => isZip(bytes) && zipHolds(bytes, 'xl/workbook.xml');
/** Word 97–2003 (.doc), Excel 97–2003 (.xls) and WPS files: an OLE2 compound file, to be saved as .docx/.xlsx first. */
export const isOle2 = (bytes: Uint8Array) => [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
export const isMhtml = (bytes: Uint8Array) => {
  const head = ascii(bytes, 4096);
  return /^mime-version:/im.test(head) && /^content-type:\s*multipart\/related/im.test(head);
};
/** A web page: markup in its first bytes (in an ASCII-compatible charset or UTF-16). */
export const isHtml = (bytes: Uint8Array) => {
  const head = ascii(bytes, 4096).replace(/\0/g, '');
  return /^(?:\s|\ufeff|ï»¿|þÿ|ÿþ)*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)[\s>]/i.test(head);
};
