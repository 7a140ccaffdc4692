import { cleanFileName, matchesSignature, normalizeMimeType, resolveContentType } from './evidence-file.policy';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(62),
  Buffer.from('This program cannot be run in DOS mode.'),
]);
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
const ALLOWED = new Set([
  'image/png',
  'image/jpeg',
  'application/pdf',
  'text/plain',
  'audio/wav',
  'application/x-custom',
]);

describe('evidence file policy', () => {
  it('normalises declared types: case, parameters and aliases', () => {
    expect(normalizeMimeType('Image/PNG')).toBe('image/png');
    expect(normalizeMimeType('text/plain; charset=utf-8')).toBe('text/plain');
    expect(normalizeMimeType('image/jpg')).toBe('image/jpeg');
    expect(normalizeMimeType('audio/x-wav')).toBe('audio/wav');
    expect(normalizeMimeType(undefined)).toBe('');
  });

  it('allows only configured types, falling back to the extension for application/octet-stream', () => {
    expect(resolveContentType('image/png', 'a.png', ALLOWED)).toBe('image/png');
    expect(resolveContentType('application/x-msdownload', 'a.exe', ALLOWED)).toBeNull();
    expect(resolveContentType('application/octet-stream', '小票.PDF', ALLOWED)).toBe('application/pdf');
    expect(resolveContentType('application/octet-stream', 'setup.exe', ALLOWED)).toBeNull();
    expect(resolveContentType('', 'noext', ALLOWED)).toBeNull();
    // the extension does not override a specific declared type
    expect(resolveContentType('application/zip', 'x.png', ALLOWED)).toBeNull();
  });

  it('accepts bytes that fit the type', () => {
    expect(matchesSignature('image/png', PNG)).toBe(true);
    expect(matchesSignature('image/jpeg', JPEG)).toBe(true);
    expect(matchesSignature('application/pdf', Buffer.from('%PDF-1.7\n%âãÏÓ'))).toBe(true);
    expect(matchesSignature('application/pdf', Buffer.concat([Buffer.alloc(100, 0x20), Buffer.from('%PDF-1.4')]))).toBe(
      true,
    );
    expect(matchesSignature('audio/wav', Buffer.from('RIFF\x24\x08\x00\x00WAVEfmt ', 'latin1'))).toBe(true);
    expect(matchesSignature('video/mp4', Buffer.from('\x00\x00\x00\x20ftypisom', 'latin1'))).toBe(true);
    expect(matchesSignature('audio/mpeg', Buffer.from('ID3\x04\x00', 'latin1'))).toBe(true);
    expect(matchesSignature('text/plain', Buffer.from('消费者于 2026 年购买', 'utf8'))).toBe(true);
  });

  it('refuses an executable whatever type it claims, and bytes of another type', () => {
    for (const type of [
      'image/png',
      'image/jpeg',
      'application/pdf',
      'text/plain',
      'application/x-custom',
      'image/webp',
    ]) {
      expect(matchesSignature(type, EXE)).toBe(false);
      expect(matchesSignature(type, ELF)).toBe(false);
    }
    expect(matchesSignature('image/png', JPEG)).toBe(false);
    expect(matchesSignature('application/pdf', PNG)).toBe(false);
    expect(matchesSignature('image/png', Buffer.alloc(0))).toBe(false);
  });

  it('cleans file names: path segments, control and bidi characters, length', () => {
    expect(cleanFileName('C:\\Users\\张三\\购物小票.jpg')).toBe('购物小票.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('inv\u202Egnp.exe')).toBe('invgnp.exe');
    expect(cleanFileName('a\r\nb.txt')).toBe('ab.txt');
    expect(cleanFileName('   ')).toBe('file');
    expect(cleanFileName(undefined)).toBe('file');
    const long = cleanFileName(`${'证'.repeat(300)}.pdf`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});
