// PDF rendering: a one-page decision with a warm renderer (target p99 ≤ 500 ms), a 30-page case file
// (target ≤ 5 s), and the renderer's memory. No database: the templates and the case-file assembly
// run on fixed data, as the API runs them after the issuing transaction.
import { PdfRenderer } from '../apps/api/src/modules/document/pdf-renderer.service';
import { renderCaseFile } from '../apps/api/src/modules/document/case-file.renderer';
import { currentTemplate, DocumentData } from '../apps/api/src/modules/document/templates';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);

const data: DocumentData = {
  unit: {
    header: '榕城市鼓楼区消费者权益保护中心',
    redHead: true,
    sealName: '榕城市鼓楼区消费者权益保护中心',
    phone: '0591-12315',
    address: null,
  },
  docNo: '榕鼓市监诉受〔2026〕17号',
  title: '投诉受理决定书',
  issuedOn: '2026年12月5日',
  case: {
    caseNo: 'GL-2026-000017',
    round: 1,
    kind: '投诉',
    channel: '12315电话',
    receivedOn: '2026年12月1日',
    registeredOn: '2026年12月1日',
    occurredOn: null,
    occurredPlace: null,
    category: '家用电器',
    amount: '2999.00',
    summary: '购买的空调三天后不制冷，商家拒绝退换。',
    demand: '退货退款',
    consentPublication: true,
    consentEntrustedMediation: true,
    handlerName: '张三',
    registeredByName: '李四',
  },
  consumer: { name: '王小明', phone: '13900001111', idNumber: '', address: '鼓楼区五四路 1 号' },
  respondent: { name: '某某电器有限公司', creditCode: '91350100M000100Y43', address: '', phone: '' },
  extra: { rejectGround: 'OUTSIDE_JURISDICTION', referralAuthority: '榕城市交通运输局', referralPhone: '12328' },
};

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  const r = new PdfRenderer();
  const tpl = currentTemplate('ACCEPTANCE_DECISION');
  const t0 = performance.now();
  const first = await r.render(tpl.build(data));
  console.log(
    `cold first render (fonts loaded): ${(performance.now() - t0).toFixed(0)} ms, ${first.bytes.length} bytes, ${first.pageCount} page`,
  );
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await r.render(tpl.build(data));
    times.push(performance.now() - t);
  }
  const p50 = pct(times, 50);
  const p99 = pct(times, 99);
  console.log(
    `one-page decision, warm, ${RUNS} runs: p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms — ${p99 <= 500 ? 'PASS' : 'MISS'} (p99 ≤ 500 ms)`,
  );

  // 30 pages: 8 documents (one of them the 3-copy agreement), records, a long timeline, evidence.
  const docs = await Promise.all(
    [
      'ACCEPTANCE_DECISION',
      'REJECTION_DECISION',
      'MEDIATION_NOTICE',
      'MEDIATION_AGREEMENT',
      'TERMINATION_DECISION',
      'EXTENSION_APPROVAL',
      'DISPATCH_NOTICE',
      'COMPLAINT_REGISTRATION',
    ].map(
      async (t) =>
        (await r.render(currentTemplate(t as never).build({ ...data, extra: { ...data.extra, terms: '退货退款' } })))
          .bytes,
    ),
  );
  const snap = {
    cover: {
      cause: '家用电器',
      acceptedOn: '2026年12月1日',
      result: '调解成功',
      handler: '张三',
      archivedOn: '2026年12月5日',
      retention: '10年',
    },
    documents: docs.map((_, i) => ({
      id: String(i),
      title: `文书${i + 1}`,
      docNo: `榕鼓市监诉〔2026〕${i + 1}号`,
      issuedOn: '2026年12月1日',
      supersededBy: null,
    })),
    records: [{ title: '分流', header: ['序', '时间', '去向'], rows: [['1', '2026-12-01 10:00', '鼓东街道站点']] }],
    timeline: Array.from({ length: 260 }, (_, i) => ({
      at: '2026-12-01 10:00',
      action: '办理记录',
      actor: '张三',
      note: `第${i + 1}次联系消费者，约定上门检测时间。`,
    })),
    evidence: Array.from({ length: 60 }, (_, i) => ({
      fileName: `照片${i + 1}.jpg`,
      size: '120 KB',
      sha256: 'a'.repeat(64),
      uploadedAt: '2026-12-01 10:00',
    })),
  };
  const t1 = performance.now();
  const file = await renderCaseFile(
    r,
    { ...data, title: '卷宗', docNo: null, extra: snap as never },
    'FULL',
    async (id) => docs[Number(id)],
  );
  const ms = performance.now() - t1;
  console.log(
    `case file: ${file.pageCount} pages in ${ms.toFixed(0)} ms, ${file.bytes.length} bytes — ${ms <= 5000 ? 'PASS' : 'MISS'} (≤ 5 s)`,
  );
  const mem = process.memoryUsage();
  console.log(
    `renderer memory: rss ${(mem.rss / 1e6).toFixed(0)} MB, heap used ${(mem.heapUsed / 1e6).toFixed(0)} MB, external ${(mem.external / 1e6).toFixed(0)} MB`,
  );
}

void main();
