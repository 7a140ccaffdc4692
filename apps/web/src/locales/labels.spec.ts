/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_TRANSITIONS, CaseEventAction, NotificationKind } from '@weiquan/shared/case';
import { zhCN } from './zh-CN';
import {
  ENUM_LABELS,
  RULE_LABELS,
  auditActionLabel,
  auditTargetLabel,
  notificationKindLabel,
  ruleLabel,
  timelineLabel,
} from './labels';

// The repository root (import.meta.url is not a file URL under happy-dom).
const repo = (p: string): string => resolve(__dirname, '../../../..', p);
const CHINESE = /[\u4e00-\u9fff]/;

/** `enum Name { A B }` blocks of the committed schema. */
function schemaEnums(): Map<string, string[]> {
  const sdl = readFileSync(repo('apps/api/schema.gql'), 'utf8');
  const enums = new Map<string, string[]>();
  for (const m of sdl.matchAll(/^enum (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const values = m[2]!
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(l));
    enums.set(m[1]!, values);
  }
  return enums;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(p) ? [p] : [];
  });
}

/** String literals the server writes as `action: '…'` / notification `kind: 'UPPER'`. */
function serverLiterals(pattern: RegExp): Set<string> {
  const found = new Set<string>();
  for (const dir of ['apps/api/src', 'apps/worker/src', 'libs/core/src']) {
    for (const file of sourceFiles(repo(dir))) {
      for (const m of readFileSync(file, 'utf8').matchAll(pattern)) found.add(m[1]!);
    }
  }
  return found;
}

describe('label dictionary', () => {
  it('has a Chinese label for every value of every enum in apps/api/schema.gql', () => {
    const enums = schemaEnums();
    expect(enums.size).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const [name, values] of enums) {
      const labels = (ENUM_LABELS as Record<string, Record<string, string> | undefined>)[name];
      for (const v of values) {
        const label = labels?.[v];
        if (!label || !CHINESE.test(label)) missing.push(`${name}.${v}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('labels every action of the transition table and every other timeline entry', () => {
    const actions = new Set([...CASE_TRANSITIONS.map((t) => t.action), ...Object.values(CaseEventAction)]);
    const missing = [...actions].filter((a) => !CHINESE.test(timelineLabel(a)) || timelineLabel(a) === '其他记录');
    expect(missing).toEqual([]);
  });

  it('labels every timeline action the server writes (action literals in api, worker and core)', () => {
    const written = serverLiterals(/\baction: '([a-z][A-Za-z]+)'/g);
    // Not timeline entries: a migration option and test fixtures.
    written.delete('each');
    expect(written.size).toBeGreaterThan(40);
    expect([...written].filter((a) => timelineLabel(a) === '其他记录')).toEqual([]);
  });

  // --- i11: the audit log ---
  it('labels every audit action and target type the server writes (AuditWriter.record calls)', () => {
    // AuditWriter.record(m, actor, action, …) and a step's services.audit(m, actor, action, …).
    const calls = serverLiterals(/(?:audit\.record|services\.audit)\(\s*[\w.]+,\s*\w+,\s*([^{]*?),\s*\{/g);
    const actions = new Set([...calls].flatMap((arg) => [...arg.matchAll(/'([^']+)'/g)].map((m) => m[1]!)));
    expect(actions.has('case.correct')).toBe(true);
    expect(actions.has('evidence.download')).toBe(true);
    expect([...actions].filter((a) => auditActionLabel(a) === '其他操作')).toEqual([]);
    const targets = serverLiterals(/\{\s*type: '([a-z_]+)', id:/g);
    expect(targets.has('legal_consultation')).toBe(true);
    expect([...targets].filter((t) => auditTargetLabel(t) === '其他对象')).toEqual([]);
  });

  it('labels every notification kind the server sends', () => {
    const kinds = serverLiterals(/\bkind: '([A-Z][A-Z_]+)',\s*\n\s*(?:title|body)/g);
    for (const k of Object.values(NotificationKind)) kinds.add(k);
    expect(kinds.has('RESULT_FEEDBACK')).toBe(true);
    expect([...kinds].filter((k) => notificationKindLabel(k) === '通知')).toEqual([]);
  });

  it('names every deadline rule of the default rule set', () => {
    const rules = readFileSync(repo('libs/core/src/deadline/default-rules.ts'), 'utf8');
    const codes = [...rules.matchAll(/\bcode: '([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((c) => !RULE_LABELS[c])).toEqual([]);
    expect(ruleLabel('ACCEPT_DECISION')).not.toMatch(/[A-Z_]{4}/);
  });

  it('keeps Latin capitals out of every message a page shows (no raw codes, no English)', () => {
    const offenders: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') {
        // Allowed: key hints (Ctrl/Alt/Enter/Tab), units, file formats and short abbreviations used in Chinese offices.
        const stripped = value.replace(/Ctrl|Alt|Enter|Tab|Esc|PDF|JPG|PNG|KB|MB|CMA|ID|URL|\{[^}]*\}|[A-Z]\b/g, '');
        if (/[A-Z]{2,}|[a-z]{4,}/.test(stripped)) offenders.push(`${path}: ${value}`);
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
      }
    };
    walk(zhCN, '');
    expect(offenders).toEqual([]);
  });
});
