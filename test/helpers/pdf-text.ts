/**
 * Text of a PDF made by jsPDF (uncompressed content streams, built-in fonts, WinAnsiEncoding):
 * the strings of its Tj/TJ operators in order, one per line, decoded to Unicode; plus the Info
 * dictionary's Title and Author and the catalog's Lang. Small and pure-JS on purpose: the test
 * reads what a text extractor reads, not the file's size.
 */
const WIN_ANSI: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ',
  0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›',
  0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

function decodeLiteral(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length - 1;
    } else out += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[n] ?? n;
  }
  return [...out].map((ch) => WIN_ANSI[ch.charCodeAt(0)] ?? ch).join('');
}

const LITERAL = /\(((?:\\.|[^\\)])*)\)/g;

export function pdfText(bytes: Uint8Array): { lines: string[]; text: string; title: string; author: string; lang: string } {
  // Byte by byte (Latin-1), in Node and in the browser alike.
  const src = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  const lines: string[] = [];
  for (const m of src.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    for (const op of m[1].matchAll(/(\((?:\\.|[^\\)])*\))\s*Tj|\[((?:\((?:\\.|[^\\)])*\)|[^\]])*)\]\s*TJ/g)) {
      if (op[1]) lines.push(decodeLiteral(op[1].slice(1, -1)));
      else lines.push([...op[2].matchAll(LITERAL)].map((s) => decodeLiteral(s[1])).join(''));
    }
  }
  const info = (key: string) => {
    const m = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(src);
    return m ? decodeLiteral(m[1]) : '';
  };
  return { lines, text: lines.join('\n'), title: info('Title'), author: info('Author'), lang: info('Lang') };
}
