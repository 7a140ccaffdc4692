// Preloaded (-r, with --expose-gc) into the API and worker by bench/soak.bench.ts: every SOAK_MEM_MS it runs a
// full GC (so heapUsed is what the process retains, not the GC sawtooth) and prints the process's memory as
// one `[soak-mem] {json}` line on stderr, which the bench reads (heap is only visible inside the process).
const ms = Number(process.env.SOAK_MEM_MS || 10000);
setInterval(() => {
  if (typeof global.gc === 'function') global.gc();
  const m = process.memoryUsage();
  process.stderr.write(`[soak-mem] ${JSON.stringify({ pid: process.pid, rss: m.rss, heapUsed: m.heapUsed })}\n`);
}, ms).unref();
