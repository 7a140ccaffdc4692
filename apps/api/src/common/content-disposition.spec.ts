import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('keeps a plain ASCII name in both parameters', () => {
    expect(attachmentDisposition('receipt-01.pdf')).toBe(
      `attachment; filename="receipt-01.pdf"; filename*=UTF-8''receipt-01.pdf`,
    );
  });

  it('encodes a Chinese name as UTF-8 in filename* with an ASCII fallback', () => {
    const header = attachmentDisposition('购物小票 (1).jpg');
    expect(header).toBe(
      `attachment; filename="____ (1).jpg"; filename*=UTF-8''%E8%B4%AD%E7%89%A9%E5%B0%8F%E7%A5%A8%20%281%29.jpg`,
    );
    const star = /filename\*=UTF-8''(.+)$/.exec(header)![1];
    expect(decodeURIComponent(star)).toBe('购物小票 (1).jpg');
  });

  it('cannot be broken out of by quotes, backslashes or header injection', () => {
    const header = attachmentDisposition('a"b\\c\r\nX-Evil: 1.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(
      /^attachment; filename="a_b_c__X-Evil: 1.txt"; filename\*=UTF-8''a%22b%5Cc%0D%0AX-Evil%3A%201.txt$/,
    );
  });
});
