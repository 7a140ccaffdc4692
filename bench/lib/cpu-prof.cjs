// Preload (`node -r ./bench/lib/cpu-prof.cjs`) that profiles the process from start until SIGTERM/SIGINT
// and writes a .cpuprofile to $CPU_PROF_DIR (default /tmp/prof) — Node's own --cpu-prof writes nothing
// when Nest's shutdown hook ends the process by re-raising the signal.
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.CPU_PROF_DIR || '/tmp/prof';
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
let written = false;
const write = () => {
  // Once only: Nest's shutdown hook re-raises the signal after closing, which must then end the process.
  process.removeListener('SIGTERM', write);
  process.removeListener('SIGINT', write);
  if (written) return;
  written = true;
  session.post('Profiler.stop', (err, res) => {
    if (err) return;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `api-${process.pid}.cpuprofile`), JSON.stringify(res.profile));
  });
};
process.prependListener('SIGTERM', write);
process.prependListener('SIGINT', write);
