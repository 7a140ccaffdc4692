import { existsSync } from 'node:fs';

/** One font face: a file, and for a collection (.ttc) the PostScript name of the face inside it. */
export type FontFace = string | [file: string, postscriptName: string];

// Font stacks, first present wins. GB/T 9704 asks for 仿宋_GB2312 (body) and 方正小标宋 (titles), which
// Debian cannot ship: a site drops its licensed fonts into /usr/local/share/fonts/weiquan/; otherwise
// AR PL UMing CN (fonts-arphic-uming, a Ming/Song face), then Noto Serif/Sans CJK (fonts-noto-cjk).
// UMing comes first by measurement (bench/README.md): pdfkit parses the font for every document, and
// Noto CJK's large OpenType tables made a one-page decision 3.5× slower (p50 906 vs 254 ms under load),
// 4× larger (152 vs 34 KB) and tripled the process's memory.
const SITE = '/usr/local/share/fonts/weiquan';
const NOTO = '/usr/share/fonts/opentype/noto';
const UMING: FontFace = ['/usr/share/fonts/truetype/arphic/uming.ttc', 'UMingCN'];
const STACKS: Record<string, FontFace[]> = {
  body: [`${SITE}/fangsong.ttf`, UMING, [`${NOTO}/NotoSerifCJK-Regular.ttc`, 'NotoSerifCJKsc-Regular']],
  title: [`${SITE}/xiaobiaosong.ttf`, UMING, [`${NOTO}/NotoSerifCJK-Bold.ttc`, 'NotoSerifCJKsc-Bold']],
  hei: [`${SITE}/heiti.ttf`, UMING, [`${NOTO}/NotoSansCJK-Bold.ttc`, 'NotoSansCJKsc-Bold']],
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
