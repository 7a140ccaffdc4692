const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** ISO timestamp → "2026/11/23 08:30" in Asia/Shanghai; '—' when empty. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : dateTimeFormat.format(date);
}

const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** ISO timestamp → "2026/11/23" in Asia/Shanghai; '—' when empty. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '—' : dateFormat.format(date);
}

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(value: Date | number): string {
  const shifted = new Date((typeof value === 'number' ? value : value.getTime()) + 8 * 3600_000);
  return shifted.toISOString().slice(0, 10);
}

/** Midnight (00:00 Asia/Shanghai) of a YYYY-MM-DD date, as an ISO instant. */
export function shanghaiMidnight(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

const DAY_MS = 86_400_000;

/**
 * One time format for every counter (absolute value; the caller shows the sign): seconds only in the
 * last day ("03:04:05"), whole days and hours beyond it ("2天3小时") so a long-overdue clock does not tick.
 */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY_MS) {
    const days = Math.floor(abs / DAY_MS);
    const hours = Math.floor((abs % DAY_MS) / 3_600_000);
    return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  }
  const total = Math.floor(abs / 1000);
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

const moneyFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Yuan amount → "1,234.50"; '—' when empty. */
export function formatMoney(value: number | null | undefined): string {
  return value == null ? '—' : moneyFormat.format(value);
}

/** Bytes → "12.3 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
