import { existsSync } from 'node:fs';

/** One font face: a file, and for a collection (.ttc) the PostScript name of the face inside it. */
export type FontFace = string | [file: string, postscriptName: string];

// Font stacks, first present wins. GB/T 9704 asks for 仿宋_GB2312 (body) and 方正小标宋 (titles), which
// Debian cannot ship: a site drops its licensed fonts into /usr/local/share/fonts/weiquan/; otherwise
// Debian's Noto Serif CJK (fonts-noto-cjk, a Song style) and then AR PL UMing (fonts-arphic-uming).
const SITE = '/usr/local/share/fonts/weiquan';
const NOTO = '/usr/share/fonts/opentype/noto';
const STACKS: Record<string, FontFace[]> = {
  body: [
    `${SITE}/fangsong.ttf`,
    [`${NOTO}/NotoSerifCJK-Regular.ttc`, 'NotoSerifCJKsc-Regular'],
    ['/usr/share/fonts/truetype/arphic/uming.ttc', 'UMingCN'],
  ],
  title: [
    `${SITE}/xiaobiaosong.ttf`,
    [`${NOTO}/NotoSerifCJK-Bold.ttc`, 'NotoSerifCJKsc-Bold'],
    ['/usr/share/fonts/truetype/arphic/uming.ttc', 'UMingCN'],
  ],
  hei: [
    `${SITE}/heiti.ttf`,
    [`${NOTO}/NotoSansCJK-Bold.ttc`, 'NotoSansCJKsc-Bold'],
    [`${NOTO}/NotoSerifCJK-Bold.ttc`, 'NotoSerifCJKsc-Bold'],
  ],
  // Tick boxes ☑ ☐: the CJK fonts lack them.
  symbol: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'],
};

const fileOf = (f: FontFace) => (typeof f === 'string' ? f : f[0]);

/** The pdfmake font table from the first installed face of each stack; throws naming what to install. */
export function resolveFonts(exists: (p: string) => boolean = existsSync): Record<string, Record<string, FontFace>> {
  const pick = (name: string) => {
    const face = STACKS[name].find((f) => exists(fileOf(f)));
    if (!face)
      throw new Error(`文书字体缺失（${name}）：请安装 fonts-noto-cjk 或 fonts-arphic-uming，或将字体放入 ${SITE}/`);
    return face;
  };
  const table: Record<string, Record<string, FontFace>> = {};
  for (const name of Object.keys(STACKS)) {
    const face = pick(name);
    table[name] = { normal: face, bold: face, italics: face, bolditalics: face };
  }
  return table;
}
